"""What a figure counts: the noun phrase next to it, read with jieba on a short window.

``审核行政合同37件`` → 行政合同, ``开展3场普法讲座`` → 普法讲座, ``组织……集中学习6次`` → 集中学习,
``调解成功率约为97.6%`` → 调解成功率.

Rules, in order:
1. After a measure word, a noun phrase that follows directly is the subject (``3个部门``, ``两名执业律师``).
2. Otherwise the subject is read backwards from the figure, inside its clause: counting words
   (共, 累计, 达到, 约为 …) are skipped; then either the noun phrase ending there (``行政复议案件``),
   or, when the clause ends in a verb, the activity itself (``成功调解``, ``不予受理``). A change verb
   (提高, 上升 …) with a comparison (较上年, 同比) points back to what changed (``群众满意率``).
   Scope words at the start (全市, 今年 …) are dropped; of ``A、B等 + category + activity`` only the
   activity is kept.

Only windows of at most 18 characters before and 12 after each figure are tokenised, never the whole
text, with jieba's dictionary segmentation and part-of-speech tags but without its HMM guesser for
unknown words (three times faster; the shipped legal-affairs dictionary ``resources/dict/legal_terms.txt``
covers the words that matter). jieba loads once (``warm_up`` does it ahead of time, from any thread), with
its cache file in the user cache folder.
"""
from __future__ import annotations

import functools
import logging
import re
import threading
from typing import TYPE_CHECKING

from reviewer.paths import resource_path, user_cache_dir

if TYPE_CHECKING:
    from jieba.posseg import POSTokenizer

USER_DICT = ("dict", "legal_terms.txt")
JIEBA_CACHE_FILE = "jieba.cache"

LEFT_WINDOW = 18
RIGHT_WINDOW = 12
MAX_SUBJECT_CHARS = 16

_CLAUSE_BREAK = "，,。；;：:！？!?\n\r、"
_RIGHT_BREAK = _CLAUSE_BREAK + "()（）[]【】“”\"《》"
_BRACKETED = re.compile(r"[(（][^()（）]*[)）]")
_QUOTE_MARKS = str.maketrans("", "", "“”\"‘’'《》〈〉「」『』")
_CLAUSE_START = re.compile(f"[{re.escape(_CLAUSE_BREAK)}(（][^{re.escape(_CLAUSE_BREAK)}(（]*$")

_NOUN_TAGS = frozenset({"n", "nr", "nrfg", "nrt", "ns", "nt", "nz", "nl", "ng", "vn", "an", "j", "l", "eng"})
_MODIFIER_TAGS = frozenset({"a", "b"})
_VERB_TAGS = frozenset({"v", "vd", "vi", "vq"})
_VERB_MODIFIER_TAGS = frozenset({"a", "ad", "d"})
_FUNCTION_TAGS = frozenset({"u", "ul", "uj", "uz", "ug", "uv", "ud", "p", "c", "m", "q", "x", "r", "f", "t", "y", "e", "o"})

COUNTING_WORDS = frozenset(
    "共 共计 合计 总计 累计 总共 计 达 达到 已达 为 约 约为 大约 有 共有 分别 分别为 均 均为 已 仅 只 了 的 等 是 到 至 由 近 逾 超过 超 以上 多达 高达 保持 保持在 不少于 不低于 至少".split()
)
"""Words between a subject and its number that are not part of the subject."""

SCOPE_WORDS = frozenset("全市 全县 全区 全镇 全乡 全省 全国 全年 全年度 今年 本年度 年度 我镇 我市 我县 我区 我乡 我局 各类 各种".split())
"""Words that say where or when, not what: dropped from the start of a subject."""

PREDICATE_VERBS = frozenset("研究 部署 推进 落实 开展 进行 实施 参加 参与 通过 获得 完成 取得 实现 审议 讨论 学习 推动 加强 担任 进驻".split())
"""Verbs that begin the next predicate after ``N个 + noun``: 召开2次会议 | 研究……"""

_TRAILING_COUNTING_WORDS = re.compile(
    "(?:" + "|".join(sorted(COUNTING_WORDS, key=len, reverse=True)) + ")+$"
)

_PREDICATE_PREFIXES = tuple(PREDICATE_VERBS)

CHANGE_VERBS = frozenset("提高 上升 增长 增加 下降 减少 降低 提升 压缩 缩短 缩减 减至 降至 增至 提高到 上升到".split())
COMPARISON_WORDS = frozenset("同比 环比 比 较 比较 上年 去年 同期 上年度 去年同期 比上年 较上年 较去年 比去年 年初".split())

_init_lock = threading.Lock()
_pos_tokenizer: POSTokenizer | None = None


def warm_up() -> None:
    """Load jieba and the legal-affairs dictionary now (about a second), e.g. in a background thread."""
    _tokenizer()


def _tokenizer() -> POSTokenizer:
    global _pos_tokenizer
    if _pos_tokenizer is None:
        with _init_lock:
            if _pos_tokenizer is None:
                import jieba
                import jieba.posseg

                jieba.setLogLevel(logging.WARNING)
                base = jieba.Tokenizer()
                base.tmp_dir = str(user_cache_dir())
                base.cache_file = JIEBA_CACHE_FILE
                base.initialize()
                base.load_userdict(str(resource_path(*USER_DICT)))
                tokenizer = jieba.posseg.POSTokenizer(base)
                tokenizer.makesure_userdict_loaded()
                _pos_tokenizer = tokenizer
    return _pos_tokenizer


