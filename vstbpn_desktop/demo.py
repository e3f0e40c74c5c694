"""Sample data so a newcomer can try everything.

In the province profile (89) it reproduces An Giang's report for the first half of 2023
(shared/domain/an-giang-2023-h1-report.txt) as printed: 2.302 leaders of whom 584 women (25,36 %,
truncated), 780 sessions for 25.120 participants, the guidance it received (03/UBQG-VP), the
documents it cites, its text word for word (tests/test_report_sample.py names every difference).
In a district profile it makes plausible, smaller figures for that district, derived from the
unit code so they differ between districts but are the same on every run.
"""

import random
from datetime import date, timedelta

from sqlmodel import select

from .catalogue import FIGURES_MARK, indicators
from .errors import Refused
from .periods import Period
from .profile import Profile
from .records import Scope, add_activity, add_document, set_indicator_values, set_narrative
from .storage.database import session_scope
from .storage.models import Activity, Document, IndicatorValue, Narrative
from .text import unit_in_sentence

SAMPLE_PERIOD = Period(2023, 1)

NARRATIVES_2023H1 = {
    "documents": (
        "Trên cơ sở các văn bản chỉ đạo của cấp trên, Ban VSTBPN và BĐG tỉnh đã ban hành nhiều văn bản "
        "chỉ đạo và triển khai thực hiện trong đó có Kế hoạch số 58/KH-UBND ngày 02 tháng 02 năm 2023 "
        "của Ủy ban nhân dân tỉnh An Giang về việc thực hiện công tác Vì sự tiến bộ của phụ nữ và bình "
        "đẳng giới năm 2023. Ngoài ra, Sở Lao động - Thương binh và Xã hội (là cơ quan thường trực của "
        "Ban VSTBPN và BĐG tỉnh) chủ động đề xuất phối hợp các thành viên của Ban VSTBPN và BĐG tỉnh ký "
        "các kế hoạch phối hợp để thực hiện công tác BĐG, VSTBPN năm 2023. Bên cạnh đó các sở, ban, "
        "ngành, đoàn thể và địa phương đã chủ động xây dựng và triển khai các Chương trình, Kế hoạch, "
        "công văn,… thực hiện các mục tiêu, chỉ tiêu VSTBPN, BĐG và lồng ghép các nội dung vào kế hoạch "
        "chung của ngành tại đơn vị, địa phương."
    ),
    "communication": "\n".join(
        [
            "Các ban, ngành, đoàn thể tổ chức hoạt động tuyên truyền, tập huấn nâng cao năng lực cho cán bộ, "
            "người làm công tác bình đẳng giới và người dân trong cộng đồng.",
            FIGURES_MARK,
            "Đặc biệt phối hợp với Đài Phát thanh - Truyền hình An Giang thực hiện chuyên mục “Vì sự tiến bộ "
            "phụ nữ và bình đẳng giới” trên sóng Đài Phát thanh - Truyền hình An Giang 05 chuyên mục/năm "
            "(ngày chủ nhật tuần thứ 2 của tháng), thời lượng dưới 10 phút/chuyên mục nhằm đẩy mạnh công tác "
            "tuyên truyền về VSTBPN và BĐG trên mạng xã hội, các phương tiện thông tin đại chúng nội dung "
            "chú trọng việc tuyên truyền về nâng cao nhận thức, thay đổi hành vi, đẩy lùi tư tưởng định kiến "
            "giới, đẩy lùi tình trạng bạo lực trên cơ sở giới, trong đó có vấn đề xâm hại tình dục đối với "
            "phụ nữ và trẻ em gái.",
        ]
    ),
    "female_cadres": (
        "Thường xuyên quan tâm cử nữ công chức, viên chức tiềm năng tham gia các lớp bồi dưỡng, tập huấn "
        "kiến thức, kỹ năng quản lý, lãnh đạo nhằm tăng cường sự tham gia của phụ nữ trong lĩnh vực "
        "chính trị. Nhìn chung, công tác cán bộ nữ được các cấp ủy đảng, chính quyền, đoàn thể các cấp, "
        "các ngành chú trọng hơn từ khâu quy hoạch đào tạo, bồi dưỡng đến khâu bố trí, đề bạt cán bộ nữ "
        "nhất là cán bộ trẻ, cán bộ người dân tộc thiểu số. Đội ngũ cán bộ nữ lãnh đạo, quản lý trong cơ "
        "quan, đơn vị nhất là cấp phó phòng khá dồi dào và có triển vọng phát triển tốt."
    ),
    "violence": (
        "Tiếp tục tổ chức triển khai thực hiện Kế hoạch số 253/KH-UBND ngày 18/5/2021 của UBND tỉnh An "
        "Giang ban hành Kế hoạch thực hiện Chương trình Phòng ngừa và ứng phó với bạo lực trên cơ sở "
        "giới giai đoạn 2021 - 2025 trên địa bàn tỉnh An Giang. Ngoài ra, đường dây nóng 18008077, Tổng "
        "trẻ em 111 Trung tâm Công tác Xã hội - Quỹ bảo trợ trẻ em tỉnh An Giang kết nối bảo vệ, hỗ trợ "
        "tiếp nhận thông tin về mua bán phụ nữ và phòng chống bạo lực gia đình,..."
    ),
    "achievements": (
        "Kết quả đạt được trong sáu tháng đầu năm đó là nhờ vào sự quan tâm, chỉ đạo của Tỉnh ủy, Hội "
        "đồng nhân dân, UBND tỉnh chỉ đạo các sở, ban, ngành, đoàn thể tỉnh và UBND các huyện, thị xã, "
        "thành phố triển khai thực hiện công tác VSTBPN và BĐG xem đây là nhiệm vụ quan trọng trong phát "
        "triển mọi mặt của tỉnh với chức năng, nhiệm vụ được giao các sở, ban, ngành, đoàn thể tỉnh và "
        "UBND các huyện, thị xã, thành phố đều xây dựng kế hoạch và tổ chức triển khai thực hiện các "
        "hoạt động VSTBPN và BĐG."
    ),
    "difficulties": (
        "Tuy nhiên, vẫn còn nhiều khó khăn để triển khai công tác này đạt được hiệu quả cao hơn trong "
        "thời gian tới: một số đơn vị, địa phương còn mang tính hình thức, chưa được quan tâm lồng ghép "
        "vào trong các hoạt động để đạt được hiệu quả mong muốn; Công tác tuyên truyền, phổ biến pháp "
        "luật về bình đẳng giới đã được đẩy mạnh tuy nhiên chưa sâu còn hạn chế về tài liệu, ngôn ngữ "
        "đối với một bộ phận người dân vùng sâu, vùng xa, vùng đồng bào dân tộc thiểu số, tôn giáo, Công "
        "tác kiểm tra hoạt động VSTBPN và BĐG chưa được duy trì thường xuyên; Về đội ngũ người làm công "
        "tác VSTBPN và BĐG tại các sở, ban, ngành, địa phương thường xuyên thay đổi và phần lớn kiêm "
        "nhiệm nên hạn chế về kiến thức, kinh nghiệm trong triển khai thực hiện và tham mưu công tác "
        "bình đẳng giới tại các địa phương."
    ),
    "directions": "\n".join(
        [
            "Để thực hiện đạt các chỉ tiêu kế hoạch đề ra trong năm 2023, cần quan tâm triển khai các hoạt động sau:",
            "Tiếp tục, triển khai, thực hiện Chiến lược quốc gia về bình đẳng giới giai đoạn 2021-2030, "
            "Chương trình phòng ngừa, ứng phó với bạo lực trên cơ sở giới giai đoạn 2021-2025, Chương trình "
            "truyền thông về bình đẳng giới đến năm 2030 và các chương trình, đề án có liên quan.",
            "Tăng cường tuyên truyền, phổ biến, giáo dục chính sách, pháp luật về bình đẳng giới. Cụ thể, "
            "tiếp tục đẩy mạnh truyền thông về các chủ trương, chính sách, pháp luật của Đảng và Nhà nước về "
            "bình đẳng giới, vì sự tiến bộ của phụ nữ và phòng ngừa, ứng phó với bạo lực trên cơ sở giới; "
            "các mục tiêu, chỉ tiêu của Chiến lược quốc gia về bình đẳng giới giai đoạn 2021-2030 và chương "
            "trình, đề án thúc đẩy bình đẳng giới và phòng ngừa, ứng phó với bạo lực trên cơ sở giới có liên "
            "quan; các vấn đề về bình đẳng giới trong các lĩnh vực mới như biến đổi khí hậu, chuyển đổi số, "
            "vận động việc lập ngân sách có trách nhiệm giới,...",
            "Tiếp đó, xây dựng kế hoạch, tổ chức thực hiện Tháng hành động Vì bình đẳng giới và phòng ngừa, "
            "ứng phó với bạo lực trên cơ sở giới năm 2023 hiệu quả, sáng tạo, phù hợp điều kiện, tình hình "
            "cụ thể của bộ, ngành, địa phương.",
            "Nâng cao năng lực và hiệu quả quản lý nhà nước về bình đẳng giới.",
            "Tăng cường kiểm tra, thanh tra, xử lý nghiêm các vi phạm về bình đẳng giới; kịp thời xác minh, "
            "báo cáo những vấn đề, vụ việc liên quan đến công tác bình đẳng giới, bạo lực trên cơ sở giới "
            "cho cơ quan nhà nước có thẩm quyền để phối hợp giải quyết.",
            "Khuyến khích thí điểm xây dựng và vận hành các sáng kiến, mô hình thúc đẩy bình đẳng giới và "
            "phòng ngừa, ứng phó với bạo lực trên cơ sở giới.",
            "Thực hiện nghiêm chế độ thông tin, báo cáo về công tác bình đẳng giới, bảo đảm chất lượng và "
            "thời hạn của báo cáo theo yêu cầu.",
            "Khen thưởng, biểu dương kịp thời các cá nhân, đơn vị có thành tích xuất sắc trong công tác bình "
            "đẳng giới và phòng ngừa, ứng phó với bạo lực trên cơ sở giới.",
        ]
    ),
}

