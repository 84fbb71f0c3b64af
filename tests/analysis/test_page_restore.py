"""Pages of positioned lines — a PDF text layer or recognized scan lines — back into the author's text."""
from __future__ import annotations

from reviewer.analysis.loaders.page_layout import PageFrame, PageLayout, PageLine, PageRule
from reviewer.analysis.loaders.page_restore import restore_pages

SIZE = 16.0
LEFT, RIGHT = 72.0, 520.0  # 28 characters of 16 pt
PITCH = 28.0


def at(text: str, x0: float, top: float, size: float = SIZE) -> PageLine:
    width = sum(size if ord(ch) > 0x2000 else size / 2 for ch in text)
    return PageLine(text, x0, top, x0 + width, top + size, size)


def page(number: int, *lines: PageLine) -> PageLayout:
    return PageLayout(number, 595.0, 842.0, list(lines))


def body(lines: list[str], first_top: float = 100.0, indent_first: bool = True) -> list[PageLine]:
    """Lines of one paragraph: the first indented by two characters, all but the last justified to the
    right margin."""
    placed = [
        at(text, LEFT + (2 * SIZE if indent_first and i == 0 else 0), first_top + i * PITCH)
        for i, text in enumerate(lines)
    ]
    for line in placed[:-1]:
        line.x1 = RIGHT
    return placed


FULL_1 = "全年共收到行政复议案件16件，其中不予受理5件，受理"  # fills the line after a 2-character indent
FULL_2 = "11件，依法审结10件，调解成功率约为97.6%，行政机关负责人出"
END = "庭应诉率100%。"


def test_a_paragraph_runs_on_across_a_page_break_without_header_footer_and_page_number() -> None:
    header = "蒲场镇2024年法治政府建设工作报告"
    pages = [
        page(n, at(header, 200, 40, 9), *lines, at(f"— {n} —", 285, 800, 9), at(f"第{n}页 共2页", 270, 815, 9))
        for n, lines in ((1, body([FULL_1, FULL_2])), (2, body([END, "二、存在的不足"], indent_first=False)))
    ]
    restored = restore_pages(pages)
    assert restored.text.split("\n") == [FULL_1 + FULL_2 + END, "二、存在的不足"]


def test_a_header_with_the_page_number_in_it_is_dropped_on_every_page() -> None:
    texts = ["第一页的正文，写满一行之前结束。", "第二页的正文。", "第三页的正文，也很短。"]
    pages = [page(n, at(f"明湖县司法局 {n}", 72, 40, 10), *body([texts[n - 1]])) for n in (1, 2, 3)]
    assert restore_pages(pages).text.split("\n") == texts


def test_the_title_is_kept_though_the_header_repeats_its_words() -> None:
    title = "蒲场镇2024年法治政府建设工作报告"
    first = page(1, at(title, 100, 40, 9), at(title, 150, 80, 22), *body([FULL_1, FULL_2, END], 140))
    second = page(2, at(title, 100, 40, 9), *body(["正文第二段。"], 100))
    assert restore_pages([first, second]).text.split("\n") == [title, FULL_1 + FULL_2 + END, "正文第二段。"]


def test_a_title_wrapped_onto_a_second_centred_line_is_joined() -> None:
    lines = [at("蒲场镇人民政府关于2024年度法治政府建", 80, 60, 22), at("设工作情况的报告", 208, 92, 22)]
    lines[0].x1 = RIGHT - 10
    restored = restore_pages([page(1, *lines, *body([FULL_1, FULL_2, END], 150))])
    assert restored.text.split("\n")[0] == "蒲场镇人民政府关于2024年度法治政府建设工作情况的报告"


def test_a_title_the_author_broke_into_two_lines_stays_two_lines() -> None:
    lines = [at("蒲场镇人民政府", 219, 60, 22), at("关于2024年度法治政府建设情况的报告", 110, 92, 22)]
    restored = restore_pages([page(1, *lines, *body([FULL_1, FULL_2, END], 150))])
    assert restored.text.split("\n")[:2] == ["蒲场镇人民政府", "关于2024年度法治政府建设情况的报告"]


def test_a_full_line_ending_a_sentence_continues_when_the_next_line_is_not_indented() -> None:
    sentence = "全年共收到行政复议案件16件，其中不予受理5件，受理。"
    restored = restore_pages([page(1, *body([sentence, "11件。"]), *body(["下一段。"], 100 + 2 * PITCH))])
    assert restored.text.split("\n") == [sentence + "11件。", "下一段。"]


