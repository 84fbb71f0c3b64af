"""Copied-text index: build time, time to find one new report's copies, index size per report.

    .venv/bin/python tests/benchmarks/bench_copies.py [--reports 1000 10000] [--report-chars 6000] [--queries 20]

Reports are generated from the words of the sample reports (../shared/samples), drawn by their frequency
into sentences, so that the text reads like these reports character by character (their frequent trigrams)
without sharing passages by chance; every report has the standard opening, and one report in five copies
two paragraphs of an earlier one (one verbatim, one with a character in seven changed). Rows go straight
into the reports tables (no analysis), so the figures are the index's alone. As at import, a report's passages
and band keys are computed first (in the analysis workers there; here in a process pool for the build, timed
apart) and the writer inserts them and finds the copies, for the build in batches of the bulk import's size,
one transaction each. Target: the writer's part for one new report at the largest size ≤ 200 ms (its commit, to a
file in the OS cache with synchronous=NORMAL as at import, is timed apart; the new report is then taken out again).
"""
from __future__ import annotations

import argparse
import os
import random
import sqlite3
import statistics
import sys
import tempfile
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SAMPLES = ROOT.parent / "shared" / "samples"
sys.path.insert(0, str(ROOT))

from reviewer.analysis.copies import keyed_passages
from reviewer.workspace import Workspace, copies
from reviewer.workspace.bulk import COPY_BATCH
from reviewer.workspace.db import PAGE_CACHE_KIB

OPENING = ("{year}年，{unit}坚持以习近平新时代中国特色社会主义思想为指导，深入学习贯彻习近平法治思想，"
           "全面贯彻党的二十大精神，扎实推进依法行政，现将有关情况报告如下。")
PLACES = "东西南北中新金银石柳桃李杨梅青白红黄龙凤安平和兴华永昌宁远丰泰云山河湖海"


def sample_words() -> tuple[list[str], list[int]]:
    import jieba

    counts: dict[str, int] = {}
    for path in sorted(SAMPLES.glob("*.txt")):
        for word in jieba.lcut(path.read_text(encoding="utf-8")):
            if all("\u4e00" <= c <= "\u9fff" for c in word):
                counts[word] = counts.get(word, 0) + 1
    words = sorted(counts)
    return words, [counts[w] for w in words]


def sentence(rng: random.Random, words: list[str], weights: list[int]) -> str:
    chosen = rng.choices(words, weights, k=rng.randrange(14, 30))
    for _ in range(rng.randrange(1, 3)):
        chosen.insert(rng.randrange(len(chosen)), str(rng.randrange(2, 500)))
    return "".join(chosen) + "。"


