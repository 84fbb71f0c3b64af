"""Who reports, about which year, when: title, unit and its level, years, dates, addressee, document number.

The unit is the reporting body's short name: the innermost administrative unit named, without 人民政府 /
行政公署 / 办事处 (``衢州市柯城区人民政府`` → ``柯城区``, ``兴和盟行政公署`` → ``兴和盟``, ``东关街道办事处`` →
``东关街道``). For a department it is that unit plus the department as written, level ``部门``
(``天门市司法局``, ``青州市生态环境局``, ``江淮省公安厅``, ``国家税务总局明湖县税务局`` → ``明湖县税务局``); a
title naming the department without its place (``市生态环境局``) takes the place from the signature or the
page's source. A joint title of party committee and government (``中共明湖县委 明湖县人民政府``) gives the
government. The unit comes from the title, else the signature, else the page's 来源/发布机构 (a 政府办公室
publishing the report stands for its government). The level follows from how the name ends; a ``…市`` is a
县级市 (``县区``) when a parent city is named before it or in the body (``在宁波市委…领导下``), else ``地市``
(so a 省直管 city such as 天门市 counts as ``地市``).
"""
from __future__ import annotations

import re
from collections import Counter

from reviewer.analysis.dates import DATE_LINE_RE, DATE_PATTERN, iso_from_match
from reviewer.analysis.model import Metadata, PageMeta, Section
from reviewer.analysis.numerals import chinese_to_int
from reviewer.analysis.required import is_plan_heading
from reviewer.analysis.signature import ORG_SUFFIX, find_issue_date, find_signature
from reviewer.analysis.unit_key import admin_parts, short_unit, unit_key

_TOP_LINES = 8
_LINE_RE = re.compile(r"\S(?:[^\n]*\S)?")
"""A line without its surrounding spaces."""
_MAX_TITLE = 100
_TITLE_RE = re.compile(r"(?:法治|依法行政|法制).{0,40}(?:报告|总结|情况)|(?:报告|总结)$")
_TITLE_CONTINUES_RE = re.compile(r"^(?:关于|(?:19|20)\d{2}|[〇○零一二]{4}|年度|的|法治|依法行政|\(|（)")
_SITE_NAME_RE = re.compile(r"\s*(?:[_|｜]|\s[-—–]+\s)\s*[^_|｜\s]{2,30}$")
"""The site's name after a page title saved with the text: ``…年度报告_明湖县人民政府门户网站``."""
_TITLE_DATE_RE = re.compile(
    rf"\s+[\[【(（]?\s*(?=(?:19|20)\d{{2}}\s*[-/.])(?:{DATE_PATTERN})(?:\s*\d{{1,2}}[:：]\d{{2}}(?::\d{{2}})?)?\s*[\]】)）]?$"
)
"""A web date after the title on its line: ``明湖县2021年法治政府建设年度报告 2022-03-30``."""
_TITLE_TAIL_RE = re.compile(r"(?:工作)?(?:情况|总结)?的?(?:报告|总结)$|(?:工作)?情况$")
"""A line that only ends a title broken over two lines: ``情况的报告``."""
_SUBTITLE_DASH_RE = re.compile(r"[—\-－~～]+\s*")
"""The dash of a title written as a subtitle under a slogan line: ``——明湖县2022年法治政府建设工作报告``."""
_ORG_ONLY_RE = re.compile(rf"[^\s，,。：:]{{2,40}}{ORG_SUFFIX}(?:[\s、]+[^\s，,。：:]{{2,40}}{ORG_SUFFIX})*")
"""A line that only names one body, or several signing jointly (``中共明湖县委 明湖县人民政府``)."""
_PROSE_RE = re.compile(r"[。；;]|[，,].{40}")

_YEAR_RE = re.compile(r"((?:19|20)\d{2}|[〇○零一二三四五六七八九]{4})\s*年")
_LEADING_YEAR_RE = re.compile(r"^(?:(?:19|20)\d{2}|[〇○零一二三四五六七八九]{4})\s*年度?")
_SELF_REFERENCE_RE = re.compile(r"[我本全][镇乡市县区局委办州盟旗]")
_UNIT_END_RE = re.compile(r"关于|(?:19|20)\d{2}|[〇○零一二]{4}年|年度|法治|依法行政|法制|全面依法")

