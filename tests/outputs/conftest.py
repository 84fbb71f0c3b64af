from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from reviewer.paths import resource_path
from reviewer.vocabulary import AnnotationTag, ItemState, Severity, Verdict
from reviewer.workspace import Workspace
from reviewer.workspace.model import ReviewItem

QINGXI = "01_青溪镇2023年度法治政府建设工作报告.txt"
MINGHU = "02_明湖县司法局2022年法治政府建设情况报告.txt"


@dataclass
class Reviewed:
    ws: Workspace
    qingxi: int
    minghu: int


def figure(ws: Workspace, report_id: int, text: str) -> ReviewItem:
    return next(i for i in ws.items(report_id, "figure") if i.machine.text == text)


@pytest.fixture
def reviewed(tmp_path: Path) -> Iterator[Reviewed]:
    """Two demo reports: in 青溪镇 one figure confirmed, one corrected (its subject made formula-looking),
    one rejected, the rest pending; an annotation on 法律顾问参谋作用, a verdict and two lines of remarks."""
    demo = resource_path("demo")
    ws = Workspace.open(tmp_path / "审阅.sqlite")
    ws.set_reviewer_name("王审阅")
    qingxi = ws.import_file(demo / QINGXI).report_id
    minghu = ws.import_file(demo / MINGHU).report_id
    ws.set_item_state(figure(ws, qingxi, "27项").id, ItemState.ACCEPTED)
    ws.set_item_state(figure(ws, qingxi, "46条").id, ItemState.CORRECTED, {"value": 48, "subject": "=SUM(A1:A9)"})
    ws.set_item_state(figure(ws, qingxi, "31条").id, ItemState.REJECTED)
    text = ws.report(qingxi).analysis.text
    start = text.index("法律顾问参谋作用")
    ws.add_annotation(qingxi, start, start + len("法律顾问参谋作用"), "做法可推广", tag=AnnotationTag.HIGHLIGHT, severity=Severity.INFO)
    ws.set_review(qingxi, verdict=Verdict.REVISE, remarks="数据基本准确。\n请补充存在的不足。")
    yield Reviewed(ws, qingxi, minghu)
    ws.close()
