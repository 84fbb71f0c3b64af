"""The four checkable required parts of an annual report (docs/domain.md), each pointing at what satisfied it.

Headings are looked for first, outermost level first; the wording varies (存在的问题 / 不足 / 短板 / 差距,
下一步打算 / 2022年工作计划 / 2023年推进法治政府建设的主要安排 …) so each part has a pattern for the heading
phrase. Short stand-alone lines without a number count as headings too (reports that head their parts
in bold only). A part that is not a heading is often a sentence:
- measures: a report organised purely by topic has no "measures" heading — its top-level parts before the
  shortcomings / plan part are the measures;
- shortcomings: ``虽然……但仍存在一些问题`` / ``在取得成效的同时，依然存在一些短板`` /
  ``我局法治政府建设存在的主要问题是：……``;
- first_responsible: ``党政主要负责人……履行推进法治建设第一责任人职责`` anywhere in the text;
- next_year_plan: a closing paragraph such as ``下一步，我局将……`` or ``2019年我市将继续……``.
"""
from __future__ import annotations

import re
from collections.abc import Callable

from reviewer.analysis.model import REQUIRED_CODES, RequiredPart, Section
from reviewer.analysis.outline import HEADING_RE

Hit = tuple[tuple[int, int], str]
"""The span that satisfied a part and how: "heading" or "sentence"."""

_MAX_PART_HEADING = 30
"""A part's keyword counts anywhere in a short heading; in a longer one only at its start."""

_MEASURES_RE = re.compile(
    r"主要(?:举措|做法|措施|工作|成效|成绩)|(?:工作|推进|进展|完成|开展|落实|建设)情况|基本情况|总体情况"
    r"|取得的?(?:成效|成绩|进展)|工作成效|(?:举措|做法|措施)[和及与、]成效|成效[和及与、](?:做法|举措)|工作回顾"
)
_SHORTCOMING_WORD = "(?:问题|不足|困难|短板|差距|弱项)"
_SHORTCOMINGS_RE = re.compile(
    rf"(?:存在|面临)的?(?:主要)?(?:问题|不足|困难|短板|差距|薄弱)"
    rf"|{_SHORTCOMING_WORD}[和及与、](?:{_SHORTCOMING_WORD}|原因)|短板弱项"
    rf"|(?:不足|短板|差距|问题)之处|薄弱环节|^(?:主要)?{_SHORTCOMING_WORD}$"
)
_NOT_SHORTCOMINGS_RE = re.compile(r"整改|解决|补齐|补足|弥补|破解|针对|聚焦|化解|查找")
_PLAN_WORD = "(?:计划|安排|打算|思路|设想|谋划|要点|重点|目标|主要任务)"
_PLAN_RE = re.compile(
    r"下一步|下一年|下年度|明年|今后|下步|展望|努力方向"
    rf"|^(?:关于)?(?:19|20)\d{{2}}年度?[^，,。；;：:]{{0,16}}?{_PLAN_WORD}"
    rf"|(?:19|20)\d{{2}}年度?的?(?:工作)?{_PLAN_WORD}"
    r"|工作(?:计划|安排|打算|思路|设想|要点|谋划)"
)
"""A plan heading: ``下一步工作打算``, ``2023年工作计划`` anywhere in a short heading, and a heading that opens
with the year and names a plan further on (``2023年推进法治政府建设的主要安排``)."""
_PLAN_REPORTED_RE = re.compile(r"[^，,；;]{0,6}?(?:完成|落实|执行|推进)?情况|[^，,；;]*?(?:成效|成绩|进展)")
"""After a plan keyword: ``工作要点完成情况``, ``重点工作及成效`` report on last year's plan, they are not plans."""
_PLAN_CARRIED_OUT_RE = re.compile(r"落实|完成|执行|贯彻|对照|紧扣|围绕|按照|根据|对标")
"""Before a plan keyword: ``认真落实2022年工作要点`` reports on last year's plan too."""
_FIRST_RESPONSIBLE_RE = re.compile(
    r"第一责任人|(?:主要负责人|主要领导|一把手)[^。]{0,30}(?:法治|职责|重要组织者|推动者|实践者)"
)
_OTHER_MATTERS_RE = re.compile(r"其他(?:需要)?(?:报告|说明)?的?(?:事项|情况)")

