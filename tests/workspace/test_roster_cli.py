"""``reviewer roster WORKSPACE --year Y --import FILE | --list``: the roster imported from a list and printed
with who has reported."""
from __future__ import annotations

from reviewer.cli import main
from reviewer.workspace import RosterUnit, Workspace
from tests.workspace.test_roster import MINGHU, QINGXI


def test_import_then_list_shows_reported_missing_and_off_roster(tmp_path, capsys):
    path = tmp_path / "ws.sqlite"
    with Workspace.open(path) as ws:
        qingxi = ws.import_file(QINGXI).report_id
        minghu = ws.import_file(MINGHU).report_id
    roster = tmp_path / "名单.txt"
    roster.write_text("2022年度报送名单\n1. 明湖县 司法局\n2. 明湖县人民政府\n", encoding="gb18030")

    assert main(["roster", str(path), "--year", "2022", "--import", str(roster)]) == 0
    assert "2022 年度名单：2 个单位" in capsys.readouterr().err

    assert main(["roster", str(path), "--year", "2022", "--list"]) == 0
    out, err = capsys.readouterr()
    assert [line.split("\t") for line in out.splitlines()] == [
        ["1", "明湖县 司法局", "", "已报送", f"#{minghu}"], ["2", "明湖县人民政府", "", "未报送", ""]]
    assert "已报送 1，未报送 1；不在名单的报告 0 份" in err

    appended = tmp_path / "追加.txt"
    appended.write_text("明湖县司法局\n白沙乡\n", encoding="utf-8")
    assert main(["roster", str(path), "--year", "2023", "--import", str(appended), "--append"]) == 0
    assert "2023 年度名单追加 2 个单位" in capsys.readouterr().err
    assert main(["roster", str(path), "--year", "2023"]) == 0
    out, _err = capsys.readouterr()
    assert out.splitlines()[-1].split("\t") == ["-", "青溪镇", "", "不在名单", f"#{qingxi}"]


def test_bad_input_gives_a_message_and_exit_status(tmp_path, capsys):
    path = tmp_path / "ws.sqlite"
    Workspace.open(path).close()
    assert main(["roster", str(path), "--year", "2024"]) == 0
    assert "还没有报送名单" in capsys.readouterr().err
    assert main(["roster", str(path), "--year", "24"]) == 1
    assert "年度应为" in capsys.readouterr().err
    assert main(["roster", str(path), "--year", "2024", "--import", str(tmp_path / "无.xlsx")]) == 1
    assert "无法打开名单文件" in capsys.readouterr().err
    assert main(["roster", str(path), "--year", "2024", "--append"]) == 2
    assert main(["roster", str(tmp_path / "没有.sqlite"), "--year", "2024"]) == 1


def test_list_reads_a_workspace_the_window_has_open(tmp_path, capsys):
    path = tmp_path / "ws.sqlite"
    with Workspace.open(path) as ws:  # holds the lock, as the window does
        ws.import_file(QINGXI)
        ws.set_roster(2023, [RosterUnit("青溪镇"), RosterUnit("白沙乡")])
        assert main(["roster", str(path), "--year", "2023", "--list"]) == 0
        out, _err = capsys.readouterr()
        assert [line.split("\t")[3] for line in out.splitlines()] == ["已报送", "未报送"]
