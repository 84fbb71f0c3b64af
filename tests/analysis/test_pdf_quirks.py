"""Each way an office suite prints a report, alone in a reportlab-made PDF: the PDF's analysis equals the
analysis of the text it prints (title, report year, top-level headings, figures, required parts, notes)."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from reviewer.analysis.load import load_path
from reviewer.analysis.model import Analysis, LoadedDocument, RawNote, TableCell
from reviewer.analysis.pipeline import analyze_document
from tests.analysis.pdf_same_text import assert_same_analysis
from tests.analysis.positioned_pdf import (
    HEIGHT,
    LEFT,
    PITCH,
    RIGHT,
    SMALL_SIZE,
    TOP,
    WIDTH,
    Page,
    Run,
    draw,
    find,
    split_run,
    typeset,
    width,
)

TITLE = "蒲场镇人民政府关于2024年度法治政府建设工作情况的报告"
PARAGRAPHS = [
    "县委依法治县办：",
    "2024年，蒲场镇深入学习贯彻习近平法治思想，全面落实法治政府建设各项任务，依法行政水平持续提升。现将有关情况报告如下。",
    "一、主要举措和成效",
    "镇党委书记认真履行推进法治建设第一责任人职责，主持召开专题会议4次。全年上线“一件事”98个，组织“法治讲座”35批次，"
    "排查矛盾纠纷412件，调解成功396件，诉前调解成功280件，其中达成司法确认16件。执法人员参加培训120人次，开展执法"
    "案卷评查2次，评查案卷60卷。",
    "二、存在的不足",
    "一是部分干部运用法治思维和法治方式解决问题的能力仍需提高；二是执法人员力量与任务不相适应。",
    "三、2025年工作打算",
    "一是持续深化法治宣传教育，组织专题学法不少于4次；二是加强执法队伍建设，开展执法培训2期。",
    "蒲场镇人民政府",
    "2025年1月15日",
]
TEXT = "\n".join([TITLE, *PARAGRAPHS])
HEADER = "蒲场镇2024年法治政府建设工作报告"
SHORT_PAGE = TOP + 9 * PITCH  # pages of ten body lines, so that paragraphs run across page breaks


def text_analysis(text: str = TEXT, **parts: object) -> Analysis:
    return analyze_document(LoadedDocument("r.docx", "docx", None, text, **parts))  # type: ignore[arg-type]


def pdf_analysis(path: Path, pages: list[Page]) -> Analysis:
    return analyze_document(load_path(draw(path, pages)))


def with_furniture(pages: list[Page], footer: str) -> list[Page]:
    for number, page in enumerate(pages, start=1):
        page.runs.append(Run(HEADER, (WIDTH - width(HEADER, SMALL_SIZE)) / 2, 50, SMALL_SIZE))
        page.rules.append((LEFT, 56, RIGHT))
        label = footer.format(page=number, count=len(pages))
        page.runs.append(Run(label, (WIDTH - width(label, SMALL_SIZE + 1)) / 2, HEIGHT - 50, SMALL_SIZE + 1))
    return pages


@pytest.mark.parametrize("footer", ["— {page} —", "- {page} -", "第{page}页 共{count}页", "{page}/{count}", "{page}"])
def test_running_headers_and_page_numbers_are_dropped_and_paragraphs_run_on(tmp_path: Path, footer: str) -> None:
    pages = with_furniture(typeset(TITLE, PARAGRAPHS, bottom=SHORT_PAGE), footer)
    assert len(pages) >= 2
    pdf = pdf_analysis(tmp_path / "report.pdf", pages)
    assert_same_analysis(pdf, text_analysis())
    assert pdf.text.split("\n\n")[4] == PARAGRAPHS[3]


def test_a_header_between_the_halves_of_a_figure_is_dropped(tmp_path: Path) -> None:
    pages = with_furniture(typeset(TITLE, PARAGRAPHS, page_break_after="其中达成司法确认16"), "— {page} —")
    assert pages[0].runs[-3].text.endswith("确认16") and pages[1].runs[0].text.startswith("件。")
    pdf = pdf_analysis(tmp_path / "split.pdf", pages)
    assert_same_analysis(pdf, text_analysis())
    assert "其中达成司法确认16件。" in pdf.text


def test_office_spacing_between_chinese_and_digits_is_not_text(tmp_path: Path) -> None:
    pages = typeset(TITLE, PARAGRAPHS)
    for page in pages:
        spaced: list[Run] = []
        for run in page.runs:
            x = run.x
            for piece in re.findall(r"[0-9.,%]+|[^0-9.,%]+", run.text):
                spaced.append(Run(piece, x, run.y, run.size))
                x += width(piece, run.size) + run.size / 4  # the quarter em Word and WPS put between scripts
        page.runs = spaced
    pdf = pdf_analysis(tmp_path / "spaced.pdf", pages)
    assert_same_analysis(pdf, text_analysis())
    assert "2024年" in pdf.text and "2024 年" not in pdf.text


def test_quote_marks_drawn_after_their_words_come_back_in_reading_order(tmp_path: Path) -> None:
    pages = typeset(TITLE, PARAGRAPHS)
    for page in pages:
        words: list[Run] = []
        quotes: list[Run] = []
        for run in page.runs:
            x = run.x
            for piece in re.findall(r"[“”]|[^“”]+", run.text):
                (quotes if piece in "“”" else words).append(Run(piece, x, run.y, run.size))
                x += width(piece, run.size)
        page.runs = words + quotes  # the quote glyphs come last in the content stream, as from some fonts
    pdf = pdf_analysis(tmp_path / "quotes.pdf", pages)
    assert_same_analysis(pdf, text_analysis())
    assert "全年上线“一件事”98个，组织“法治讲座”35批次" in pdf.text


def test_a_footnote_under_a_short_rule_is_a_note_with_its_own_figures(tmp_path: Path) -> None:
    pages = typeset(TITLE, PARAGRAPHS)
    page, run, at = find(pages, "专题会议4次")
    head, tail = split_run(run, at + len("专题会议4次"))
    mark = Run("1", tail.x, tail.y, SMALL_SIZE, rise=6)
    tail.x += width("1", SMALL_SIZE)
    page.runs[page.runs.index(run):page.runs.index(run) + 1] = [head, mark, tail]
    page.rules.append((LEFT, HEIGHT - 70, LEFT + 150))
    page.runs.append(Run("1 含线上讲座3场，线下讲座32场。", LEFT, HEIGHT - 55, SMALL_SIZE))
    pdf = pdf_analysis(tmp_path / "note.pdf", pages)
    anchor = TEXT.index("专题会议4次") + len("专题会议4次")
    assert_same_analysis(pdf, text_analysis(notes=[RawNote("footnote", "含线上讲座3场，线下讲座32场。", anchor)]))
    (note,) = pdf.notes
    assert pdf.text[:note.anchor].endswith("专题会议4次") and "4次1" not in pdf.text
    assert [(f.value, f.unit) for f in note.figures] == [(3, "场"), (32, "场")]


TABLE = [["项目", "2023年", "2024年"], ["行政复议收案（件）", "10", "12"], ["行政应诉案件（件）", "5", "7"]]


def test_table_cells_keep_their_rows_and_columns(tmp_path: Path) -> None:
    pages = typeset(TITLE, PARAGRAPHS[:4])
    page = pages[-1]
    top = page.runs[-1].y + PITCH
    columns = [LEFT, LEFT + 200, LEFT + 320, RIGHT]
    for number, row in enumerate(TABLE):
        y = top + number * PITCH
        page.rules.append((columns[0], y - 20, columns[-1]))
        for column, cell in enumerate(row):
            page.runs.append(Run(cell, columns[column] + 6, y))
    page.rules.append((columns[0], top + len(TABLE) * PITCH - 20, columns[-1]))
    closing = typeset("", PARAGRAPHS[4:], top=top + (len(TABLE) + 1) * PITCH)
    page.runs += closing[0].runs
    pages += closing[1:]
    pdf = pdf_analysis(tmp_path / "table.pdf", pages)

    rows = ["\t".join(row) for row in TABLE]
    text = "\n".join([TITLE, *PARAGRAPHS[:4], *rows, *PARAGRAPHS[4:]])
    cells = []
    for row, label in ((1, "行政复议收案"), (2, "行政应诉案件")):
        start = text.index(rows[row]) + len(TABLE[row][0]) + 1
        cells += [TableCell(start, start + len(TABLE[row][1]), label, "2023年", "件")]
        start += len(TABLE[row][1]) + 1
        cells += [TableCell(start, start + len(TABLE[row][2]), label, "2024年", "件")]
    assert_same_analysis(pdf, text_analysis(text, table_cells=cells))
    assert [(f.value, f.subject, f.column) for f in pdf.figures if f.column] == [
        (10, "行政复议收案", "2023年"), (12, "行政复议收案", "2024年"), (5, "行政应诉案件", "2023年"), (7, "行政应诉案件", "2024年"),
    ]


def test_a_title_wrapped_onto_two_lines_is_one_title(tmp_path: Path) -> None:
    pages = typeset(TITLE, PARAGRAPHS)
    assert sum(run.size > 20 for run in pages[0].runs) == 2
    assert pdf_analysis(tmp_path / "title.pdf", pages).metadata.title == TITLE


def test_a_rotated_watermark_and_glyphs_drawn_twice_for_bold_are_not_text(tmp_path: Path) -> None:
    pages = typeset(TITLE, PARAGRAPHS)
    title_runs = [run for run in pages[0].runs if run.size > 20]
    pages[0].runs += [Run(r.text, r.x + 0.4, r.y, r.size) for r in title_runs]
    pages[0].runs.append(Run("内部资料 注意保存", 150, 600, 40, angle=45))
    assert_same_analysis(pdf_analysis(tmp_path / "marks.pdf", pages), text_analysis())


BOX_LINES = ["专栏：全镇共建成法治文化阵地12个，", "培育“法律明白人”86名。"]


def test_a_text_box_is_a_note_and_its_figures_stay_out_of_the_body(tmp_path: Path) -> None:
    pages = typeset(TITLE, PARAGRAPHS)
    page = pages[0]
    below = page.runs.index(find(pages, "一、主要举措")[1])
    for run in page.runs[below:]:
        run.y += 3 * PITCH
    top = page.runs[below].y - 3 * PITCH - 6
    page.rules += [(LEFT + 60, top, RIGHT - 60), (LEFT + 60, top + 2 * PITCH + 8, RIGHT - 60)]
    page.boxes.append((LEFT + 60, top, RIGHT - 60, top + 2 * PITCH + 8))
    page.runs += [Run(line, LEFT + 70, top + 20 + i * PITCH, SMALL_SIZE + 3) for i, line in enumerate(BOX_LINES)]
    pdf = pdf_analysis(tmp_path / "box.pdf", pages)
    assert_same_analysis(pdf, text_analysis(notes=[RawNote("textbox", "".join(BOX_LINES), None)]))
    assert [(n.kind, [(f.value, f.unit) for f in n.figures]) for n in pdf.notes] == [("textbox", [(12, "个"), (86, "名")])]
    assert pdf.text[pdf.notes[0].anchor:].lstrip().startswith("一、主要举措和成效")  # the paragraph right under the box


def test_tracked_changes_printed_with_the_text_read_as_the_accepted_text(tmp_path: Path) -> None:
    pages = typeset(TITLE, PARAGRAPHS)
    page, run, at = find(pages, "专题会议4次")
    head, tail = split_run(run, at + len("专题会议"))
    size = run.size
    deleted = Run("5", tail.x, tail.y, size)
    tail.x += width("5", size)
    page.rules.append((deleted.x - 0.5, deleted.y - 0.3 * size, tail.x + 0.5))  # struck through the middle
    page.rules.append((tail.x, tail.y + 2, tail.x + width("4", size)))  # the insertion underlined
    page.runs[page.runs.index(run):page.runs.index(run) + 1] = [head, deleted, tail]
    balloon = (RIGHT + 4, run.y - 12, WIDTH - 4, run.y + 6)  # Word's balloon in the markup area
    page.boxes.append(balloon)
    page.runs.append(Run("删除的内容: 5", balloon[0] + 3, run.y, 6))
    comment = find(pages, "排查矛盾纠纷")[1]
    page.runs += [Run("批注 [A1]: 核实", RIGHT + 6, comment.y, 6), Run("数字12处", RIGHT + 6, comment.y + 8, 6)]
    pdf = pdf_analysis(tmp_path / "tracked.pdf", pages)
    assert_same_analysis(pdf, text_analysis())
    assert "专题会议4次" in pdf.text and "54次" not in pdf.text
    assert "删除" not in pdf.text and "批注" not in pdf.text and not pdf.notes