def test_quote_marks_drawn_after_the_words_come_back_in_reading_order() -> None:
    quote_open, quote_close = at("“", 72 + 4 * SIZE, 100), at("”", 72 + 8 * SIZE, 100)
    restored = restore_pages([page(1, at("上线98个", 72, 100), at("一件事", 72 + 5 * SIZE, 100), quote_close, quote_open)])
    assert restored.text == "上线98个“一件事”"


def test_a_footnote_is_kept_out_of_the_body_with_an_anchor_at_its_mark() -> None:
    mark = PageLine("1", 72 + 12 * SIZE, 97, 72 + 12 * SIZE + 5, 106, 9)
    lines = [
        at("组织法治讲座35批次", 72 + 2 * SIZE, 100), mark, at("。", 72 + 12 * SIZE + 6, 100),
        at("1 含线上讲座3场。", 72, 760, 10),
    ]
    restored = restore_pages([page(1, *lines)])
    assert restored.text == "组织法治讲座35批次。"
    (note,) = restored.notes
    assert (note.kind, note.text, note.anchor) == ("footnote", "含线上讲座3场。", len("组织法治讲座35批次"))


def test_a_table_keeps_its_rows_and_columns_with_labels_headers_and_units() -> None:
    rows = [
        [("项目", 80), ("2023年", 250), ("2024年", 400)],
        [("行政复议收案", 80), ("10", 262), ("12", 412)],
        [("（件）", 80)],
        [("行政诉讼应诉（件）", 80), ("5", 266), ("7", 416)],
    ]
    lines = [at(text, x, 100 + i * 30) for i, row in enumerate(rows) for text, x in row]
    restored = restore_pages([page(1, *body(["表1 行政复议和诉讼情况"], 60, indent_first=False), *lines)])
    assert restored.text.split("\n") == [
        "表1行政复议和诉讼情况", "项目\t2023年\t2024年", "行政复议收案（件）\t10\t12", "行政诉讼应诉（件）\t5\t7",
    ]
    cells = [(restored.text[c.start:c.end], c.row_label, c.column_header, c.unit) for c in restored.table_cells]
    assert cells == [
        ("10", "行政复议收案", "2023年", "件"), ("12", "行政复议收案", "2024年", "件"),
        ("5", "行政诉讼应诉", "2023年", "件"), ("7", "行政诉讼应诉", "2024年", "件"),
    ]


def test_recognized_words_of_one_line_are_one_line() -> None:
    words = [PageLine("共办理", 72, 100, 120, 116, 0, 0.9), PageLine("16件", 121, 101, 150, 117, 0, 0.8)]
    assert restore_pages([page(1, *words)]).text == "共办理16件"


def test_a_list_item_with_a_hanging_indent_runs_on_under_its_text() -> None:
    first = at("（1）全年共收到行政复议案件16件，其中不予受理5件，受理", LEFT, 100)
    first.x1 = RIGHT
    hanging = LEFT + 3 * SIZE
    lines = [first, at("11件，调解成功率约为97.6%，行政机关负责人", hanging, 128), at("出庭应诉率100%。", hanging, 156)]
    lines[1].x1 = RIGHT
    restored = restore_pages([page(1, *lines, *body([FULL_1, FULL_2, END], 200))])
    assert restored.text.split("\n")[0] == "（1）全年共收到行政复议案件16件，其中不予受理5件，受理11件，调解成功率约为97.6%，行政机关负责人出庭应诉率100%。"


def test_an_indented_block_wraps_under_itself() -> None:
    block = [at("引文第一行写满了整整一行的文字内容并且继续", LEFT + 4 * SIZE, 100), at("引文第二行也写满了一行的文字内容还在继续", LEFT + 2 * SIZE, 128),
             at("引文结束。", LEFT + 2 * SIZE, 156)]
    for line in block[:2]:
        line.x1 = RIGHT
    restored = restore_pages([page(1, *block, *body([FULL_1, FULL_2, END], 200))])
    assert restored.text.split("\n")[0] == "引文第一行写满了整整一行的文字内容并且继续引文第二行也写满了一行的文字内容还在继续引文结束。"


def marked(before: str, mark: str, after: str, top: float) -> list[PageLine]:
    """A body line with a raised note mark printed after ``before``."""
    head = at(before, LEFT + 2 * SIZE, top)
    x = head.x1
    return [head, PageLine(mark, x, top - 3, x + 5, top + 6, 9), at(after, x + 6, top)]


