"""One cleaned text per report: web-page chrome hidden, whitespace tidied, page metadata read first.

Chrome is recognised by the shape of a line and where it stands, never by a word inside a sentence:
- top block (before the first body line — a prose paragraph, a numbered heading or the addressee line):
  the site's name and address, breadcrumbs and menus, leave-site prompts, date widgets, share/print/font
  buttons, ``label: value`` metadata lines (also labels written without a colon or with spaces,
  ``索 引 号 …``, in brackets ``【来源：…】``, or with the value on the next line as when a disclosure table
  is copied one cell per line) and bare web timestamps;
- bottom block (after the last prose paragraph, footer sentences such as ``…版权所有。`` not counting):
  from the first chrome-shaped line to the end (buttons, footers, metadata), which leaves the signature
  and its date in place;
- anywhere: lines without a single letter, digit or Han character, and page-number lines of PDFs.
The cleaned text has one paragraph per line and exactly one blank line between paragraphs.
"""
from __future__ import annotations

import re

from reviewer.analysis.dates import DATE_PATTERN, iso_from_match, parse_date
from reviewer.analysis.model import CleanedText, PageMeta
from reviewer.analysis.outline import HEADING_RE
from reviewer.analysis.signature import ORG_SUFFIX

_ZERO_WIDTH_RE = re.compile("[\u200b\u200c\u200d\u2060\ufeff]")
_BULLETS = "•·●○■□◆◇▪▫►▶-*>|｜【[［ \t"

_FIELD_LABELS: dict[str, tuple[str, ...]] = {
    "publish_date": (
        "发布日期", "发布时间", "发稿时间", "发文日期", "发文时间", "公开日期", "公开时间", "上网日期", "上网时间", "时间",
        "日期", "更新时间", "更新日期",
    ),
    "generated_date": ("生成日期", "成文日期", "成文时间", "签发日期", "签发时间", "印发日期", "印发时间", "制发日期"),
    "source": ("信息来源", "文章来源", "来源", "发布机构", "发布单位", "发文机关", "发文单位"),
    "index_no": ("索引号", "索引"),
    "doc_number": ("文号", "发文字号", "发文文号"),
    "title": ("标题", "名称", "文件名称", "信息名称"),
    "chrome only": (
        "公开形式", "公开方式", "公开时限", "公开范围", "公开属性", "主题分类", "主题词", "体裁分类", "组配分类",
        "服务对象", "信息分类", "所属分类", "分类", "所属机构", "所属主题", "责任部门", "责任科室", "责任单位",
        "内容概述", "摘要", "规范性文件编号", "规范性文件有效性", "有效性", "效力状态", "有效期", "登记号",
        "统一编号", "作者", "编辑", "责任编辑", "浏览次数", "访问次数", "点击数", "点击量", "阅读数", "阅读量",
        "字体", "字号", "发布人", "发布者", "审核", "撰稿", "关键词", "关键字", "语种", "修改时间", "修改日期",
        "录入时间", "信息类别", "公文种类", "标签", "栏目", "所属栏目", "浏览", "阅读", "点击", "访问量",
    ),
}
_NEEDS_COLON = frozenset(
    ("时间", "日期", "来源", "名称", "标题", "作者", "编辑", "分类", "审核", "摘要", "关键词", "关键字", "有效性",
     "字号", "语种", "撰稿", "索引", "有效期", "标签", "栏目", "浏览", "阅读", "点击")
)
"""Labels that are ordinary words too: a line starting with them is metadata only when a colon follows."""

