"""Converting .doc, .wps, .odt and .rtf to .docx: with the real LibreOffice where it is installed, and with
fake converter programs that hang, fail or succeed, to show the time limit, the messages and that the
original file is never touched."""
from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from reviewer.analysis.convert import found
from reviewer.analysis.convert.base import Converter
from reviewer.analysis.convert.libreoffice import LibreOfficeConverter, find_soffice
from reviewer.analysis.convert.office_com import OfficeComConverter
from reviewer.analysis.errors import LoadError
from reviewer.analysis.load import load_bytes, load_path
from reviewer.analysis.loaders import converted
from tests.analysis.fixture_files import make_docx, make_legacy_doc

SOFFICE = find_soffice()
needs_libreoffice = pytest.mark.skipif(
    SOFFICE is None, reason="LibreOffice (soffice) is not installed: the README's test command installs it as root"
)
PARAGRAPHS = ["某某县司法局2023年度法治政府建设工作报告", "一、主要举措和成效", "全年办理行政复议案件16件，审查合同45件。"]


def _use(monkeypatch: pytest.MonkeyPatch, *converters: Converter) -> None:
    monkeypatch.setattr(converted, "available_converters", lambda original_format: list(converters))


def _load_error(path: Path) -> LoadError:
    with pytest.raises(LoadError) as caught:
        load_path(path)
    return caught.value


# ---- the real LibreOffice -------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def office_files(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The same report as .doc, .odt and .rtf, written by LibreOffice from a .docx."""
    assert SOFFICE is not None
    folder = tmp_path_factory.mktemp("office")
    source = make_docx(folder / "report.docx", PARAGRAPHS)
    files = {}
    for extension, filter_name in (("doc", "doc:MS Word 97"), ("odt", "odt"), ("rtf", "rtf")):
        subprocess.run([str(SOFFICE), "--headless", "--norestore", f"-env:UserInstallation={(folder / 'p').as_uri()}",
                        "--convert-to", filter_name, "--outdir", str(folder / extension), str(source)],
                       check=True, capture_output=True, timeout=120)
        files[extension] = folder / extension / f"report.{extension}"
    return files


@needs_libreoffice
@pytest.mark.parametrize("extension", ["doc", "odt", "rtf"])
def test_libreoffice_converts_and_the_docx_loader_reads(office_files: dict[str, Path], extension: str,
                                                         tmp_path: Path) -> None:
    path = tmp_path / f"报告.{extension}"
    path.write_bytes(office_files[extension].read_bytes())
    before = (path.read_bytes(), path.stat().st_mtime_ns)
    document = load_path(path)
    assert document.raw_text == "\n".join(PARAGRAPHS)
    assert (document.format, document.original_format, document.source) == ("docx", extension, str(path))
    assert (path.read_bytes(), path.stat().st_mtime_ns) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == [path.name]


@needs_libreoffice
@pytest.mark.parametrize(("extension", "name", "original_format"), [
    ("doc", "报告.wps", "wps"), ("odt", "报告.docx", "odt"), ("doc", "报告.txt", "doc"), ("rtf", "报告.doc", "rtf"),
])
def test_content_decides_what_is_converted_whatever_the_extension(
        office_files: dict[str, Path], extension: str, name: str, original_format: str) -> None:
    document = load_bytes(office_files[extension].read_bytes(), name)
    assert document.raw_text == "\n".join(PARAGRAPHS)
    assert (document.format, document.original_format) == ("docx", original_format)


@needs_libreoffice
def test_a_damaged_doc_fails_with_a_message_that_says_what_to_do(tmp_path: Path) -> None:
    error = _load_error(make_legacy_doc(tmp_path / "坏.doc"))
    assert error.code == "conversion_failed"
    assert error.message.startswith("用 LibreOffice 转换Word 97-2003 文档（.doc）“坏.doc”失败：")
    assert "另存为 .docx" in error.message


