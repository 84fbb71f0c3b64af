"""Names of reporting bodies: their administrative units, their short form and the key that finds them together.

A body's name is read as administrative units, outermost first, then the department, if any:
``慈溪市龙山镇人民政府`` → units ``慈溪市``, ``龙山镇``, no department; ``衢州市柯城区司法局`` → ``衢州市``,
``柯城区`` and ``司法局``. The government's own ending (人民政府, 政府, 行政公署, a zone's 管委会) and the
central agency above a vertically managed office (国家税务总局…) are not part of it; 街道办事处 is 街道.

:func:`short_unit` is the unit as the analysis reports it: the innermost unit with the department
(``柯城区``, ``柯城区司法局``). :func:`unit_key` is that short form normalized further, so that the ways
one body is written share it (``慈溪市龙山镇人民政府`` ↔ ``龙山镇`` ↔ ``龙山镇政府``), while a department
keeps its own key apart from its government (``明湖县司法局`` ≠ ``明湖县``).
"""
from __future__ import annotations

import re
import unicodedata

_ADMIN_SUFFIX = "自治县|自治州|自治区|自治旗|特别行政区|林区|特区|新区|开发区|省|市|州|盟|地区|县|区|旗|镇|乡|街道|苏木"
_ADMIN_RE = re.compile(
    rf"[\u4e00-\u9fff]{{1,10}}?(?:{_ADMIN_SUFFIX})(?![镇乡州旗盟苏]|[市县区](?![场政民直级属域委]))"
)
"""One administrative unit at the start of a name: the shortest name ending in a unit suffix that is not
itself the start of a longer unit name (衢州|市 → 衢州市, 新乡|市 → 新乡市; but 县|市场监督管理局)."""
_NOT_ADMIN_START = ("城市", "市场", "城乡", "城区管", "区域", "市政", "县域", "乡村", "镇村", "街道办事处")
_GOVERNMENT_SUFFIX_RE = re.compile(
    r"(?:人民政府|政府|行政公署|行署)$|(?:(?<=开发区)|(?<=新区)|(?<=园区))(?:管理委员会|管委会)$"
)
"""How the name of a government itself ends: 人民政府; 行政公署 of a 盟 or 地区; 管委会 of a development zone."""
_CENTRAL_AGENCY_RE = re.compile(r"^国家[\u4e00-\u9fff]{2,10}?总局(?=[\u4e00-\u9fff]{2,})")
"""The central agency before a vertically managed local office: 国家税务总局明湖县税务局."""
_SUBDISTRICT_OFFICE_RE = re.compile(r"街道办事处$")
_NOT_NAME_RE = re.compile(r"[\s\u200b\u3000·•]|[（(][^）)]*[）)]")
"""What a name may carry that is not part of it: spaces, dots, a bracketed note (（本级）)."""


def admin_parts(name: str) -> tuple[list[str], str]:
    """Split a body's name into its administrative units, outermost first, and the department after them."""
    name = _CENTRAL_AGENCY_RE.sub("", _SUBDISTRICT_OFFICE_RE.sub("街道", _GOVERNMENT_SUFFIX_RE.sub("", name)))
    units: list[str] = []
    position = 0
    while not name.startswith(_NOT_ADMIN_START, position):
        match = _ADMIN_RE.match(name, position)
        if not match:
            break
        units.append(match.group())
        position = match.end()
    return units, name[position:]


def short_unit(name: str) -> str:
    """``衢州市柯城区人民政府`` → ``柯城区``; ``衢州市柯城区司法局`` → ``柯城区司法局``; ``龙山镇`` → ``龙山镇``."""
    units, department = admin_parts(name)
    if not units:
        return department or name
    return units[-1] + department


def unit_key(unit: str) -> str:
    """The key that every way of writing one reporting body shares, for finding its reports together.

    ``慈溪市龙山镇人民政府``, ``龙山镇`` and ``龙山镇政府`` → ``龙山镇``; ``江西省人民政府`` and ``江西省`` →
    ``江西省``; ``明湖县司法局`` → ``明湖县司法局`` (a department is not its government);
    ``明湖县人民政府办公室`` and ``明湖县政府办公室`` → ``明湖县政府办公室``. Full-width forms, spaces and a
    bracketed note are ignored. The key of a key is itself; an empty name gives ``""``.
    """
    name = _NOT_NAME_RE.sub("", unicodedata.normalize("NFKC", unit))
    # 人民政府 before a government's own office is written 政府 just as often: 明湖县(人民)政府办公室.
    return short_unit(name).replace("人民政府", "政府") if name else ""
