"""Indicators (主要指标): which figure of a report fills each column of the officer's table.

The columns and their wordings are data (:mod:`reviewer.analysis.indicator_catalogue`); the rules here are
the same for every column (docs/indicators.md):

1. A figure is read in its sentence: its subject (what it counts, from :mod:`reviewer.analysis.subject`),
   its clause before it (from the clause break or the figure before it in the clause), the rest of its
   clause after it, the sentence up to it, and the heading of the section it stands in.
2. Figures that are no cell of any column: changes and bases of comparisons (``同比增长12%``, the one
   definition of :func:`reviewer.analysis.checks.arithmetic.is_change`), targets and plans (力争/计划/拟 in
   the clause, or a section about next year), another body's figures (a scope above the reporting unit:
   全省 or 省政府 in a city report, 上级), sub-counts (after 其中/包括/分别 following a figure of the same
   unit in the sentence, inside a bracket right after a figure, or items before a 合计/共计 total of the same
   unit), a table cell of a column other than the report year's, and percentages above 100.
3. A figure fills at most one column: the one whose name stands in its subject (the name nearest the end,
   i.e. the head of the phrase, wins), else in its clause (nearest the figure), else whose lead phrase
   stands in the sentence (earliest) or heading, with a fitting object — the first of these, in that order,
   whose exclusions do not apply (``参与重大决策事项论证46件`` after 法律顾问 is the adviser's work, not a
   decision).
4. Per column, the cell is the candidate first in the column's order of preference, then not cumulative
   over several years, then first in the text.
"""
from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass

from reviewer.analysis.checks.arithmetic import is_change
from reviewer.analysis.indicator_catalogue import IndicatorDefinition, catalogue
from reviewer.analysis.model import Figure, IndicatorValue, Metadata, Section

_SENTENCE_BREAK = "。！？!?；;\n"
_CLAUSE_BREAK = _SENTENCE_BREAK + "，,：:"
_SENTENCE_BREAK_RE = re.compile(f"[{_SENTENCE_BREAK}]")
_CLAUSE_BREAK_RE = re.compile(f"[{_CLAUSE_BREAK}]")
_AFTER_CHARS = 20
_MAX_LOOKBACK = 200
"""Characters of a sentence before a figure that its rules read (a lead phrase stands near its figures)."""
_ITEM_UNITS = frozenset({"件", "条", "项", "篇", "个", "份"})
"""Counting units of documents, items and cases, one measure for telling a sub-count from its total."""
_MAX_LISTED = 60
"""Figures of a listing read for its total: keeps a line of thousands of figures linear."""
_AFTER_BREAK = _CLAUSE_BREAK + "、"
_AFTER_BREAK_RE = re.compile(f"[{_AFTER_BREAK}]")
_PLAN_WORDS = re.compile(r"力争|计划|拟(?:于|在|将|开展|完成|实现|举办|组织)|预计|争取|目标|预期|将要|规划|将(?:继续|进一步|全面|持续|开展|组织|举办|推进|实现|完成|达到)")
_PLAN_SENTENCE = re.compile(r"下一步|明年|来年|下一年|今后")
_PLAN_HEADING = re.compile(
    r"下一步|下一年|下年度|明年|来年|(?:19|20)\d\d年?(?:度)?(?:工作)?(?:计划|打算|安排|思路|要点)|工作计划|工作安排|工作打算|"
    r"主要安排|打算|思路|展望|努力方向|工作重点"
)
_PART_MARKERS = re.compile(r"其中|包括|分别")
_TOTAL_CUE = re.compile(r"(?:合计|共计|总计|总共|共)(?:为|达|有)?$")
_TOTAL_WORDS = re.compile(r"合计|共计|总计|总共")
_CUMULATIVE = re.compile(
    r"累计|历年|近[0-9一二两三四五六七八九十]+年|十[一二三四五]五|(?:自|从)?(?:19|20)\d\d年(?:以来|至今)|成立以来|多年来"
)
_WITHIN_YEAR = re.compile(r"今年|本年|全年|年内|当年|年初以来|月以来|年度")
_SCOPE = re.compile(r"全(国|省|市|州|县|区|旗|镇|乡|街道)|(国务院|国家|省|市|州|县|区)(?:委|政府|人民政府|级)|上级")
_SCOPE_RANKS = {"国": 5, "国务院": 5, "国家": 5, "省": 4, "市": 3, "州": 3, "县": 2, "区": 2, "旗": 2,
                "镇": 1, "乡": 1, "街道": 1}