def test_the_analysis_json_gives_reader_and_original_format(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from reviewer.analysis import analyze_path

    program = _fake_program(tmp_path, f"copy:{make_docx(tmp_path / 'made.docx', PARAGRAPHS)}")
    _use(monkeypatch, LibreOfficeConverter(program))
    record = analyze_path(make_legacy_doc(tmp_path / "报告.wps")).to_json_dict()
    assert (record["format"], record["original_format"]) == ("docx", "wps")
    assert record["metadata"]["title"] == PARAGRAPHS[0]


# ---- no converter ---------------------------------------------------------------------------------------

@pytest.mark.parametrize(("name", "label", "advice"), [
    ("旧.doc", "Word 97-2003 文档（.doc）", "用 Word 或 WPS 打开后另存为 .docx"),
    ("报告.wps", "WPS 文字文档（.wps）", "用 WPS 文字打开后另存为 .docx"),
])
def test_without_a_converter_the_message_names_the_format_and_what_to_do(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, name: str, label: str, advice: str) -> None:
    _use(monkeypatch)
    error = _load_error(make_legacy_doc(tmp_path / name))
    assert error.code == "unsupported_format"
    assert f"“{name}”是{label}" in error.message
    assert "没有找到可用的转换软件" in error.message and "安装 LibreOffice" in error.message
    assert advice in error.message


def test_an_rtf_without_a_converter_is_named_rtf(monkeypatch: pytest.MonkeyPatch) -> None:
    _use(monkeypatch)
    with pytest.raises(LoadError) as caught:
        load_bytes(rb"{\rtf1\ansi\deff0 {\fonttbl {\f0 SimSun;}} \f0 text}", "a.doc")
    assert caught.value.code == "unsupported_format"
    assert "“a.doc”是RTF 文档（.rtf）" in caught.value.message and "另存为 .docx" in caught.value.message


def test_an_odt_without_a_converter_is_named_opendocument(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import zipfile

    _use(monkeypatch)
    path = tmp_path / "报告.docx"
    with zipfile.ZipFile(path, "w") as package:
        package.writestr("mimetype", "application/vnd.oasis.opendocument.text")
        package.writestr("content.xml", "<office:document-content/>")
    error = _load_error(path)
    assert "是OpenDocument 文本（.odt）" in error.message and "没有找到可用的转换软件" in error.message


# ---- fake converters ------------------------------------------------------------------------------------

_FAKE = '''#!{python}
import os, shutil, subprocess, sys, time
behaviour = {behaviour!r}
arguments = sys.argv[1:]
with open({log!r}, "a") as log:
    log.write(repr(arguments) + "\\n")
if behaviour.startswith("copy:"):
    shutil.copy(behaviour[5:], os.path.join(arguments[arguments.index("--outdir") + 1], "report.docx"))
elif behaviour.startswith("com:"):
    shutil.copy(behaviour[4:], arguments[-1])
elif behaviour == "hang":
    helper = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(600)"])
    with open({log!r} + ".helper", "w") as out:
        out.write(str(helper.pid))
    time.sleep(600)
elif behaviour == "garbage":
    with open(os.path.join(arguments[arguments.index("--outdir") + 1], "report.docx"), "w") as out:
        out.write("not a package")
else:
    sys.exit(3)
'''


def _fake_program(folder: Path, behaviour: str) -> Path:
    program = folder / f"fake-{len(list(folder.iterdir()))}"
    program.write_text(_FAKE.format(python=sys.executable, behaviour=behaviour, log=str(folder / "calls.log")))
    program.chmod(0o755)
    return program


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    return not Path(f"/proc/{pid}/stat").exists() or Path(f"/proc/{pid}/stat").read_text().split()[2] != "Z"


def test_a_hanging_converter_is_killed_with_its_helpers_at_the_time_limit(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("reviewer.analysis.convert.runner.TIME_LIMIT_SECONDS", 2.0)
    monkeypatch.setattr(converted, "convert_to_docx",
                        lambda data, extension, converters: _runner().convert_to_docx(data, extension, converters, 2.0))
    _use(monkeypatch, LibreOfficeConverter(_fake_program(tmp_path, "hang")))
    path = make_legacy_doc(tmp_path / "报告.doc")
    before = path.read_bytes()
    started = time.monotonic()
    error = _load_error(path)
    assert time.monotonic() - started < 30  # a guard against a hang, not a timing target
    assert error.code == "conversion_failed"
    assert "超过 2 秒仍未完成，已停止转换" in error.message and "另存为 .docx" in error.message
    helper = int((tmp_path / "calls.log.helper").read_text())
    deadline = time.monotonic() + 10
    while _alive(helper) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not _alive(helper)
    assert path.read_bytes() == before


def _runner():  # type: ignore[no-untyped-def]
    from reviewer.analysis.convert import runner

    return runner


def test_a_failing_converter_gives_a_clean_message(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _use(monkeypatch, LibreOfficeConverter(_fake_program(tmp_path, "fail")))
    error = _load_error(make_legacy_doc(tmp_path / "报告.doc"))
    assert error.message == ("用 LibreOffice 转换Word 97-2003 文档（.doc）“报告.doc”失败：转换程序出错退出（代码 3），"
                             "文件可能已损坏或设有密码。请用 Word 或 WPS 打开后另存为 .docx再导入。")


def test_a_converter_that_writes_no_docx_and_one_that_cannot_start(tmp_path: Path,
                                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    _use(monkeypatch, LibreOfficeConverter(_fake_program(tmp_path, "garbage")))
    assert "转换结果不是可读取的 .docx 文件" in _load_error(make_legacy_doc(tmp_path / "a.doc")).message
    _use(monkeypatch, LibreOfficeConverter(tmp_path / "missing-soffice"))
    assert "无法启动转换程序" in _load_error(make_legacy_doc(tmp_path / "b.doc")).message


def test_the_converter_works_on_a_copy_in_a_temporary_folder_that_is_removed(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    made = make_docx(tmp_path / "made.docx", PARAGRAPHS)
    _use(monkeypatch, LibreOfficeConverter(_fake_program(tmp_path, f"copy:{made}")))
    path = make_legacy_doc(tmp_path / "报告.doc")
    document = load_path(path)
    assert (document.raw_text, document.original_format) == ("\n".join(PARAGRAPHS), "doc")
    arguments = eval((tmp_path / "calls.log").read_text())
    copy = Path(arguments[-1])
    assert copy.name == "report.doc" and copy.parent != path.parent
    assert not copy.parent.exists()
    assert "--headless" in arguments and any(a.startswith("-env:UserInstallation=") for a in arguments)


def test_when_the_first_converter_fails_the_next_one_is_tried(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    made = make_docx(tmp_path / "made.docx", PARAGRAPHS)
    wps = OfficeComConverter("WPS Office", "KWps.Application", _fake_program(tmp_path, "fail"))
    _use(monkeypatch, wps, LibreOfficeConverter(_fake_program(tmp_path, f"copy:{made}")))
    assert load_path(make_legacy_doc(tmp_path / "报告.wps")).original_format == "wps"


def test_the_com_converter_runs_its_script_through_the_same_interface(tmp_path: Path,
                                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    made = make_docx(tmp_path / "made.docx", PARAGRAPHS)
    _use(monkeypatch, OfficeComConverter("Microsoft Word", "Word.Application", _fake_program(tmp_path, f"com:{made}")))
    assert load_path(make_legacy_doc(tmp_path / "报告.doc")).raw_text == "\n".join(PARAGRAPHS)
    arguments = eval((tmp_path / "calls.log").read_text())
    assert arguments[:6] == ["-NoProfile", "-NonInteractive", "-ExecutionPolicy", "Bypass", "-File",
                             arguments[5]] and arguments[5].endswith("convert.ps1")
    assert arguments[6:8] == ["Word.Application", arguments[7]] and arguments[8].endswith("report.docx")


def test_the_suite_that_wrote_a_format_is_tried_first(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    word = OfficeComConverter("Microsoft Word", "Word.Application", tmp_path)
    wps = OfficeComConverter("WPS Office", "KWps.Application", tmp_path)
    libreoffice = LibreOfficeConverter(tmp_path)
    monkeypatch.setattr(found, "installed_converters", lambda: (word, wps, libreoffice))
    assert [c.name for c in found.available_converters("wps")] == ["WPS Office", "Microsoft Word", "LibreOffice"]
    assert [c.name for c in found.available_converters("odt")] == ["LibreOffice", "Microsoft Word", "WPS Office"]
    assert [c.name for c in found.available_converters("doc")] == ["Microsoft Word", "WPS Office", "LibreOffice"]