_GOVERNMENT_OFFICE_RE = re.compile(r"(?<=政府)办公[室厅]$")
_JOINT_SEPARATOR_RE = re.compile(
    r"[\s、,，]+|(?<=委员会)|(?<=党委)|(?<=党工委)|(?<=[省市县区州旗盟镇乡]委)(?=\S{1,15}?政府)"
)
"""Between the bodies of a joint title: ``中共明湖县委 明湖县人民政府``, also written without a space."""
_LEADING_ABOUT_RE = re.compile(r"^关于(?:报送|呈报|上报|印发|公布|公开)?")
_BARE_LEVEL_START = tuple("省市县区州盟旗镇乡")
_PARTY_RE = re.compile(r"^(?:中共|中国共产党)|(?:党委|党工委)$|(?:县|市|区|镇|乡|旗)委(?:员会)?$")
_ORG_TAIL_RE = re.compile(rf"{ORG_SUFFIX}$")
_NOT_A_SOURCE = frozenset(("本网", "本站", "本网站", "原创", "网站", "政府网"))

_OPENING_LEAD_RE = re.compile(
    r"^(?:(?:(?:19|20)\d{2}年度?(?:以来|上半年|全年)?|今年以来|过去的?一年(?:里|来|中)?|一年来)[，,\s]*"
    r"|在[^，,。；;]{0,40}?(?:领导|指导|支持|关心|部署)下[，,\s]*)+"
)
"""What opens a first sentence before its subject: the year, ``在县委、县政府的坚强领导下``."""
_OPENING_VERBS = (
    "坚持", "深入", "认真", "全面", "紧紧", "紧扣", "始终", "聚焦", "围绕", "扎实", "持续", "进一步", "切实", "着力", "牢固",
    "按照", "在", "以", "不断", "积极", "大力", "严格", "高度", "立足", "把", "将", "对照", "统筹", "贯彻", "落实", "推进",
    "强化", "加强", "着眼", "锚定", "紧盯", "主动", "努力", "继续", "全力", "依法", "结合", "充分", "根据", "自觉",
    "牢牢", "党委", "党组", "领导班子", "高位", "精心", "迅速", "及时", "共", "紧密", "全体", "上下", "各级", "的法治",
    "法治政府", "的依法",
)
_OPENING_BODY_RE = re.compile(
    rf"(?P<org>原?[^\s\d，,。；;：:、（）()《》“”\"和与及等]{{1,30}}?{ORG_SUFFIX})"
    rf"(?:[（(](?P<named>[^（）()]{{2,30}}?{ORG_SUFFIX})[）)])?"
    rf"(?=(?:{'|'.join(_OPENING_VERBS)}))"
)
"""The subject of an opening sentence: a body's name right before what it did."""
_ADMIN_LEVEL_WORDS = frozenset("镇乡市县区州盟旗省")
_SELF_SUBJECT_RE = re.compile(r"[我本全]([镇乡市县区局委办州盟旗省厅])")
_DEPARTMENT_TAIL_RE = re.compile(r"(?:局|部|厅|委员会|署|办公室|中心|院|政府|办事处|管委会)$")
_PROVINCES = (
    "河北", "山西", "辽宁", "吉林", "黑龙江", "江苏", "浙江", "安徽", "福建", "江西", "山东", "河南", "湖北", "湖南",
    "广东", "海南", "四川", "贵州", "云南", "陕西", "甘肃", "青海", "台湾",
)
_PROVINCE_NAME_RE = re.compile(f"(?:{'|'.join(_PROVINCES)})省")
"""The provinces by name: a report that calls itself only ``省人民政府`` names its province in the text."""
_MUNICIPALITIES = ("北京市", "天津市", "上海市", "重庆市")
"""The four 直辖市: provincial level although their names end in 市."""
_TOWNSHIP_SUFFIX = ("镇", "乡", "街道", "苏木")
_COUNTY_SUFFIX = ("自治县", "自治旗", "林区", "特区", "新区", "开发区", "县", "区", "旗")
_PREFECTURE_SUFFIX = ("自治州", "州", "盟", "地区", "市")
_PROVINCE_SUFFIX = ("省", "自治区", "特别行政区")
_PARENT_CITY_RE = re.compile(r"在([^\s，,、。和及省政府]{2,4})(?:市委|州委|盟委)")
_PARENT_ADDRESSEE_RE = re.compile(r"^([^\s，,、。：:]{2,4})(?:市|州|盟)(?:人民政府|政府|委)[^\n]{0,20}[:：]$", re.MULTILINE)
"""An addressee line naming a city government or committee: a 县级市 reports to its parent city."""
_PARENT_CITY_SEARCH_CHARS = 3000
"""The opening part of a report, where the addressee and ``在XX市委、市政府的正确领导下`` stand."""