_UNIT_PREFIX = re.compile(r"^(?:[\u4e00-\u9fff]{1,8}?(?:省|自治区|市|州|盟|县|区|旗|镇|乡|街道))+")
_OWN_RANKS = {"省": 4, "自治区": 4, "市": 3, "州": 3, "盟": 3, "县": 2, "区": 2, "旗": 2, "镇": 1, "乡": 1, "街道": 1}
_OTHER_YEAR_COLUMN = re.compile(r"上年|去年|上期|同期|增减|同比|增长|变化|比上年|较上年|上一年")
_YEAR = re.compile(r"(?:19|20)\d\d")
_YEAR_IN_TEXT = re.compile(r"((?:19|20)\d\d)年(?![0-9一二三四五六七八九十]+月)")
_OPEN_BRACKETS = "(（"
_CLOSE_BRACKETS = ")）"

NAME, CLAUSE, LEAD = 3, 2, 1
"""How strongly a figure is tied to a column: its subject names it, its clause names it, or its sentence's
lead phrase (or heading) names it with a fitting object."""


@dataclass
class FigureContext:
    """The words around one figure that the rules read."""

    figure: Figure
    subject: str
    before: str  # the clause before the figure
    after: str  # the rest of the clause after it
    sentence: str  # the sentence up to the figure
    heading: str  # the title of the innermost section around it
    around: str = ""  # subject, clause before and after, joined
    near: str = ""  # subject and clause before, joined
    lead: str = ""  # sentence before and subject, joined

    def __post_init__(self) -> None:
        self.around = f"{self.subject}|{self.before}|{self.after}"
        self.near = f"{self.subject}|{self.before}"
        self.lead = f"{self.sentence}|{self.subject}"


def extract_indicators(
    text: str, figures: Sequence[Figure], sections: Sequence[Section], metadata: Metadata,
    definitions: Sequence[IndicatorDefinition] | None = None,
) -> list[IndicatorValue]:
    """The filled cells of the report, in column order (at most one per column)."""
    definitions = catalogue() if definitions is None else definitions
    units = frozenset().union(*(d.units for d in definitions)) if definitions else frozenset()
    reader = _Reader(text, figures, sections, metadata)
    by_unit: dict[str, list[IndicatorDefinition]] = {}
    for definition in definitions:
        for unit in definition.units:
            by_unit.setdefault(unit, []).append(definition)
    contexts = {i: reader.context(i) for i, f in enumerate(figures) if f.unit in units}
    columns = {i: _column_of(context, by_unit[context.figure.unit]) for i, context in contexts.items()}
    best: dict[str, tuple[tuple[int, int, int], Figure]] = {}
    for index, context in contexts.items():
        placed = columns[index]
        if placed is None or not reader.may_fill(index):
            continue
        if any(columns.get(total) is placed for total in reader.totals_of(index)):
            continue  # a sub-count of a total of the same quantity
        figure = context.figure
        rank = (_preference(placed, context), int(reader.cumulative(context)), figure.start)
        if placed.code not in best or rank < best[placed.code][0]:
            best[placed.code] = (rank, figure)
    return [
        IndicatorValue(d.code, f.text, f.value, f.unit, f.start, f.end, f.approx)
        for d in definitions if d.code in best for f in [best[d.code][1]]
    ]


def _reach(section: Section) -> int:
    """Where the section's body (its subsections included) ends."""
    return max(section.body_end, section.end)


