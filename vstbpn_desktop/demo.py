"""Sample data so a newcomer can try everything.

In the province profile (89) it reproduces An Giang's report for the first half of 2023
(shared/domain/an-giang-2023-h1-report.txt): 2.302 leaders of whom 584 women, 780 sessions
for over 25.000 participants, the documents it cites, its narrative. In a district profile it
makes plausible, smaller figures for that district, derived from the unit code so they differ
between districts but are the same on every run.
"""

import random
from datetime import date, timedelta

from sqlmodel import select

from .errors import Refused
from .periods import Period
from .profile import Profile
from .records import Scope, add_activity, add_document, set_indicator_values, set_narrative
from .storage.database import session_scope
from .storage.models import Activity, Document, IndicatorValue, Narrative

SAMPLE_PERIOD = Period(2023, 1)

NARRATIVES_2023H1 = {
    "documents": (
        "Trên cơ sở các văn bản chỉ đạo của cấp trên, Ban VSTBPN và BĐG tỉnh đã ban hành nhiều văn bản "
        "chỉ đạo và triển khai thực hiện, trong đó có Kế hoạch số 58/KH-UBND ngày 02 tháng 02 năm 2023 của "
        "Ủy ban nhân dân tỉnh An Giang về việc thực hiện công tác Vì sự tiến bộ của phụ nữ và bình đẳng giới "
        "năm 2023. Ngoài ra, Sở Lao động - Thương binh và Xã hội (là cơ quan thường trực của Ban VSTBPN và "
        "BĐG tỉnh) chủ động đề xuất phối hợp các thành viên của Ban VSTBPN và BĐG tỉnh ký các kế hoạch phối "
        "hợp để thực hiện công tác BĐG, VSTBPN năm 2023. Bên cạnh đó các sở, ban, ngành, đoàn thể và địa "
        "phương đã chủ động xây dựng và triển khai các Chương trình, Kế hoạch, công văn,… thực hiện các mục "
        "tiêu, chỉ tiêu VSTBPN, BĐG và lồng ghép các nội dung vào kế hoạch chung của ngành tại đơn vị, địa phương."
    ),
    "communication": (
        "Các ban, ngành, đoàn thể tổ chức hoạt động tuyên truyền, tập huấn nâng cao năng lực cho cán bộ, "
        "người làm công tác bình đẳng giới và người dân trong cộng đồng. Đặc biệt phối hợp với Đài Phát thanh "
        "- Truyền hình An Giang thực hiện chuyên mục “Vì sự tiến bộ phụ nữ và bình đẳng giới” 05 chuyên "
        "mục/năm (ngày chủ nhật tuần thứ 2 của tháng), thời lượng dưới 10 phút/chuyên mục, nội dung chú "
        "trọng việc tuyên truyền về nâng cao nhận thức, thay đổi hành vi, đẩy lùi tư tưởng định kiến giới, "
        "đẩy lùi tình trạng bạo lực trên cơ sở giới, trong đó có vấn đề xâm hại tình dục đối với phụ nữ và trẻ em gái."
    ),
    "female_cadres": (
        "Thường xuyên quan tâm cử nữ công chức, viên chức tiềm năng tham gia các lớp bồi dưỡng, tập huấn "
        "kiến thức, kỹ năng quản lý, lãnh đạo nhằm tăng cường sự tham gia của phụ nữ trong lĩnh vực chính "
        "trị. Nhìn chung, công tác cán bộ nữ được các cấp ủy đảng, chính quyền, đoàn thể các cấp, các ngành "
        "chú trọng hơn từ khâu quy hoạch đào tạo, bồi dưỡng đến khâu bố trí, đề bạt cán bộ nữ nhất là cán bộ "
        "trẻ, cán bộ người dân tộc thiểu số."
    ),
    "violence": (
        "Tiếp tục tổ chức triển khai thực hiện Kế hoạch số 253/KH-UBND ngày 18/5/2021 của UBND tỉnh An Giang "
        "ban hành Kế hoạch thực hiện Chương trình Phòng ngừa và ứng phó với bạo lực trên cơ sở giới giai "
        "đoạn 2021 - 2025 trên địa bàn tỉnh An Giang. Ngoài ra, đường dây nóng 18008077, Tổng đài trẻ em 111, "
        "Trung tâm Công tác xã hội - Quỹ bảo trợ trẻ em tỉnh An Giang kết nối bảo vệ, hỗ trợ tiếp nhận thông "
        "tin về mua bán phụ nữ và phòng chống bạo lực gia đình."
    ),
    "achievements": (
        "Kết quả đạt được trong sáu tháng đầu năm đó là nhờ vào sự quan tâm, chỉ đạo của Tỉnh ủy, Hội đồng "
        "nhân dân, UBND tỉnh chỉ đạo các sở, ban, ngành, đoàn thể tỉnh và UBND các huyện, thị xã, thành phố "
        "triển khai thực hiện công tác VSTBPN và BĐG, xem đây là nhiệm vụ quan trọng trong phát triển mọi "
        "mặt của tỉnh; các sở, ban, ngành, đoàn thể tỉnh và UBND các huyện, thị xã, thành phố đều xây dựng "
        "kế hoạch và tổ chức triển khai thực hiện các hoạt động VSTBPN và BĐG."
    ),
    "difficulties": "\n".join([
        "Một số đơn vị, địa phương còn mang tính hình thức, chưa được quan tâm lồng ghép vào trong các hoạt "
        "động để đạt được hiệu quả mong muốn.",
        "Công tác tuyên truyền, phổ biến pháp luật về bình đẳng giới đã được đẩy mạnh tuy nhiên chưa sâu, còn "
        "hạn chế về tài liệu, ngôn ngữ đối với một bộ phận người dân vùng sâu, vùng xa, vùng đồng bào dân tộc "
        "thiểu số, tôn giáo.",
        "Công tác kiểm tra hoạt động VSTBPN và BĐG chưa được duy trì thường xuyên.",
        "Đội ngũ người làm công tác VSTBPN và BĐG tại các sở, ban, ngành, địa phương thường xuyên thay đổi và "
        "phần lớn kiêm nhiệm nên hạn chế về kiến thức, kinh nghiệm trong triển khai thực hiện và tham mưu "
        "công tác bình đẳng giới tại các địa phương.",
    ]),
    "directions": "\n".join([
        "Tiếp tục triển khai, thực hiện Chiến lược quốc gia về bình đẳng giới giai đoạn 2021-2030, Chương "
        "trình phòng ngừa, ứng phó với bạo lực trên cơ sở giới giai đoạn 2021-2025, Chương trình truyền "
        "thông về bình đẳng giới đến năm 2030 và các chương trình, đề án có liên quan.",
        "Tăng cường tuyên truyền, phổ biến, giáo dục chính sách, pháp luật về bình đẳng giới; các vấn đề về "
        "bình đẳng giới trong các lĩnh vực mới như biến đổi khí hậu, chuyển đổi số, vận động việc lập ngân "
        "sách có trách nhiệm giới.",
        "Xây dựng kế hoạch, tổ chức thực hiện Tháng hành động vì bình đẳng giới và phòng ngừa, ứng phó với "
        "bạo lực trên cơ sở giới năm 2023 hiệu quả, sáng tạo, phù hợp điều kiện, tình hình cụ thể của địa phương.",
        "Nâng cao năng lực và hiệu quả quản lý nhà nước về bình đẳng giới.",
        "Tăng cường kiểm tra, thanh tra, xử lý nghiêm các vi phạm về bình đẳng giới; kịp thời xác minh, báo "
        "cáo những vấn đề, vụ việc liên quan đến công tác bình đẳng giới, bạo lực trên cơ sở giới.",
        "Khuyến khích thí điểm xây dựng và vận hành các sáng kiến, mô hình thúc đẩy bình đẳng giới và phòng "
        "ngừa, ứng phó với bạo lực trên cơ sở giới.",
        "Thực hiện nghiêm chế độ thông tin, báo cáo về công tác bình đẳng giới, bảo đảm chất lượng và thời "
        "hạn của báo cáo theo yêu cầu.",
        "Khen thưởng, biểu dương kịp thời các cá nhân, đơn vị có thành tích xuất sắc trong công tác bình đẳng "
        "giới và phòng ngừa, ứng phó với bạo lực trên cơ sở giới.",
    ]),
}

