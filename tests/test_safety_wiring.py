"""The bulk paths keep the safety promises: a backup before, the lock respected, one audit event."""

from vstbpn_desktop.profile import Profile
from vstbpn_desktop.safety import audit
from vstbpn_desktop.safety.backup import list_backups

CSV = (
    "date,kind,title,sessions,participants,female_participants,place,notes\n"
    "2023-03-01,training,Tập huấn bình đẳng giới,2,40,25,Xã Mỹ Hòa Hưng,\n"
)


def _bulk_events(data_dir):
    profile = Profile.open(data_dir)
    try:
        return [e for e in audit.events(profile.engine) if e["table_name"] == "bulk"]
    finally:
        profile.close()


def test_table_file_import_backs_up_audits_and_respects_the_lock(district_cli, tmp_path):
    source = tmp_path / "hoat-dong.csv"
    source.write_text(CSV, encoding="utf-8")
    assert district_cli("submit", "--period", "2023H1")[0] == 0
    code, _, err = district_cli("data", "import", source)
    assert code == 1 and "2023H1" in err and "khóa" in err
    assert district_cli("reopen", "--period", "2023H1", "--reason", "Bổ sung hoạt động")[0] == 0
    before = len(list_backups(district_cli.data_dir, with_counts=False))
    code, _, err = district_cli("data", "import", source)
    assert code == 0, err
    assert len(list_backups(district_cli.data_dir, with_counts=False)) == before + 1
    events = _bulk_events(district_cli.data_dir)
    assert [e["action"] for e in events] == ["import"]
    assert events[0]["after"]["counts"]["activities"] == 1


def test_bundle_import_backs_up_audits_and_respects_the_lock(world, tmp_path):
    province = world["89"]
    bundle = tmp_path / "second.vstb"
    assert world["883"]("bundle", "export", "--period", "2023H1", "--out", bundle)[0] == 0
    assert province("submit", "--period", "2023H1")[0] == 0
    code, _, err = province("bundle", "import", bundle)
    assert code == 1 and "second.vstb" in err and "khóa" in err
    assert province("reopen", "--period", "2023H1", "--reason", "Nhận báo cáo bổ sung")[0] == 0
    before = len(list_backups(province.data_dir, with_counts=False))
    assert province("bundle", "import", bundle)[0] == 0
    assert len(list_backups(province.data_dir, with_counts=False)) == before + 1
    bundle_events = [e for e in _bulk_events(province.data_dir) if e["action"] == "bundle"]
    assert bundle_events and bundle_events[-1]["org_unit_code"] == "883"