_FIELD_OF = {label: field for field, labels in _FIELD_LABELS.items() for label in labels}
_ALL_LABELS = [label for labels in _FIELD_LABELS.values() for label in labels]
_LABEL_ALTERNATIVES = "|".join(
    r"\s*".join(map(re.escape, label)) for label in sorted(_ALL_LABELS, key=len, reverse=True)
)
_LABEL_RE = re.compile(
    rf"(?:^|(?<=[\s•·|｜【\[]))(?P<label>{_LABEL_ALTERNATIVES})\s*(?P<colon>[:：])?(?=\s|$|(?<=[:：]))"
)
_OPENING_BRACKETS = {"【": "】", "[": "]", "［": "］"}
_VALUE_STRIP = " \t:：【】[]［］"
_CLOSING_BRACKETS = " \t]］】)）"
"""After a date in brackets on its own line: ``[ 2024-03-08 ]``."""
_DATE_FIELDS = frozenset(("publish_date", "generated_date"))
_PAGE_CLOCK_RE = re.compile(r"星期[一二三四五六日天]|礼拜[一二三四五六日天]|周[一二三四五六日]$")
_MAX_CELL_VALUE = 60
_MAX_CHROME_CELL_VALUE = 12
_DOC_NUMBER_VALUE_RE = re.compile(r"(?:19|20)\d{2}\D{0,2}\d{1,4}\s*号")
_INDEX_VALUE_RE = re.compile(r"[0-9A-Za-z][0-9A-Za-z\-_/.()（）]{3,}")
_SOURCE_VALUE_RE = re.compile(rf"[^\s，,。：:]{{2,30}}{ORG_SUFFIX}")
_TITLE_WORDS_RE = re.compile(r"报告|总结|关于|(?:19|20)\d{2}")
_LISTED_ARTICLE_RE = re.compile(r"\S.{3,80}?\s*[\[【(（]?(?:19|20)\d{2}-\d{1,2}-\d{1,2}[\]】)）]?")
"""A line naming an article and its date: ``明湖县2021年法治政府建设年度报告 2022-03-30``."""
_MAX_LABEL_LINE = 160
_MAX_COLONLESS_LABEL_LINE = 100

_WEB_TIMESTAMP_RE = re.compile(
    rf"(?:{DATE_PATTERN})(?:\s*\d{{1,2}}[:：]\d{{2}}(?:[:：]\d{{2}})?)?"
)
_WEB_DATE_SHAPE = re.compile(r"(?:19|20)\d{2}\s*[-/.]|\d{1,2}[:：]\d{2}")

_BREADCRUMB_RE = re.compile(
    r"^(?:您?(?:当前|现在)?(?:所在)?的?位置|当前位置|所在位置)\s*[:：]"
    r"|首页\s*[>＞»›/／\\|｜]"
)
_MENU_SEPARATORS = re.compile(r"[>＞»›|｜]")
_MENU_ENTRY_RE = re.compile(
    r"(?:网站)?首页|(?:政务|政府信息|信息)公开|政务服务|办事服务|互动交流|政民互动|新闻(?:中心|动态)|专题专栏"
    r"|走进\S{1,6}|无障碍(?:浏览|阅读)?|长者模式|关怀版|English|登录|注册|搜索|繁體|简体|手机版|微信|微博"
    r"|设为首页|数据开放",
    re.IGNORECASE,
)
"""A line that is one entry of a site's menu (HTML menus come one entry per line)."""
_LEAVE_RE = re.compile(r"即将离开|是否继续|^继续访问|^放弃$|离开本(?:网)?站")
_BUTTON_RE = re.compile(
    r"分享到|^分享\s*[:：]|【\s*(?:我要)?(?:打印|关闭|字体|收藏|返回|纠错|信息来源)|打印本页|关闭(?:本页|窗口)"
    r"|(?:字体|字号)\s*[:：]|[\[【]\s*(?:字体|字号)?\s*[:：]?\s*大\s*中\s*小\s*[\]】]|扫一扫|收藏本页|加入收藏|返回顶部"
    r"|(?:浏览|阅读|访问|点击)(?:次数|量|数)\s*[:：]|在手机(?:上)?(?:打开|查看|浏览)|^(?:打印|关闭|分享|收藏|返回)$"
    r"|【\s*[大中小]\s*】|^(?:上一篇|下一篇|相关(?:链接|文章|阅读|信息|稿件)|附件下载|最新信息|热点信息|推荐阅读)"
    r"|视力保护色|语音播报|【\s*朗读\s*】"
    r"|^今天是|星期[一二三四五六日天]$|^\S{2,30}(?:门户网站|网站|政府网|政务网)$|^(?:https?://|www\.)\S+$"
)
"""Buttons, links and widgets of the page (the date widget ``今天是2024年4月12日 星期五`` too), the site's
name and address."""
_FOOTER_RE = re.compile(
    r"版权所有|copyright|©|ICP\s*[备证]|网站标识码|公网安备|技术支持|联系我们|网站地图|热线|主办|承办|主管"
    r"|分辨率|浏览本网站|网站纠错|隐私(?:声明|政策)|免责声明|备案号|^(?:地址|电话|邮编|传真|邮箱|e-?mail)\s*[:：]",
    re.IGNORECASE,
)
_SENTENCE_FOOTER_RE = re.compile(
    r"版权所有|copyright|©|ICP\s*[备证]|网站标识码|公网安备|建议(?:使用|采用)[^。]{0,30}(?:分辨率|浏览器)"
    r"|您是本站第",
    re.IGNORECASE,
)
"""Footer lines that are written as sentences (``建议使用1920×1080分辨率浏览本网站。``): not the body's last prose."""
_PAGE_NUMBER_RE = re.compile(
    r"[-—–－]\s*\d{1,3}\s*[-—–－]|第\s*\d{1,3}\s*页(?:\s*[,，/]?\s*共\s*\d{1,3}\s*页)?|\d{1,3}\s*/\s*\d{1,3}"
)
_MAX_CHROME_LINE = 200
_MIN_MENU_ENTRIES = 5
_MIN_MENU_ENTRY = 2
_MAX_MENU_ENTRY = 6
_MAX_SITE_NAME = 20
_MAX_ADDRESSEE = 40
_PROSE_MIN_CHARS = 50