# (number, date, issuer, kind, title, direction). 03/UBQG-VP is the guidance the province received
# (the report opens "Thực hiện Công văn số 03/UBQG-VP …"); 253 and 1048 are of 2021, still in force.
PROVINCE_DOCUMENTS = [
    (
        "58/KH-UBND",
        date(2023, 2, 2),
        "UBND tỉnh An Giang",
        "plan",
        "Kế hoạch thực hiện công tác Vì sự tiến bộ của phụ nữ và bình đẳng giới năm 2023",
        "issued",
    ),
    (
        "03/UBQG-VP",
        date(2023, 3, 16),
        "Ủy ban quốc gia vì sự tiến bộ của phụ nữ Việt Nam",
        "official_letter",
        "Hướng dẫn hoạt động năm 2023",
        "received",
    ),
    (
        "112/KH-SLĐTBXH",
        date(2023, 3, 1),
        "Sở Lao động - Thương binh và Xã hội",
        "plan",
        "Kế hoạch phối hợp thực hiện công tác bình đẳng giới, vì sự tiến bộ của phụ nữ năm 2023",
        "issued",
    ),
    (
        "238/QĐ-UBND",
        date(2023, 2, 20),
        "UBND tỉnh An Giang",
        "decision",
        "Giao chỉ tiêu công tác cán bộ nữ năm 2023",
        "issued",
    ),
    (
        "253/KH-UBND",
        date(2021, 5, 18),
        "UBND tỉnh An Giang",
        "plan",
        "Kế hoạch thực hiện Chương trình Phòng ngừa và ứng phó với bạo lực trên cơ sở giới giai đoạn 2021 - 2025",
        "issued",
    ),
    (
        "1048/QĐ-UBND",
        date(2021, 5, 18),
        "UBND tỉnh An Giang",
        "decision",
        "Ban hành Kế hoạch thực hiện Chiến lược quốc gia về bình đẳng giới giai đoạn 2021 - 2030 trên địa bàn tỉnh",
        "issued",
    ),
]