PROVINCE_DOCUMENTS = [
    ("58/KH-UBND", date(2023, 2, 2), "UBND tỉnh An Giang", "plan",
     "Kế hoạch thực hiện công tác Vì sự tiến bộ của phụ nữ và bình đẳng giới năm 2023"),
    ("03/UBQG-VP", date(2023, 3, 16), "Ủy ban quốc gia vì sự tiến bộ của phụ nữ Việt Nam", "official_letter",
     "Hướng dẫn hoạt động năm 2023"),
    ("112/KH-SLĐTBXH", date(2023, 3, 1), "Sở Lao động - Thương binh và Xã hội", "plan",
     "Kế hoạch phối hợp thực hiện công tác bình đẳng giới, vì sự tiến bộ của phụ nữ năm 2023"),
    ("238/QĐ-UBND", date(2023, 2, 20), "UBND tỉnh An Giang", "decision",
     "Giao chỉ tiêu về công tác cán bộ nữ năm 2023"),
    ("253/KH-UBND", date(2021, 5, 18), "UBND tỉnh An Giang", "plan",
     "Kế hoạch thực hiện Chương trình Phòng ngừa và ứng phó với bạo lực trên cơ sở giới giai đoạn 2021 - 2025"),
    ("1048/QĐ-UBND", date(2021, 5, 18), "UBND tỉnh An Giang", "decision",
     "Kế hoạch thực hiện Chiến lược quốc gia về bình đẳng giới giai đoạn 2021 - 2030 trên địa bàn tỉnh"),
]

