"""The 审阅意见单 as an editable Word document: the same content as the PDF sheet, from the same collected
:class:`~reviewer.summary.data.SummaryData`, in official-document style."""
from __future__ import annotations

import io
from collections.abc import Sequence

from docx.document import Document as WordDocument
from docx.enum.text import WD_BREAK
from docx.shared import Mm

from reviewer.outputs.word_style import (
    FAIL,
    GROUP_FILL,
    HEAD_FILL,
    MUTED,
    body,
    centred,
    heading,
    note,
    official_document,
    styled_run,
    title,
)
from reviewer.outputs.word_tables import add_row, cell, ruled_table
from reviewer.summary.data import CHECK_FAIL, SummaryData
from reviewer.summary.report_sheet import (
    BLANK,
    CHECK_HEAD,
    FIGURE_HEAD,
    FIGURE_STATE_LABELS,
    NO_REMARKS,
    NO_SECTION_GROUP,
    NOTE_HEAD,
    SECTION_TITLES,
    SHEET_TITLE,
    UNREVIEWED_NOTICE,
    WHOLE_REPORT_QUOTE,
    figure_counts_note,
    generated_line,
    header_fields,
    machine_value_line,
    no_figures_note,
    note_category,
    note_comment,
    rejected_findings_note,
    report_name,
    severity_label,
    signature_verdict,
)
from reviewer.vocabulary import ItemState

_TEXT_WIDTH = 210 - 28 - 26  # millimetres between the margins
SIGNATURE_BLANK = "\u3000" * 8
DATE_BLANK = "\u3000" * 6
"""Underlined blanks to sign and date by hand, as on the printed sheet."""


def build_report_docx(sheets: Sequence[SummaryData]) -> bytes:
    """The 审阅意见单 of each report, one after the other (each from a new page), as .docx bytes."""
    document = official_document()
    for index, data in enumerate(sheets):
        if index:
            document.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
        write_sheet(document, data)
    document.core_properties.title = SHEET_TITLE if len(sheets) != 1 else f"{SHEET_TITLE}：{report_name(sheets[0])}"
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def write_sheet(document: WordDocument, data: SummaryData) -> None:
    title(document, SHEET_TITLE)
    centred(document, report_name(data))
    if not data.reviewed:
        notice = ruled_table(document, (), [_TEXT_WIDTH])
        add_row(notice, [_TEXT_WIDTH], [cell(UNREVIEWED_NOTICE, centre=True, color=FAIL)])
    _header_table(document, data)
    checks_title, figures_title, notes_title, remarks_title = SECTION_TITLES
    heading(document, checks_title)
    _checks_table(document, data)
    heading(document, figures_title)
    _figures(document, data)
    heading(document, notes_title)
    _notes(document, data)
    heading(document, remarks_title)
    remarks = [line.strip() for line in data.remarks.strip().splitlines() if line.strip()]
    last_remark = [body(document, line) for line in remarks or [NO_REMARKS]][-1]
    last_remark.paragraph_format.keep_with_next = True
    _signature(document, data)


def _header_table(document: WordDocument, data: SummaryData) -> None:
    label = 24.0
    value = (_TEXT_WIDTH - 2 * label) / 2
    widths = [label, value, label, value]
    table = ruled_table(document, (), widths)
    fields = header_fields(data)
    for number, pairs in enumerate(fields):
        cells = []
        for name, text in pairs:
            cells += [cell(name, bold=True, centre=True, fill=HEAD_FILL),
                      cell(text, bold=number == len(fields) - 1, span=3 if len(pairs) == 1 else 1)]
        add_row(table, widths, cells)


def _checks_table(document: WordDocument, data: SummaryData) -> None:
    widths: list[float] = [13, 42, 18]
    widths.append(_TEXT_WIDTH - sum(widths))
    table = ruled_table(document, CHECK_HEAD, widths)
    for number, check in enumerate(data.checks, 1):
        failed = check.result == CHECK_FAIL
        add_row(table, widths, [
            cell(str(number), centre=True),
            cell(check.item),
            cell(check.result, bold=failed, centre=True, color=FAIL if failed else None),
            cell(check.evidence or BLANK, asides=[check.note]),
        ])


def _figures(document: WordDocument, data: SummaryData) -> None:
    if not data.figures:
        body(document, no_figures_note(data))
        return
    note(document, figure_counts_note(data))
    widths: list[float] = [13, 40, 26, 14, 0, 18]
    widths[4] = _TEXT_WIDTH - sum(widths)
    table = ruled_table(document, FIGURE_HEAD, widths)
    current_section: str | None = None
    for number, figure in enumerate(data.figures, 1):
        if figure.section != current_section:
            current_section = figure.section
            add_row(table, widths, [cell(figure.section or NO_SECTION_GROUP, bold=True, fill=GROUP_FILL,
                                         span=len(widths))])
        color = MUTED if figure.state == ItemState.PENDING else None
        corrected = figure.state == ItemState.CORRECTED
        add_row(table, widths, [
            cell(str(number), centre=True, color=color),
            cell(figure.text, color=color),
            cell(figure.value, bold=corrected, color=color,
                 asides=[machine_value_line(figure)] if corrected and figure.machine_value else ()),
            cell(figure.unit, centre=True, color=color),
            cell(figure.subject or BLANK, color=color),
            cell(FIGURE_STATE_LABELS.get(figure.state, figure.state), centre=True, color=color),
        ])


def _notes(document: WordDocument, data: SummaryData) -> None:
    if data.notes:
        widths: list[float] = [13, 34, 56]
        widths.append(_TEXT_WIDTH - sum(widths))
        table = ruled_table(document, NOTE_HEAD, widths)
        for number, row in enumerate(data.notes, 1):
            explanation = "\n".join(text for text in (row.message, note_comment(row)) if text) or BLANK
            add_row(table, widths, [
                cell(str(number), centre=True),
                cell(note_category(row), asides=[severity_label(row)]),
                cell(row.quote or WHOLE_REPORT_QUOTE),
                cell(explanation, asides=[row.state]),
            ])
    else:
        body(document, "无。")
    if data.rejected_findings:
        note(document, rejected_findings_note(data))


def _signature(document: WordDocument, data: SummaryData) -> None:
    """Kept on one page with the last remark and the generated line: no page holds only the signature."""
    before = document.add_paragraph()
    verdict = document.add_paragraph()
    styled_run(verdict, "审阅结论：")
    styled_run(verdict, signature_verdict(data), bold=True)
    signature = document.add_paragraph()
    signature.paragraph_format.space_before = Mm(6)
    styled_run(signature, "审阅人签字：")
    styled_run(signature, SIGNATURE_BLANK).underline = True
    styled_run(signature, "　　日期：")
    styled_run(signature, DATE_BLANK).underline = True
    after = document.add_paragraph()
    for paragraph in (before, verdict, signature, after):
        paragraph.paragraph_format.keep_with_next = True
    note(document, generated_line(data))