# The events an office holds: (kind, title, sessions, participants per session (low, high), place).
# Sessions and attendance as such events have them: a conference is one sitting of a hundred-odd
# people, a training two days of forty to sixty, a communication session a village hall.
EVENTS = [
    ("conference", "Hội nghị triển khai Kế hoạch công tác bình đẳng giới năm 2023", 1, (90, 140), "Hội trường UBND"),
    ("training", "Tập huấn lồng ghép giới trong xây dựng kế hoạch", 2, (35, 55), "Hội trường UBND"),
    ("communication", "Tuyên truyền Luật Bình đẳng giới", 3, (60, 110), "Nhà văn hóa ấp"),
    ("communication", "Tuyên truyền phòng, chống bạo lực gia đình", 2, (60, 120), "Nhà văn hóa ấp"),
    ("training", "Tập huấn kỹ năng lãnh đạo, quản lý cho nữ cán bộ", 2, (30, 45), "Trường Chính trị"),
    ("communication", "Tuyên truyền phòng, chống mua bán người", 2, (70, 130), "Nhà văn hóa ấp"),
    ("communication", "Nói chuyện chuyên đề phòng, chống xâm hại tình dục trẻ em gái", 1, (150, 300), "Trường THCS"),
    (
        "conference",
        "Tọa đàm vai trò của phụ nữ trong phát triển kinh tế hộ gia đình",
        1,
        (50, 80),
        "Hội Liên hiệp Phụ nữ",
    ),
    ("training", "Tập huấn Chương trình truyền thông về bình đẳng giới đến năm 2030", 1, (40, 60), "Hội trường UBND"),
    ("communication", "Tuyên truyền Luật Phòng, chống bạo lực gia đình năm 2022", 2, (60, 120), "Trạm Y tế xã"),
]