_STAND_ALONE_LINE_RE = re.compile(
    r"^[ \t\u3000]*(?P<line>[^\s。，,；;！？!?][^\n。，,；;！？!?]{1,29}?)[ \t\u3000]*$", re.MULTILINE
)
"""A short line without sentence punctuation: a candidate unnumbered heading."""
_SENTENCE_BREAK = "。！？!?\n"
_PARAGRAPH_RE = re.compile(r"[^\n]+")
_LEAD_IN_RE = re.compile(r"如下[：:。]?$")
_FIRST_RESPONSIBLE_SENTENCE_RE = re.compile(
    r"第一责任人|(?:主要负责人|主要领导|一把手)[^。\n]{0,30}(?:重要组织者|推动者|实践者)"
)
_LEADER_RE = re.compile(r"主要负责人|主要领导|一把手|党政|书记|[镇乡县区市旗]长|局长|主任|法治建设第一责任人")
_RULE_OF_LAW_RE = re.compile(r"法治|法制|依法")
_SHORTCOMINGS_SENTENCE_RE = re.compile(
    r"(?<!不)(?:还|仍|仍然|也|依然|依旧|尚)(?:存在|有)着?[^。！？\n]{0,24}?(?:问题|不足|短板|差距|薄弱环节|困难|弱项)"
)
_SHORTCOMINGS_STATED_RE = re.compile(
    rf"存在(?:的|着)?(?:一些|部分|以下)?(?:主要)?{_SHORTCOMING_WORD}(?:[和及与、]{_SHORTCOMING_WORD})?"
    r"(?:主要)?(?:是|有|表现在|表现为|[:：])"
)
"""A sentence that goes on to list the shortcomings: ``我局法治政府建设存在的主要问题是：……``."""
_OWN_WORK_RE = re.compile(r"建设|工作|我[镇乡市县区局委办州盟旗厅]|自身|当前|目前|仍|还")
"""Before ``存在的问题是``: the shortcomings are the reporting body's own (not those it found in others' work)."""
_OWN_WORK_WINDOW = 12
_CONTRAST_RE = re.compile(r"但|同时|然而|不过|虽然|虽|尽管|当然|看到|认识到|相比|相较|对照|对标")
_FUTURE = r"(?:继续|进一步|持续|着力|重点|围绕|坚持|全面|深入|不断|紧紧|切实|加快|大力|努力|力争|按照|以)"
_PLAN_PARAGRAPH_RE = re.compile(
    rf"^(?:下一步|下一阶段|下阶段|今后|明年|新的一年|下一年度?)"
    rf"|^(?:19|20)\d{{2}}年度?[，,]?[^，,。\n]{{0,10}}?将{_FUTURE}"
    rf"|^(?:我们|我[镇乡市县区局委办])将{_FUTURE}",
    re.MULTILINE,
)


def find_required_parts(text: str, sections: list[Section]) -> dict[str, RequiredPart]:
    unnumbered = _unnumbered_headings(text, sections)
    found = {
        "measures": _measures(text, sections, unnumbered),
        "shortcomings": (
            _heading(sections, _is_shortcomings_heading) or _unnumbered(unnumbered, _is_shortcomings_heading)
            or _shortcomings_sentence(text)
        ),
        "first_responsible": (
            _heading(sections, _is_first_responsible_heading)
            or _unnumbered(unnumbered, _is_first_responsible_heading) or _first_responsible_sentence(text)
        ),
        "next_year_plan": (
            _heading(_but_first_part(sections), is_plan_heading) or _unnumbered(unnumbered, is_plan_heading)
            or _plan_paragraph(text)
        ),
    }
    parts: dict[str, RequiredPart] = {}
    for code in REQUIRED_CODES:
        hit = found[code]
        if hit:
            (start, end), how = hit
            parts[code] = RequiredPart(code, True, start, end, how)
        else:
            parts[code] = RequiredPart(code, False)
    return parts


def _keyword_in_heading(pattern: re.Pattern[str], title: str) -> re.Match[str] | None:
    match = pattern.search(title)
    if match and (match.start() == 0 or len(title) <= _MAX_PART_HEADING):
        return match
    return None


def _is_shortcomings_heading(title: str) -> bool:
    match = _keyword_in_heading(_SHORTCOMINGS_RE, title)
    return match is not None and not _NOT_SHORTCOMINGS_RE.search(title[:match.start()])


def is_plan_heading(title: str) -> bool:
    """A heading of the next year's plan: ``下一步工作打算``, ``2024年工作计划`` (not ``2023年工作要点完成情况``)."""
    match = _keyword_in_heading(_PLAN_RE, title)
    return (
        match is not None and not _PLAN_REPORTED_RE.match(title, match.end())
        and not _PLAN_CARRIED_OUT_RE.search(title, 0, match.start())
    )


def _is_first_responsible_heading(title: str) -> bool:
    return _FIRST_RESPONSIBLE_RE.search(title) is not None and bool(
        _LEADER_RE.search(title) or _RULE_OF_LAW_RE.search(title)
    )


def _is_measures_heading(title: str) -> bool:
    return (
        _keyword_in_heading(_MEASURES_RE, title) is not None
        and not _is_shortcomings_heading(title) and not is_plan_heading(title)
    )


def _ends_measures(section: Section, first_part: Section | None) -> bool:
    title = section.title
    return (
        _is_shortcomings_heading(title) or (section is not first_part and is_plan_heading(title))
        or bool(_OTHER_MATTERS_RE.search(title))
    )


