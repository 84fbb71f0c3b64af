"""The band keys are stored in workspaces: the numpy computation must give, bit for bit, the keys defined here
in plain Python (the definition of schema 8's keys), for every kind of passage."""
from __future__ import annotations

import random

from hypothesis import given, settings
from hypothesis import strategies as st

from reviewer.analysis.copies import keyed_passages, passages
from reviewer.analysis.copy_keys import BANDS, KEY_BITS, ROUND_MULTIPLIERS, band_keys_of
from tests.workspace.copy_reports import OWN_WORK

_MASK64 = (1 << 64) - 1


def reference_band_keys(normalized: str) -> list[int]:
    codes = [ord(char) for char in normalized]
    mixed = [((codes[i] << 42 | codes[i + 1] << 21 | codes[i + 2]) * 0x9E3779B97F4A7C15) & _MASK64
             for i in range(len(codes) - 2)]
    shingles = {x ^ (x >> 31) for x in mixed}
    if not shingles:
        return []
    empty = 1 << 64
    values: list[int] = []
    for multiplier in ROUND_MULTIPLIERS:
        least = [empty] * 16
        for shingle in shingles:
            value = (shingle * multiplier) & _MASK64
            slot = value >> 60
            least[slot] = min(least[slot], value)
        for slot in range(16):
            distance = 0
            while least[(slot + distance) % 16] == empty:
                distance += 1
            values.append(least[(slot + distance) % 16] + distance)
    mixed = [((values[2 * band] * 0x9E3779B97F4A7C15) ^ (values[2 * band + 1] + band * 0xBF58476D1CE4E5B9))
             & ((1 << 63) - 1) for band in range(BANDS)]
    return [(value >> (63 - KEY_BITS)) - (1 << (KEY_BITS - 1)) for value in mixed]


def test_the_keys_of_a_report_are_those_of_the_definition():
    text = "\n".join(sentence for work in OWN_WORK.values() for sentence in work)
    keyed = keyed_passages(text, "慈溪市龙山镇人民政府")
    assert len(keyed) > 5
    assert [list(k.keys) for k in keyed] == [reference_band_keys(k.passage.normalized) for k in keyed]


def test_a_known_passage_keeps_the_keys_schema_8_stored_for_it():
    [passage] = passages("全年办理行政复议案件12件，调解矛盾纠纷356起，法律顾问参与重大决策合法性审查全覆盖。")
    assert band_keys_of([passage.normalized])[0][:4] == (210633741, 78563690, -2142010162, -1784258466)


def test_short_passages_with_empty_bins_and_none_at_all():
    rng = random.Random(6)
    texts = ["", "甲", "甲乙", "甲乙丙", "甲乙丙丁", "甲乙甲乙甲乙甲乙", *("".join(rng.choices("法治政府建设■0", k=n))
                                                          for n in range(3, 40))]
    assert [list(keys) for keys in band_keys_of(texts)] == [reference_band_keys(t) for t in texts]


@settings(max_examples=60, deadline=None)
@given(st.lists(st.text(alphabet=st.characters(min_codepoint=0x20, max_codepoint=0x2FFFF), max_size=80), max_size=6))
def test_any_passages_get_the_keys_of_the_definition(texts):
    assert [list(keys) for keys in band_keys_of(texts)] == [reference_band_keys(t) for t in texts]