def _weekday_on_or_after(day: date) -> date:
    while day.weekday() >= 5:  # offices hold events Monday to Friday
        day += timedelta(days=1)
    return day


def _second_sunday(year: int, month: int) -> date:
    first = date(year, month, 1)
    return first + timedelta(days=(6 - first.weekday()) % 7 + 7)


def _communication(rng: random.Random, period: Period, count: int) -> list[dict]:
    """`count` events of the period on working days, in date order, each as such an event is."""
    days = (period.end - period.start).days
    dates = sorted(_weekday_on_or_after(period.start + timedelta(days=rng.randint(0, days - 3))) for _ in range(count))
    rows = []
    for i, day in enumerate(dates):
        kind, title, sessions, (low, high), place = EVENTS[i % len(EVENTS)]
        people = sessions * rng.randint(low, high)
        rows.append(
            {
                "date": day,
                "kind": kind,
                "title": title,
                "sessions": sessions,
                "participants": people,
                "female_participants": round(people * rng.uniform(0.5, 0.75)),
                "place": place,
            }
        )
    return rows


def _media(period: Period, months: list[int], channel: str) -> list[dict]:
    """The radio column, aired on the second Sunday of the month as the sample says."""
    return [
        {
            "date": _second_sunday(period.year, month),
            "kind": "media",
            "title": f"Chuyên mục “Vì sự tiến bộ phụ nữ và bình đẳng giới” trên sóng {channel}",
            "sessions": 1,
            "participants": 0,
            "female_participants": 0,
            "place": channel,
            "notes": "Chủ nhật tuần thứ 2 của tháng, dưới 10 phút",
        }
        for month in months
    ]


