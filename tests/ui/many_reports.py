"""A folder of distinct reports for import tests and benchmarks: the demo (and sample) reports, renamed."""
from __future__ import annotations

from pathlib import Path

from reviewer.paths import resource_path

PREFIXES_A = "东南西北上下前后新老"
PREFIXES_B = "山河湖岭桥坪塘溪洲川"
UNITS = {
    "01": "青溪镇", "02": "明湖县司法局", "03": "云岭市", "04": "白沙乡",
    "000": "龙山镇", "001": "蒲场镇", "002": "柯城区", "003": "常平镇", "004": "天门市",
}


def make_reports(folder: Path, count: int, samples_dir: Path | None) -> list[Path]:
    """``count`` distinct reports: the demo (and sample) reports with the unit renamed in each copy."""
    bases = sorted(p for p in resource_path("demo").iterdir() if p.suffix in (".txt", ".html"))
    if samples_dir is not None:
        bases += sorted(samples_dir.glob("*.txt"))
    made = []
    for number in range(count):
        base = bases[number % len(bases)]
        unit = UNITS[base.name.split("_")[0]]
        prefix = PREFIXES_A[number % 10] + PREFIXES_B[number // 10 % 10] + PREFIXES_A[number // 100 % 10]
        text = base.read_text(encoding="utf-8").replace(unit, prefix + unit)
        target = folder / f"{number:03d}_{prefix}{unit}{base.suffix}"
        target.write_text(text, encoding="utf-8")
        made.append(target)
    return made
