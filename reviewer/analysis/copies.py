"""Copied text, the pure part: a report's passages, their normalised form, the band keys that index them
and the check that two passages are nearly the same.

A passage is a sentence (ending in 。！？；) of at least :data:`PASSAGE_MIN_CHARS` normalised characters; a
shorter sentence joins the next one of its paragraph. Normalising is what copying does not change: the
unit's own names become one mask character, a number becomes ``0``, punctuation and spaces go, and so do
the text of quoted titles (《…》: names of laws and plans; also where one bracket of the pair was lost) and
the shipped standard phrases
(``resources/copies/standard_phrases.txt``). Every normalised character remembers its offset in the
cleaned text, so a match maps back to both reports.

The index is MinHash (one permutation in six rounds, densified) over character trigrams of the normalised passage, in
:data:`~reviewer.analysis.copy_keys.BANDS` bands of :data:`~reviewer.analysis.copy_keys.ROWS` values: two passages whose trigram sets overlap by Jaccard J share a given band
with probability q = J². Candidates must share :data:`BANDS_SHARED_MIN` bands and are then verified by
:func:`compare_passages` (difflib matching blocks of two characters or more). One character in six changed, scattered, leaves a trigram
whole with probability (5/6)³ = 0.579, so J = 0.579 / (2 − 0.579) = 0.41 and q = 0.166; the copy is a candidate
unless it shares fewer than 2 of the 48 bands: 1 − (1 − q)⁴⁸ − 48·q·(1 − q)⁴⁷ = 1 − 0.00017 − 0.00158 = 0.998.

A band key is 32 bits (:data:`~reviewer.analysis.copy_keys.KEY_BITS`, stored by SQLite in 4 bytes): the top bits of the band's 63-bit mix of
its two values. Two different bands then share a key by chance with probability 2⁻³²: among the 36 million keys
of 10,000 reports a passage's 48 keys meet about 0.4 foreign postings, and a foreign passage meeting two of them
(what a candidate needs) is about one in ten million; difflib turns such a candidate down.
"""
from __future__ import annotations

import difflib
import functools
import itertools
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from reviewer.analysis.copy_keys import SHINGLE, band_keys_of
from reviewer.analysis.unit_key import admin_parts, short_unit, unit_key
from reviewer.paths import resource_path

PASSAGE_MIN_CHARS = 30
"""Normalised characters a passage needs (about 40 characters of text): shorter text is not worth a finding."""
SIMILARITY_MIN = 0.7
"""Share of the passage's normalised characters that align with the other passage for it to count as copied."""
ALIGNED_RUN_MIN = 2
"""Characters a run of aligned characters needs to count: a lone character that happens to align between two
passages on the same subject is not copied text (on the samples, unrelated passages of different units then align
at most 0.60, not 0.65, and copies with one character in six changed still 0.81 or more for 19 in 20)."""
PART_SHARE_MIN = 0.4
"""Share of a sentence's trigrams a passage that ran it together with another must hold (a copy with one
character in six changed keeps 0.58 of them; unrelated sentences of these reports share about 0.1–0.2)."""
JACCARD_MIN = 0.2
"""Trigram overlap below which two passages are not compared further (one character in six changed leaves ~0.41)."""
BANDS_SHARED_MIN = 2
MASK = "■"
STANDARD_PHRASES_FILE = ("copies", "standard_phrases.txt")

_SENTENCE_END = re.compile(r"[。！？；!?;]+")
_NUMBER = re.compile(r"[0-9０-９]+(?:[.．][0-9０-９]+)?")
TITLE_CHARS_MAX = 60
_QUOTED_TITLE = re.compile(rf"《[^《》\n]{{1,{TITLE_CHARS_MAX}}}》")
_TITLE_EDGE = frozenset("，。；：！？、,;:!?“”《》")
"""Where a title whose other bracket is missing is taken to end (or begin)."""
_TITLE_OPENINGS = ("中华人民共和国", "关于")
"""How the titles of laws and documents begin: where a title whose 《 is missing is taken to begin."""
_KEPT_RUN = re.compile(r"[\u4e00-\u9fffA-Za-z]+")




@dataclass(frozen=True)
class Passage:
    """A passage of a cleaned text: its span and its normalised characters with their offsets."""

    ordinal: int
    start: int
    end: int
    normalized: str
    positions: tuple[int, ...]


@dataclass(frozen=True)
class PassageMatch:
    """Two passages nearly the same: the aligned spans in each text and how many characters align."""

    start: int
    end: int
    other_start: int
    other_end: int
    matched: int
    length: int

    @property
    def similarity(self) -> float:
        return self.matched / self.length if self.length else 0.0


def unit_names(unit: str | None) -> tuple[str, ...]:
    """The ways a report names its own unit (full, short, key, the place without its suffix), longest first."""
    if not unit:
        return ()
    names = {unit, short_unit(unit), unit_key(unit)}
    units, _department = admin_parts(unit)
    for part in units[-1:]:
        bare = re.sub(r"(?:街道|镇|乡|县|区|市|旗|州)$", "", part)
        if len(bare) >= 2:
            names.add(bare)
    return tuple(sorted((n for n in names if len(n) >= 2), key=len, reverse=True))