_OPENING_YEAR_RE = re.compile(
    r"^(?:过去的|刚刚过去的)?((?:19|20)\d{2})年度?(?!\s*(?:\d{1,2}|[一二三四五六七八九十]{1,2})月)"
)
_FIRST_SENTENCE_YEAR_RE = re.compile(r"((?:19|20)\d{2})年度?(?:以来|[，,]|是|我|全|在|里|中|内)")
_WHOLE_YEAR_RE = re.compile(
    r"^[^。]{0,20}?((?:19|20)\d{2})年\s*1\s*月(?:\s*1\s*日)?\s*(?:至|到|[-—–－~])\s*(?:(?:19|20)\d{2}年)?\s*12\s*月"
)
"""An opening that states the whole year as a period: ``2023年1月至12月，我局……``, ``2023年1—12月``."""
_HEADING_YEAR_RE = re.compile(r"^(?:关于)?((?:19|20)\d{2})\s*年度?")
_MEASURES_WORDS_RE = re.compile(r"工作|举措|措施|做法|情况|成效|推进|开展|建设")
_BOOK_TITLE_RE = re.compile(r"《[^》\n]*》")
_YEAR_RANGE_RE = re.compile(r"(?:19|20)\d{2}\s*[-—–－~至到]\s*(?:19|20)\d{2}")
_YEAR_MENTION_RE = re.compile(r"((?:19|20)\d{2})年")
_MIN_DOMINANT_MENTIONS = 3
_YEAR_END_SIGNING_MONTH = 10
"""A report signed from October on (and with no other clue) is taken to be about that same year."""

_RECIPIENT_RE = re.compile(r"([^，,。；;：:]{2,40})[:：]")
_RECIPIENT_WORDS = re.compile(r"政府|委|局|人大|办|厅|部|院|会|组|领导|党")
_NOT_RECIPIENT_RE = re.compile(r"如下|现将|报告|情况")
_DOC_NUMBER_RE = re.compile(
    r"[\u4e00-\u9fff]{1,10}\s*[〔\[［【(（]\s*(?:19|20)\d{2}\s*[〕\]］】)）]\s*\d{1,4}\s*号"
)


def extract_metadata(text: str, page_meta: PageMeta, sections: list[Section]) -> Metadata:
    top = _top_lines(text, sections)
    title, title_span = _find_title(text, top, page_meta)
    signature = find_signature(text)
    paragraph = _opening_paragraph(text, sections, title_span[1] if title_span else 0)
    opening = _first_sentence(paragraph) if paragraph else None
    full_unit = _full_unit(
        title, signature.org if signature else None, page_meta.source, opening_unit(opening) if opening else None,
        _self_level(opening) if opening else None,
    )
    if full_unit and full_unit.startswith(_BARE_LEVEL_START) and not admin_parts(full_unit)[0]:
        full_unit = _placed_in_text(full_unit, text)
    unit = short_unit(full_unit) if full_unit else None
    # Disclosure catalogues (政府信息公开目录) often show only 生成日期/成文日期: the date the
    # page was generated is then the best evidence of when the report was made public.
    publish_date = page_meta.publish_date or _date_after_title(text, title_span) or page_meta.generated_date
    sign_date = signature.date if signature else None
    sign_span = (signature.start, signature.end) if signature else None
    if sign_date is None:
        dated = _date_under_title(text, top, title_span)
        if dated:
            sign_date, sign_span = dated
    body = (_opening_year(paragraph) if paragraph else None) or _heading_year(sections) or _dominant_year(text)
    return Metadata(
        title=title,
        unit=unit,
        unit_key=unit_key(unit) if unit else None,
        level=unit_level(full_unit, text) if full_unit else None,
        report_year=_report_year(title, body, publish_date, sign_date),
        publish_date=publish_date,
        sign_date=sign_date,
        issue_date=find_issue_date(text),
        recipient=_recipient(text, top, title_span),
        doc_number=_doc_number(text, top, page_meta),
        title_span=title_span,
        sign_span=sign_span,
    )


