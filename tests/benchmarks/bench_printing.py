"""Benchmark of printing the summaries: ``python tests/benchmarks/bench_printing.py [ROWS]``.

A three-page 审阅意见单 and a 汇总表 of ROWS (default 300) reports are printed to PDF files through
PdfPrintJob, the way the print dialog's printer gets them: prints how long reading the PDF's drawing and
painting it took, the pages, and the size of the print job next to the PDF's own size. Before vector
printing, the sheet went to the printer as page images (about 1 MB for three pages, no text).
"""
from __future__ import annotations

import os
import sys
import tempfile
import time
from datetime import datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def print_job(data: bytes, target: Path) -> tuple[float, float, int]:
    """(seconds to read the drawing, seconds to paint it, pages) printing ``data`` to ``target``."""
    from PySide6.QtPrintSupport import QPrinter

    from reviewer.ui.summary_output import PdfPrintJob

    started = time.perf_counter()
    job = PdfPrintJob(data)
    read = time.perf_counter() - started
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(target))
    printer.setPageLayout(job.page_layout())
    printer.setFullPage(True)
    started = time.perf_counter()
    job.paint(printer)
    return read, time.perf_counter() - started, len(job.pages)


def main() -> None:
    rows = int(sys.argv[1]) if len(sys.argv) > 1 else 300
    from PySide6.QtWidgets import QApplication

    from reviewer.summary import build_batch_pdf, build_report_pdf
    from reviewer.summary.data import BatchData, BatchRow, CheckRow, FigureRow, SheetHeader, SummaryData

    app = QApplication([])
    header = SheetHeader(file_name="报告.txt", title="常平镇2023年法治政府建设年度报告", unit="常平镇", reviewer="李审阅")
    figures = [FigureRow(f"{n % 5 + 1}、工作举措", f"{n * 7}件", str(n * 7), "件", "行政复议案件", "accepted")
               for n in range(60)]
    sheet = build_report_pdf(SummaryData(header=header, checks=[CheckRow("公开及时性", "符合", "按时公开")],
                                         figures=figures, notes=[], remarks="报告总体完整。",
                                         generated_at=datetime(2024, 4, 2)))
    batch = build_batch_pdf(BatchData(
        rows=[BatchRow(unit=f"第{n}镇", report_year=2023, publish_date="2024-03-10", timeliness="符合",
                       required="符合") for n in range(rows)],
        indicator_names=[], scope="工作区全部报告", generated_at=datetime(2024, 4, 2)))
    folder = Path(tempfile.mkdtemp())
    for name, data in (("审阅意见单", sheet), (f"汇总表（{rows} 份报告）", batch)):
        target = folder / "printed.pdf"
        read, paint, pages = print_job(data, target)
        print(f"{name}: {pages} pages, drawing read in {read * 1000:.0f} ms, painted in {paint * 1000:.0f} ms; "
              f"print job {target.stat().st_size / 1024:.0f} KB (the PDF {len(data) / 1024:.0f} KB)")
    app.quit()


if __name__ == "__main__":
    main()