TOPICS = [
    "Tuyên truyền Luật Bình đẳng giới",
    "Tập huấn lồng ghép giới trong xây dựng kế hoạch",
    "Tuyên truyền phòng, chống bạo lực gia đình",
    "Tập huấn kỹ năng lãnh đạo cho nữ cán bộ",
    "Hội nghị triển khai Kế hoạch bình đẳng giới năm 2023",
    "Tuyên truyền phòng, chống mua bán người",
    "Nói chuyện chuyên đề về xâm hại tình dục trẻ em gái",
    "Tập huấn về Chương trình truyền thông bình đẳng giới đến năm 2030",
]
PLACES = ["Hội trường UBND", "Nhà văn hóa ấp", "Trường THCS", "Trạm Y tế xã", "Hội Liên hiệp Phụ nữ"]


def _split(total: int, parts: int, rng: random.Random) -> list[int]:
    """`parts` positive whole numbers that add up to `total`."""
    cuts = sorted(rng.sample(range(1, total), parts - 1))
    return [b - a for a, b in zip([0, *cuts], [*cuts, total])]


def _communication(rng: random.Random, period: Period, sessions: int, participants: int, events: int) -> list[dict]:
    session_counts = _split(sessions, events, rng)
    participant_counts = _split(participants, events, rng)
    kinds = ["communication", "training", "conference"]
    days = (period.end - period.start).days
    rows = []
    for i in range(events):
        people = participant_counts[i]
        rows.append({
            "date": period.start + timedelta(days=rng.randint(0, days)),
            "kind": kinds[i % 3],
            "title": TOPICS[i % len(TOPICS)],
            "sessions": session_counts[i],
            "participants": people,
            "female_participants": int(people * rng.uniform(0.5, 0.75)),
            "place": PLACES[i % len(PLACES)],
        })
    return rows


def _media(period: Period, items: int, channel: str) -> list[dict]:
    return [{
        "date": date(period.year, period.start.month + 2 * i, 12),
        "kind": "media",
        "title": f"Chuyên mục “Vì sự tiến bộ phụ nữ và bình đẳng giới” trên sóng {channel}",
        "sessions": 1, "participants": 0, "female_participants": 0,
        "place": channel, "notes": "Chủ nhật tuần thứ 2 của tháng, dưới 10 phút",
    } for i in range(items)]


