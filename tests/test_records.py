"""records.py on a real SQLite file: the single write path and the bulk path."""

import pytest

from vstbpn_desktop.domain.validation import Invalid, validate_activity
from vstbpn_desktop.periods import Period
from vstbpn_desktop.records import (
    Scope,
    activity_page,
    add_activity,
    count_activities,
    delete_period_data,
    indicator_values,
    insert_clean,
    set_indicator_values,
)

H1 = Period.parse("2023H1")


def test_search_ignores_diacritics_and_pages_lazily(district):
    scope = Scope("883", H1)
    for i in range(30):
        add_activity(
            district.engine,
            scope,
            {
                "date": f"2023-03-{i % 28 + 1:02d}",
                "kind": "training",
                "title": f"Tập huấn số {i}",
                "place": "Phường Mỹ Bình",
            },
        )
    assert count_activities(district.engine, scope) == 30
    assert count_activities(district.engine, scope, "my binh") == 30
    assert count_activities(district.engine, scope, "tap huan so 1") == 12  # 1, 10-19, 21
    page = activity_page(district.engine, scope, 10, 5)
    assert len(page) == 5 and page[0]["date"] <= page[-1]["date"]


def test_indicator_values_women_never_exceed_total(district):
    scope = Scope("883", H1)
    set_indicator_values(district.engine, scope, {"LEADERS_TOTAL": "200", "LEADERS_FEMALE": "50"})
    with pytest.raises(Invalid) as caught:
        set_indicator_values(district.engine, scope, {"LEADERS_FEMALE": "201"})
    assert "LEADERS_FEMALE" in caught.value.problems
    with pytest.raises(Invalid):
        set_indicator_values(district.engine, scope, {"LEADERS_FEMALE_PCT": "20"})
    assert indicator_values(district.engine, scope) == {"LEADERS_TOTAL": 200, "LEADERS_FEMALE": 50}


def test_bulk_insert_and_period_replacement(district):
    clean = [
        validate_activity(
            {
                "date": "2023-04-01",
                "kind": "communication",
                "title": "Tuyên truyền",
                "sessions": 2,
                "participants": 100,
                "female_participants": 60,
            },
            H1,
        )
        for _ in range(1000)
    ]
    with district.engine.begin() as connection:
        counts = insert_clean(
            connection,
            "883",
            "thử",
            activities=clean,
            indicator_values=[("2023H1", "LEADERS_TOTAL", 10.0)],
            narratives=[("2023H1", "achievements", "Đạt")],
        )
    assert counts == {"activities": 1000, "documents": 0, "indicators": 1, "narratives": 1}
    assert count_activities(district.engine, Scope("883", H1)) == 1000
    with district.engine.begin() as connection:
        removed = delete_period_data(connection, "883", H1)
    assert removed == {"activities": 1000, "documents": 0, "indicators": 1, "narratives": 1}


def test_periods_with_data_finds_each_half_year_holding_a_record_and_skips_the_gaps(district):
    from vstbpn_desktop.records import periods_with_data

    for day in ("2021-02-03", "2021-06-30", "2023-07-01", "2024-12-31"):  # nothing in 2021H2..2023H1, 2024H1
        add_activity(
            district.engine,
            Scope("883", Period.parse(f"{day[:4]}H{1 if day[5:7] <= '06' else 2}")),
            {
                "date": day,
                "kind": "communication",
                "title": f"Hoạt động {day}",
                "sessions": 1,
                "participants": 10,
                "female_participants": 5,
            },
            "Trần Thị Lan",
        )
    assert [p.code for p in periods_with_data(district.engine, "883")] == ["2024H2", "2023H2", "2021H1"]
    assert periods_with_data(district.engine, "884") == []


def test_records_held_says_whether_a_period_holds_activities_and_documents(district):
    """The checklist before sending asks this of a period that may hold 100.000: a probe, not a count."""
    from vstbpn_desktop.records import records_held

    add_activity(
        district.engine,
        Scope("883", H1),
        {"date": "2023-06-30", "kind": "training", "title": "Tập huấn", "participants": 10, "female_participants": 5},
        "Trần Thị Lan",
    )
    assert records_held(district.engine, "883", H1) == {"activities": True, "documents": False}
    assert records_held(district.engine, "883", Period.parse("2023H2")) == {"activities": False, "documents": False}
    assert records_held(district.engine, "884", H1) == {"activities": False, "documents": False}


