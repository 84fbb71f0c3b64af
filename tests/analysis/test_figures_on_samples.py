"""Figures and number checks on the real sample reports (../shared/samples, raw text with page chrome)."""
from __future__ import annotations

from pathlib import Path

import pytest

from reviewer.analysis.checks.arithmetic import check_arithmetic
from reviewer.analysis.checks.damage import check_damage
from reviewer.analysis.figures import extract_figures
from reviewer.analysis.model import Figure


def sample(samples_dir: Path, prefix: str) -> str:
    [path] = samples_dir.glob(f"{prefix}_*.txt")
    return path.read_text(encoding="utf-8")


def by_text(text: str) -> dict[str, list[Figure]]:
    found: dict[str, list[Figure]] = {}
    for figure in extract_figures(text, []):
        assert text[figure.start:figure.end] == figure.text
        found.setdefault(figure.text, []).append(figure)
    return found


def described(figure: Figure) -> tuple[float, str, bool, str | None]:
    return figure.value, figure.unit, figure.approx, figure.subject


def test_000_longshan(samples_dir: Path) -> None:
    text = sample(samples_dir, "000")
    found = by_text(text)
    assert described(found["近30篇"][0]) == (30, "篇", True, "依法行政工作信息")
    assert described(found["6次"][0]) == (6, "次", False, "集中学习")
    assert described(found["88%"][0]) == (88, "%", False, "执法证持有率")
    assert described(found["6个"][0]) == (6, "个", False, "规范性文件")
    assert not {"2018年", "12月7日", "7日", "三统一", "一是"} & set(found)
    assert check_arithmetic(text, extract_figures(text, [])) == []
    assert check_damage(text) == []


def test_001_puchang(samples_dir: Path) -> None:
    text = sample(samples_dir, "001")
    found = by_text(text)
    assert described(found["20000余份"][0]) == (20000, "份", True, "宣传材料")
    assert described(found["289件"][0]) == (289, "件", False, "矛盾纠纷")
    assert described(found["5件"][0]) == (5, "件", False, "法律意见书")
    assert described(found["39680元"][0]) == (39680, "元", False, "申报奖补金额")
    assert [f.subject for f in found["2次"]] == ["习近平法治思想", "专题学习研讨", "专题党课", "法治政府建设专题会议"]
    assert not {"三重一大", "三项", "八五", "二等功"} & set(found)
    assert check_arithmetic(text, extract_figures(text, [])) == []


def test_002_kecheng_damaged_numbers(samples_dir: Path) -> None:
    text = sample(samples_dir, "002")
    findings = check_damage(text)
    assert [(f.code, text[f.start:f.end]) for f in findings] == [
        ("damaged_number", "2018330"),
        ("damaged_number", "11"),
        ("broken_bracket", "国办发〔2013]88号"),
        ("broken_bracket", "国权发〔20146号"),
    ]
    assert findings[0].detail["reading"] == "2018-03-30"
    assert findings[1].detail["reading"] == "1:1"


def test_002_kecheng_figures(samples_dir: Path) -> None:
    text = sample(samples_dir, "002")
    found = by_text(text)
    assert described(found["60余万株"][0]) == (600000, "株", True, "珍贵树种")
    assert described(found["37件"][0]) == (37, "件", False, "行政合同")
    assert described(found["16件"][0]) == (16, "件", False, "行政复议案件")
    assert described(found["约17%"][0]) == (17, "%", True, "配备比例")
    assert described(found["20余次"][0])[:3] == (20, "次", True)
    assert {"1307件", "2904人次", "15290件", "0%", "三轮"} <= set(found)
    assert not {"2017年", "2014年", "9号", "88号", "一次", "一项", "12345", "2018330", "11"} & set(found)
    assert check_arithmetic(text, extract_figures(text, [])) == []


def test_003_changping_rate_mismatch(samples_dir: Path) -> None:
    text = sample(samples_dir, "003")
    figures = extract_figures(text, [])
    [finding] = check_arithmetic(text, figures)
    assert finding.code == "rate_mismatch"
    assert (finding.detail["stated"], finding.detail["computed"]) == (97.6, 97.47)
    assert (finding.detail["numerator"], finding.detail["denominator"]) == (5745, 5894)
    found = by_text(text)
    assert described(found["约28亿元"][0]) == (28, "亿元", True, "涉及金额")
    assert described(found["6287.7万元"][0]) == (6287.7, "万元", False, "涉及金额")
    assert described(found["19万宗"][0]) == (190000, "宗", False, "办理业务")
    assert described(found["约为97.6%"][0]) == (97.6, "%", True, "调解成功率")
    assert described(found["两个"][0]) == (2, "个", False, "镇重点工作督导组")
    assert described(found["888件/次"][0])[:2] == (888, "件/次")
    assert not {"100周年", "四个", "一项", "三项", "六进", "十件", "一个"} & set(found)
    assert check_damage(text) == []


def test_004_tianmen(samples_dir: Path) -> None:
    text = sample(samples_dir, "004")
    found = by_text(text)
    assert described(found["2517人"][0])[:2] == (2517, "人")
    assert described(found["50余次"][0]) == (50, "次", True, "合法性审查")
    assert described(found["145家"][0])[:2] == (145, "家")
    assert not {"2016", "2020", "1号", "2号", "一次", "十个", "5+N"} & set(found)
    assert check_arithmetic(text, extract_figures(text, [])) == []
    assert check_damage(text) == []


@pytest.mark.parametrize("prefix", ["000", "001", "002", "003", "004"])
def test_no_figure_inside_page_chrome_numbers(samples_dir: Path, prefix: str) -> None:
    text = sample(samples_dir, prefix)
    for figure in extract_figures(text, []):
        assert "ICP" not in text[max(0, figure.start - 6):figure.start]
        assert not figure.text.startswith(("0728", "4419", "330802"))
