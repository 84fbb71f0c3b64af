"""Numbers damaged in copying: lost separators and broken document-number brackets.

damaged_number
- a run of 7–8 digits that reads as year + month + day (``2018330`` = 2018年3月30日 without 年月日;
  year 1990–2099, a valid month and day), standing alone (no digit, letter, ``-``, ``.`` or ``%`` next
  to it, no unit after it) and not labelled as a phone, code or registration number (电话, 热线, 传真,
  ICP, 备案, 编号, 代码, 标识码, 索引, 账号 … shortly before it, or 号 right after it);
- a ratio word (比例, 配比, 之比, 比值) followed, after at most a verb like 达到/为, by two bare non-zero
  digits and nothing that makes them a quantity (``配备比例达到11`` for 1:1; ``比例约17%`` is fine).

broken_bracket — a document number (issuing abbreviation, year, serial, 号) whose year brackets do not
pair: one missing (``国权发〔20146号``, ``国办发2013〕88号``) or of different kinds (``国办发〔2013]88号``).
``柯政〔2018〕9号``, ``[2018]9号``, ``（2018）9号`` and ``﹝2018﹞9号`` are fine.
"""
from __future__ import annotations

import datetime
import re

from reviewer.analysis.model import Finding

SEVERITY = "warning"

_DATE_RUN = re.compile(
    r"(?=[12])(?<![0-9０-９A-Za-z.．\-－/_])(?P<digits>(?:19|20)[0-9]{5,6})(?![0-9０-９A-Za-z.．\-－/_%％])"
)
_CODE_LABELS = re.compile(
    r"(?:电话|热线|传真|手机|座机|联系|号码|编号|编码|代码|标识码|索引|备案|ICP|icp|账号|帐号|户号|邮编|QQ|qq|工号|证号|文号|统一社会信用)"
)
_CODE_LABEL_REACH = 16
_UNIT_AFTER = re.compile(r"[余多]?[万亿千]?(?:元|件|次|人|份|个|项|条|家|宗|篇|名|户|号|%|％|年|月|日|天|场|部|台)")

_RATIO = re.compile(
    r"(?=[比配之])(?P<word>比例|配比|之比|比值)(?:达到|达|为|是|约为|约|均为|保持在|保持|在)?\s*"
    r"(?P<digits>[1-9]{2})(?![0-9０-９.．%％:：∶比/倍])"
)
_QUANTITY_AFTER = re.compile(r"[余多万亿千]?(?:个|人|名|件|项|台|部|套|元|次|户|家|倍|成|分|位|份)")

_OPENING = "〔﹝[［(（【〖"
_CLOSING = "〕﹞]］)）】〗"
_BRACKET_KIND = {
    "〔": "tortoise", "﹝": "tortoise", "〕": "tortoise", "﹞": "tortoise",
    "[": "square", "［": "square", "]": "square", "］": "square",
    "(": "round", "（": "round", ")": "round", "）": "round",
    "【": "lenticular", "】": "lenticular", "〖": "white", "〗": "white",
}
_DOC_NUMBER = re.compile(
    rf"(?=[{re.escape(_OPENING)}12])(?<=[\u4e00-\u9fff])(?P<open>[{re.escape(_OPENING)}])?[ \t\u3000]*(?P<year>(?:19|20)[0-9]{{2}})[ \t\u3000]*"
    rf"(?P<close>[{re.escape(_CLOSING)}])?[ \t\u3000]*(?P<serial>[0-9]{{1,4}})[ \t\u3000]*号"
)
"""The year-and-serial part of a document number, right after the issuing abbreviation."""
_ISSUER_CHARS = 6

_NOT_ISSUER = re.compile(r".*(?:根据|依据|按照|依照|参照|执行|落实|贯彻|印发|转发|下发|制发|出台|以及|及|和|与|的|见)")
"""Words before a document number that are not part of its issuing abbreviation."""


