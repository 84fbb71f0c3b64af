from __future__ import annotations

import io
from collections.abc import Callable
from datetime import datetime

import pypdf
import pytest

from reviewer.summary.data import (
    BatchData,
    BatchRow,
    CheckRow,
    FigureRow,
    IndicatorCell,
    NoteRow,
    SheetHeader,
    SummaryData,
)
from reviewer.summary.fonts import pdf_fonts


@pytest.fixture
def pdf_pages() -> Callable[[bytes], list[str]]:
    """The text of each page of a PDF, as pypdf extracts it."""

    def read(data: bytes) -> list[str]:
        return [page.extract_text() for page in pypdf.PdfReader(io.BytesIO(data)).pages]

    return read


@pytest.fixture
def no_system_fonts(monkeypatch):
    """Font discovery finds nothing: the sheets must fall back to the built-in CID font."""
    monkeypatch.setattr("reviewer.summary.fonts.discover_font_files", lambda: [])
    pdf_fonts.cache_clear()
    yield
    pdf_fonts.cache_clear()


@pytest.fixture
def reviewed_summary() -> SummaryData:
    header = SheetHeader(
        file_name="常平镇2021年报告.txt",
        title="常平镇2021年法治政府建设年度报告",
        unit="常平镇",
        level="乡镇街道",
        report_year=2021,
        publish_date="2022-03-15",
        sign_date="2022-02-20",
        short_hash="3fc20d629b33",
        reviewer="李审阅",
        review_date="2022-04-02",
        verdict="需修改",
        review_status="已审",
    )
    checks = [
        CheckRow("主要举措和成效", "符合", "一、坚持党的领导，统筹推进法治政府建设"),
        CheckRow("存在的不足和原因", "不符合", "未找到“存在的不足和原因”部分"),
        CheckRow("党政主要负责人履行第一责任人职责情况", "符合", "镇党委书记切实履行第一责任人职责", "审阅人已更正"),
        CheckRow("下一年度主要安排", "符合", "三、2022年工作计划"),
        CheckRow("公开及时性", "符合", "公开日期 2022-03-15，不晚于 2022-03-31"),
        CheckRow("标题序号", "符合", "未发现序号重复、跳号或顺序错乱"),
        CheckRow("数据一致性", "不符合", "调解成功率约为97.6%：按5745/5894计算为97.47%"),
    ]
    figures = [
        FigureRow("一、坚持党的领导", "5894宗", "5894", "宗", "调解案件", "accepted"),
        FigureRow("一、坚持党的领导", "97.6%", "97.47", "%", "调解成功率", "corrected", "97.6 %"),
        FigureRow("二、存在的问题", "4732条", "4732", "条", "政府政务信息", "pending"),
    ]
    notes = [
        NoteRow("检查", "比率与数据不符", "error", "成功调解5745宗,调解成功率约为97.6%", "5745/5894为97.47%", "请核实", "已确认"),
        NoteRow("批注", "亮点", "info", "“近民普法”教育效果明显", "", "经验可推广"),
    ]
    return SummaryData(
        header=header,
        checks=checks,
        figures=figures,
        notes=notes,
        remarks="报告总体完整。\n请补充存在的不足和原因。",
        rejected_figures=1,
        rejected_findings=2,
        generated_at=datetime(2022, 4, 2, 10, 30),
    )


@pytest.fixture
def batch_data() -> Callable[[int], BatchData]:
    """A batch of ``n`` reports, alternating units, results and indicator values."""

    def build(n: int) -> BatchData:
        units = ["龙山镇", "蒲场镇", "柯城区", "常平镇", "天门市"]
        rows = []
        for i in range(n):
            rows.append(
                BatchRow(
                    unit=units[i % len(units)],
                    report_year=2018 + i % 5,
                    publish_date=f"{2019 + i % 5}-03-{10 + i % 20:02d}",
                    timeliness=("符合", "不符合", "需核实")[i % 3],
                    required="不符合" if i % 2 else "符合",
                    missing_parts=["存在的不足和原因"] if i % 2 else [],
                    open_findings=i % 4,
                    verdict=("通过", "需修改", None)[i % 3],
                    indicators={
                        "行政复议案件": IndicatorCell(f"{i + 1}件"),
                        "人民调解案件": IndicatorCell("5894宗", pending=i % 2 == 0),
                        "调解成功率": IndicatorCell("97.6%", pending=i % 2 == 0),
                    },
                )
            )
        return BatchData(
            rows=rows,
            indicator_names=["行政复议案件", "行政诉讼案件", "人民调解案件", "调解成功率"],
            scope="工作区全部报告",
            reviewer="李审阅",
            generated_at=datetime(2022, 4, 2, 10, 30),
        )

    return build