@functools.lru_cache(maxsize=16384)
def tokens(window: str) -> tuple[tuple[str, str], ...]:
    """(word, part-of-speech tag) pairs of a short text, cached per window."""
    return tuple((pair.word, _tag(pair.word, pair.flag)) for pair in _tokenizer().cut(window, HMM=False))


def _tag(word: str, flag: str) -> str:
    """jieba's tag, corrected where it misleads here: digit runs are numbers, X率 is a noun."""
    if word[0].isdigit():
        return "m"
    if word.endswith("率"):
        return "n"
    return flag


def find_subject(text: str, start: int, end: int, unit_is_measure_word: bool, floor: int = 0) -> str | None:
    """The subject of the figure at ``text[start:end]``.

    ``unit_is_measure_word``: the unit counts things (件, 个, 场 …), so a noun right after the figure may be
    what it counts. ``floor``: do not look left of this offset (the end of a previous figure in the clause).
    """
    if unit_is_measure_word:
        subject = _noun_phrase_after(text, end)
        if subject:
            return subject
    return _subject_before(text, start, floor)


def _noun_phrase_after(text: str, end: int) -> str | None:
    window = text[end:end + RIGHT_WINDOW]
    for i, ch in enumerate(window):
        if ch in _RIGHT_BREAK or ch.isdigit():
            window = window[:i]
            break
    if not window or not "\u4e00" <= window[0] <= "\u9fff":
        return None
    words = tokens(window)
    taken: list[tuple[str, str]] = []
    for word, tag in words:
        if word in COUNTING_WORDS or (word in PREDICATE_VERBS and taken) or word.startswith(_PREDICATE_PREFIXES):
            break
        if tag in _NOUN_TAGS or tag in _MODIFIER_TAGS:
            taken.append((word, tag))
        else:
            break
    while len(taken) > 1 and taken[-1][1] in _MODIFIER_TAGS | {"vn"}:
        taken.pop()
    if not taken or taken[-1][1] not in _NOUN_TAGS:
        return None
    if len(taken) == 1 and len(taken[0][0]) == 1 and len(words) > 1 and words[1][1] in {"q", "x", "m", "k"}:
        return None  # 10次 | 法 | 类……: a character cut from an unknown word
    return _phrase(taken)


def _subject_before(text: str, start: int, floor: int) -> str | None:
    low = max(floor, start - LEFT_WINDOW)
    window = _BRACKETED.sub("", text[low:start])
    clause = _CLAUSE_START.search(window)
    if clause:
        window = window[clause.start() + 1:]
    window = _TRAILING_COUNTING_WORDS.sub("", window.translate(_QUOTE_MARKS))
    if not window:
        return None
    words = list(tokens(window))
    while words and (words[-1][0] in COUNTING_WORDS or words[-1][1] in _FUNCTION_TAGS):
        words.pop()
    if not words:
        return None
    if words[-1][1] in _NOUN_TAGS:
        return _trailing_noun_phrase(words)
    if words[-1][0] in CHANGE_VERBS:
        changed = _what_changed(words[:-1])
        if changed:
            return changed
        return None
    if words[-1][1] in _VERB_TAGS:
        return _trailing_activity(words)
    return None


def _trailing_noun_phrase(words: list[tuple[str, str]]) -> str | None:
    taken: list[tuple[str, str]] = []
    for index in range(len(words) - 1, -1, -1):
        word, tag = words[index]
        if word in COUNTING_WORDS:
            break
        if tag in _NOUN_TAGS or (tag in _MODIFIER_TAGS and taken):
            taken.append((word, tag))
        elif len(taken) == 1 and taken[0][0].endswith("率") and tag in _VERB_TAGS:
            taken.append((word, tag))  # 调解 + 成功率, 办结 + 率
        else:
            break
        if index > 0 and words[index - 1][0] == "等" and len(taken) > 1:
            taken.pop()  # 宪法、民法典等 | 法律法规 | 集中学习: the category of a list is not the subject
            break
    taken.reverse()
    if len(taken) > 1 and taken[0][1] == "vn":
        taken.pop(0)  # 检查 | 零售药店
    return _phrase(taken)


def _trailing_activity(words: list[tuple[str, str]]) -> str | None:
    taken: list[str] = []
    for word, tag in reversed(words):
        if word in COUNTING_WORDS:
            break
        if tag in _VERB_TAGS or (taken and tag in _VERB_MODIFIER_TAGS | _NOUN_TAGS):
            taken.append(word)
        else:
            break
        if len(taken) == 2:
            break  # 成功 | 调解, 联合 | 调解
    return _joined(list(reversed(taken)))


def _what_changed(words: list[tuple[str, str]]) -> str | None:
    while words and (words[-1][0] in COMPARISON_WORDS or words[-1][1] in {"p", "t", "d"}):
        words = words[:-1]
    if words and words[-1][1] in _NOUN_TAGS:
        return _trailing_noun_phrase(words)
    return None


def _phrase(taken: list[tuple[str, str]]) -> str | None:
    words = [word for word, _ in taken]
    while words and words[0] in SCOPE_WORDS:
        words.pop(0)
    return _joined(words)


def _joined(words: list[str]) -> str | None:
    subject = "".join(words)
    if not subject:
        return None
    return subject[-MAX_SUBJECT_CHARS:]