def load_demo(profile: Profile) -> dict[str, int]:
    """Load the sample data into an empty profile; refuse if it already holds records."""
    code = profile.org_unit_code
    with session_scope(profile.engine) as session:
        for model in (Activity, Document, IndicatorValue, Narrative):
            if session.exec(select(model.id).where(model.org_unit_code == code)).first() is not None:
                raise Refused("hồ sơ đã có dữ liệu; dữ liệu mẫu chỉ nạp vào hồ sơ trống")
    unit = profile.org_unit()
    author = profile.author or "Dữ liệu mẫu"
    rng = random.Random(int(code))
    scope = Scope(code, SAMPLE_PERIOD)
    previous = Scope(code, Period(2022, 1))
    if unit.type == "province":
        indicators_now = {"LEADERS_TOTAL": 2302, "LEADERS_FEMALE": 584,
                          "KEYLEADER_UNITS_TOTAL": 167, "KEYLEADER_UNITS_FEMALE": 71,
                          "HOTLINE_CONTACTS": 146, "GBV_VICTIMS_DETECTED": 58, "GBV_VICTIMS_SUPPORTED": 49,
                          "GBV_PERPETRATORS_DETECTED": 52, "GBV_PERPETRATORS_COUNSELLED": 31}
        # 516 / 2.250 = 22,93 %: the sample's "+2,43 so với cùng kỳ" against 25,36 %.
        indicators_before = {"LEADERS_TOTAL": 2250, "LEADERS_FEMALE": 516}
        activities = _communication(rng, SAMPLE_PERIOD, 780, 25_120, 60)
        activities += _media(SAMPLE_PERIOD, 3, "Đài Phát thanh - Truyền hình An Giang")
        documents = PROVINCE_DOCUMENTS
        texts = NARRATIVES_2023H1
    else:
        leaders = rng.randint(150, 260)
        women = int(leaders * rng.uniform(0.2, 0.3))
        communes = rng.randint(7, 18)
        victims = rng.randint(3, 12)
        perpetrators = rng.randint(2, 10)
        indicators_now = {"LEADERS_TOTAL": leaders, "LEADERS_FEMALE": women,
                          "KEYLEADER_UNITS_TOTAL": communes, "KEYLEADER_UNITS_FEMALE": rng.randint(2, communes),
                          "HOTLINE_CONTACTS": rng.randint(5, 30),
                          "GBV_VICTIMS_DETECTED": victims, "GBV_VICTIMS_SUPPORTED": rng.randint(1, victims),
                          "GBV_PERPETRATORS_DETECTED": perpetrators,
                          "GBV_PERPETRATORS_COUNSELLED": rng.randint(1, perpetrators)}
        indicators_before = {"LEADERS_TOTAL": leaders - rng.randint(0, 10),
                             "LEADERS_FEMALE": women - rng.randint(2, 8)}
        activities = _communication(rng, SAMPLE_PERIOD, rng.randint(40, 90), rng.randint(1500, 3000), 12)
        activities += _media(SAMPLE_PERIOD, 2, "Đài Truyền thanh " + unit.name)
        documents = [
            (f"{rng.randint(10, 99)}/KH-UBND", date(2023, 2, 15), f"UBND {unit.name}", "plan",
             "Kế hoạch thực hiện công tác Vì sự tiến bộ của phụ nữ và bình đẳng giới năm 2023"),
            (f"{rng.randint(100, 199)}/UBND-VX", date(2023, 4, 3), f"UBND {unit.name}", "official_letter",
             "Triển khai Tháng hành động vì bình đẳng giới và phòng ngừa bạo lực trên cơ sở giới"),
        ]
        texts = {
            "achievements": f"Ban VSTBPN và BĐG {unit.name} đã ban hành kế hoạch năm, tổ chức tuyên truyền, "
                            "tập huấn đến các xã, phường, thị trấn; các chỉ tiêu 6 tháng đầu năm cơ bản đạt kế hoạch.",
            "difficulties": "Cán bộ làm công tác bình đẳng giới ở cấp xã phần lớn kiêm nhiệm, thay đổi thường xuyên.\n"
                            "Kinh phí cho hoạt động tuyên truyền còn hạn chế.",
            "directions": "Tổ chức Tháng hành động vì bình đẳng giới năm 2023.\n"
                          "Tăng cường kiểm tra, giám sát việc thực hiện các chỉ tiêu bình đẳng giới ở cấp xã.",
        }
    set_indicator_values(profile.engine, scope, indicators_now, author)
    set_indicator_values(profile.engine, previous, indicators_before, author)
    for raw in activities:
        add_activity(profile.engine, scope, raw, author)
    for number, day, issuer, kind, title in documents:
        doc_scope = Scope(code, Period(day.year, 1 if day.month <= 6 else 2))
        add_document(profile.engine, doc_scope, {"number": number, "date": day, "issuer": issuer,
                                                 "kind": kind, "title": title}, author)
    for section, text in texts.items():
        set_narrative(profile.engine, scope, section, text, author)
    return {"activities": len(activities), "documents": len(documents),
            "indicators": len(indicators_now) + len(indicators_before), "narratives": len(texts)}