def report_text(number: int, rng: random.Random, words: list[str], weights: list[int], chars: int,
                copied: list[str]) -> tuple[str, str, int]:
    unit = PLACES[number % len(PLACES)] + PLACES[number // len(PLACES) % len(PLACES)] + f"{number}镇"
    year = 2020 + number % 5
    lines = [f"{unit}{year}年法治政府建设年度报告", OPENING.format(year=year, unit=unit), "一、主要举措和成效"]
    size = 0
    while size < chars:
        paragraph = "".join(sentence(rng, words, weights) for _ in range(rng.randrange(2, 5)))
        lines.append(paragraph)
        size += len(paragraph)
    for paragraph in copied:
        lines.insert(rng.randrange(3, len(lines)), paragraph)
    return unit, "\n".join(lines) + "\n", year


def edited(paragraph: str, rng: random.Random) -> str:
    chars = list(paragraph)
    for i in rng.sample(range(len(chars)), len(chars) // 7):
        if "\u4e00" <= chars[i] <= "\u9fff":
            chars[i] = "甲乙丙丁戊己庚辛"[rng.randrange(8)]
    return "".join(chars)


def insert_report(conn: sqlite3.Connection, number: int, unit: str, year: int, text: str) -> int:
    cursor = conn.execute(
        "INSERT INTO reports (file_name, sha256, format, size, imported_at, analyzer_version, analyzed_at, unit, "
        "report_year) VALUES (?, ?, 'txt', ?, '', '', '', ?, ?)",
        (f"{number}.txt", f"{number:064x}", len(text), unit, year))
    report_id = int(cursor.lastrowid or 0)
    conn.execute("INSERT INTO report_texts (report_id, text, analysis) VALUES (?, ?, '{}')", (report_id, text))
    return report_id


def planted_found(conn: sqlite3.Connection, report_id: int, text: str, paragraph: str) -> bool:
    """A copy finding of the report overlaps the planted paragraph."""
    start = text.index(paragraph)
    end = start + len(paragraph)
    return conn.execute(
        'SELECT 1 FROM copy_findings WHERE (report_id = ? AND start < ? AND ? < "end") '
        "OR (other_report_id = ? AND other_start < ? AND ? < other_end)",
        (report_id, end, start, report_id, end, start)).fetchone() is not None


def index_bytes(conn: sqlite3.Connection) -> int:
    try:
        rows = conn.execute("SELECT SUM(pgsize) FROM dbstat WHERE name LIKE 'copy_%' OR name LIKE "
                            "'sqlite_autoindex_copy_%'").fetchone()
        return int(rows[0] or 0)
    except sqlite3.OperationalError:
        return 0


def run(sizes: list[int], chars: int, queries: int) -> None:
    words, weights = sample_words()
    rng = random.Random(18)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "bench.sqlite"
        Workspace.open(path).close()
        conn = sqlite3.connect(path, isolation_level=None)
        conn.execute("PRAGMA synchronous=NORMAL")
        conn.execute(f"PRAGMA cache_size=-{PAGE_CACHE_KIB}")  # as the workspace's connections
        texts: list[str] = []
        built, keying_total, writing_total = 0, 0.0, 0.0
        pool = ProcessPoolExecutor(os.cpu_count() or 1)
        for size in sorted(sizes):
            while built < size:
                generated = []
                for _ in range(min(COPY_BATCH * 8, size - built)):
                    copied = []
                    if texts and built % 5 == 4:
                        source = [line for line in rng.choice(texts).split("\n")[3:] if line]
                        copied = [rng.choice(source), edited(rng.choice(source), rng)]
                    generated.append((built, *report_text(built, rng, words, weights, chars, copied)))
                    texts.append(generated[-1][2])
                    built += 1
                begun = time.perf_counter()
                keyed_all = list(pool.map(keyed_passages, [text for _n, _u, text, _y in generated],
                                          [unit for _n, unit, _t, _y in generated], chunksize=4))
                keying_total += time.perf_counter() - begun
                for first in range(0, len(generated), COPY_BATCH):
                    conn.execute("BEGIN")
                    batch = [(insert_report(conn, number, unit, year, text), keyed)
                             for (number, unit, text, year), keyed in zip(generated[first:first + COPY_BATCH],
                                                                        keyed_all[first:first + COPY_BATCH])]
                    begun = time.perf_counter()
                    copies.add_many(conn, batch)
                    conn.execute("COMMIT")
                    writing_total += time.perf_counter() - begun
                if built // 1000 > (built - len(generated)) // 1000 and built < size:
                    print(f"  {built}: writer {writing_total / built * 1000:.1f} ms a report so far", flush=True)
            findings = conn.execute("SELECT COUNT(*) FROM copy_findings").fetchone()[0]
            saturated = conn.execute("SELECT COUNT(*) FROM copy_saturated").fetchone()[0]
            size_bytes = index_bytes(conn)
            print(f"{size} reports of ~{chars} characters: index built in {keying_total + writing_total:.1f} s "
                  f"({(keying_total + writing_total) / size * 1000:.1f} ms a report: passages and keys "
                  f"{keying_total / size * 1000:.1f} ms on {os.cpu_count()} processes, writer "
                  f"{writing_total / size * 1000:.1f} ms in batches of {COPY_BATCH}), {findings} copy findings "
                  f"(planted: {2 * (size // 5)}), {saturated} saturated keys, index {size_bytes / size / 1024:.1f} "
                  f"KiB a report (file {os.path.getsize(path) / size / 1024:.1f} KiB a report)", flush=True)
            times, keying, committing, found = [], [], [], 0
            for query in range(queries):
                source = [line for line in rng.choice(texts).split("\n")[3:] if line]
                planted = [rng.choice(source), edited(rng.choice(source), rng)]
                unit, text, year = report_text(size + query, rng, words, weights, chars, planted)
                conn.execute("BEGIN")
                report_id = insert_report(conn, size + query, unit, year, text)
                begun = time.perf_counter()
                keyed = keyed_passages(text, unit)
                keyed_at = time.perf_counter()
                copies.add(conn, report_id, text, keyed)
                keying.append(keyed_at - begun)
                times.append(time.perf_counter() - keyed_at)
                found += sum(planted_found(conn, report_id, text, paragraph) for paragraph in planted)
                begun = time.perf_counter()
                conn.execute("COMMIT")
                committing.append(time.perf_counter() - begun)
                conn.execute("BEGIN")  # the workspace as it was for the next query
                copies.remove(conn, report_id, text)
                conn.execute("DELETE FROM report_texts WHERE report_id = ?", (report_id,))
                conn.execute("DELETE FROM reports WHERE id = ?", (report_id,))
                conn.execute("COMMIT")
            print(f"  one new report at {size}: writer (index + find copies) median {statistics.median(times) * 1000:.0f} ms, "
                  f"max {max(times) * 1000:.0f} ms [target ≤ 200 ms at 10,000]; passages and keys (analysis worker) "
                  f"median {statistics.median(keying) * 1000:.0f} ms; its commit median "
                  f"{statistics.median(committing) * 1000:.0f} ms, max {max(committing) * 1000:.0f} ms; "
                  f"{found} of {2 * queries} planted paragraphs found", flush=True)
        conn.close()
        pool.shutdown()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--reports", type=int, nargs="+", default=[1000])
    parser.add_argument("--report-chars", type=int, default=6000)
    parser.add_argument("--queries", type=int, default=20)
    args = parser.parse_args()
    run(args.reports, args.report_chars, args.queries)


if __name__ == "__main__":
    main()
