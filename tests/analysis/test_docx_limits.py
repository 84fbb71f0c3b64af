"""A .docx that inflates to far more XML than any report is refused before it takes the machine's memory,
even when each of its parts stays under a per-part limit. Memory is measured in a child process whose
address space is capped, so a failure cannot hurt the test run."""
from __future__ import annotations

import json
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from reviewer.analysis.errors import LoadError
from reviewer.analysis.load import load_path
from reviewer.analysis.loaders import docx_package
from tests.analysis.fixture_files import W_NAMESPACE, make_docx_from_xml

ADDRESS_SPACE_LIMIT = 2 * 1024**3
"""The child's address space: a 100 MB part parsed into a tree would need several times this."""
PEAK_LIMIT_KB = 400 * 1024


EMPTY_PARAGRAPH = b"<w:p/>"
LONG_PARAGRAPH = b"<w:p><w:r><w:t>" + "行政复议".encode() * 80 + b"</w:t></w:r></w:p>"


def _write_bomb(path: Path, parts: dict[str, int], paragraph: bytes = EMPTY_PARAGRAPH) -> Path:
    """A valid-looking .docx whose parts hold ``count`` copies of ``paragraph`` each, written in chunks so
    that the test itself never holds the XML."""
    relations = "".join(
        f'<Relationship Id="r{i}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
        f'{name.removeprefix("word/").removesuffix(".xml")}" Target="{name.removeprefix("word/")}"/>'
        for i, name in enumerate(parts) if name != "word/document.xml"
    )
    root_tags = {"word/document.xml": ("<w:document", "<w:body>", "</w:body></w:document>"),
                 "word/footnotes.xml": ("<w:footnotes", '<w:footnote w:id="1">', "</w:footnote></w:footnotes>"),
                 "word/endnotes.xml": ("<w:endnotes", '<w:endnote w:id="1">', "</w:endnote></w:endnotes>")}
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as package:
        package.writestr("[Content_Types].xml", '<Types xmlns="http://schemas.openxmlformats.org/package/2006/'
                         'content-types"/>')
        package.writestr("_rels/.rels", '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/'
                         'relationships"><Relationship Id="d" Type="http://schemas.openxmlformats.org/officeDocument/'
                         '2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>')
        package.writestr("word/_rels/document.xml.rels", '<Relationships xmlns="http://schemas.openxmlformats.org/'
                         f'package/2006/relationships">{relations}</Relationships>')
        for name, count in parts.items():
            opening, inner, closing = root_tags[name]
            with package.open(name, "w", force_zip64=True) as member:
                member.write(f'{opening} xmlns:w="{W_NAMESPACE}">{inner}<w:p><w:r><w:t>正文</w:t></w:r></w:p>'
                             .encode())
                block = paragraph * 10_000
                for _ in range(count // 10_000):
                    member.write(block)
                member.write(closing.encode())
    return path


def _load_in_capped_child(path: Path) -> dict[str, object]:
    script = (
        "import json, resource, sys\n"
        f"resource.setrlimit(resource.RLIMIT_AS, ({ADDRESS_SPACE_LIMIT}, {ADDRESS_SPACE_LIMIT}))\n"
        "from reviewer.analysis.load import load_path\n"
        "from reviewer.analysis.errors import LoadError\n"
        "try:\n"
        "    load_path(sys.argv[1]); outcome = 'read'\n"
        "except LoadError as error:\n"
        "    outcome = error.code + ': ' + error.message\n"
        "except MemoryError:\n"
        "    outcome = 'MemoryError'\n"
        # VmHWM is this program's own peak; ru_maxrss on Linux also carries the parent's (the test runner's)
        "try:\n"
        "    peak = int(next(l for l in open('/proc/self/status') if l.startswith('VmHWM')).split()[1])\n"
        "except OSError:\n"
        "    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss\n"
        "print(json.dumps({'outcome': outcome, 'peak_kb': peak}))\n"
    )
    done = subprocess.run([sys.executable, "-c", script, str(path)], capture_output=True, text=True, timeout=300,
                          cwd=Path(__file__).resolve().parents[2])
    assert done.returncode == 0, done.stderr
    result: dict[str, object] = json.loads(done.stdout)
    return result


@pytest.mark.skipif(sys.platform == "win32", reason="RLIMIT_AS is POSIX only")
def test_a_docx_bomb_under_the_part_limit_is_refused_with_bounded_memory(tmp_path: Path) -> None:
    bomb = _write_bomb(tmp_path / "炸弹.docx", {"word/document.xml": 8_000_000})  # 48 MB of XML
    assert bomb.stat().st_size < 2 * 1024 * 1024
    result = _load_in_capped_child(bomb)
    assert str(result["outcome"]).startswith("too_large: Word 文档“炸弹.docx”")
    assert int(str(result["peak_kb"])) < PEAK_LIMIT_KB


@pytest.mark.skipif(sys.platform == "win32", reason="RLIMIT_AS is POSIX only")
def test_parts_that_each_stay_small_count_together(tmp_path: Path) -> None:
    bomb = _write_bomb(tmp_path / "b.docx", {"word/document.xml": 90_000, "word/footnotes.xml": 90_000},
                        LONG_PARAGRAPH)  # 30 MB each
    result = _load_in_capped_child(bomb)
    assert str(result["outcome"]).startswith("too_large: Word 文档“b.docx”解压后的内容超过 64 MB")
    assert int(str(result["peak_kb"])) < PEAK_LIMIT_KB


def test_too_many_elements_in_little_xml_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(docx_package, "MAX_XML_ELEMENTS", 50_000)
    with pytest.raises(LoadError) as caught:
        load_path(_write_bomb(tmp_path / "many.docx", {"word/document.xml": 100_000}))
    assert caught.value.code == "too_large" and "个元素" in caught.value.message


def test_a_long_real_sized_report_is_within_the_limits(tmp_path: Path) -> None:
    paragraphs = [f"第{n}段：全年办理行政复议案件{n}件，审查合同{n * 3}件，开展执法检查{n}次。" for n in range(20_000)]
    body = "".join(f'<w:p><w:pPr><w:jc w:val="both"/></w:pPr><w:r><w:rPr><w:rFonts w:eastAsia="仿宋"/>'
                   f'<w:sz w:val="32"/></w:rPr><w:t>{text}</w:t></w:r></w:p>' for text in paragraphs)
    document = load_path(make_docx_from_xml(tmp_path / "long.docx", body))
    assert document.raw_text.count("\n") == len(paragraphs) - 1