@pytest.mark.sqlite_only  # SQLite's query plan (EXPLAIN QUERY PLAN)
def test_counting_a_period_and_its_search_reads_only_the_activity_index(district):
    """The list's counts and totals at 100.000 activities: no row of the table is read one by one."""
    from sqlalchemy import event

    from vstbpn_desktop.records import activity_totals

    statements = []

    def keep(conn, cursor, statement, parameters, context, executemany):
        statements.append((statement, parameters))

    event.listen(district.engine, "before_cursor_execute", keep)
    try:
        scope = Scope("883", H1)
        count_activities(district.engine, scope)
        count_activities(district.engine, scope, search="phong chong")
        activity_totals(district.engine, ["883"], H1)
    finally:
        event.remove(district.engine, "before_cursor_execute", keep)
    assert len(statements) == 3
    with district.engine.connect() as connection:
        raw = connection.connection.dbapi_connection
        for statement, parameters in statements:
            plan = " ".join(row[-1] for row in raw.execute("EXPLAIN QUERY PLAN " + statement, parameters))
            assert "COVERING INDEX ix_activity_unit_date" in plan, (statement, plan)


# -- reversible changes: what the window's undo writes back ------------------------------------


def test_a_change_written_back_restores_the_record_exactly_and_refuses_a_stale_one(district):
    from datetime import date

    from vstbpn_desktop import records
    from vstbpn_desktop.errors import Refused
    from vstbpn_desktop.safety.audit import events

    scope = Scope("883", H1)
    added = records.track(
        district.engine,
        "activity",
        scope,
        None,
        lambda: add_activity(
            district.engine,
            scope,
            {
                "date": date(2023, 3, 1),
                "kind": "training",
                "title": "Tập huấn",
                "participants": 100,
                "female_participants": 60,
            },
        ),
    )
    edited = records.track(
        district.engine,
        "activity",
        scope,
        added.key,
        lambda: records.update_activity(district.engine, scope, added.key, {"participants": 120}),
    )
    assert edited.before == added.after and edited.after["participants"] == 120
    records.apply_changes(district.engine, [edited.reversed()])
    assert records.record_state(district.engine, "activity", scope, added.key) == added.after
    assert [e["action"] for e in events(district.engine, record_id=added.key)] == ["insert", "update", "update"]

    with pytest.raises(Refused, match="đã được sửa sau"):  # undoing the edit twice: it is not there any more
        records.apply_changes(district.engine, [edited.reversed()])
    records.apply_changes(district.engine, [added.reversed()])
    assert count_activities(district.engine, scope) == 0


def test_a_change_back_is_checked_like_a_value_typed_in(district):
    from vstbpn_desktop import records

    scope = Scope("883", H1)

    def typed(code, value):
        return records.track(
            district.engine,
            "indicator_value",
            scope,
            code,
            lambda: set_indicator_values(district.engine, scope, {code: value}),
        )

    typed("LEADERS_TOTAL", 500)
    typed("LEADERS_FEMALE", 400)
    total = typed("LEADERS_TOTAL", 2302)
    women = typed("LEADERS_FEMALE", 2000)
    with pytest.raises(Invalid):  # the total back to 500 under 2.000 women
        records.apply_changes(district.engine, [total.reversed()])
    assert indicator_values(district.engine, scope) == {"LEADERS_TOTAL": 2302, "LEADERS_FEMALE": 2000}
    records.apply_changes(district.engine, [women.reversed(), total.reversed()])
    assert indicator_values(district.engine, scope) == {"LEADERS_TOTAL": 500, "LEADERS_FEMALE": 400}


def test_activity_position_is_the_row_in_list_order_and_keep_lists_an_edited_record(district):
    from datetime import date

    from vstbpn_desktop import records

    scope = Scope("883", H1)
    for n in range(30):
        add_activity(
            district.engine,
            scope,
            {
                "date": date(2023, 1 + n % 6, 1 + n % 5),
                "kind": "training",
                "title": f"Lớp {n}" if n % 3 else f"Hội nghị {n}",
            },
        )
    listed = activity_page(district.engine, scope, 0, 100)
    assert [records.activity_position(district.engine, scope, r["id"]) for r in listed] == list(range(30))
    found = activity_page(district.engine, scope, 0, 100, search="hoi nghi")
    assert [records.activity_position(district.engine, scope, r["id"], "hoi nghi") for r in found] == list(range(10))
    other = next(r for r in listed if r["title"].startswith("Lớp"))
    assert records.activity_position(district.engine, scope, other["id"], "hoi nghi") == -1
    kept = activity_page(district.engine, scope, 0, 100, search="hoi nghi", keep={other["id"]})
    assert len(kept) == 11 == count_activities(district.engine, scope, "hoi nghi", keep={other["id"]})
    assert records.activity_position(district.engine, scope, other["id"], "hoi nghi", {other["id"]}) == [
        r["id"] for r in kept
    ].index(other["id"])
