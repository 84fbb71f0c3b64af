"""Hostile report texts, each built around one 100,000-character line (or a report of a million characters),
shared by the hang guard (test_pathological_input.py) and the benchmark (bench_pathological.py)."""
from __future__ import annotations

LINE_CHARS = 100_000
REPORT_CHARS = 1_000_000

_HEAD = "明湖县2023年法治政府建设年度报告\n\n2023年，我县坚持依法行政。\n\n"


def _line(piece: str) -> str:
    return (piece * (LINE_CHARS // len(piece) + 1))[:LINE_CHARS]


def repeated_headings(report_chars: int = REPORT_CHARS) -> str:
    """A report of ``report_chars`` characters whose every part is numbered 一、 (more than 99 times)."""
    part = "一、第{}项工作\n\n共办理案件12件，其中行政复议5件、行政诉讼7件。\n\n"
    return _HEAD + "".join(part.format(i) for i in range(report_chars // len(part)))


def pathological_texts() -> dict[str, str]:
    """Name → whole report text."""
    return {
        "100,000 digits": _HEAD + _line("7"),
        "100,000 digits then a unit": _HEAD + _line("7") + "件",
        "100,000 full-width digits": _HEAD + _line("７"),
        "100,000 一": _HEAD + _line("一"),
        "100,000 一 then a unit": _HEAD + _line("一") + "件",
        "100,000 numeral characters": _HEAD + _line("一十百千万亿两"),
        "digits with thousands separators": _HEAD + _line("123,"),
        "digits with decimal points": _HEAD + _line("1.2"),
        "20,000 figures after 其中": _HEAD + "共受理案件100件，其中" + _line("甲类1件、"),
        "20,000 figures before 合计": _HEAD + _line("甲类1件、") + "合计100件。",
        "20,000 figures and rates": _HEAD + _line("受理5件，办结4件，办结率80%，"),
        "10,000 其中": _HEAD + _line("共5件，其中"),
        "one line without punctuation": _HEAD + _line("依法行政法治政府建设"),
        "unclosed brackets and quotes": _HEAD + _line("《“（【1件"),
        "100,000 years": _HEAD + _line("2023年"),
        "100,000 dates": _HEAD + _line("2023年3月1日"),
        "100,000 full stops": _HEAD + _line("。"),
        "100,000 line breaks": _HEAD + _line("\n"),
        "20,000 numbered lines": _HEAD + _line("1.标题\n"),
        "a million characters of repeated headings": repeated_headings(),
    }
