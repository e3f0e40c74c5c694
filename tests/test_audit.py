"""The audit trail: every insert, update and delete through records.py, with who/when/before/after."""

import json

from vstbpn_desktop.domain.validation import validate_activity
from vstbpn_desktop.periods import Period
from vstbpn_desktop.records import (
    Scope,
    add_activity,
    add_document,
    delete_records,
    insert_clean,
    set_indicator_values,
    set_narrative,
    update_activity,
    update_document,
)
from vstbpn_desktop.safety import audit
from vstbpn_desktop.safety.locking import submit
from vstbpn_desktop.storage.models import Activity

H1 = Period(2023, 1)


def test_add_update_delete_of_an_activity_leave_events_with_before_and_after(district):
    scope = Scope("883", H1)
    activity = add_activity(
        district.engine,
        scope,
        {
            "date": "2023-03-08",
            "kind": "communication",
            "title": "Tuyên truyền ngày 8/3",
            "sessions": 2,
            "participants": 120,
            "female_participants": 90,
        },
    )
    update_activity(
        district.engine, scope, activity.id, {"participants": 150, "title": "Tuyên truyền Ngày Quốc tế Phụ nữ"}
    )
    delete_records(district.engine, Activity, [activity.id])
    rows = audit.events(district.engine, record_id=activity.id)
    assert [r["action"] for r in rows] == ["insert", "update", "delete"]
    assert all(r["who"] == "Trần Thị Lan" and r["table_name"] == "activity" for r in rows)
    assert all(r["org_unit_code"] == "883" and r["period"] == "2023H1" for r in rows)
    inserted, updated, deleted = rows
    assert inserted["before"] is None and inserted["after"]["participants"] == 120
    assert inserted["after"]["date"] == "2023-03-08" and "search_text" not in inserted["after"]
    assert updated["before"]["participants"] == 120 and updated["after"]["participants"] == 150
    assert updated["before"]["title"] == "Tuyên truyền ngày 8/3"
    assert updated["after"]["title"] == "Tuyên truyền Ngày Quốc tế Phụ nữ"
    assert updated["before"]["female_participants"] == updated["after"]["female_participants"] == 90
    assert deleted["before"]["participants"] == 150 and deleted["after"] is None
    assert inserted["at"] <= updated["at"] <= deleted["at"]


def test_documents_indicators_and_narratives_are_audited(district):
    scope = Scope("883", H1)
    document = add_document(
        district.engine,
        scope,
        {
            "number": "58/KH-UBND",
            "date": "2023-02-02",
            "issuer": "UBND tỉnh An Giang",
            "kind": "plan",
            "title": "Kế hoạch năm 2023",
        },
    )
    update_document(district.engine, scope, document.id, {"title": "Kế hoạch thực hiện năm 2023"})
    set_indicator_values(district.engine, scope, {"LEADERS_TOTAL": "200", "LEADERS_FEMALE": "50"})
    set_indicator_values(district.engine, scope, {"LEADERS_FEMALE": "55"})
    set_indicator_values(district.engine, scope, {"LEADERS_FEMALE": None})
    set_narrative(district.engine, scope, "achievements", "Hoàn thành kế hoạch")
    set_narrative(district.engine, scope, "achievements", "")
    rows = audit.events(district.engine, period="2023H1")
    seen = [(r["table_name"], r["action"]) for r in rows]
    assert seen == [
        ("document", "insert"),
        ("document", "update"),
        ("indicator_value", "insert"),
        ("indicator_value", "insert"),
        ("indicator_value", "update"),
        ("indicator_value", "delete"),
        ("narrative", "insert"),
        ("narrative", "delete"),
    ]
    value_update = rows[4]
    assert (value_update["before"]["value"], value_update["after"]["value"]) == (50, 55)
    assert value_update["after"]["indicator_code"] == "LEADERS_FEMALE"
    assert rows[1]["before"]["title"] == "Kế hoạch năm 2023"
    assert rows[7]["before"]["text"] == "Hoàn thành kế hoạch"


def test_a_bulk_operation_records_one_summarising_event_in_its_transaction(district, district_cli):
    clean = [validate_activity({"date": "2023-05-01", "kind": "training", "title": f"Lớp {i}"}, H1) for i in range(50)]
    with district.engine.begin() as connection:
        counts = insert_clean(connection, "883", "Trần Thị Lan", activities=clean)
        audit.record_bulk(connection, "import", "883", "2023H1", counts, detail={"file": "hoat-dong.csv"})
    try:
        with district.engine.begin() as connection:
            audit.record_bulk(connection, "import", "883", "2023H1", {"activities": 1})
            raise RuntimeError("the import fails after writing")
    except RuntimeError:
        pass
    bulk = [r for r in audit.events(district.engine, period="2023H1") if r["table_name"] == "bulk"]
    assert len(bulk) == 1 and bulk[0]["after"] == {"counts": counts, "file": "hoat-dong.csv"}
    assert bulk[0]["who"] == "Trần Thị Lan"
    code, out, _ = district_cli("audit", "list", "--period", "2023H1")
    assert code == 0 and "import\tbulk" in out and '"activities": 50' in out


def test_summary_counts_changes_since_the_last_submission(district, district_cli):
    scope = Scope("883", H1)
    activity = add_activity(district.engine, scope, {"date": "2023-03-08", "kind": "media", "title": "Phóng sự"})
    submit(district.engine, H1, "Trần Thị Lan")
    assert audit.summary(district.engine, "883", "2023H1")["total"] == 0
    code, _, err = district_cli("reopen", "--period", "2023H1", "--reason", "Tỉnh trả lại: thiếu số liệu GBV")
    assert code == 0, err
    update_activity(district.engine, scope, activity.id, {"sessions": 3})
    add_activity(district.engine, scope, {"date": "2023-04-08", "kind": "media", "title": "Phóng sự 2"})
    result = audit.summary(district.engine, "883", "2023H1")
    assert result["changes"] == {"activity": {"update": 1, "insert": 1}} and result["total"] == 2
    assert result["since_submission"] is not None
    assert result["reopened"][0]["reason"] == "Tỉnh trả lại: thiếu số liệu GBV"
    json.dumps(result)  # travels in a bundle as JSON


def test_audit_list_per_record_through_the_cli(district_cli, district):
    activity = add_activity(
        district.engine,
        Scope("883", H1),
        {"date": "2023-03-08", "kind": "communication", "title": "Tuyên truyền", "participants": 10},
    )
    update_activity(district.engine, Scope("883", H1), activity.id, {"participants": 12})
    code, out, _ = district_cli("audit", "list", "--record", activity.id)
    lines = out.strip().splitlines()
    assert code == 0 and len(lines) == 2
    assert "\tinsert\tactivity\t" in lines[0] and "participants: 10 → 12" in lines[1]
    code, out, _ = district_cli("audit", "list", "--record", activity.id, "--json")
    assert [r["action"] for r in json.loads(out)] == ["insert", "update"]
