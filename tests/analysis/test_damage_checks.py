"""Numbers damaged in copying (damaged_number) and document numbers with broken brackets (broken_bracket)."""
from __future__ import annotations

import pytest

from reviewer.analysis.checks.damage import check_damage


def codes(text: str) -> list[str]:
    return [f.code for f in check_damage(text)]


# --- dates that lost their separators ----------------------------------------------------------------

@pytest.mark.parametrize(
    ("text", "digits", "reading"),
    [
        ("衢州市柯城区人民政府\n\n2018330\n", "2018330", "2018-03-30"),
        ("于2021330印发《实施方案》", "2021330", "2021-03-30"),
        ("落款日期20190121。", "20190121", "2019-01-21"),
        ("2018129召开会议", "2018129", "2018-12-09"),
    ],
)
def test_a_date_without_year_month_day(text: str, digits: str, reading: str) -> None:
    [finding] = check_damage(text)
    assert finding.code == "damaged_number"
    assert finding.severity == "warning"
    assert text[finding.start:finding.end] == digits
    assert finding.detail["reading"] == reading
    assert digits in finding.message


@pytest.mark.parametrize(
    "text",
    [
        "2018年3月30日",
        "浙ICP备05000051号",
        "粤ICP备19114884号",
        "联系电话:20181234",
        "12345政务服务便民热线【12345(市内)、0728-4812345(市外)】",
        "网站标识码:4419000098",
        "索引号: 330802-018-070100-2018-0001",
        "涉案金额20180330元",
        "共办理业务2018330宗",
        "编号2018330",
        "2018999",
        "1980330",
        "20181332",
        "罚款3,000,000元",
        "账户2018330000",
    ],
)
def test_other_long_numbers_are_not_damaged_dates(text: str) -> None:
    assert codes(text) == []


# --- ratios that lost their colon ----------------------------------------------------------------------

def test_a_ratio_that_lost_its_colon() -> None:
    text = "区级行政执法机关音像记录设备配备与执法人员比例达到11,各乡镇"
    [finding] = check_damage(text)
    assert finding.code == "damaged_number"
    assert text[finding.start:finding.end] == "11"
    assert finding.detail["reading"] == "1:1"


@pytest.mark.parametrize(
    "text",
    ["配备比例约17%", "配备比例达到1:1", "比例为1∶1", "人机比例为12台", "配比达到1比1", "同比增长11.2%", "比例达到11.5%"],
)
def test_intact_ratios_and_percentages(text: str) -> None:
    assert codes(text) == []


# --- document numbers --------------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("《实施意见》(国权发〔20146号)。", "国权发〔20146号"),
        ("《管理办法》(国办发〔2013]88号)和", "国办发〔2013]88号"),
        ("执行《管理办法》（云政发〔20216号）", "云政发〔20216号"),
        ("根据鄂办文2018〕9号文件", "鄂办文2018〕9号"),
        ("依据柯政[2018〕9号", "柯政[2018〕9号"),
    ],
)
def test_document_numbers_with_broken_brackets(text: str, number: str) -> None:
    [finding] = check_damage(text)
    assert finding.code == "broken_bracket"
    assert finding.severity == "warning"
    assert text[finding.start:finding.end] == number
    assert number in finding.message


@pytest.mark.parametrize(
    "text",
    [
        "柯政〔2018〕9号", "(鄂办文〔2018〕9号)", "鄂价法规[2018]3号", "明司报（2023）3号", "京政发﹝2018﹞12号",
        "天政规〔2018〕1号 )", "国办发〔2018〕29号", "“天检会〔2013〕2号”", "浙ICP备05000051号", "铁拳1号",
    ],
)
def test_well_formed_document_numbers(text: str) -> None:
    assert codes(text) == []


# --- varied prose ----------------------------------------------------------------------------------------

@pytest.mark.parametrize(
    "text",
    [
        "举报电话：88123456", "设立举报电话0571-12345678，", "（2018）浙01行初123号", "市政办〔2022〕3号",
        "执法人员与辅助人员比例为1:1", "抽查比例达到15.6%", "配备比例为100%", "邮政编码：310012",
        "统一社会信用代码11330100002489001X", "罚没款合计2015000元", "工单编号2022123100", "2023年共受理20230件",
        "《法治政府建设实施纲要（2021-2025年）》", "〔2022〕第3号",
    ],
)
def test_numbers_in_varied_prose_that_are_not_damaged(text: str) -> None:
    assert check_damage(text) == []


@pytest.mark.parametrize(
    ("text", "code"),
    [("截至20221231，全县", "damaged_number"), ("浙政发〔2022)3号", "broken_bracket"), ("县政办发2021〕35号", "broken_bracket")],
)
def test_damage_in_varied_prose(text: str, code: str) -> None:
    assert codes(text) == [code]