def check_damage(text: str) -> list[Finding]:
    return [*_damaged_dates(text), *_damaged_ratios(text), *_broken_brackets(text)]


def _damaged_dates(text: str) -> list[Finding]:
    findings = []
    for match in _DATE_RUN.finditer(text):
        digits = match.group("digits")
        if _UNIT_AFTER.match(text, match.end()) or _labelled_as_code(text, match.start()):
            continue
        reading = _read_as_date(digits)
        if reading is None:
            continue
        written = f"{reading.year}年{reading.month}月{reading.day}日"
        findings.append(
            Finding(
                code="damaged_number",
                severity=SEVERITY,
                message=f"“{digits}”疑似日期丢失了分隔符，可能是{written}",
                start=match.start(),
                end=match.end(),
                detail={"kind": "date", "text": digits, "reading": reading.isoformat()},
            )
        )
    return findings


def _labelled_as_code(text: str, start: int) -> bool:
    line_start = text.rfind("\n", 0, start) + 1
    before = text[max(line_start, start - _CODE_LABEL_REACH):start]
    return bool(_CODE_LABELS.search(before))


def _read_as_date(digits: str) -> datetime.date | None:
    """The date a year-month-day run can stand for: 2018330 → 2018-03-30, 20180330 → 2018-03-30.

    When the month/day split is ambiguous (2018111 → 1月11日 or 11月1日) the two-digit month is taken.
    """
    year, rest = int(digits[:4]), digits[4:]
    if not 1990 <= year <= 2099:
        return None
    for month_digits in (2, 1):
        month_text, day_text = rest[:month_digits], rest[month_digits:]
        if not 1 <= len(day_text) <= 2 or month_text.startswith("0") and month_digits == 1:
            continue
        try:
            return datetime.date(year, int(month_text), int(day_text))
        except ValueError:
            continue
    return None


def _damaged_ratios(text: str) -> list[Finding]:
    findings = []
    for match in _RATIO.finditer(text):
        if _QUANTITY_AFTER.match(text, match.end()):
            continue
        digits = match.group("digits")
        reading = f"{digits[0]}:{digits[1]}"
        findings.append(
            Finding(
                code="damaged_number",
                severity=SEVERITY,
                message=f"“{match.group(0)}”中的“{digits}”疑似比值丢失了分隔符，可能是{reading}",
                start=match.start("digits"),
                end=match.end("digits"),
                detail={"kind": "ratio", "text": digits, "reading": reading},
            )
        )
    return findings


def _issuer_start(text: str, position: int) -> int:
    """Where the issuing abbreviation before a document number begins (国权发 in 的实施意见》(国权发〔…)."""
    start = position
    while start > 0 and position - start < _ISSUER_CHARS and "\u4e00" <= text[start - 1] <= "\u9fff":
        start -= 1
    words = _NOT_ISSUER.match(text, start, position)
    return words.end() if words and words.end() < position else start


def _broken_brackets(text: str) -> list[Finding]:
    findings = []
    for match in _DOC_NUMBER.finditer(text):
        opening, closing = match.group("open"), match.group("close")
        if not opening and not closing:
            continue
        if opening and closing and _BRACKET_KIND[opening] == _BRACKET_KIND[closing]:
            continue
        if not opening and _BRACKET_KIND[closing] == "round":
            continue  # 2018)9号 after an unrelated "(": too weak a sign
        start = _issuer_start(text, match.start())
        written = text[start:match.end()]
        if not opening:
            problem = "缺少年份前的括号"
        elif not closing:
            problem = "缺少年份后的括号"
        else:
            problem = f"括号“{opening}”与“{closing}”不配对"
        findings.append(
            Finding(
                code="broken_bracket",
                severity=SEVERITY,
                message=f"文号“{written}”括号残缺：{problem}",
                start=start,
                end=match.end(),
                detail={"text": written, "open": opening, "close": closing, "year": match.group("year"),
                        "serial": match.group("serial")},
            )
        )
    return findings
