"""The normalized unit key: every way of writing one reporting body shares it, other bodies do not."""
from __future__ import annotations

import pytest

from reviewer.analysis.metadata import extract_metadata
from reviewer.analysis.model import PageMeta
from reviewer.analysis.pipeline import analyze_bytes
from reviewer.analysis.unit_key import unit_key


@pytest.mark.parametrize("names", [
    ("慈溪市龙山镇人民政府", "龙山镇", "龙山镇政府", "龙山镇人民政府"),
    ("江西省人民政府", "江西省", "江西省政府"),
    ("衢州市柯城区人民政府", "柯城区", "柯城区政府", "柯城区 人民政府"),
    ("杭州市西湖区北山街道办事处", "北山街道", "北山街道办事处"),
    ("兴和盟行政公署", "兴和盟"),
    ("明湖经济技术开发区管理委员会", "明湖经济技术开发区管委会", "明湖经济技术开发区"),
    ("明湖县司法局", "东江市明湖县司法局", "明湖县司法局（本级）"),
    ("明湖县人民政府办公室", "明湖县政府办公室"),
    ("国家税务总局明湖县税务局", "明湖县税务局"),
    ("ＸＸ县人民政府", "XX县"),
])
def test_the_ways_of_writing_one_body_share_its_key(names: tuple[str, ...]) -> None:
    assert len({unit_key(name) for name in names}) == 1


@pytest.mark.parametrize(("one", "other"), [
    ("明湖县司法局", "明湖县"),
    ("明湖县", "明湖县人民政府办公室"),
    ("龙山镇", "龙山县"),
    ("江西省", "江西省司法厅"),
    ("慈溪市", "慈溪市龙山镇"),
])
def test_different_bodies_keep_different_keys(one: str, other: str) -> None:
    assert unit_key(one) != unit_key(other)


@pytest.mark.parametrize("name", ["慈溪市龙山镇人民政府", "明湖县司法局", "农业农村部", "原国家林业局", "江西省"])
def test_the_key_of_a_key_is_itself(name: str) -> None:
    assert unit_key(unit_key(name)) == unit_key(name)


def test_an_empty_name_has_an_empty_key() -> None:
    assert unit_key("") == ""
    assert unit_key(" \u3000") == ""


def test_the_analysis_reports_the_unit_key() -> None:
    text = "慈溪市龙山镇人民政府关于2018年度法治政府建设工作推进情况的报告\n\n2018年，我镇坚持依法行政。"
    meta = extract_metadata(text, PageMeta(), [])
    assert (meta.unit, meta.unit_key) == ("龙山镇", "龙山镇")
    assert extract_metadata("正文。", PageMeta(), []).unit_key is None


def test_the_json_output_carries_the_unit_key() -> None:
    text = "江西省人民政府2022年法治政府建设年度报告\n\n2022年，全省坚持依法行政。\n\n江西省人民政府\n\n2023年3月1日\n"
    data = analyze_bytes(text.encode("utf-8"), "report.txt").to_json_dict()
    assert (data["metadata"]["unit"], data["metadata"]["unit_key"]) == ("江西省", "江西省")
