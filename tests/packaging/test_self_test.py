"""``reviewer --self-test`` runs the real layers on the bundled demo reports and reports each step."""
from __future__ import annotations

import io

from reviewer import self_test
from reviewer.cli import main
from reviewer.ui import app


def test_self_test_flag_passes_on_the_source_tree(capsys):
    status = main(["--self-test"])

    out = capsys.readouterr().out
    assert status == 0, out
    for name, _ in self_test.STEPS:
        assert f"[通过] {name}" in out
    assert "自检通过" in out
    assert "青溪镇、明湖县司法局、云岭市、白沙乡" in out


def test_a_failing_step_gives_a_nonzero_status_and_skips_the_rest(monkeypatch):
    monkeypatch.setattr(app, "demo_reports", lambda: [])
    out = io.StringIO()

    status = self_test.run_self_test(out)

    lines = out.getvalue().splitlines()
    assert status == 1
    assert lines[1].startswith("[通过] Qt 界面库")
    assert lines[2].startswith("[失败] 资源文件：演示报告不全")
    assert all(line.startswith("[跳过]") for line in lines[3 : len(self_test.STEPS) + 1])
    assert "自检未通过" in lines[-1]
