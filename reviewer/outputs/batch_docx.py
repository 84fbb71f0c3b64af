"""The 汇总表 as a Word document (the 通报 officers circulate): the same content as the PDF batch table, from
the same collected :class:`~reviewer.summary.data.BatchData`, landscape, in official-document style."""
from __future__ import annotations

import io

from docx.document import Document as WordDocument

from reviewer.outputs.word_style import FAIL, MUTED, centred, heading, note, official_document, title
from reviewer.outputs.word_tables import add_row, cell, ruled_table
from reviewer.summary.batch_sheet import (
    BATCH_TITLE,
    INDICATORS_PER_TABLE,
    REPORTS_HEAD,
    REQUIRED_COLUMN,
    VERDICT_COLUMN,
    batch_subtitle,
    failed_columns,
    indicator_note,
    indicator_row_texts,
    missing_row_texts,
    report_row_texts,
    reports_note,
)
from reviewer.summary.data import BatchData

_TEXT_WIDTH = 297 - 25 - 25  # millimetres between the margins
_LEFT_COLUMNS = (1, REQUIRED_COLUMN)


def build_batch_docx(data: BatchData) -> bytes:
    """The 汇总表 as .docx bytes."""
    document = official_document(landscape=True)
    title(document, BATCH_TITLE)
    centred(document, batch_subtitle(data))

    heading(document, "一、报告审阅情况")
    widths: list[float] = [13, 0, 16, 26, 20, 84, 16, 24]
    widths[1] = _TEXT_WIDTH - sum(widths)
    table = ruled_table(document, REPORTS_HEAD, widths)
    for number, row in enumerate(data.rows, 1):
        failed = failed_columns(row)
        add_row(table, widths, [
            cell(text, centre=column not in _LEFT_COLUMNS, color=FAIL if column in failed else None)
            for column, text in enumerate(report_row_texts(number, row))
        ])
    for number, unit in enumerate(data.not_reported, len(data.rows) + 1):
        add_row(table, widths, [
            cell(text, centre=column not in _LEFT_COLUMNS, color=FAIL if column == VERDICT_COLUMN else None)
            for column, text in enumerate(missing_row_texts(number, unit))
        ])
    note(document, reports_note(data))

    heading(document, "二、主要指标")
    names = list(data.indicator_names)
    for first in range(0, len(names), INDICATORS_PER_TABLE):
        if first:
            document.add_paragraph()
        _indicator_table(document, data, names[first:first + INDICATORS_PER_TABLE])
    note(document, indicator_note())

    document.core_properties.title = BATCH_TITLE
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def _indicator_table(document: WordDocument, data: BatchData, names: list[str]) -> None:
    """One table of up to INDICATORS_PER_TABLE indicator columns, as the PDF splits them."""
    unit_width, year_width = 32.0, 16.0
    indicator_width = (_TEXT_WIDTH - unit_width - year_width) / max(len(names), 1)
    widths = [unit_width, year_width] + [indicator_width] * len(names)
    table = ruled_table(document, ["单位", "年度", *names], widths)
    for row in data.rows:
        texts, pending = indicator_row_texts(row, names)
        add_row(table, widths, [
            cell(text, centre=column > 0, color=MUTED if column in pending else None) for column, text in enumerate(texts)
        ])
