"""The ``ocr_doubt`` flag follows what the recognizer saw at the figure's own characters: another reading
scored with a real chance that makes another well-formed figure, a character dropped under the blank, a digit
crossed by a seal's ink. Lines are built as the recognizer returns them (tests/benchmarks/bench_ocr.py
--severe shows each case on real recognitions)."""
from __future__ import annotations

from reviewer.analysis.loaders.page_layout import PageLayout, PageLine
from reviewer.analysis.model import LoadedDocument
from reviewer.analysis.pipeline import analyze_document

TITLE = "明湖县司法局2023年法治政府建设年度报告"


def read_line(text: str, peaks: dict[str, float] | None = None, runner_ups: dict[str, tuple[str, float]] | None = None,
              dropped: dict[str, tuple[str, float]] | None = None, ink: dict[str, float] | None = None) -> PageLine:
    """A recognized line, every character sure (15 pt wide from x = 80) but those named: each key is a piece
    of the line whose last character gets the value."""
    def at(piece: str) -> int:
        return text.index(piece) + len(piece) - 1

    confidences = [1.0] * len(text)
    for piece, peak in (peaks or {}).items():
        confidences[at(piece)] = peak
    return PageLine(text, 80, 130, 80 + 15 * len(text), 150, 15, 0.99, confidences,
                    char_edges=[80 + 15 * i for i in range(len(text) + 1)],
                    runner_ups=[(at(piece), char, p) for piece, (char, p) in (runner_ups or {}).items()],
                    dropped_readings=[(at(piece), char, p) for piece, (char, p) in (dropped or {}).items()],
                    seal_ink=[(at(piece), share) for piece, share in (ink or {}).items()] or None)


def findings(*lines: PageLine) -> list[tuple[str, str, dict]]:
    """(figure, reason, detail) of each ``ocr_doubt`` finding of a one-page scan of the title and ``lines``."""
    title = PageLine(TITLE, 80, 80, 515, 100, 18, 0.99, [0.99] * len(TITLE))
    page = PageLayout(1, 595, 842, [title, *lines])
    document = LoadedDocument(source="s.png", format="ocr", encoding=None,
                              raw_text=f"{TITLE}\n{''.join(line.text for line in lines)}", page_count=1,
                              original_format="png", recognized_pages=[page])
    analysis = analyze_document(document)
    return [(analysis.text[f.start:f.end], f.detail["reason"], f.detail)
            for f in analysis.findings if f.code == "ocr_doubt"]


def reasons(*lines: PageLine) -> list[tuple[str, str]]:
    return [(figure, reason) for figure, reason, _ in findings(*lines)]


def test_a_digit_also_scored_as_another_digit_is_doubted_at_its_place() -> None:
    line = read_line("全年办理行政复议案件1,264件，纠正13件。", runner_ups={"1,26": ("8", 0.31)})
    [(figure, reason, detail)] = findings(line)
    assert (figure, reason) == ("1,264件", "second_reading")
    start = line.text.index("1,264件")
    assert detail["figure_box"] == [80 + 15 * start, 130, 95 + 15 * (start + 5), 150]
    assert detail["box"] == [80, 130, 80 + 15 * len(line.text), 150] and detail["line_index"] == 1


def test_a_faint_other_digit_is_no_doubt() -> None:
    assert reasons(read_line("全年办理行政复议案件1,264件，纠正13件。", runner_ups={"1,26": ("8", 0.01)})) == []


def test_every_digit_of_a_sure_reading_is_not_doubted() -> None:
    assert reasons(read_line("开展执法检查1688次，办理行政处罚案件369件。")) == []


def test_a_thousands_comma_also_scored_as_a_point_is_no_doubt_in_a_count() -> None:
    """``2.885件`` would count no whole things: the comma is the only reading that makes a figure."""
    line = read_line("清理规范性文件2,885件，废止3件。", peaks={"2,": 0.51}, runner_ups={"2,": (".", 0.45)})
    assert reasons(line) == []


