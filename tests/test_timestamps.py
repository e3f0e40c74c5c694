"""Moments between the database (naive UTC), bundles (`…T…Z`) and the officer (local time, dd/mm/yyyy):
the one home of those conversions, which the window and the command line both use."""

import time
from datetime import UTC, datetime

import pytest

from vstbpn_desktop.timestamps import local_date, local_day, local_time, parse_timestamp, timestamp


@pytest.fixture
def vietnam_time(monkeypatch):
    """The laptop in Vietnam (UTC+7, no daylight saving)."""
    monkeypatch.setenv("TZ", "Asia/Ho_Chi_Minh")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


def test_a_bundle_timestamp_late_in_the_utc_day_is_the_next_local_day(vietnam_time):
    moment = parse_timestamp("2023-07-04T20:30:00Z")
    assert moment == datetime(2023, 7, 4, 20, 30, tzinfo=UTC)
    assert local_time(moment).strftime("%H:%M %d/%m/%Y") == "03:30 05/07/2023"
    assert local_day(moment).isoformat() == "2023-07-05"
    assert timestamp(moment) == "2023-07-04T20:30:00Z"


def test_a_stored_moment_without_time_zone_is_utc(vietnam_time):
    stored = datetime(2023, 1, 31, 18, 0)  # as SQLite gives it back
    assert local_date(stored) == "01/02/2023"
    assert local_time(stored).hour == 1
    assert timestamp(stored) == "2023-01-31T18:00:00Z"
    assert local_date(None) == ""


@pytest.mark.parametrize("text", ["2023-07-04 20:30:00", "2023-07-04T20:30:00+07:00", "2023-02-30T00:00:00Z", ""])
def test_anything_but_the_bundle_form_is_refused(text):
    with pytest.raises(ValueError):
        parse_timestamp(text)


# Half past midnight on 1 July in Vietnam is still 30 June in UTC, where the moment is stored.
LATE_UTC = datetime(2023, 6, 30, 17, 30, tzinfo=UTC)


def test_a_lock_and_a_revocation_are_told_in_the_officers_time(vietnam_time, steered, tmp_path):
    """The refusals of a locked period and of a revoked key name the local day and hour, not UTC's."""
    from sqlalchemy import update

    from vstbpn_desktop.bundle import trust
    from vstbpn_desktop.domain.locks import ensure_unlocked_connection
    from vstbpn_desktop.errors import Refused
    from vstbpn_desktop.periods import Period
    from vstbpn_desktop.profile import Profile
    from vstbpn_desktop.records import ensure_editable
    from vstbpn_desktop.storage.database import session_scope
    from vstbpn_desktop.storage.models import ReportingPeriod, TrustedKey

    province_cli, _ = steered
    province = Profile.open(province_cli.data_dir)
    try:
        with session_scope(province.engine) as session:
            session.add(ReportingPeriod(code="2023H1", locked_at=LATE_UTC, locked_by="Nguyễn Văn An"))
        with pytest.raises(Refused) as refused:
            ensure_editable(province.engine, Period(2023, 1))
        assert "(Nguyễn Văn An, 01/07/2023 00:30)" in str(refused.value), refused.value
        with pytest.raises(Refused) as refused, province.engine.connect() as connection:
            ensure_unlocked_connection(connection, ["2023H1"])
        assert "(Nguyễn Văn An, 01/07/2023 00:30)" in str(refused.value), refused.value

        trust.revoke(province, trust.listing(province)[0].fingerprint)
        with province.engine.begin() as connection:
            connection.execute(update(TrustedKey.__table__).values(revoked_at=LATE_UTC))
        with pytest.raises(Refused) as refused:
            trust.add(province, tmp_path / "883.pub", "883")
        assert "thu hồi ngày 01/07/2023" in str(refused.value), refused.value
    finally:
        province.close()