@functools.cache
def _standard_pattern() -> re.Pattern[str] | None:
    lines = resource_path(*STANDARD_PHRASES_FILE).read_text(encoding="utf-8").splitlines()
    phrases = {_base_normalized(line.strip(), 0, len(line.strip()), None)[0] for line in lines
               if line.strip() and not line.startswith("#")}
    phrases.discard("")
    if not phrases:
        return None
    return re.compile("|".join(re.escape(p) for p in sorted(phrases, key=len, reverse=True)))


def _names_pattern(names: Sequence[str]) -> re.Pattern[str] | None:
    return re.compile("|".join(re.escape(n) for n in names)) if names else None


def _base_normalized(text: str, start: int, end: int, names: re.Pattern[str] | None) -> tuple[str, list[int]]:
    """Names masked, numbers made 0, quoted titles, punctuation and spaces left out."""
    replaced: list[tuple[int, int, str]] = [(t_start, t_end, "") for t_start, t_end in _titles(text, start, end)]
    if names is not None:
        replaced += [(m.start(), m.end(), MASK) for m in names.finditer(text, start, end)]
    replaced += [(m.start(), m.end(), "0") for m in _NUMBER.finditer(text, start, end)]
    replaced.sort(key=lambda r: (r[0], -r[1]))
    chars: list[str] = []
    positions: list[int] = []
    position = start
    for r_start, r_end, replacement in replaced:
        if r_start < position:
            continue  # inside a span already replaced (a number in a quoted title)
        _keep(text, position, r_start, chars, positions)
        if replacement:
            chars.append(replacement)
            positions.append(r_start)
        position = r_end
    _keep(text, position, end, chars, positions)
    return "".join(chars), positions