def test_a_faint_point_in_a_percentage_is_no_doubt_but_in_money_it_is() -> None:
    """Without its point ``51.8%`` would be over 100; ``34.2万元`` would be ``342万元``."""
    assert reasons(read_line("应诉率达到51.8%。", peaks={"51.": 0.8})) == []
    assert reasons(read_line("罚没款34.2万元。", peaks={"34.": 0.8})) == [("34.2万元", "low_confidence")]


def test_a_point_dropped_between_digits_is_doubted_in_money_not_in_a_count() -> None:
    assert reasons(read_line("罚没款4073万元。", dropped={"4073": (".", 0.26)})) == [("4073万元", "dropped_reading")]
    assert reasons(read_line("办理案件4073件。", dropped={"4073": (".", 0.26)})) == []


def test_a_digit_dropped_before_a_figure_is_doubted() -> None:
    assert reasons(read_line("受众群众6人次。", dropped={"6": ("1", 0.37)})) == [("6人次", "dropped_reading")]


def test_a_unit_also_scored_as_another_unit_is_doubted_but_not_as_a_mere_shape() -> None:
    assert reasons(read_line("发放宣传资料161份，受众群众80人次。", runner_ups={"161份": ("分", 0.32)})) == \
        [("161份", "second_reading")]
    assert reasons(read_line("废止541件，修改13件。", runner_ups={"541件": ("钟", 0.26)})) == []


def test_a_digit_half_covered_by_seal_ink_is_doubted_however_sure() -> None:
    assert reasons(read_line("罚没款412.5万元，办理案件86件。", ink={"41": 0.6})) == [("412.5万元", "under_seal")]


def test_a_digit_crossed_by_seal_ink_is_doubted_on_any_other_reading() -> None:
    """Under the ink, a runner-up is a doubt even where it alone makes no figure (``4,2`` for ``412``)."""
    line = read_line("罚没款412.5万元，办理案件86件。", ink={"41": 0.3}, runner_ups={"41": (",", 0.06)})
    assert reasons(line) == [("412.5万元", "under_seal")]
    assert reasons(read_line("罚没款412.5万元，办理案件86件。", ink={"41": 0.3})) == []


def test_a_digit_the_seal_ink_touches_is_not_doubted() -> None:
    line = read_line("罚没款412.5万元，办理案件86件。", ink={"41": 0.05}, runner_ups={"41": (",", 0.06)})
    assert reasons(line) == []


def test_an_other_reading_after_the_figure_that_lengthens_its_unit_is_doubted() -> None:
    """``1660场`` and a ``次`` dropped before the next character: ``1660场次``."""
    line = read_line("组织开展法治宣传活动1660场发放宣传资料。", dropped={"1660场发": ("次", 0.14)})
    assert reasons(line) == [("1660场", "dropped_reading")]


def test_ink_over_the_unit_alone_is_no_doubt() -> None:
    assert reasons(read_line("办理案件86件。", ink={"86件": 0.6})) == []


def test_a_line_stored_with_confidences_alone_is_doubted_by_them() -> None:
    """Recognitions stored before the per-character readings were kept still carry the flag."""
    text = "全年办理行政复议案件1,284件，纠正13件。"
    confidences = [0.99] * len(text)
    confidences[text.index("8")] = 0.41
    line = PageLine(text, 80, 130, 500, 150, 15, 0.9, confidences)
    [(figure, reason, detail)] = findings(line)
    assert (figure, reason) == ("1,284件", "low_confidence") and "figure_box" not in detail


def test_readings_that_no_longer_match_a_corrected_line_are_ignored() -> None:
    line = read_line("罚没款4073万元。", dropped={"4073": (".", 0.26)})
    line.text, line.char_confidences = "罚没款407.3万元。", [1.0] * 11
    assert reasons(line) == []
