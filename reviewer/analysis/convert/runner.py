"""One conversion: a copy of the file in a temporary folder, each converter in turn under the time limit."""
from __future__ import annotations

import tempfile
import zipfile
from collections.abc import Sequence
from pathlib import Path

from reviewer.analysis import errors
from reviewer.analysis.convert.base import ConversionFailed, Converter
from reviewer.analysis.convert.process import TimeLimitExceeded, run_with_time_limit

TIME_LIMIT_SECONDS = 120.0
"""Longest one converter may run on one file; a long report converts in a few seconds."""


def convert_to_docx(data: bytes, extension: str, converters: Sequence[Converter],
                    time_limit: float = TIME_LIMIT_SECONDS) -> bytes:
    """The .docx that the first converter that succeeds makes of ``data`` (a file's content; ``extension``
    such as "doc" tells the converter what it is). Raises :class:`ConversionFailed` for the last converter
    that failed; ``converters`` must not be empty."""
    if not converters:
        raise ValueError("no converter to try")
    failure: ConversionFailed | None = None
    for converter in converters:
        try:
            return _convert_once(data, extension, converter, time_limit)
        except ConversionFailed as error:
            failure = error
    assert failure is not None
    raise failure


def _convert_once(data: bytes, extension: str, converter: Converter, time_limit: float) -> bytes:
    with tempfile.TemporaryDirectory(prefix="reviewer-convert-", ignore_cleanup_errors=True) as folder:
        work = Path(folder)
        source, output_dir, scratch_dir = work / f"report.{extension}", work / "out", work / "scratch"
        output_dir.mkdir()
        scratch_dir.mkdir()
        source.write_bytes(data)
        try:
            status = run_with_time_limit(converter.command(source, output_dir, scratch_dir), scratch_dir,
                                         time_limit, work / "log.txt")
        except TimeLimitExceeded:
            raise ConversionFailed(converter.name, f"超过 {time_limit:g} 秒仍未完成，已停止转换") from None
        except OSError as error:
            raise ConversionFailed(converter.name, f"无法启动转换程序（{error.strerror or error}）") from None
        result = output_dir / "report.docx"
        if not result.is_file() or result.stat().st_size == 0:
            detail = f"转换程序出错退出（代码 {status}）" if status else "转换程序没有生成 .docx 文件"
            raise ConversionFailed(converter.name, detail + "，文件可能已损坏或设有密码")
        if result.stat().st_size > errors.MAX_FILE_BYTES or not zipfile.is_zipfile(result):
            raise ConversionFailed(converter.name, "转换结果不是可读取的 .docx 文件")
        return result.read_bytes()