def _top_lines(text: str, sections: list[Section]) -> list[tuple[int, int]]:
    """(start, end) of the lines before the body: up to the first prose paragraph or heading."""
    limit = sections[0].start if sections else len(text)
    spans: list[tuple[int, int]] = []
    for match in _LINE_RE.finditer(text, 0, limit):
        if _PROSE_RE.search(match.group()) or len(spans) >= _TOP_LINES:
            break
        spans.append(match.span())
    return spans


def _find_title(
    text: str, top: list[tuple[int, int]], page_meta: PageMeta
) -> tuple[str | None, tuple[int, int] | None]:
    lines = [text[s:e] for s, e in top]
    candidates = [i for i, line in enumerate(lines) if len(line) <= _MAX_TITLE and not line.endswith((":", "："))]
    chosen = next((i for i in candidates if _TITLE_RE.search(lines[i])), None)
    if chosen is None and page_meta.title:
        chosen = next((i for i in candidates if lines[i] == page_meta.title.strip()), None)
    if chosen is None and candidates and candidates[0] == 0:
        chosen = 0
    if chosen is None:
        return (page_meta.title or None), None
    first = last = chosen
    if first > 0 and _ORG_ONLY_RE.fullmatch(lines[first - 1]) and lines[first].startswith("关于"):
        first -= 1
    elif first - 1 in candidates and _TITLE_TAIL_RE.match(lines[first]) and _TITLE_RE.search(
        lines[first - 1] + lines[first]
    ):
        first -= 1
    elif (
        last + 1 < len(lines) and not lines[last].endswith(("报告", "总结"))
        and _TITLE_CONTINUES_RE.search(lines[last + 1]) and len(lines[last + 1]) <= _MAX_TITLE
    ):
        last += 1
    title = "".join(lines[first:last + 1])
    start, end = top[first][0], top[last][1]
    for trailing in (_TITLE_DATE_RE, _SITE_NAME_RE):
        site = trailing.search(title)
        if site and _TITLE_RE.search(title, 0, site.start()):
            end -= len(title) - site.start()
            title = title[:site.start()]
    dash = _SUBTITLE_DASH_RE.match(title)
    if dash:
        start += dash.end()
        title = title[dash.end():]
    return title, (start, end)


def _date_after_title(text: str, title_span: tuple[int, int] | None) -> str | None:
    """The web date a page prints on the title's line (``……年度报告 2022-03-30``): when it was posted."""
    if not title_span:
        return None
    line_end = text.find("\n", title_span[1])
    match = _TITLE_DATE_RE.fullmatch(text, title_span[1], len(text) if line_end < 0 else line_end)
    return iso_from_match(match) if match else None


def year_in_title(title: str | None) -> int | None:
    """The first year the title names (``2018年度`` or ``二〇一八年``)."""
    if not title:
        return None
    match = _YEAR_RE.search(title)
    if not match:
        return None
    year = match.group(1)
    return int(year) if year.isdigit() else chinese_to_int(year)


def unit_in_title(title: str | None) -> str | None:
    """The reporting body named at the start of the title (before 关于 / the year / 法治…), as written."""
    if not title:
        return None
    title = _LEADING_YEAR_RE.sub("", _LEADING_ABOUT_RE.sub("", _LEADING_YEAR_RE.sub("", title)))
    end = _UNIT_END_RE.search(title)
    prefix = title[:end.start()] if end else ""
    parts = [
        p for p in _JOINT_SEPARATOR_RE.split(prefix)
        if p and not _PARTY_RE.search(p) and not _SELF_REFERENCE_RE.fullmatch(p)
    ]
    return next((p for p in reversed(parts) if _ORG_TAIL_RE.search(p)), None)


def _full_unit(
    title: str | None, signer: str | None, source: str | None, opening: str | None, self_level: str | None = None
) -> str | None:
    """The reporting body's name as written: from the title, else the signature, else the opening sentence
    (``2019年，柳州市人民政府深入贯彻……``), else the page's source — the office that posted the page, so
    the last resort (a 政府办公室 publishing its government's report stands for that government; a 区 that
    calls itself 我区/全区 posted by its 司法局 is that 区). A name without its place (``市生态环境局``,
    ``区人民政府``) takes the place from the signature, the opening or the source."""
    if signer and _PARTY_RE.search(signer):
        signer = None
    if source and (source in _NOT_A_SOURCE or not _ORG_TAIL_RE.search(source)):
        source = None
    if source:
        source = _GOVERNMENT_OFFICE_RE.sub("", source)
    named = unit_in_title(title) or signer or opening
    if not named and source:
        if self_level in _ADMIN_LEVEL_WORDS:  # 我区/全区: the source names the 区 or is not the unit
            named = _with_place_of(self_level, source)
        else:
            named = source
    if named and named.startswith(_BARE_LEVEL_START) and not admin_parts(named)[0]:
        return next(
            (placed for other in (signer, opening, source) if other and (placed := _with_place_of(named, other))),
            named,
        )
    return named


