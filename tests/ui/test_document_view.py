"""The document view speaks Python string offsets, also after characters outside the BMP."""
from __future__ import annotations

from reviewer.ui.document_view import DocumentView
from reviewer.ui.highlight import Highlight
from reviewer.ui.text_positions import TextPositions

TEXT = "𠀀𠀁字：受理案件12件。\n第二行😀，调解成功率97.6%。"


def test_positions_round_trip_around_wide_characters():
    positions = TextPositions(TEXT)
    for index in range(len(TEXT) + 1):
        assert positions.to_python(positions.to_qt(index)) == index
    assert positions.to_qt(2) == 4


def test_selecting_a_span_after_wide_characters_selects_those_characters(qtbot):
    view = DocumentView()
    qtbot.addWidget(view)
    start = TEXT.index("12件")
    view.show_text(TEXT, [Highlight(start, start + 3, "figure")])
    view.select_span(start, start + 3)
    assert view.textCursor().selectedText() == "12件"
    assert view.selected_span() == (start, start + 3)

    later = TEXT.index("97.6%")
    view.select_span(later, later + 5)
    assert view.textCursor().selectedText() == "97.6%"
    assert view.selected_span() == (later, later + 5)