def load_demo(profile: Profile) -> dict[str, int]:
    """Load the sample data into an empty profile; refuse if it already holds records.

    The figures are typed as whole-area figures (coverage "area", figures.py): the sample's
    2.302 leaders are "các cấp", the whole province, so a district's bundle imported later stands
    beside them for checking and is never added to them."""
    code = profile.org_unit_code
    with session_scope(profile.engine) as session:
        for model in (Activity, Document, IndicatorValue, Narrative):
            if session.exec(select(model.id).where(model.org_unit_code == code)).first() is not None:
                raise Refused("hồ sơ đã có dữ liệu; dữ liệu mẫu chỉ nạp vào hồ sơ trống")
    unit = profile.org_unit()
    assert unit is not None, "a profile's own unit is in its tree (Profile.create checks it)"
    author = profile.author or "Dữ liệu mẫu"
    rng = random.Random(int(code))
    scope = Scope(code, SAMPLE_PERIOD)
    previous = Scope(code, Period(2022, 1))
    in_text = unit_in_sentence(unit.name)
    if unit.type == "province":
        # The sample's figures; 780 sessions and 25.120 attendances are the whole province's ("các ban,
        # ngành, đoàn thể"), beside the province's own events recorded below.
        indicators_now = {
            "LEADERS_TOTAL": 2302,
            "LEADERS_FEMALE": 584,
            "COMM_SESSIONS": 780,
            "COMM_PARTICIPANTS": 25_120,
        }
        # 516 / 2.250 = 22,93 %: the sample's "tăng 2,43" against 25,36 % (both truncated).
        indicators_before = {"LEADERS_TOTAL": 2250, "LEADERS_FEMALE": 516}
        activities = _communication(rng, SAMPLE_PERIOD, 12)
        documents = PROVINCE_DOCUMENTS
        texts = NARRATIVES_2023H1
        # The sample truncates shares (25,369 → 25,36) and cites the decision that set the target.
        profile.settings.target_basis = {"LEADERS_FEMALE_PCT": "Quyết định số 238/QĐ-UBND"}
    else:
        leaders = rng.randint(150, 260)
        women = int(leaders * rng.uniform(0.2, 0.3))
        # The district's own People's Committee and each commune's.
        committees = 1 + (len(profile.children(code)) or rng.randint(7, 18))
        victims = rng.randint(3, 12)
        perpetrators = rng.randint(2, 10)
        indicators_now = {
            "LEADERS_TOTAL": leaders,
            "LEADERS_FEMALE": women,
            "KEYLEADER_UNITS_TOTAL": committees,
            "KEYLEADER_UNITS_FEMALE": rng.randint(2, committees),
            "HOTLINE_CONTACTS": rng.randint(5, 30),
            "GBV_VICTIMS_DETECTED": victims,
            "GBV_VICTIMS_SUPPORTED": rng.randint(1, victims),
            "GBV_PERPETRATORS_DETECTED": perpetrators,
            "GBV_PERPETRATORS_COUNSELLED": rng.randint(1, perpetrators),
        }
        indicators_before = {"LEADERS_TOTAL": leaders - rng.randint(0, 10), "LEADERS_FEMALE": women - rng.randint(2, 8)}
        activities = _communication(rng, SAMPLE_PERIOD, 12)
        activities += _media(SAMPLE_PERIOD, [3, 5], "Đài Truyền thanh " + in_text)
        issuer = f"UBND {in_text}"
        documents = [
            PROVINCE_DOCUMENTS[0][:5] + ("received",),
            (
                f"{rng.randint(10, 99)}/KH-UBND",
                date(2023, 2, 15),
                issuer,
                "plan",
                "Kế hoạch thực hiện công tác Vì sự tiến bộ của phụ nữ và bình đẳng giới năm 2023",
                "issued",
            ),
        ]
        texts = {
            "achievements": f"Ban VSTBPN và BĐG {in_text} đã ban hành kế hoạch năm, tổ chức tuyên truyền, "
            "tập huấn đến các xã, phường, thị trấn; các chỉ tiêu 6 tháng đầu năm cơ bản đạt kế hoạch.",
            "difficulties": "Cán bộ làm công tác bình đẳng giới ở cấp xã phần lớn kiêm nhiệm, thay đổi thường xuyên.\n"
            "Kinh phí cho hoạt động tuyên truyền còn hạn chế.",
            "directions": "Tổ chức Tháng hành động vì bình đẳng giới năm 2023.\n"
            "Tăng cường kiểm tra, giám sát việc thực hiện các chỉ tiêu bình đẳng giới ở cấp xã.",
        }
    profile.settings.share_rounding = "truncate"
    profile.save_settings()
    # A yearly indicator (catalogue `frequency` "year": the key-leader units) is entered in the year's
    # period, where the window asks it; the half-year's report and bundle carry the half-yearly ones.
    catalogue = indicators()
    yearly = {c: v for c, v in indicators_now.items() if catalogue[c].frequency == "year"}
    halfly = {c: v for c, v in indicators_now.items() if c not in yearly}
    for at, values in ((scope, halfly), (Scope(code, Period(SAMPLE_PERIOD.year)), yearly)):
        if values:
            set_indicator_values(profile.engine, at, values, author, coverage=dict.fromkeys(values, "area"))
    set_indicator_values(
        profile.engine, previous, indicators_before, author, coverage=dict.fromkeys(indicators_before, "area")
    )
    for raw in activities:
        add_activity(profile.engine, scope, raw, author)
    for number, day, issuer, kind, title, direction in documents:
        doc_scope = Scope(code, Period(day.year, 1 if day.month <= 6 else 2))
        add_document(
            profile.engine,
            doc_scope,
            {"number": number, "date": day, "issuer": issuer, "kind": kind, "title": title, "direction": direction},
            author,
        )
    for section, text in texts.items():
        set_narrative(profile.engine, scope, section, text, author)
    return {
        "activities": len(activities),
        "documents": len(documents),
        "indicators": len(indicators_now) + len(indicators_before),
        "narratives": len(texts),
    }
