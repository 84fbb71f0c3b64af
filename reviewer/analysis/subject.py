"""What a figure counts: the noun phrase next to it, read with jieba on a short window.

``审核行政合同37件`` → 行政合同, ``开展3场普法讲座`` → 普法讲座, ``组织……集中学习6次`` → 集中学习,
``调解成功率约为97.6%`` → 调解成功率.

Rules, in order:
1. After a measure word, a noun phrase that follows directly is the subject (``3个部门``, ``两名执业律师``);
   after a count of people, an activity they took part in (``近千人参加执法资格考试`` → 参加执法资格考试);
   after a duration or a percentage and 的, what lasted that long or what it is a share of
   (``为期45天的执法突击行动`` → 执法突击行动, ``90%以上的行政执法事项`` → 行政执法事项).
2. Otherwise the subject is read backwards from the figure, inside its clause: counting words
   (共, 累计, 达到, 约为 …) are skipped; then either the noun phrase ending there (``行政复议案件``),
   or, when the clause ends in a verb, the activity itself (``成功调解``, ``不予受理``). A change verb
   (提高, 上升 …) with a comparison (较上年, 同比) points back to what changed (``群众满意率``).
   Scope words at the start (全市, 今年 …) are dropped; of ``A、B等 + category + activity`` only the
   activity is kept. A short generic noun keeps the verb that qualifies it (``驳回申请``, ``听证案件``,
   ``平均办理时间``), a rate the words that qualify it (``按时答复率``). A quoted name is one word
   (``“双随机、一公开”抽查`` → 双随机、一公开抽查). A clause that is only a level (``省级48个``) names
   its category. Rates listed with 、 share the figure (``备案率、及时率均达100%``).
3. A clause that holds nothing but counting words (``，共计218人``) takes the noun phrase ending the
   clause before it, when that clause states no number of its own.

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

COUNT = "count"
"""The unit is a measure word (件 个 场 …): a noun right after the figure may be what it counts."""
PEOPLE = "people"
"""The unit counts people (人 人次 名 位): also an activity right after (``参加培训``)."""
DURATION = "duration"
"""The unit is a duration (天 个工作日 …): ``…的`` + what lasted that long may follow."""
SHARE = "share"
"""The unit is a percentage: ``90%以上的`` + what it is a share of may follow."""
OTHER = "other"

_CLAUSE_BREAK = "，,。；;：:！？!?\n\r、"
_RIGHT_BREAK = _CLAUSE_BREAK + "()（）[]【】“”\"《》"
_BRACKETED = re.compile(r"[(（][^()（）]*[)）]")
_QUOTED = re.compile(r"“([^“”\n]{1,20})”|「([^「」\n]{1,20})」|『([^『』\n]{1,20})』|《([^《》\n]{1,30})》")
_PLACEHOLDER = 0xE000  # private-use characters stand for quoted names while jieba cuts the window
_QUOTE_MARKS = str.maketrans("", "", "“”\"‘’'《》〈〉「」『』")
_CLAUSE_START = re.compile(f"[{re.escape(_CLAUSE_BREAK)}(（][^{re.escape(_CLAUSE_BREAK)}(（]*$")
_RATE_LIST = re.compile(r"((?:[\u4e00-\u9fff]{1,10}率、)+)$")

_NOUN_TAGS = frozenset({"n", "nr", "nrfg", "nrt", "ns", "nt", "nz", "nl", "ng", "vn", "an", "j", "l", "eng"})
_MODIFIER_TAGS = frozenset({"a", "b"})
_VERB_TAGS = frozenset({"v", "vd", "vi", "vq"})
_VERB_MODIFIER_TAGS = frozenset({"a", "ad", "d"})
_FUNCTION_TAGS = frozenset({"u", "ul", "uj", "uz", "ug", "uv", "ud", "p", "c", "m", "q", "x", "r", "f", "t", "y", "e", "o"})
_TRAILING_SKIPPED_TAGS = _FUNCTION_TAGS | {"d"}

COUNTING_WORDS = frozenset(
    "共 共计 合计 总计 累计 总共 计 达 达到 已达 为 约 约为 大约 有 共有 分别 分别为 均 均为 已 仅 只 了 的 等 是 到 至 由 近 逾 超过 超 以上 多达 高达 保持 保持在 不少于 不低于 至少 全部 全都 都 人均 平均每".split()
)
"""Words between a subject and its number that are not part of the subject."""

SCOPE_WORDS = frozenset(
    "全市 全县 全区 全镇 全乡 全省 全国 全年 全年度 今年 本年度 年度 我镇 我市 我县 我区 我乡 我局 各类 各种 现有 目前".split()
)
"""Words that say where or when, not what: dropped from the start of a subject."""

PREDICATE_VERBS = frozenset("研究 部署 推进 落实 开展 进行 实施 参加 参与 通过 获得 完成 取得 实现 审议 讨论 学习 推动 加强 担任 进驻".split())
"""Verbs that begin the next predicate after ``N个 + noun``: 召开2次会议 | 研究……"""

GENERIC_VERBS = PREDICATE_VERBS | frozenset("组织 举办 举行 召开 有 共有 现有 拥有 是 为 成为 达到 新增 增加 设立 建立".split())
"""Verbs that say nothing about what a short noun after them is: 召开 | 会议 stays 会议."""

PARTICIPATION_VERBS = ("报名参加", "参加", "参与", "参训", "参考", "旁听", "接受", "观看", "听取", "出席", "列席", "参观")
"""Verbs after a number of people that say what the people were counted for."""

_TRAILING_COUNTING_WORDS = re.compile(
    "(?:" + "|".join(sorted(COUNTING_WORDS, key=len, reverse=True)) + ")+$"
)

_PREDICATE_PREFIXES = tuple(PREDICATE_VERBS)

CHANGE_VERBS = frozenset("提高 上升 增长 增加 下降 减少 降低 提升 压缩 压减 缩短 缩减 精简 减至 降至 增至 提高到 上升到".split())
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


def find_subject(
    text: str, start: int, end: int, kind: str = OTHER, floor: int = 0, skip: tuple[int, int] | None = None,
    last_figure_end: int = 0,
) -> str | None:
    """The subject of the figure at ``text[start:end]``.

    ``kind``: what the unit measures (COUNT, PEOPLE, DURATION, SHARE or OTHER), which says whether a phrase
    after the figure may be its subject. ``floor``: do not look left of this offset (the end of a previous
    figure in the clause). ``skip``: a span left of the figure to read past (a duration such as 连续三年
    between a subject and its figure). ``last_figure_end``: where the figure before this one ends, in any
    clause (a clause holding a figure lends no subject to the next).
    """
    if kind in (COUNT, PEOPLE):
        subject = _noun_phrase_after(text, end)
        if subject:
            return subject
    if kind == PEOPLE:
        subject = _participation_after(text, end)
        if subject:
            return subject
    if kind in (DURATION, SHARE) and text.startswith("的", end):
        subject = _phrase_after(text, end + 1)
        if subject:
            return subject
    return _subject_before(text, start, floor, skip, last_figure_end)


def _window_after(text: str, end: int, size: int = RIGHT_WINDOW) -> str:
    window = text[end:end + size]
    for i, ch in enumerate(window):
        if ch in _RIGHT_BREAK or ch.isdigit():
            return window[:i]
    return window


def _noun_phrase_after(text: str, end: int) -> str | None:
    quoted = _QUOTED.match(text, end)
    if quoted:
        return _joined([next(group for group in quoted.groups() if group)])
    window = _window_after(text, end)
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


def _participation_after(text: str, end: int) -> str | None:
    """``近千人参加执法资格考试`` → 参加执法资格考试: what a number of people took part in."""
    verb = next((v for v in PARTICIPATION_VERBS if text.startswith(v, end)), None)
    if verb is None:
        return None
    activity = _phrase_after(text, end + len(verb)) or _noun_phrase_after(text, end + len(verb))
    return _joined([verb, activity]) if activity else None


def _phrase_after(text: str, start: int) -> str | None:
    """A noun phrase made of nouns, modifiers and verbs (``执法突击行动``), up to the clause end."""
    window = _window_after(text, start, MAX_SUBJECT_CHARS)
    if not window:
        return None
    taken: list[tuple[str, str]] = []
    for word, tag in tokens(window):
        if word in COUNTING_WORDS or not (tag in _NOUN_TAGS or tag in _MODIFIER_TAGS or tag in _VERB_TAGS):
            break
        taken.append((word, tag))
    while taken and taken[-1][1] not in _NOUN_TAGS:
        taken.pop()
    if not taken or sum(len(word) for word, _ in taken) < 2:
        return None
    return _phrase(taken)


def _subject_before(
    text: str, start: int, floor: int, skip: tuple[int, int] | None, last_figure_end: int
) -> str | None:
    if skip and floor <= skip[0] < start:
        low = max(floor, skip[0] - LEFT_WINDOW + (start - skip[1]))
        window = text[low:skip[0]] + text[skip[1]:start]
    else:
        low = max(floor, start - LEFT_WINDOW)
        window = text[low:start]
    window, names = _masked_names(_BRACKETED.sub("", window))
    clause = _CLAUSE_START.search(window)
    if clause:
        window = window[clause.start() + 1:]
    window = window.translate(_QUOTE_MARKS).rstrip()
    stripped = _TRAILING_COUNTING_WORDS.sub("", window)
    relative = window[len(stripped):].startswith("的")
    window = stripped
    if not window:
        if clause and clause.group()[0] in "，,":
            return _subject_of_previous_clause(text, start, max(floor, last_figure_end))
        return None
    words = _unmasked(tokens(window), names)
    while words and (words[-1][0] in COUNTING_WORDS or words[-1][1] in _TRAILING_SKIPPED_TAGS):
        words.pop()
    if not words:
        return None
    if words[-1][1] in _NOUN_TAGS:
        subject = _trailing_noun_phrase(words)
        if subject and subject.endswith("率"):
            return _with_listed_rates(text, start, subject)
        return _with_relative_verb(words, subject) if relative and subject else subject
    if words[-1][0] in CHANGE_VERBS:
        return _what_changed(words[:-1])
    if words[-1][1] in _VERB_TAGS:
        return _trailing_activity(words)
    if all(tag == "b" for _, tag in words) and clause:
        return _joined([word for word, _ in words])  # 省级48个
    return None


def _subject_of_previous_clause(text: str, start: int, floor: int) -> str | None:
    """``均配备了专兼职法制审核人员，共计218人`` → 专兼职法制审核人员."""
    low = max(0, start - LEFT_WINDOW)
    comma = max(text.rfind("，", low, start), text.rfind(",", low, start))
    previous_start = comma
    while previous_start > max(0, comma - LEFT_WINDOW) and text[previous_start - 1] not in _CLAUSE_BREAK:
        previous_start -= 1
    previous = text[previous_start:comma]
    if comma <= 0 or previous_start < floor or not previous:
        return None
    words = list(tokens(previous.translate(_QUOTE_MARKS)))
    if not words or words[-1][1] not in _NOUN_TAGS:
        return None
    return _trailing_noun_phrase(words)


def _masked_names(window: str) -> tuple[str, list[str]]:
    """The window with each quoted name replaced by one placeholder character, and the names."""
    names: list[str] = []

    def placeholder(match: re.Match[str]) -> str:
        names.append(next(group for group in match.groups() if group))
        return chr(_PLACEHOLDER + len(names) - 1)

    return _QUOTED.sub(placeholder, window), names


def _unmasked(words: tuple[tuple[str, str], ...], names: list[str]) -> list[tuple[str, str]]:
    if not names:
        return list(words)
    result: list[tuple[str, str]] = []
    for word, tag in words:
        if _PLACEHOLDER <= ord(word[0]) < _PLACEHOLDER + len(names):
            result.extend((names[ord(ch) - _PLACEHOLDER], "nz") for ch in word)
        elif result and result[-1][1] == "nz" and tag in _VERB_TAGS | {"vn"}:
            result[-1] = (result[-1][0] + word, "nz")  # “双随机”抽查: the name qualifies the activity
        else:
            result.append((word, tag))
    return result


def _is_rate_qualifier(taken: list[tuple[str, str]], tag: str) -> bool:
    """办结 + 率, 按时 + 答复 + 率: the verb and adverb that say which rate."""
    if not taken or not taken[0][0].endswith("率") or len(taken) > 2:
        return False
    if taken[0][0] == "率" and len(taken) == 1:
        return tag not in _FUNCTION_TAGS  # 公开 + 率: a bare 率 always takes the word before it
    if len(taken) == 1:
        return tag in _VERB_TAGS or tag == "d"  # 办结 + 率, 按时 + 办结率
    return taken[1][1] in _VERB_TAGS and tag in _VERB_MODIFIER_TAGS


def _trailing_noun_phrase(words: list[tuple[str, str]]) -> str | None:
    taken: list[tuple[str, str]] = []
    index = len(words)
    while index > 0:
        word, tag = words[index - 1]
        if word in COUNTING_WORDS:
            break
        if tag in _NOUN_TAGS or (tag in _MODIFIER_TAGS and taken):
            taken.append((word, tag))
        elif _is_rate_qualifier(taken, tag):
            taken.append((word, tag))
        else:
            break
        index -= 1
        if index > 0 and words[index - 1][0] == "等" and len(taken) > 1:
            taken.pop()  # 宪法、民法典等 | 法律法规 | 集中学习: the category of a list is not the subject
            index += 1
            break
    taken.reverse()
    if len(taken) > 1 and taken[0][1] == "vn" and sum(len(w) for w, _ in taken[1:]) >= 3:
        taken.pop(0)  # 检查 | 零售药店
        index += 1
    if taken and sum(len(w) for w, _ in taken) <= 2 and index > 0:
        taken[:0] = _qualifying_verb(words[:index])
    return _phrase(taken)


def _qualifying_verb(words: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """The verb that opens a clause before a short generic noun: 驳回 + 申请, 听证 + 案件, 平均办理 + 时间."""
    verb, tag = words[-1]
    if tag not in _VERB_TAGS or verb in GENERIC_VERBS or verb in COUNTING_WORDS:
        return []
    qualifier = [words[-1]]
    opening = words[:-1]
    if opening and opening[-1][1] in _MODIFIER_TAGS and len(opening[-1][0]) <= 2:
        qualifier.insert(0, opening.pop())
    if any(word not in SCOPE_WORDS and word not in COUNTING_WORDS and tag not in _TRAILING_SKIPPED_TAGS
           for word, tag in opening):
        return []  # 确认行政机关行政行为 | 违法: the verb is not where the clause begins
    return qualifier


def _with_relative_verb(words: list[tuple[str, str]], subject: str) -> str:
    """``持有行政执法证件的1198人`` → 持有行政执法证件: the people or things that do what the clause says."""
    index = len(words)
    while index > 0 and words[index - 1][1] in _NOUN_TAGS | _MODIFIER_TAGS:
        index -= 1
    if index == 0 or words[index - 1][1] not in _VERB_TAGS or subject.startswith(words[index - 1][0]):
        return subject
    return _joined([words[index - 1][0], subject]) or subject


def _with_listed_rates(text: str, start: int, rate: str) -> str:
    """``备案率、及时率、规范率均达100%``: every rate of the list, not only the last."""
    before = text[max(0, start - 60):start]
    position = before.rfind(rate)
    listed = _RATE_LIST.search(before, 0, position) if position > 0 else None
    if not listed:
        return rate
    names = []
    for item in listed.group(1).rstrip("、").split("、"):
        name = _trailing_noun_phrase(list(tokens(item)))
        if not name or not name.endswith("率"):
            return rate
        names.append(name)
    joined = "、".join([*names, rate])
    return joined if len(joined) <= MAX_SUBJECT_CHARS else rate


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
    """What a change verb changes: 群众满意率(较上年)提高, 承诺时限较法定时限(平均)压缩, 抵押登记压缩至."""
    compared = [i for i, (word, _) in enumerate(words) if word in COMPARISON_WORDS]
    if compared and compared[0] > 0:
        words = words[:compared[0]]  # X 较 Y 压缩: X changed, Y is the base
    while words and (words[-1][0] in COMPARISON_WORDS or words[-1][1] in {"p", "t", "d", "a", "ad"}):
        words = words[:-1]
    if words and words[-1][1] in _NOUN_TAGS:
        return _trailing_noun_phrase(words)
    if words and words[-1][1] in _VERB_TAGS:
        return _trailing_activity(words)
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