def clean(raw_text: str) -> CleanedText:
    """Hide page chrome and tidy whitespace; the metadata lines are read into :class:`PageMeta` first."""
    visible, visible_offsets = _without_zero_width(raw_text)
    raw_lines = visible.splitlines(keepends=True)
    lines = [line.strip() for line in raw_lines]
    keep = [bool(line) and not _is_noise(line) for line in lines]
    fields: dict[str, str] = {}
    timestamps: list[str] = []

    body_start = len(lines)
    awaiting: str | None = None
    previous_kept: str | None = None
    for index, line in enumerate(lines):
        if not keep[index]:
            continue
        if awaiting and _is_value_of(awaiting, line):
            fields.setdefault(awaiting, line)
            keep[index] = _FIELD_OF[awaiting] == "title"
            awaiting = None
            continue
        awaiting = None
        if _is_top_chrome(line, fields, timestamps):
            keep[index] = False
            awaiting = _label_without_value(line.lstrip(_BULLETS))
        elif _in_article_list(lines, index):
            keep[index] = False
        elif _starts_body(line):
            body_start = index
            break
        elif line == previous_kept:  # the page's title above the article's own title line
            keep[index] = False
        if keep[index]:
            previous_kept = line

    last_prose = next(
        (
            i for i in range(len(lines) - 1, body_start - 1, -1)
            if keep[i] and _is_prose(lines[i]) and not _SENTENCE_FOOTER_RE.search(lines[i])
        ),
        body_start,
    )
    for index in range(last_prose + 1, len(lines)):
        if keep[index] and _is_bottom_chrome(lines[index]):
            for rest in range(index, len(lines)):
                if keep[rest]:
                    _read_labels(lines[rest], fields)
                keep[rest] = False
            break

    text = "\n\n".join(line for line, kept in zip(lines, keep) if kept)
    raw_offsets = _raw_offsets(raw_lines, lines, keep, visible_offsets, len(raw_text))
    return CleanedText(text=text, page_meta=_page_meta(fields, timestamps), raw_offsets=raw_offsets)


def _without_zero_width(raw_text: str) -> tuple[str, list[int] | None]:
    """The text without zero-width characters, and the raw offset of each of its characters (None when
    nothing was removed: offsets are the same)."""
    if not _ZERO_WIDTH_RE.search(raw_text):
        return raw_text, None
    offsets = [index for index, ch in enumerate(raw_text) if not _ZERO_WIDTH_RE.fullmatch(ch)]
    return _ZERO_WIDTH_RE.sub("", raw_text), offsets


def _raw_offsets(
    raw_lines: list[str], lines: list[str], keep: list[bool], visible_offsets: list[int] | None, raw_length: int
) -> list[int]:
    """For every offset of the cleaned text (and its end), the offset in the raw text it comes from; the
    blank lines between paragraphs stand for the start of the next paragraph."""
    offsets: list[int] = []
    position = 0
    for raw_line, line, kept in zip(raw_lines, lines, keep):
        if kept:
            start = position + len(raw_line) - len(raw_line.lstrip())
            if offsets:
                offsets.extend((start, start))
            offsets.extend(range(start, start + len(line)))
        position += len(raw_line)
    offsets.append(position)
    if visible_offsets is not None:
        visible_offsets.append(raw_length)
        offsets = [visible_offsets[offset] for offset in offsets]
    return offsets


