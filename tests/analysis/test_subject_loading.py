"""jieba for figure subjects: loaded once, from any thread, with its cache in the user cache folder."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from reviewer.analysis import subject
from reviewer.paths import resource_path

_LOAD_FROM_THREADS = """
import threading
from reviewer.analysis import subject
seen = []
def work():
    subject.warm_up()
    seen.append(id(subject._tokenizer()))
    subject.tokens("共收到行政复议案件")
threads = [threading.Thread(target=work) for _ in range(6)]
for thread in threads:
    thread.start()
for thread in threads:
    thread.join()
assert len(seen) == 6 and len(set(seen)) == 1, seen
print(subject.tokens("共收到行政复议案件"))
"""


def test_jieba_loads_once_from_many_threads_and_caches_in_the_user_folder(tmp_path: Path) -> None:
    env = {**os.environ, "REVIEWER_HOME": str(tmp_path), "TMPDIR": str(tmp_path / "tmp")}
    (tmp_path / "tmp").mkdir()
    result = subprocess.run(
        [sys.executable, "-c", _LOAD_FROM_THREADS], capture_output=True, text=True, encoding="utf-8", env=env,
        timeout=180,
    )
    assert result.returncode == 0, result.stderr
    assert "('行政复议案件', 'n')" in result.stdout
    assert (tmp_path / "cache" / subject.JIEBA_CACHE_FILE).is_file()
    assert list((tmp_path / "tmp").iterdir()) == []
    assert "Building prefix dict" not in result.stderr


def test_the_legal_terms_dictionary_is_in_jieba_user_dict_format() -> None:
    lines = resource_path(*subject.USER_DICT).read_text(encoding="utf-8").splitlines()
    assert len(lines) >= 300
    words = set()
    for line in lines:
        word, freq, tag = line.split(" ")
        assert word and int(freq) > 0 and tag in {"n", "v", "vn", "nz"}
        words.add(word)
    assert {"行政复议", "规范性文件", "合法性审查", "法律顾问", "执法证", "持证率", "负责人出庭应诉率"} <= words


def test_user_terms_are_single_tokens() -> None:
    assert subject.tokens("审核行政合同") == (("审核", "v"), ("行政合同", "n"))
    assert ("调解成功率", "n") in subject.tokens("调解成功率约为")