def _with_place_of(bare: str, other: str) -> str | None:
    """``市生态环境局`` with ``青州市生态环境局`` → ``青州市生态环境局``; ``区人民政府`` with the source
    ``明湖区司法局`` → ``明湖区人民政府``: the place of ``other`` whose level word ``bare`` starts with."""
    if other.endswith(bare) and len(other) > len(bare):
        return other
    level = bare[0]
    place = next((unit for unit in reversed(admin_parts(other)[0]) if unit.endswith(level)), None)
    return place + bare[1:] if place else None


def _placed_in_text(bare: str, text: str) -> str:
    """A name still without its place: ``省人民政府`` → ``江西省人民政府`` when the text names one province
    more than any other."""
    if not bare.startswith("省"):
        return bare
    counts = Counter(match.group() for match in _PROVINCE_NAME_RE.finditer(text))
    if not counts:
        return bare
    province, _ = counts.most_common(1)[0]
    return province + bare[1:]


def opening_unit(sentence: str) -> str | None:
    """The body that the opening sentence names as doing the work: ``2019年，柳州市人民政府深入贯彻……``,
    ``2024年，石岭镇坚持以……``, ``原国家林业局认真……``; a self-reference with the name in brackets,
    ``我镇（青山镇）坚持……``. None for ``我局``, ``全县`` and the like."""
    rest = _OPENING_LEAD_RE.sub("", sentence)
    match = _OPENING_BODY_RE.match(rest)
    if not match:
        return None
    name = match.group("org")
    if _SELF_REFERENCE_RE.fullmatch(name):
        name = match.group("named") or ""
    parts = [part for part in _JOINT_SEPARATOR_RE.split(name) if part]
    bodies = [part for part in parts if not _PARTY_RE.search(part)]
    if not bodies or _SELF_REFERENCE_RE.match(bodies[-1]):
        return None
    name = bodies[-1]
    if name.startswith(_BARE_LEVEL_START) and not admin_parts(name)[0]:
        name = next((placed for part in parts if (placed := _with_place_of(name, part))), name)
    if admin_parts(name)[0] or _DEPARTMENT_TAIL_RE.search(name):
        return name
    return None


def _self_level(sentence: str) -> str | None:
    """The level word of an opening sentence's self-reference: 区 for ``2022年，全区坚持……``, 局 for 我局."""
    match = _SELF_SUBJECT_RE.match(_OPENING_LEAD_RE.sub("", sentence))
    return match.group(1) if match else None


def unit_level(name: str, text: str = "") -> str | None:
    """乡镇街道 / 县区 / 地市 / 省 / 部门 for a body's name; ``text`` helps tell a 县级市 from a 地级市."""
    units, department = admin_parts(name)
    if department:
        return "部门"
    if not units:
        return None
    unit = units[-1]
    if unit in _MUNICIPALITIES:
        return "省"
    if unit.endswith(_TOWNSHIP_SUFFIX):
        return "乡镇街道"
    if unit.endswith(_PROVINCE_SUFFIX):
        return "省"
    if unit.endswith("地区"):
        return "地市"
    if unit.endswith(_COUNTY_SUFFIX):
        return "县区"
    if unit.endswith("市") and (
        any(parent.endswith(_PREFECTURE_SUFFIX) for parent in units[:-1]) or _names_parent_city(unit, text)
    ):
        return "县区"
    if unit.endswith(_PREFECTURE_SUFFIX):
        return "地市"
    return None


def _names_parent_city(unit: str, text: str) -> bool:
    return any(
        match.group(1) + "市" != unit
        for pattern in (_PARENT_CITY_RE, _PARENT_ADDRESSEE_RE)
        for match in pattern.finditer(text, 0, _PARENT_CITY_SEARCH_CHARS)
    )