def _open_sections(sections: Sequence[Section]) -> list[list[Section]]:
    """For each count ``i`` of the sections (sorted by start), those among the first ``i`` still open
    where the ``i``-th starts: the only ones that can enclose a position between it and the next heading.
    Linear in the sections for headings that nest (a section that ended stays out of every later list)."""
    opened: list[Section] = []
    lists = [opened]
    for section in sections:
        opened = [s for s in opened if _reach(s) > section.start] + [section]
        lists.append(opened)
    return lists


def _column_of(context: FigureContext, definitions: Sequence[IndicatorDefinition]) -> IndicatorDefinition | None:
    """The one column a figure may fill, after that column's exclusions (rule 3)."""
    scored: list[tuple[tuple[int, int], IndicatorDefinition]] = []
    for definition in definitions:
        score = _tie(definition, context)
        if score is not None:
            scored.append((score, definition))
    if not scored:
        return None
    scored.sort(key=lambda pair: pair[0], reverse=True)
    if _names_several(context, definitions):
        return None  # 行政复议、行政诉讼案件分别为5件、3件: which is which is not ours to guess
    for _score, chosen in scored:
        if not _excluded(chosen, context):
            return chosen
    return None


def _excluded(definition: IndicatorDefinition, context: FigureContext) -> bool:
    if definition.exclude and definition.exclude.search(context.around):
        return True
    return bool(definition.exclude_subject and definition.exclude_subject.search(context.subject))


def _names_several(context: FigureContext, definitions: Sequence[IndicatorDefinition]) -> bool:
    """True for a figure after 分别 in a clause whose phrase before 分别 names more than one column."""
    marker = context.sentence.rfind("分别")
    if marker < 0 or any(ch in _CLAUSE_BREAK for ch in context.sentence[marker:]):
        return False
    phrase_start = max(context.sentence.rfind(ch, 0, marker) for ch in _CLAUSE_BREAK) + 1
    phrase = context.sentence[phrase_start:marker]
    return sum(1 for d in definitions if d.names and d.names.search(phrase)) > 1


def _tie(definition: IndicatorDefinition, context: FigureContext) -> tuple[int, int] | None:
    """(strength, position) of the figure's tie to a column, or None; higher is stronger."""
    tie = _named(definition, context)
    if tie is None:
        return None
    if definition.requires and not definition.requires.search(context.lead):
        return None
    if definition.verbs and not definition.verbs.search(context.around):
        return None
    return tie


def _named(definition: IndicatorDefinition, context: FigureContext) -> tuple[int, int] | None:
    names = definition.names
    if names:
        if names.search(context.subject):
            return NAME, [m.end() for m in names.finditer(context.subject)][-1]
        if names.search(context.before):
            return CLAUSE, [m.end() for m in names.finditer(context.before)][-1]
    if not (definition.lead or definition.heading):
        return None
    if definition.objects is not None and not definition.objects.search(context.near):
        return None
    if definition.lead:
        lead = definition.lead.search(context.sentence)
        if lead:
            return LEAD, -lead.start()
    if definition.heading and definition.heading.search(context.heading):
        return LEAD, -len(context.sentence)
    return None


def _preference(definition: IndicatorDefinition, context: FigureContext) -> int:
    rank = next((i for i, pattern in enumerate(definition.prefer) if pattern.search(context.around)),
                len(definition.prefer))
    if definition.rate_first:
        return 0 if context.figure.unit == "%" else 1 + rank
    return rank


