"""Office compound files (OLE/CFB, magic D0 CF 11 E0): password-protected .docx, old .doc and .wps files.

This module only tells them apart from the names in the file's directory; .doc and .wps are converted.
"""
from __future__ import annotations

import struct

from reviewer.analysis.errors import LoadError
from reviewer.analysis.loaders.converted import DOC, WORKS_OR_OLD_WPS, WPS, ConvertibleFormat
from reviewer.analysis.loaders.outcome import SUPPORTED_FORMATS, file_label

_FREE_OR_END = 0xFFFFFFFA  # sector numbers from here up mark free sectors and chain ends
_HEADER_FAT_SECTORS = 109
_ENTRY_SIZE = 128


def compound_file_format(data: bytes, source: str, extension: str) -> ConvertibleFormat:
    """The format to convert this compound file from (old Word, WPS 文字), or the LoadError that fits it:
    encrypted OOXML, another Office file, a damaged file."""
    name = file_label(source)
    try:
        streams = compound_file_entry_names(data)
    except ValueError:
        raise LoadError("damaged", f"文件“{name}”已损坏，无法读取其内容。") from None
    if "EncryptedPackage" in streams:
        raise LoadError("encrypted", f"文档“{name}”设有密码保护（已加密），请在 Word 或 WPS 中取消密码后再导入。")
    if extension in (".wps", ".wpt"):
        return WPS if "WordDocument" in streams else WORKS_OR_OLD_WPS
    if "WordDocument" in streams:
        return DOC
    raise LoadError(
        "unsupported_format",
        f"文件“{name}”是 Excel、PowerPoint 等旧版 Office 文件，不是能读取的报告格式（{SUPPORTED_FORMATS}）。",
    )


def compound_file_entry_names(data: bytes) -> set[str]:
    """Names of the storages and streams in a compound file's directory. ValueError when it is malformed."""
    if len(data) < 512:
        raise ValueError("shorter than a compound file header")
    sector_shift, = struct.unpack_from("<H", data, 0x1E)
    if sector_shift not in (9, 12):
        raise ValueError("bad sector size")
    sector_size = 1 << sector_shift
    first_directory_sector, = struct.unpack_from("<I", data, 0x30)
    fat = _read_fat(data, sector_size)
    names: set[str] = set()
    for sector in _chain(first_directory_sector, fat):
        offset = (sector + 1) * sector_size
        block = data[offset : offset + sector_size]
        if len(block) < sector_size:
            raise ValueError("directory beyond end of file")
        for entry in range(0, sector_size, _ENTRY_SIZE):
            name_length, entry_type = struct.unpack_from("<HB", block, entry + 64)
            if entry_type and 2 <= name_length <= 64:
                names.add(block[entry : entry + name_length - 2].decode("utf-16-le", errors="replace"))
    return names


def _read_fat(data: bytes, sector_size: int) -> list[int]:
    fat_sector_count, = struct.unpack_from("<I", data, 0x2C)
    first_difat_sector, = struct.unpack_from("<I", data, 0x44)
    if fat_sector_count * sector_size > len(data):
        raise ValueError("more FAT sectors than the file holds")
    fat_sectors = list(struct.unpack_from(f"<{_HEADER_FAT_SECTORS}I", data, 0x4C))
    per_difat_sector = sector_size // 4 - 1
    difat_sector = first_difat_sector
    while difat_sector < _FREE_OR_END and len(fat_sectors) < fat_sector_count:
        offset = (difat_sector + 1) * sector_size
        if offset + sector_size > len(data):
            raise ValueError("DIFAT beyond end of file")
        *entries, difat_sector = struct.unpack_from(f"<{per_difat_sector + 1}I", data, offset)
        fat_sectors.extend(entries)
    fat: list[int] = []
    for sector in fat_sectors[:fat_sector_count]:
        offset = (sector + 1) * sector_size
        if sector >= _FREE_OR_END or offset + sector_size > len(data):
            raise ValueError("FAT sector beyond end of file")
        fat.extend(struct.unpack_from(f"<{sector_size // 4}I", data, offset))
    return fat


def _chain(start: int, fat: list[int]) -> list[int]:
    chain: list[int] = []
    sector = start
    while sector < _FREE_OR_END:
        if sector >= len(fat) or len(chain) > len(fat):
            raise ValueError("broken sector chain")
        chain.append(sector)
        sector = fat[sector]
    return chain
