"""Period locks: submit locks, reopen needs a reason; every write path refuses a locked period."""

import pytest

from vstbpn_desktop.domain.locks import ensure_bulk_editable
from vstbpn_desktop.domain.validation import validate_activity
from vstbpn_desktop.errors import Refused
from vstbpn_desktop.periods import Period
from vstbpn_desktop.records import (
    Scope,
    add_activity,
    add_document,
    count_activities,
    delete_records,
    set_narrative,
    update_document,
)
from vstbpn_desktop.safety import audit
from vstbpn_desktop.safety.locking import lock_state
from vstbpn_desktop.storage.database import session_scope
from vstbpn_desktop.storage.models import Activity, Document

H1, H2 = Period(2023, 1), Period(2023, 2)


def test_submit_locks_and_reopen_needs_a_reason(district_cli, district):
    scope = Scope("883", H1)
    activity = add_activity(district.engine, scope, {"date": "2023-03-08", "kind": "media", "title": "Phóng sự"})
    code, out, err = district_cli("submit", "--period", "2023H1")
    assert code == 0, err
    assert "Đã khóa kỳ 2023H1" in out and "Trần Thị Lan" in out
    state = lock_state(district.engine, H1)
    assert state.locked_at is not None and state.locked_by == "Trần Thị Lan"
    code, _, err = district_cli("submit", "--period", "2023H1")
    assert code == 1 and "đã khóa" in err

    with pytest.raises(Refused, match="2023H1 đã khóa"):
        add_activity(district.engine, scope, {"date": "2023-04-01", "kind": "media", "title": "Mới"})
    with pytest.raises(Refused, match="đã khóa"):
        delete_records(district.engine, Activity, [activity.id])
    with pytest.raises(Refused, match="đã khóa"):
        set_narrative(district.engine, scope, "achievements", "Sửa sau khi gửi")
    # the other half stays editable
    add_activity(district.engine, Scope("883", H2), {"date": "2023-08-01", "kind": "media", "title": "Nửa sau"})

    for reason in ("", "   "):
        code, _, err = district_cli("reopen", "--period", "2023H1", "--reason", reason)
        assert code == 1 and "cần ghi lý do" in err
    assert lock_state(district.engine, H1).locked_at is not None
    code, out, err = district_cli("reopen", "--period", "2023H1", "--reason", "Sửa số người tham dự")
    assert code == 0, err
    add_activity(district.engine, scope, {"date": "2023-04-01", "kind": "media", "title": "Mới"})
    lock_events = [r for r in audit.events(district.engine, period="2023H1") if r["table_name"] == "period"]
    assert [r["action"] for r in lock_events] == ["submit", "reopen"]
    assert lock_events[0]["after"]["locked_by"] == "Trần Thị Lan" and lock_events[0]["before"] is None
    assert lock_events[1]["reason"] == "Sửa số người tham dự"
    assert lock_events[1]["before"]["locked_at"] is not None and lock_events[1]["after"]["locked_at"] is None
    code, _, err = district_cli("reopen", "--period", "2023H1", "--reason", "lần nữa")
    assert code == 1 and "chưa khóa" in err


def test_every_orm_write_is_checked_even_one_records_py_misses(district):
    """update_document refuses moving a document into a locked period up front; the audit hook
    refuses the same move made on the ORM directly (no records.py check), and a direct ORM insert too."""
    document = add_document(
        district.engine,
        Scope("883", H2),
        {"number": "12/KH-UBND", "date": "2023-08-01", "kind": "plan", "title": "Kế hoạch"},
    )
    district_lock = Period(2023, 1)
    from vstbpn_desktop.safety.locking import submit

    submit(district.engine, district_lock, "Trần Thị Lan")
    with pytest.raises(Refused, match="2023H1 đã khóa"):
        update_document(district.engine, Scope("883", Period(2023)), document.id, {"date": "2023-03-01"})
    with pytest.raises(Refused, match="2023H1 đã khóa"), session_scope(district.engine) as session:
        session.get(Document, document.id).date = H1.start.replace(month=3)
    with pytest.raises(Refused, match="đã khóa"), session_scope(district.engine) as session:
        session.add(Activity(org_unit_code="883", date=H1.start, kind="media", title="Lén sửa"))
    with session_scope(district.engine) as session:
        assert session.get(Document, document.id).date == H2.start.replace(month=8)
    assert count_activities(district.engine, Scope("883", H1)) == 0


def test_a_year_lock_covers_its_halves_and_bulk_paths_check_on_their_transaction(district_cli, district):
    code, _, err = district_cli("submit", "--period", "2023")
    assert code == 0, err
    clean = [validate_activity({"date": "2023-09-01", "kind": "training", "title": "Lớp"}, H2)]
    with pytest.raises(Refused, match="kỳ 2023 đã khóa"), district.engine.begin() as connection:
        ensure_bulk_editable(connection, activities=clean)
    with pytest.raises(Refused, match="đã khóa"), district.engine.begin() as connection:
        ensure_bulk_editable(connection, indicator_values=[("2023H1", "LEADERS_TOTAL", 5)])
    with district.engine.begin() as connection:
        ensure_bulk_editable(connection, narratives=[("2024H1", "achievements", "x")])  # not locked


def test_data_import_into_a_locked_period_is_refused_whole(district_cli, district, tmp_path):
    csv = tmp_path / "hoat-dong.csv"
    csv.write_text(
        "date,kind,title,sessions,participants,female_participants,place,notes\n"
        "2023-03-01,training,Tập huấn,1,20,12,Hội trường,\n",
        encoding="utf-8",
    )
    assert district_cli("submit", "--period", "2023H1")[0] == 0
    code, _, err = district_cli("data", "import", csv)
    assert code == 1 and "đã khóa" in err and csv.name in err
    assert count_activities(district.engine, Scope("883", H1)) == 0