def _titles(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The spans of the quoted titles in ``text[start:end]``: each 《…》, and where a bracket is alone (its pair
    lost to an edit, a line break or a misreading) the title it still marks, within :data:`TITLE_CHARS_MAX`
    characters: from a lone 《 to the next punctuation or bracket; back from a lone 》 to the punctuation or
    bracket before it or a title's usual beginning (:data:`_TITLE_OPENINGS`), whichever is nearer, else to the
    start of the sentence; the bracket alone when none of these is that near."""
    spans = [(m.start(), m.end()) for m in _QUOTED_TITLE.finditer(text, start, end)]
    if text.count("《", start, end) + text.count("》", start, end) == 2 * len(spans):
        return spans
    inside = {offset for t_start, t_end in spans for offset in (t_start, t_end - 1)}
    for offset in range(start, end):
        char = text[offset]
        if char not in "《》" or offset in inside:
            continue
        if char == "《":
            stop = next((q for q in range(offset + 1, min(end, offset + 1 + TITLE_CHARS_MAX))
                         if text[q] in _TITLE_EDGE), offset + 1)
            spans.append((offset, stop))
        else:
            limit = max(start, offset - TITLE_CHARS_MAX)
            edge = next((q + 1 for q in range(offset - 1, limit - 1, -1) if text[q] in _TITLE_EDGE), limit)
            openings = [text.rfind(opening, edge, offset) for opening in _TITLE_OPENINGS]
            begin = max([*openings, edge if edge > limit or limit == start else -1])
            spans.append((begin if begin >= 0 else offset, offset + 1))
    return sorted(spans)


def _keep(text: str, start: int, end: int, chars: list[str], positions: list[int]) -> None:
    for run in _KEPT_RUN.finditer(text, start, end):
        chars.extend(run.group())
        positions.extend(range(run.start(), run.end()))


def normalized(text: str, start: int, end: int, names: Sequence[str] = ()) -> tuple[str, list[int]]:
    """The normalised characters of ``text[start:end]`` and the offset of each in ``text``."""
    chars, positions = _base_normalized(text, start, end, _names_pattern(names))
    standard = _standard_pattern()
    return _without(standard, chars, positions) if standard is not None else (chars, positions)


def passages(text: str, names: Sequence[str] = ()) -> list[Passage]:
    """The report's passages in text order (see the module docstring)."""
    pattern = _names_pattern(names)
    standard = _standard_pattern()
    result: list[Passage] = []
    line_start = 0
    for line in text.split("\n"):
        line_end = line_start + len(line)
        pending_start: int | None = None
        sentence_start = line_start
        for end in [m.end() for m in _SENTENCE_END.finditer(text, line_start, line_end)] + [line_end]:
            if end <= sentence_start:
                continue
            start = sentence_start if pending_start is None else pending_start
            chars, positions = _base_normalized(text, start, end, pattern)
            if standard is not None:
                chars, positions = _without(standard, chars, positions)
            sentence_start = end
            if len(chars) < PASSAGE_MIN_CHARS:
                pending_start = start
                continue
            pending_start = None
            result.append(Passage(len(result), positions[0], positions[-1] + 1, chars, tuple(positions)))
        line_start = line_end + 1
    return result


def _without(pattern: re.Pattern[str], chars: str, positions: list[int]) -> tuple[str, list[int]]:
    spans = [(m.start(), m.end()) for m in pattern.finditer(chars)]
    if not spans:
        return chars, positions
    kept_chars: list[str] = []
    kept_positions: list[int] = []
    position = 0
    for start, end in [*spans, (len(chars), len(chars))]:
        kept_chars.append(chars[position:start])
        kept_positions.extend(positions[position:start])
        position = end
    return "".join(kept_chars), kept_positions


@dataclass(frozen=True)
class KeyedPassage:
    """A passage with its band keys: what the index stores of it (computed away from the database at import)."""

    passage: Passage
    keys: tuple[int, ...]


def keyed_passages(text: str, unit: str | None) -> list[KeyedPassage]:
    """The passages of a report of ``unit`` (its own names masked) with their band keys, in text order."""
    found = passages(text, unit_names(unit))
    return [KeyedPassage(p, keys) for p, keys in zip(found, band_keys_of([p.normalized for p in found]))]


def compare_passages(passage: Passage, other: Passage) -> PassageMatch | None:
    """The alignment of two passages when at least :data:`SIMILARITY_MIN` of ``passage`` aligns, else None."""
    if passage.normalized == other.normalized:  # what difflib would find, without it: one block, all of it
        return PassageMatch(passage.positions[0], passage.positions[-1] + 1, other.positions[0],
                            other.positions[-1] + 1, len(passage.normalized), len(passage.normalized))
    mine, theirs = _trigrams(passage.normalized), _trigrams(other.normalized)
    if len(mine & theirs) < JACCARD_MIN * len(mine | theirs):
        return None  # far below what copying leaves: no alignment needed
    matcher = difflib.SequenceMatcher(None, passage.normalized, other.normalized, autojunk=False)
    blocks = [b for b in matcher.get_matching_blocks() if b.size >= ALIGNED_RUN_MIN]
    matched = sum(b.size for b in blocks)
    if not blocks or matched < SIMILARITY_MIN * len(passage.normalized):
        return None
    first, last = blocks[0], blocks[-1]
    return PassageMatch(
        passage.positions[first.a], passage.positions[last.a + last.size - 1] + 1,
        other.positions[first.b], other.positions[last.b + last.size - 1] + 1,
        matched, len(passage.normalized),
    )


def part_of(other: Passage, passage: Passage) -> bool:
    """At least :data:`PART_SHARE_MIN` of ``other``'s trigrams occur in ``passage``: ``other`` may be one of the
    sentences a copy ran together into ``passage`` (worth comparing ``passage`` with it and its neighbours)."""
    theirs = _trigrams(other.normalized)
    return len(theirs & _trigrams(passage.normalized)) >= PART_SHARE_MIN * len(theirs)


def _trigrams(chars: str) -> set[str]:
    return {chars[i:i + SHINGLE] for i in range(len(chars) - SHINGLE + 1)}


def joined(run: Sequence[Passage]) -> Passage:
    """Consecutive passages of a report as one (numbered as the first): what a copy whose sentence ends were
    edited away (two sentences run together) is compared with."""
    return Passage(run[0].ordinal, run[0].start, run[-1].end, "".join(p.normalized for p in run),
                   tuple(itertools.chain.from_iterable(p.positions for p in run)))


@dataclass(frozen=True)
class OrdinalMatch:
    """A verified match of passage ``ordinal`` with passages ``other_ordinal`` … ``other_last`` of another
    report (one passage, or several run together: see :func:`joined`)."""

    ordinal: int
    other_ordinal: int
    match: PassageMatch
    other_last: int | None = None  # None: the one passage ``other_ordinal``

    @property
    def other_through(self) -> int:
        return self.other_ordinal if self.other_last is None else self.other_last


def merged(matches: Iterable[OrdinalMatch]) -> list[PassageMatch]:
    """Matches with one other report joined where consecutive passages match consecutive passages
    (a copied paragraph is one copy, not one per sentence); similarity over the joined characters."""
    result: list[PassageMatch] = []
    last: OrdinalMatch | None = None
    for current in sorted(matches, key=lambda m: (m.ordinal, m.other_ordinal)):
        if last is not None and current.ordinal == last.ordinal:
            continue  # one passage, two passages of the other report: the better-ordered first kept
        joins = (last is not None and current.ordinal == last.ordinal + 1
                 and last.other_ordinal <= current.other_ordinal <= last.other_through + 1)
        if joins:
            before, add = result[-1], current.match
            result[-1] = PassageMatch(before.start, add.end, min(before.other_start, add.other_start),
                                      max(before.other_end, add.other_end),
                                      before.matched + add.matched, before.length + add.length)
        else:
            result.append(current.match)
        last = current
    return result