class _Reader:
    """Sentence and clause bounds, sections and the reporting unit's scope, computed once per report."""

    def __init__(self, text: str, figures: Sequence[Figure], sections: Sequence[Section], metadata: Metadata):
        self.text = text
        self.figures = figures
        self.sentence_ends = [m.start() for m in _SENTENCE_BREAK_RE.finditer(text)]
        self.clause_breaks = [m.start() for m in _CLAUSE_BREAK_RE.finditer(text)]
        self.after_breaks = [m.start() for m in _AFTER_BREAK_RE.finditer(text)]
        self.figure_starts = [f.start for f in figures]
        self._enclosing_cache: dict[int, list[Section]] = {}
        self.sections = sorted(sections, key=lambda s: s.start)
        self.section_starts = [s.start for s in self.sections]
        self._open_sections = _open_sections(self.sections)
        self.own_rank = _own_rank(metadata)
        self.report_year = metadata.report_year

    def sentence_start(self, position: int) -> int:
        """Where the sentence holding ``position`` starts, at most ``_MAX_LOOKBACK`` characters before it."""
        index = bisect.bisect_left(self.sentence_ends, position)
        start = self.sentence_ends[index - 1] + 1 if index else 0
        return max(start, position - _MAX_LOOKBACK)

    def clause_start(self, position: int, floor: int) -> int:
        index = bisect.bisect_left(self.clause_breaks, position)
        start = self.clause_breaks[index - 1] + 1 if index else 0
        return max(start, floor) if floor <= position else position

    def context(self, index: int) -> FigureContext:
        figure = self.figures[index]
        text = self.text
        sentence_start = self.sentence_start(figure.start)
        floor = sentence_start
        if index and self.figures[index - 1].end > floor:
            floor = self.figures[index - 1].end
        before = text[self.clause_start(figure.start, floor):figure.start]
        limit = min(len(text), figure.end + _AFTER_CHARS)
        if index + 1 < len(self.figures):
            limit = min(limit, self.figures[index + 1].start)
        next_break = bisect.bisect_left(self.after_breaks, figure.end)
        after_end = min(limit, self.after_breaks[next_break]) if next_break < len(self.after_breaks) else limit
        after_end = max(after_end, figure.end)
        return FigureContext(
            figure=figure,
            subject=figure.subject or "",
            before=before,
            after=text[figure.end:after_end],
            sentence=text[sentence_start:figure.start],
            heading=self._heading(figure.start),
        )

    def _enclosing(self, position: int) -> list[Section]:
        """The sections whose body holds ``position``, outermost first (the same between two headings)."""
        index = bisect.bisect_right(self.section_starts, position)
        if index not in self._enclosing_cache:
            self._enclosing_cache[index] = [s for s in self._open_sections[index] if position < _reach(s)]
        return [s for s in self._enclosing_cache[index] if s.end <= position]

    def _heading(self, position: int) -> str:
        enclosing = self._enclosing(position)
        return enclosing[-1].title if enclosing else ""

    def may_fill(self, index: int) -> bool:
        """Rule 2: False for figures that are no cell of any column."""
        figure = self.figures[index]
        if figure.unit == "%" and figure.value > 100:
            return False
        if not self._column_fits(figure.column) or is_change(self.text, figure):
            return False
        sentence_start = self.sentence_start(figure.start)
        clause = self.text[self.clause_start(figure.start, sentence_start):figure.start]
        if _PLAN_WORDS.search(clause) or self._is_plan(self.text[sentence_start:figure.start], figure.start):
            return False
        return not self._other_body(clause + "|" + (figure.subject or ""))

    def _is_plan(self, sentence: str, position: int) -> bool:
        """A sentence about next year (下一步, 明年, a later year) or a section about next year's plan."""
        if _PLAN_SENTENCE.search(sentence):
            return True
        if self.report_year and any(int(y) > self.report_year for y in _YEAR_IN_TEXT.findall(sentence)):
            return True
        return any(_PLAN_HEADING.search(s.title) for s in self._enclosing(position))

    def _column_fits(self, column: str | None) -> bool:
        """A table cell counts only in the report year's column (本年 over 上年)."""
        if not column:
            return True
        if _OTHER_YEAR_COLUMN.search(column):
            return False
        years = {int(y) for y in _YEAR.findall(column)}
        return not years or self.report_year in years

    def _other_body(self, words: str) -> bool:
        for match in _SCOPE.finditer(words):
            if match.group(0) == "上级":
                return True
            if self.own_rank is None:
                continue
            scope = match.group(1) or match.group(2)
            if _SCOPE_RANKS.get(scope, 0) > self.own_rank:
                return True
        return False

    def totals_of(self, index: int) -> list[int]:
        """The figures this one may be a part of: the same unit's figures before 其中/包括/分别 in its sentence
        (or the sentence before, when the marker opens the sentence), the figure a bracket holding it follows,
        and a later 合计/共计 total of the same unit in its sentence."""
        figure = self.figures[index]
        text = self.text
        start = self.sentence_start(figure.start)
        totals: list[int] = []
        markers = list(_PART_MARKERS.finditer(text, start, figure.start))
        if markers:
            scope_start = start
            if not text[start:markers[0].start()].strip(" \u3000，,"):
                scope_start = self.sentence_start(start - 1) if start else 0  # 共受理35件。其中，维持28件
            marker = markers[-1].start()
            first = max(bisect.bisect_left(self.figure_starts, scope_start), index - _MAX_LISTED)
            totals += [i for i in range(first, index)
                       if self.figures[i].end <= marker and _same_measure(self.figures[i], figure)]
        bracketing = self._figure_before_bracket(index, start)
        if bracketing is not None:
            totals.append(bracketing)
        end_index = bisect.bisect_left(self.sentence_ends, figure.end)
        sentence_end = self.sentence_ends[end_index] if end_index < len(self.sentence_ends) else len(text)
        for later_index in range(index + 1, min(len(self.figures), index + 1 + _MAX_LISTED)):
            later = self.figures[later_index]
            if later.start >= sentence_end:
                break
            if _same_measure(later, figure) and self._is_total(later, max(start, figure.end)):
                totals.append(later_index)
        return totals

    def _is_total(self, figure: Figure, floor: int) -> bool:
        """合计/共计/总计 in the figure's clause, or 共 right before it: a total of the figures before it."""
        if _TOTAL_CUE.search(self.text, max(floor, figure.start - 4), figure.start):
            return True
        return bool(_TOTAL_WORDS.search(self.text, self.clause_start(figure.start, floor), figure.start))

    def _figure_before_bracket(self, index: int, sentence_start: int) -> int | None:
        """The figure right before the bracket that holds this one: 9件（1件一审8件再审）."""
        text = self.text
        depth, position = 0, self.figures[index].start - 1
        while position >= sentence_start:
            ch = text[position]
            if ch in _CLOSE_BRACKETS:
                depth += 1
            elif ch in _OPEN_BRACKETS:
                if depth == 0:
                    break
                depth -= 1
            position -= 1
        if position < sentence_start:
            return None
        before = bisect.bisect_right(self.figure_starts, position) - 1
        if before < 0 or before >= index:
            return None
        gap = position - self.figures[before].end
        return before if 0 <= gap <= 1 and not text[self.figures[before].end:position].strip() else None

    def cumulative(self, context: FigureContext) -> bool:
        """Counted over several years (累计, 历年, 近三年, 2016年以来), not the report year's own figure."""
        words = context.sentence[-60:]
        if not _CUMULATIVE.search(words):
            return False
        year = str(self.report_year) if self.report_year else None
        return not (_WITHIN_YEAR.search(words) or (year and f"{year}年" in words and f"{year}年以来" not in words))


def _same_measure(a: Figure, b: Figure) -> bool:
    """Units that count the same things: equal, one part of the other (件/次), or both counts of items."""
    if a.unit in _ITEM_UNITS and b.unit in _ITEM_UNITS:
        return True  # 政府信息6,218条，其中规范性文件18件
    return a.unit == b.unit or a.unit in b.unit.split("/") or b.unit in a.unit.split("/")


def _own_rank(metadata: Metadata) -> int | None:
    """The administrative rank of the reporting unit (镇 1, 县/区 2, 市 3, 省 4), from its name."""
    unit = metadata.unit or ""
    prefix = _UNIT_PREFIX.match(unit)
    if not prefix:
        return None
    name = prefix.group(0)
    for suffix, rank in sorted(_OWN_RANKS.items(), key=lambda pair: -len(pair[0])):
        if name.endswith(suffix):
            return rank
    return None
