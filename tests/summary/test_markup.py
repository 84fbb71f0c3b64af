from __future__ import annotations

from reviewer.summary.markup import literal, shorten


def test_markup_characters_are_escaped_and_line_breaks_kept():
    assert literal("<b>粗</b> & &amp;") == "&lt;b&gt;粗&lt;/b&gt; &amp; &amp;amp;"
    assert literal("一行\r\n二行\n三行\r四行") == "一行<br/>二行<br/>三行<br/>四行"


def test_control_characters_are_dropped_and_tabs_become_spaces():
    assert literal("a\x00b\x07c\td") == "abc    d"


def test_empty_text_gives_empty_markup():
    assert literal(None) == ""
    assert literal("") == ""


def test_shorten_keeps_short_text_and_cuts_long_text_with_an_ellipsis():
    assert shorten("短文本", 10) == "短文本"
    assert shorten("一二三四五六七八九十", 5) == "一二三四…"
    assert shorten("跨\n行", 10) == "跨 行"
