"""Benchmark of reading converted formats: ``python tests/benchmarks/bench_convert.py [--reports N]``.

Each sample report (``../shared/samples/*.txt``, else generated text) is written as a .docx, which
LibreOffice then saves as .doc, .odt and .rtf (the .doc also stands for a .wps, as WPS 文字 writes the same
format). Each file is then loaded as the app loads it — converted back to .docx by the converter found on
this machine and read by the docx loader — and analysed. Prints, per format, the seconds per file
(median and worst) and how often the figures (text, value, unit, subject) and the title equal those of the
analysis of the plain text. Targets: figures equal in ≥ 98% of the reports, titles in ≥ 95%.
"""
from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from xml.sax.saxutils import escape

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from reviewer.analysis.convert.libreoffice import find_soffice
from reviewer.analysis.load import load_bytes
from reviewer.analysis.model import Analysis
from reviewer.analysis.pipeline import analyze_bytes, analyze_document
from tests.analysis.fixture_files import make_docx_from_xml
from tests.benchmarks.bench_load import report_text

SAMPLES = Path(__file__).resolve().parents[3] / "shared" / "samples"
FORMATS = (("doc", "doc:MS Word 97"), ("odt", "odt"), ("rtf", "rtf"))


def sample_texts(count: int) -> list[str]:
    files = sorted(SAMPLES.glob("*.txt"))[:count] if SAMPLES.is_dir() else []
    texts = [file.read_text(encoding="utf-8") for file in files]
    return texts or [report_text(15_000)]


def figures_of(analysis: Analysis) -> list[tuple[str, float, str, str | None]]:
    return [(f.text, f.value, f.unit, f.subject) for f in analysis.figures]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--reports", type=int, default=10)
    arguments = parser.parse_args()
    soffice = find_soffice()
    if soffice is None:
        print("LibreOffice (soffice) is not installed: nothing to measure")
        return
    texts = sample_texts(arguments.reports)
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        sources = []
        for index, text in enumerate(texts):
            body = "".join(f"<w:p><w:r><w:t xml:space=\"preserve\">{escape(line)}</w:t></w:r></w:p>"
                           for line in text.splitlines())
            sources.append(make_docx_from_xml(work / f"r{index:03d}.docx", body))
        for extension, filter_name in FORMATS:
            subprocess.run([str(soffice), "--headless", "--norestore", f"-env:UserInstallation={(work / 'p').as_uri()}",
                            "--convert-to", filter_name, "--outdir", str(work / extension), *map(str, sources)],
                           check=True, capture_output=True)
        baselines = [analyze_bytes(text.encode("utf-8"), "r.txt") for text in texts]
        print(f"{len(texts)} reports, {statistics.mean(len(t) for t in texts):,.0f} characters on average; "
              f"converter: {soffice}")
        cases = [("docx (no conversion)", "docx", "docx")] + [(e, e, e) for e, _ in FORMATS] + [("wps", "doc", "wps")]
        for label, folder_name, extension in cases:
            seconds, same_figures, same_title = [], 0, 0
            for index, baseline in enumerate(baselines):
                path = (work / f"r{index:03d}.docx" if folder_name == "docx"
                        else work / folder_name / f"r{index:03d}.{folder_name}")
                data = path.read_bytes()
                started = time.perf_counter()
                document = load_bytes(data, f"r{index:03d}.{extension}")
                seconds.append(time.perf_counter() - started)
                analysis = analyze_document(document)
                same_figures += figures_of(analysis) == figures_of(baseline)
                same_title += analysis.metadata.title == baseline.metadata.title
            count = len(baselines)
            print(f"{label:22s} load {statistics.median(seconds):6.2f} s per file (median), {max(seconds):6.2f} s worst;"
                  f" figures equal {100 * same_figures / count:5.1f}%, titles equal {100 * same_title / count:5.1f}%")


if __name__ == "__main__":
    main()