def test_endnotes_after_the_body_are_endnotes_and_footnotes_at_the_page_foot_stay_footnotes() -> None:
    first = page(1, *marked("组织法治讲座35批次", "1", "。", 100), *body([FULL_1, FULL_2, END], 128),
                 PageLine("1 含线上讲座3场。", 72, 760, 172, 770, 10))
    first.rules.append(PageRule(72, 752, 200))
    second = page(2, *marked("全年办理案件12件", "i", "。", 100), *marked("调解纠纷8件", "2", "。", 128))
    second.lines += [PageLine("i 数据截至12月31日。", 72, 170, 180, 180, 10), PageLine("2 含诉前调解5件。", 72, 185, 170, 195, 10)]
    second.rules.append(PageRule(72, 160, 200))
    restored = restore_pages([first, second])
    assert "组织法治讲座35批次。" in restored.text and "数据截至" not in restored.text
    notes = [(n.kind, n.text, restored.text[:n.anchor][-4:]) for n in restored.notes if n.anchor is not None]
    assert notes == [("footnote", "含线上讲座3场。", "35批次"), ("endnote", "数据截至12月31日。", "件12件"),
                     ("endnote", "含诉前调解5件。", "纠纷8件")]


def test_a_page_of_endnotes_alone_after_the_body_is_all_notes() -> None:
    first = page(1, *marked("全年办理案件12件", "i", "。", 100), *body([FULL_1, FULL_2, END], 128))
    notes_page = page(2, PageLine("i 数据截至12月31日，含撤回申请2件。", 72, 110, 250, 120, 10))
    notes_page.rules.append(PageRule(72, 100, 200))
    restored = restore_pages([first, notes_page])
    assert "撤回申请" not in restored.text
    (note,) = restored.notes
    assert (note.kind, note.text) == ("endnote", "数据截至12月31日，含撤回申请2件。")
    assert restored.text[:note.anchor].endswith("案件12件")


def test_notes_listed_under_a_heading_at_the_end_of_the_report_are_endnotes() -> None:
    lines = [*body([FULL_1, FULL_2, END]), at("注释：", LEFT, 200), at("1.数据来源于县统计局。", LEFT, 228),
             at("2.含诉前调解5件。", LEFT, 256)]
    restored = restore_pages([page(1, *lines)])
    assert restored.text == FULL_1 + FULL_2 + END
    assert [(n.kind, n.text) for n in restored.notes] == [("endnote", "数据来源于县统计局。"), ("endnote", "含诉前调解5件。")]


def test_a_heading_named_like_notes_inside_the_report_keeps_what_follows_in_the_body() -> None:
    lines = [at("注：", LEFT, 100), at("1.数据来源于县统计局。", LEFT, 128), *body(["二、下一步工作打算"], 156, False),
             at("蒲场镇人民政府", 400, 184)]
    restored = restore_pages([page(1, *lines)])
    assert restored.text.split("\n") == ["注：", "1.数据来源于县统计局。", "二、下一步工作打算", "蒲场镇人民政府"]
    assert not restored.notes


def test_a_text_box_is_anchored_at_the_paragraph_it_stands_beside() -> None:
    second = body(["第二段正文，旁边有一个文本框。"], 100 + 4 * PITCH)
    lines = [*body([FULL_1, FULL_2, END]), *second, PageLine("专栏：共建法治阵地12个。", 330, 100 + 4 * PITCH + 7, 500, 100 + 4 * PITCH + 18, 11)]
    boxed = page(1, *lines)
    boxed.frames.append(PageFrame(320, 100 + 4 * PITCH - 6, 510, 100 + 4 * PITCH + 22))
    for line in second:
        line.x1 = 300
    restored = restore_pages([boxed])
    (note,) = restored.notes
    assert note.kind == "textbox" and note.text == "专栏：共建法治阵地12个。"
    assert restored.text[note.anchor:].startswith("第二段正文")


def test_blank_pages_after_the_last_page_of_text_are_left_out() -> None:
    """Scanned in duplex, a report ends with blank backs of pages: recognized, they hold no line."""
    pages = [page(1, *body([FULL_1, FULL_2, END])), page(2), page(3)]
    assert restore_pages(pages).text.split("\n") == [FULL_1 + FULL_2 + END]
