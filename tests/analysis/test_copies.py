"""Passages, band keys and the near-copy check on written sentences: what copying leaves is found, shared
standard wording and unrelated text are not."""
from __future__ import annotations

import difflib
import random

from reviewer.analysis.copies import (
    BANDS_SHARED_MIN,
    Passage,
    compare_passages,
    normalized,
    passages,
    unit_names,
)
from reviewer.analysis.copy_keys import band_keys_of
from tests.workspace.copy_reports import OPENING, OWN_WORK

SENTENCES = [sentence for work in OWN_WORK.values() for sentence in work]


def _edited(sentence: str, share: float, seed: int) -> str:
    chars = list(sentence)
    rng = random.Random(seed)
    positions = [i for i, c in enumerate(chars) if "\u4e00" <= c <= "\u9fff"]
    for i in rng.sample(positions, round(len(chars) * share)):
        chars[i] = "甲乙丙丁戊己庚辛壬癸"[rng.randrange(10)]
    return "".join(chars)


def _found(original: str, copy: str) -> bool:
    [a], [b] = passages(copy), passages(original)
    keys_a, keys_b = band_keys_of([a.normalized, b.normalized])
    shared = len(set(keys_a) & set(keys_b))
    return shared >= BANDS_SHARED_MIN and compare_passages(a, b) is not None


def test_sentences_with_fifteen_percent_of_their_characters_changed_are_found():
    assert [(i, seed) for i, s in enumerate(SENTENCES) for seed in range(3)
            if not _found(s, _edited(s, 0.15, seed))] == []


def test_unrelated_sentences_are_not_taken_for_copies():
    assert [(a, b) for a in range(len(SENTENCES)) for b in range(a + 1, len(SENTENCES))
            if _found(SENTENCES[a], SENTENCES[b])] == []


def test_the_units_own_names_and_numbers_are_masked():
    [passage] = passages("慈溪市龙山镇人民政府和龙山镇政府全年办理行政复议案件12件，调解矛盾纠纷356起，龙山的群众满意。",
                         unit_names("慈溪市龙山镇人民政府"))
    assert passage.normalized == "■和■政府全年办理行政复议案件0件调解矛盾纠纷0起■的群众满意"


def test_the_standard_opening_leaves_no_passage():
    assert passages(OPENING.format(year=2023, unit="龙山镇"), unit_names("龙山镇")) == []


def test_a_passage_equal_after_normalising_aligns_whole_with_similarity_one():
    [a] = passages("龙山镇党委书记带头深入渔港码头和海塘工地，围绕滩涂养殖承包纠纷召开协调会7次，当面听取养殖户意见。",
                   unit_names("龙山镇"))
    [b] = passages("前言\n掌起镇党委书记带头深入渔港码头和海塘工地，围绕滩涂养殖承包纠纷召开协调会12次，当面听取养殖户意见。",
                   unit_names("掌起镇"))
    match = compare_passages(a, b)
    assert match is not None and match.similarity == 1.0
    assert (match.start, match.end) == (a.start, a.end) and (match.other_start, match.other_end) == (b.start, b.end)


def test_band_keys_are_48_signed_32_bit_numbers():
    [keys] = band_keys_of([passages(SENTENCES[0])[0].normalized])
    assert len(keys) == 48 and all(-(1 << 31) <= key < 1 << 31 for key in keys)


def test_a_quoted_title_that_lost_a_bracket_is_left_out_like_a_whole_one():
    whole = ("镇政府组织机关干部集中学习《中华人民共和国行政复议法》《中华人民共和国行政处罚法》，"
             "邀请律师解读新修订条款并组织全体执法人员闭卷考试。")
    lost = ("镇政府组织机关干部集中学习中华人民共和国行政复议法》《中华人民共和国行政处罚法，"
            "邀请律师解读新修订条款并组织全体执法人员闭卷考试。")
    [a], [b] = passages(whole), passages(lost)
    assert a.normalized == b.normalized == "镇政府组织机关干部集中学习邀请律师解读新修订条款并组织全体执法人员闭卷考试"
    for text, kept in (("认真贯彻《行政许可法》和行政处罚法》等法律规定，落实三项制度。", "认真贯彻等法律规定落实三项制度"),
                       ("学习《中华人民共和国行政复议法，组织执法考试。", "学习组织执法考试"),
                       ("全面贯彻中华人民共和国行政复议法》，组织执法考试。", "全面贯彻组织执法考试"),
                       ("落实法治政府建设实施纲要》的要求。", "的要求")):
        assert normalized(text, 0, len(text))[0] == kept


def test_lone_characters_that_happen_to_align_do_not_count_towards_the_similarity():
    alphabet = [chr(0x4E00 + 7 * i) for i in range(120)]
    mine = "".join(alphabet[:60])
    theirs = "".join(alphabet[:33]) + "".join(c if i % 2 else alphabet[60 + i] for i, c in enumerate(alphabet[33:60]))
    blocks = difflib.SequenceMatcher(None, mine, theirs, autojunk=False).get_matching_blocks()
    assert sum(b.size for b in blocks) >= 0.7 * len(mine)  # lone characters counted, it would pass
    a, b = (Passage(0, 0, 60, chars, tuple(range(60))) for chars in (mine, theirs))
    assert compare_passages(a, b) is None  # 33 in one run and 13 lone characters: 0.55