def _is_noise(line: str) -> bool:
    return not any(ch.isalnum() for ch in line) or _PAGE_NUMBER_RE.fullmatch(line) is not None


def _is_prose(line: str) -> bool:
    return "。" in line or (len(line) > _PROSE_MIN_CHARS and any(ch in line for ch in "，,；;"))


def _starts_body(line: str) -> bool:
    if _is_prose(line) or HEADING_RE.match(line):
        return True
    return len(line) <= _MAX_ADDRESSEE and line[-1] in ":：" and not any(ch in line for ch in "，,。")


def _is_button_or_navigation(line: str) -> bool:
    if len(line) > _MAX_CHROME_LINE or "。" in line:
        return False
    return bool(
        _BREADCRUMB_RE.search(line) or _LEAVE_RE.search(line) or _BUTTON_RE.search(line)
        or len(_MENU_SEPARATORS.findall(line)) >= 3 or _is_menu(line) or _MENU_ENTRY_RE.fullmatch(line)
        or _is_separated_menu(line)
    )


def _is_separated_menu(line: str) -> bool:
    """Short entries between bars, one of them a menu entry: ``XX市人民政府门户网站 | 无障碍 | 手机版``."""
    entries = [entry.strip() for entry in re.split(r"[|｜]", line)]
    return (
        len(entries) >= 3
        and all(0 < len(entry) <= _MAX_SITE_NAME for entry in entries)
        and any(_MENU_ENTRY_RE.fullmatch(entry) for entry in entries)
    )


def _is_menu(line: str) -> bool:
    """A row of short menu entries separated by spaces: ``首页 政务公开 政务服务 互动交流 走进本区`` (not a
    date written with spaces, ``2021 年 3 月 30 日``)."""
    entries = line.split()
    return (
        len(entries) >= _MIN_MENU_ENTRIES
        and all(_MIN_MENU_ENTRY <= len(e) <= _MAX_MENU_ENTRY for e in entries)
        and not any(ch in line for ch in "，,。；;")
    )


def _is_top_chrome(line: str, fields: dict[str, str], timestamps: list[str]) -> bool:
    if _is_button_or_navigation(line):
        _read_labels(line, fields)
        return True
    bare = line.lstrip(_BULLETS)
    if _is_label_line(bare):
        _read_labels(bare, fields)
        return True
    stamp = _WEB_TIMESTAMP_RE.match(bare)
    if stamp:
        rest = bare[stamp.end():].strip(_CLOSING_BRACKETS)
        followed_by_chrome = bool(rest) and (_is_label_line(rest) or _is_button_or_navigation(rest))
        # a date alone is the page's only when written the web's way (2022-03-15, or with a time of day):
        # 2023年3月20日 alone under a title is the date of an official paper
        if followed_by_chrome or (not rest and _WEB_DATE_SHAPE.search(stamp.group())):
            iso = iso_from_match(stamp)
            if iso:
                timestamps.append(iso)
            _read_labels(rest, fields)
            return True
    return False


def _in_article_list(lines: list[str], index: int) -> bool:
    """An entry of a list of other articles above the report, next to another entry: a single title
    followed by its date is left alone."""
    if not _is_listed_article(lines[index]):
        return False
    before = next((line for line in reversed(lines[:index]) if line), "")
    after = next((line for line in lines[index + 1:] if line), "")
    return _is_listed_article(before) or _is_listed_article(after)


def _is_listed_article(line: str) -> bool:
    return _LISTED_ARTICLE_RE.fullmatch(line) is not None and not _is_label_line(line.lstrip(_BULLETS))


def _is_bottom_chrome(line: str) -> bool:
    if len(line) > _MAX_CHROME_LINE or HEADING_RE.match(line):
        return False
    if _SENTENCE_FOOTER_RE.search(line):
        return True
    if "。" in line:
        return False
    return _is_button_or_navigation(line) or _FOOTER_RE.search(line) is not None or _is_label_line(
        line.lstrip(_BULLETS)
    )