def body_year(text: str, sections: list[Section], after: int = 0) -> int | None:
    """The year the body says it is about: the opening paragraph's ``2018年，我镇…`` / ``2018年以来``,
    else a year that clearly dominates the body's year mentions."""
    paragraph = _opening_paragraph(text, sections, after)
    return (_opening_year(paragraph) if paragraph else None) or _dominant_year(text)


def _opening_paragraph(text: str, sections: list[Section], after: int) -> str | None:
    """The first prose paragraph after ``after`` and before the first heading."""
    opening_end = sections[0].start if sections else len(text)
    for match in _LINE_RE.finditer(text, after, opening_end):
        if _PROSE_RE.search(match.group()):
            return match.group()
    return None


def _opening_year(paragraph: str) -> int | None:
    found = _OPENING_YEAR_RE.match(paragraph) or _WHOLE_YEAR_RE.search(paragraph)
    if found:
        return int(found.group(1))
    found = _FIRST_SENTENCE_YEAR_RE.search(_first_sentence(paragraph))
    return int(found.group(1)) if found else None


def _first_sentence(paragraph: str) -> str:
    return _BOOK_TITLE_RE.sub("", paragraph.split("。", 1)[0])


def _heading_year(sections: list[Section]) -> int | None:
    """The year a part heading names: the measures part's (``一、2023年推进法治政府建设的主要举措``), else the
    year before the plan part's (``四、2024年工作打算`` → 2023). Only the parts (``第一部分``, ``一、``) count."""
    parts = [section for section in sections if section.level <= 1]
    for section in parts:
        found = _HEADING_YEAR_RE.match(section.title)
        if found and not is_plan_heading(section.title) and _MEASURES_WORDS_RE.search(section.title):
            return int(found.group(1))
    for section in parts:
        found = _HEADING_YEAR_RE.match(section.title)
        if found and is_plan_heading(section.title):
            return int(found.group(1)) - 1
    return None


def _dominant_year(text: str) -> int | None:
    plain = _YEAR_RANGE_RE.sub("", _BOOK_TITLE_RE.sub("", text))
    counts = Counter(int(m.group(1)) for m in _YEAR_MENTION_RE.finditer(plain)).most_common(2)
    if not counts or counts[0][1] < _MIN_DOMINANT_MENTIONS:
        return None
    if len(counts) > 1 and counts[0][1] < 2 * counts[1][1]:
        return None
    return counts[0][0]


def _report_year(title: str | None, body: int | None, publish_date: str | None, sign_date: str | None) -> int | None:
    year = year_in_title(title) or body
    if year:
        return year
    if publish_date:
        return int(publish_date[:4]) - 1
    if sign_date:
        signed_late_in_year = int(sign_date[5:7]) >= _YEAR_END_SIGNING_MONTH
        return int(sign_date[:4]) - (0 if signed_late_in_year else 1)
    return None


def _date_under_title(
    text: str, top: list[tuple[int, int]], title_span: tuple[int, int] | None
) -> tuple[str, tuple[int, int]] | None:
    """The date on its own line right under the title (``（2023年3月20日）``), or under the reporting
    body's name there, where reports printed as official papers put it instead of a closing signature."""
    if not title_span:
        return None
    following = [(start, end) for start, end in top if start >= title_span[1]][:2]
    if len(following) == 2 and _ORG_ONLY_RE.fullmatch(text, *following[0]):
        following = following[1:]
    if not following:
        return None
    start, end = following[0]
    match = DATE_LINE_RE.fullmatch(text, start, end)
    iso = iso_from_match(match) if match else None
    return (iso, (start, end)) if iso else None


def _recipient(text: str, top: list[tuple[int, int]], title_span: tuple[int, int] | None) -> str | None:
    after = title_span[1] if title_span else 0
    for start, end in top:
        if start < after:
            continue
        match = _RECIPIENT_RE.fullmatch(text[start:end])
        if match and _RECIPIENT_WORDS.search(match.group(1)) and not _NOT_RECIPIENT_RE.search(match.group(1)):
            return match.group(1).strip()
    return None


def _doc_number(text: str, top: list[tuple[int, int]], page_meta: PageMeta) -> str | None:
    if page_meta.doc_number and _DOC_NUMBER_RE.search(page_meta.doc_number):
        return page_meta.doc_number.strip()
    for start, end in top:
        match = _DOC_NUMBER_RE.search(text, start, end)
        if match:
            return match.group()
    return None
