"""Folding only what a needle needs finds exactly what folding the whole text finds."""
from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from reviewer.workspace.search import occurrences
from reviewer.workspace.textfold import fold, fold_for, utf8_folder

ALPHABET = "aAｉＩiIcCｃＣpPｐＰ2２0０3３%％ 　复议，（）法治"
texts = st.text(alphabet=ALPHABET, max_size=60)
needles = st.text(alphabet=ALPHABET, min_size=1, max_size=4).map(fold).filter(lambda n: n.strip() == n and n)


@given(texts, needles)
def test_folding_for_a_needle_finds_what_folding_everything_finds(text, needle):
    expected = fold(text).count(needle)
    assert len(fold_for(text, needle)) == len(text)
    assert fold_for(text, needle).count(needle) == expected
    assert utf8_folder(needle)(text.encode("utf-8")).count(needle.encode("utf-8")) == expected
    assert len(occurrences(text, needle)) == expected


def test_a_needle_without_ascii_needs_no_folding():
    text = "（一）行政复议ＡＢＣ"
    assert fold_for(text, "复议") is text
    assert occurrences(text, "ａｂｃ") == [(7, 10)]