def _first_part(sections: list[Section]) -> Section | None:
    """The first of several top-level parts. It is never the plan, which comes last: a first part headed
    ``一、2022年度重点工作`` reports on that year."""
    if not sections:
        return None
    outermost = min(s.level for s in sections)
    top = [s for s in sections if s.level == outermost]
    return top[0] if len(top) > 1 else None


def _but_first_part(sections: list[Section]) -> list[Section]:
    first = _first_part(sections)
    return [s for s in sections if s is not first]


def _heading(sections: list[Section], accepts: Callable[[str], bool], levels: list[int] | None = None) -> Hit | None:
    """The first heading ``accepts`` takes, looking at the outermost level first."""
    for level in sorted({s.level for s in sections}) if levels is None else levels:
        for section in sections:
            if section.level == level and accepts(section.title):
                return (section.start, section.end), "heading"
    return None


def _unnumbered_headings(text: str, sections: list[Section]) -> list[tuple[int, int, str]]:
    """(start, end, title) of the short stand-alone lines after the opening paragraph that are not numbered
    headings: where a report heads its parts without numbers (set in bold in the original)."""
    first_sentence = text.find("。")
    if first_sentence < 0:
        return []
    numbered = {section.start for section in sections}
    found = []
    for match in _STAND_ALONE_LINE_RE.finditer(text, first_sentence):
        start, end = match.span("line")
        if start not in numbered and not HEADING_RE.match(text, start):
            found.append((start, end, match.group("line").rstrip("：:")))
    return found


def _unnumbered(headings: list[tuple[int, int, str]], accepts: Callable[[str], bool]) -> Hit | None:
    return next((((start, end), "heading") for start, end, title in headings if accepts(title)), None)


def _measures(text: str, sections: list[Section], unnumbered: list[tuple[int, int, str]]) -> Hit | None:
    """A measures heading; else the first topical top-level part; else an unnumbered measures heading;
    else the first paragraph of prose that reports work done, before any shortcomings or plan part
    (reports written without numbered parts)."""
    levels = sorted({s.level for s in sections})
    if levels:
        top = levels[0]
        found = _heading(sections, _is_measures_heading, [top])
        if found:
            return found
        first_part = _first_part(sections)
        for section in sections:
            if section.level != top:
                continue
            if _ends_measures(section, first_part):
                break
            if not _is_first_responsible_heading(section.title):
                return (section.start, section.end), "heading"
        found = _heading(sections, _is_measures_heading, levels[1:])
        if found:
            return found
    return _unnumbered(unnumbered, _is_measures_heading) or _work_paragraph(
        text, sections[0].start if sections else len(text)
    )


def _work_paragraph(text: str, limit: int) -> Hit | None:
    for match in _PARAGRAPH_RE.finditer(text, 0, limit):
        paragraph = match.group()
        if "。" not in paragraph or _LEAD_IN_RE.search(paragraph):
            continue
        if _SHORTCOMINGS_SENTENCE_RE.search(paragraph) or _PLAN_PARAGRAPH_RE.match(paragraph):
            return None
        return _sentence_span(text, match.start()), "sentence"
    return None


def _sentence_span(text: str, position: int) -> tuple[int, int]:
    start = max(text.rfind(ch, 0, position) for ch in _SENTENCE_BREAK) + 1
    ends = [i for ch in _SENTENCE_BREAK if (i := text.find(ch, position)) >= 0]
    end = min(ends) if ends else len(text)
    while start < end and text[start].isspace():
        start += 1
    return start, end


def _starts_paragraph(text: str, position: int) -> bool:
    return position == 0 or text[position - 1] == "\n"


def _shortcomings_sentence(text: str) -> Hit | None:
    for match in _SHORTCOMINGS_SENTENCE_RE.finditer(text):
        start, end = _sentence_span(text, match.start())
        if _starts_paragraph(text, start) or _CONTRAST_RE.search(text, start, match.start()):
            return (start, end), "sentence"
    for stated in _SHORTCOMINGS_STATED_RE.finditer(text):
        start, end = _sentence_span(text, stated.start())
        before = text[max(start, stated.start() - _OWN_WORK_WINDOW):stated.start()]
        if _OWN_WORK_RE.search(before) and not _NOT_SHORTCOMINGS_RE.search(before):
            return (start, end), "sentence"
    return None


def _first_responsible_sentence(text: str) -> Hit | None:
    for match in _FIRST_RESPONSIBLE_SENTENCE_RE.finditer(text):
        start, end = _sentence_span(text, match.start())
        sentence = text[start:end]
        if _LEADER_RE.search(sentence) and _RULE_OF_LAW_RE.search(sentence):
            return (start, end), "sentence"
    return None


def _plan_paragraph(text: str) -> Hit | None:
    """A paragraph in the second half of the report that opens with what will be done next."""
    match = _PLAN_PARAGRAPH_RE.search(text, len(text) // 2)
    return (_sentence_span(text, match.start()), "sentence") if match else None
