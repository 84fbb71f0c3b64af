"""Notes and table cells from a loader carried through cleaning into the analysis."""
from __future__ import annotations

from reviewer.analysis.clean import clean
from reviewer.analysis.model import LoadedDocument, RawNote, TableCell
from reviewer.analysis.pipeline import analyze_document

CHROME = "首页 > 政务公开 > 法治政府建设\n"
BODY = "全年共收到行政复议案件16件。\n"
ROW = "行政复议收案（件）\t10\t12"


def document(raw_text: str, **parts: object) -> LoadedDocument:
    return LoadedDocument(source="r.pdf", format="pdf", encoding=None, raw_text=raw_text, **parts)  # type: ignore[arg-type]


def test_raw_offsets_map_every_cleaned_character_back_to_the_raw_text() -> None:
    raw = "  首页 > 政务公开\n\u200b正文第一段。  \n\n第二段。\n"
    cleaned = clean(raw)
    assert cleaned.text == "正文第一段。\n\n第二段。"
    assert len(cleaned.raw_offsets) == len(cleaned.text) + 1
    assert all(raw[cleaned.raw_offsets[i]] == ch for i, ch in enumerate(cleaned.text) if ch != "\n")


def test_a_note_has_its_own_figures_and_its_anchor_moves_with_cleaning() -> None:
    raw = CHROME + "组织法治讲座35批次。\n"
    anchor = raw.index("。")
    analysis = analyze_document(document(raw, notes=[RawNote("footnote", "含线上讲座3场。", anchor)]))
    (note,) = analysis.notes
    assert analysis.text[note.anchor:].startswith("。")
    assert [(f.value, f.unit) for f in note.figures] == [(3, "场")]
    assert [(f.value, f.unit) for f in analysis.figures] == [(35, "批次")]
    assert analysis.to_json_dict()["notes"][0]["figures"][0]["text"] == "3场"


def test_a_bare_number_in_a_cell_with_a_unit_is_a_figure_with_row_label_and_column() -> None:
    raw = CHROME + BODY + "项目\t2023年\t2024年\n" + ROW
    start = raw.index(ROW) + ROW.index("10")
    cells = [
        TableCell(start, start + 2, "行政复议收案", "2023年", "件"),
        TableCell(start + 3, start + 5, "行政复议收案", "2024年", "件"),
    ]
    analysis = analyze_document(document(raw, table_cells=cells))
    table = [(f.text, f.value, f.unit, f.subject, f.column) for f in analysis.figures if f.column]
    assert table == [("10", 10, "件", "行政复议收案", "2023年"), ("12", 12, "件", "行政复议收案", "2024年")]
    assert all(analysis.text[f.start:f.end] == f.text for f in analysis.figures)


def test_a_cell_figure_with_its_unit_gets_the_row_label_and_column_header() -> None:
    raw = BODY + "项目\t本年\n行政诉讼应诉\t7件"
    start = raw.index("7件")
    analysis = analyze_document(document(raw, table_cells=[TableCell(start, start + 2, "行政诉讼应诉", "本年", None)]))
    assert [(f.value, f.unit, f.subject, f.column) for f in analysis.figures][-1] == (7, "件", "行政诉讼应诉", "本年")


def test_money_in_ten_thousands_keeps_its_unit_and_other_units_multiply() -> None:
    raw = BODY + "经费\t12.5\n培训\t1.2"
    money, people = raw.index("12.5"), raw.rindex("1.2")
    cells = [TableCell(money, money + 4, "经费", None, "万元"), TableCell(people, people + 3, "培训", None, "万人次")]
    figures = analyze_document(document(raw, table_cells=cells)).figures
    assert [(f.value, f.unit) for f in figures[-2:]] == [(12.5, "万元"), (12000, "人次")]


def test_a_cell_on_a_hidden_line_is_dropped() -> None:
    raw = CHROME + BODY
    analysis = analyze_document(document(raw, table_cells=[TableCell(0, 2, "首页", None, "件")]))
    assert [(f.value, f.unit) for f in analysis.figures] == [(16, "件")]