def _is_label_line(line: str) -> bool:
    """A metadata line: it starts with a label followed by a colon, or — for labels that are not ordinary
    words — by a space or the line's end, in a short line."""
    if len(line) > _MAX_LABEL_LINE:
        return False
    match = _LABEL_RE.match(line)
    if not match:
        return False
    if match.group("colon") or _dated_label(line, match):
        return True
    label = _squeeze(match.group("label"))
    return label not in _NEEDS_COLON and len(line) <= _MAX_COLONLESS_LABEL_LINE


def _label_matches(line: str) -> list[re.Match[str]]:
    return [
        m for m in _LABEL_RE.finditer(line)
        if m.group("colon") or _squeeze(m.group("label")) not in _NEEDS_COLON or _dated_label(line, m)
    ]


def _dated_label(line: str, match: re.Match[str]) -> bool:
    """A date label written without its colon but followed by a web timestamp: ``时间 2022-02-18``."""
    if _FIELD_OF[_squeeze(match.group("label"))] not in _DATE_FIELDS:
        return False
    stamp = _WEB_TIMESTAMP_RE.match(line, match.end() + len(line[match.end():]) - len(line[match.end():].lstrip()))
    return stamp is not None and _WEB_DATE_SHAPE.search(stamp.group()) is not None


def _read_labels(line: str, fields: dict[str, str]) -> None:
    """Store each ``label value`` pair of a metadata line under its field (first value wins). A pair in
    brackets, ``【来源：明湖县司法局】``, ends at its closing bracket."""
    matches = _label_matches(line)
    for match, following in zip(matches, [*matches[1:], None]):
        label = _squeeze(match.group("label"))
        value = line[match.end():following.start() if following else len(line)]
        opening = line[match.start() - 1] if match.start() else ""
        if opening in _OPENING_BRACKETS:
            value = value.split(_OPENING_BRACKETS[opening], 1)[0]
        value = value.strip(_VALUE_STRIP)
        if _FIELD_OF[label] in _DATE_FIELDS and _PAGE_CLOCK_RE.search(value):
            continue  # 时间：2020年6月3日 星期三 is the site's clock, not the report's date
        if value and label not in fields:
            fields[label] = value


def _label_without_value(line: str) -> str | None:
    """The line's last label when nothing follows it: its value stands on the next line, as when a
    disclosure table is copied one cell per line."""
    matches = _label_matches(line)
    if matches and not line[matches[-1].end():].strip(_VALUE_STRIP):
        return _squeeze(matches[-1].group("label"))
    return None


def _is_value_of(label: str, line: str) -> bool:
    """Whether ``line`` has the shape of a value of ``label``'s field (so a title or body line is never
    taken for the value of an empty label above it)."""
    if len(line) > _MAX_CELL_VALUE or _starts_body(line) or _is_label_line(line):
        return False
    field = _FIELD_OF[label]
    if field in ("publish_date", "generated_date"):
        return _WEB_TIMESTAMP_RE.fullmatch(line) is not None
    if field == "doc_number":
        return _DOC_NUMBER_VALUE_RE.search(line) is not None
    if field == "index_no":
        return _INDEX_VALUE_RE.fullmatch(line) is not None
    if field == "source":
        return _SOURCE_VALUE_RE.fullmatch(line) is not None
    if field == "title":
        return True
    return len(line) <= _MAX_CHROME_CELL_VALUE and not _TITLE_WORDS_RE.search(line)


def _squeeze(label: str) -> str:
    return "".join(label.split())


def _first_field(fields: dict[str, str], field: str) -> str | None:
    for label in _FIELD_LABELS[field]:
        if label in fields:
            return fields[label]
    return None


def _page_meta(fields: dict[str, str], timestamps: list[str]) -> PageMeta:
    published = _first_field(fields, "publish_date")
    generated = _first_field(fields, "generated_date")
    return PageMeta(
        publish_date=(parse_date(published) if published else None) or (timestamps[0] if timestamps else None),
        source=_first_field(fields, "source"),
        index_no=_first_field(fields, "index_no"),
        doc_number=_first_field(fields, "doc_number"),
        title=_first_field(fields, "title"),
        generated_date=parse_date(generated) if generated else None,
    )
