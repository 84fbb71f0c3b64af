"""extract_metadata(): title, unit and level, years, dates, addressee, document number."""
from __future__ import annotations

from pathlib import Path

import pytest

from reviewer.analysis.clean import clean
from reviewer.analysis.metadata import body_year, extract_metadata, short_unit, unit_in_title, unit_level
from reviewer.analysis.model import Metadata, PageMeta
from reviewer.analysis.outline import extract_sections


def _metadata(text: str, page_meta: PageMeta | None = None) -> Metadata:
    return extract_metadata(text, page_meta or PageMeta(), extract_sections(text))


def _sample_metadata(samples_dir: Path, prefix: str) -> Metadata:
    cleaned = clean(next(samples_dir.glob(f"{prefix}_*.txt")).read_text(encoding="utf-8"))
    return extract_metadata(cleaned.text, cleaned.page_meta, extract_sections(cleaned.text))


def test_town_report_with_addressee_signature_and_date() -> None:
    text = "\n\n".join([
        "青溪镇关于2019年度法治政府建设工作情况的报告",
        "明湖县人民政府：",
        "2019年，我镇认真贯彻落实上级部署，法治政府建设取得明显成效。现报告如下：",
        "一、主要举措和成效",
        "全年开展普法活动12场。",
        "青溪镇人民政府",
        "2020年1月8日",
    ])
    meta = _metadata(text, PageMeta(publish_date="2020-02-10"))
    assert meta.title == "青溪镇关于2019年度法治政府建设工作情况的报告"
    assert text[slice(*meta.title_span)] == meta.title
    assert (meta.unit, meta.level, meta.report_year) == ("青溪镇", "乡镇街道", 2019)
    assert meta.recipient == "明湖县人民政府"
    assert meta.publish_date == "2020-02-10"
    assert meta.sign_date == "2020-01-08"
    assert text[slice(*meta.sign_span)] == "青溪镇人民政府\n\n2020年1月8日"


def test_chinese_numeral_sign_date_and_doc_number_near_the_title() -> None:
    text = "\n\n".join([
        "明政〔2020〕5号",
        "明湖县人民政府关于2019年法治政府建设情况的报告",
        "2019年,我县坚持以习近平法治思想为指导,全面推进依法行政。",
        "明湖县人民政府",
        "二〇二〇年一月二十一日",
    ])
    meta = _metadata(text)
    assert meta.doc_number == "明政〔2020〕5号"
    assert (meta.unit, meta.level) == ("明湖县", "县区")
    assert meta.sign_date == "2020-01-21"
    assert meta.recipient is None


def test_a_short_lead_in_ending_with_a_colon_is_not_an_addressee() -> None:
    text = "明湖县2019年法治政府建设情况报告\n\n现将2019年法治政府建设情况报告如下：\n\n一、主要举措和成效"
    assert _metadata(text).recipient is None


def test_title_split_over_two_lines_is_joined() -> None:
    text = "云岭市司法局\n\n关于2021年度法治政府建设情况的报告\n\n2021年，我局全面推进依法行政，成效明显。"
    meta = _metadata(text)
    assert meta.title == "云岭市司法局关于2021年度法治政府建设情况的报告"
    assert meta.title_span == (0, text.index("报告") + 2)
    assert (meta.unit, meta.level, meta.report_year) == ("云岭市司法局", "部门", 2021)


def test_unit_falls_back_to_signature_then_page_source() -> None:
    signed = "关于2019年法治政府建设情况的报告\n\n2019年，我区依法行政工作取得新进展。\n\n河西区人民政府\n\n2020年2月1日"
    assert _metadata(signed).unit == "河西区"
    unsigned = "关于2019年法治政府建设情况的报告\n\n2019年，全局依法行政工作取得新进展。"
    assert _metadata(unsigned, PageMeta(source="明湖县市场监督管理局")).unit == "明湖县市场监督管理局"
    assert _metadata(unsigned, PageMeta(source="本网")).unit is None


def test_report_year_from_the_body_opening_then_publish_year() -> None:
    from_body = "法治政府建设工作报告\n\n2018年以来，我市坚持依法行政，成效明显，现将情况报告如下。"
    assert _metadata(from_body).report_year == 2018
    from_publish = "法治政府建设工作报告\n\n过去一年，我市坚持依法行政，成效明显，现将情况报告如下。"
    assert _metadata(from_publish, PageMeta(publish_date="2021-03-02")).report_year == 2020
    assert _metadata(from_publish).report_year is None


def test_body_year_ignores_book_titles_and_month_dates() -> None:
    text = "标题\n\n严格按照《慈溪市2018年度法治政府建设工作要点》要求，2019年我镇扎实推进依法行政，成效明显。"
    assert body_year(text, []) == 2019
    dated = "标题\n\n2020年3月，我镇召开会议，部署全年依法行政工作，成效明显。"
    assert body_year(dated, []) is None


@pytest.mark.parametrize(("name", "short", "level"), [
    ("衢州市柯城区人民政府", "柯城区", "县区"),
    ("东莞市常平镇", "常平镇", "乡镇街道"),
    ("杭州市西湖区北山街道办事处", "北山街道", "乡镇街道"),
    ("天门市", "天门市", "地市"),
    ("宁波市慈溪市", "慈溪市", "县区"),
    ("恩施土家族苗族自治州", "恩施土家族苗族自治州", "地市"),
    ("浙江省人民政府", "浙江省", "省"),
    ("上海市", "上海市", "省"),
    ("广西壮族自治区", "广西壮族自治区", "省"),
    ("明湖县市场监督管理局", "明湖县市场监督管理局", "部门"),
    ("市司法局", "市司法局", "部门"),
    ("浙江省司法厅", "浙江省司法厅", "部门"),
    ("内蒙古自治区鄂尔多斯市准格尔旗", "准格尔旗", "县区"),
])
def test_short_unit_and_level_follow_from_the_name(name: str, short: str, level: str) -> None:
    assert short_unit(name) == short
    assert unit_level(name) == level


def test_a_city_is_county_level_when_the_body_names_its_parent_city() -> None:
    text = "2019年，我市在宁波市委、市政府的正确领导下，扎实推进法治政府建设。"
    assert unit_level("慈溪市", text) == "县区"
    assert unit_level("天门市", "2018年以来，在省委、省政府的正确领导下推进法治建设。") == "地市"
    assert unit_level("慈溪市", "慈溪市2019年法治政府建设年度报告\n\n宁波市人民政府：\n\n2019年，我市……") == "县区"
    assert unit_level("慈溪市", "慈溪市2019年法治政府建设年度报告\n\n慈溪市委依法治市办：\n\n2019年，我市……") == "地市"
    assert unit_level("天门市", "天门市2018年法治政府建设情况工作报告\n\n湖北省人民政府：") == "地市"


@pytest.mark.parametrize(("title", "unit"), [
    ("中共青溪镇委员会 青溪镇人民政府关于2018年度法治政府建设情况的报告", "青溪镇人民政府"),
    ("2019年度东关街道法治政府建设工作报告", "东关街道"),
    ("明湖县发展和改革委员会2020年度法治政府建设工作报告", "明湖县发展和改革委员会"),
    ("关于2019年法治政府建设情况的报告", None),
    ("我市2019年法治政府建设报告", None),
])
def test_unit_in_title(title: str, unit: str | None) -> None:
    assert unit_in_title(title) == unit


def test_sample_000(samples_dir: Path) -> None:
    meta = _sample_metadata(samples_dir, "000")
    assert meta.title == "龙山镇关于2018年度法治政府建设工作推进情况的报告"
    assert (meta.unit, meta.level, meta.report_year) == ("龙山镇", "乡镇街道", 2018)
    assert (meta.publish_date, meta.sign_date) == ("2020-01-10", "2018-12-07")
    assert meta.recipient == "慈溪市人民政府"
    assert meta.doc_number is None


def test_sample_001(samples_dir: Path) -> None:
    meta = _sample_metadata(samples_dir, "001")
    assert meta.title == "蒲场镇2024年法治政府建设工作报告"
    assert (meta.unit, meta.level, meta.report_year) == ("蒲场镇", "乡镇街道", 2024)
    assert (meta.publish_date, meta.sign_date, meta.sign_span) == ("2025-03-14", None, None)
    assert meta.recipient is None


def test_sample_002(samples_dir: Path) -> None:
    meta = _sample_metadata(samples_dir, "002")
    assert meta.title == "衢州市柯城区2017年度法治政府建设(依法行政)工作报告"
    assert (meta.unit, meta.level, meta.report_year) == ("柯城区", "县区", 2017)
    assert meta.publish_date == "2018-03-31"  # 生成日期 of the disclosure page
    assert meta.sign_date == "2018-03-30"
    assert meta.doc_number == "柯政〔2018〕9号"


def test_sample_003(samples_dir: Path) -> None:
    meta = _sample_metadata(samples_dir, "003")
    assert meta.title == "常平镇2021年法治政府建设年度报告"
    assert (meta.unit, meta.level, meta.report_year) == ("常平镇", "乡镇街道", 2021)
    assert (meta.publish_date, meta.sign_date) == ("2022-01-25", None)


def test_sample_004(samples_dir: Path) -> None:
    meta = _sample_metadata(samples_dir, "004")
    assert meta.title == "天门市2018年法治政府建设情况工作报告"
    assert (meta.unit, meta.level, meta.report_year) == ("天门市", "地市", 2018)
    assert (meta.publish_date, meta.sign_date) == ("2019-01-28", "2019-01-21")
    assert meta.doc_number is None


def test_generated_date_stands_in_for_a_missing_publish_date() -> None:
    text = "明湖县2021年法治政府建设年度报告\n\n2021年，我县坚持依法行政。"
    only_generated = extract_metadata(text, PageMeta(generated_date="2022-03-25"), [])
    both = extract_metadata(text, PageMeta(publish_date="2022-04-02", generated_date="2022-03-25"), [])
    assert only_generated.publish_date == "2022-03-25"
    assert both.publish_date == "2022-04-02"


@pytest.mark.parametrize(("title", "unit"), [
    ("关于河西区2020年法治政府建设情况的报告", "河西区"),
    ("关于报送河西区2020年法治政府建设情况的报告", "河西区"),
    ("关于公布河西区2020年法治政府建设年度报告的通知", "河西区"),
    ("中共明湖县委明湖县人民政府关于2021年度法治政府建设工作情况的报告", "明湖县人民政府"),
    ("兴和盟行政公署2022年法治政府建设年度报告", "兴和盟行政公署"),
])
def test_unit_in_titles_written_other_ways(title: str, unit: str) -> None:
    assert unit_in_title(title) == unit


@pytest.mark.parametrize(("name", "short", "level"), [
    ("兴和盟行政公署", "兴和盟", "地市"),
    ("兴和地区行政公署", "兴和地区", "地市"),
    ("明湖经济技术开发区管理委员会", "明湖经济技术开发区", "县区"),
    ("江淮省公安厅", "江淮省公安厅", "部门"),
    ("东江市发展和改革委员会", "东江市发展和改革委员会", "部门"),
    ("明湖县人力资源和社会保障局", "明湖县人力资源和社会保障局", "部门"),
    ("白河满族自治县人民政府", "白河满族自治县", "县区"),
    ("国家税务总局明湖县税务局", "明湖县税务局", "部门"),
])
def test_governments_named_otherwise_and_departments(name: str, short: str, level: str) -> None:
    assert (short_unit(name), unit_level(name)) == (short, level)


def test_a_title_that_names_a_department_without_its_place_takes_the_place_from_the_signature() -> None:
    text = "市生态环境局2022年度法治政府建设工作报告\n\n2022年，我局全面推进依法行政。\n\n青州市生态环境局\n\n2023年2月15日"
    assert (_metadata(text).unit, _metadata(text).level) == ("青州市生态环境局", "部门")


def test_a_government_office_publishing_the_report_stands_for_its_government() -> None:
    text = "关于2022年度法治政府建设情况的报告\n\n2022年，我县全面推进依法行政。"
    meta = _metadata(text, PageMeta(source="白河县人民政府办公室"))
    assert (meta.unit, meta.level) == ("白河县", "县区")


def test_joint_title_whose_bodies_stand_on_the_line_above() -> None:
    text = "中共明湖县委 明湖县人民政府\n\n关于2021年度法治政府建设工作情况的报告\n\n2021年，我县全面推进依法行政。"
    meta = _metadata(text)
    assert meta.title == "中共明湖县委 明湖县人民政府关于2021年度法治政府建设工作情况的报告"
    assert (meta.unit, meta.level) == ("明湖县", "县区")


def test_a_date_under_the_title_is_the_sign_date_when_none_closes_the_report() -> None:
    text = "明湖县人民政府关于2022年度法治政府建设情况的报告\n\n（2023年3月20日）\n\n2022年，我县全面推进依法行政。"
    meta = _metadata(text)
    assert meta.sign_date == "2023-03-20"
    assert text[slice(*meta.sign_span)] == "（2023年3月20日）"
    under_name = "明湖县2022年度法治政府建设情况报告\n\n明湖县人民政府\n\n2023年3月20日\n\n2022年，我县全面推进依法行政。"
    assert _metadata(under_name).sign_date == "2023-03-20"


def test_the_date_above_the_signer_s_name_is_the_sign_date() -> None:
    text = "2023年，我镇全面推进依法行政。\n\n2024年1月8日\n\n青溪镇人民政府"
    meta = _metadata(text)
    assert meta.sign_date == "2024-01-08"
    assert text[slice(*meta.sign_span)] == "2024年1月8日\n\n青溪镇人民政府"
    assert meta.unit == "青溪镇"


def test_a_list_of_attachments_after_the_signature_is_looked_past() -> None:
    text = "\n\n".join([
        "明湖县2022年法治政府建设年度报告", "2022年，我县全面推进依法行政。", "明湖县人民政府", "2023年3月1日",
        "附件：1.明湖县2022年法治政府建设重点指标完成情况表", "2.明湖县2022年行政执法统计表", "3.明湖县2022年行政复议案件统计表",
    ])
    meta = _metadata(text)
    assert meta.sign_date == "2023-03-01"
    assert text[slice(*meta.sign_span)] == "明湖县人民政府\n\n2023年3月1日"


@pytest.mark.parametrize("page_title", [
    "明湖县2022年法治政府建设年度报告_明湖县人民政府门户网站", "明湖县2022年法治政府建设年度报告 - 明湖县人民政府",
])
def test_the_site_s_name_after_a_saved_page_title_is_not_part_of_the_title(page_title: str) -> None:
    text = f"{page_title}\n\n2022年，我县全面推进依法行政。"
    meta = _metadata(text)
    assert meta.title == "明湖县2022年法治政府建设年度报告"
    assert text[slice(*meta.title_span)] == meta.title


def test_the_distribution_and_issuing_lines_of_an_official_paper_are_looked_past() -> None:
    text = "\n\n".join([
        "明湖县人民政府关于2022年度法治政府建设情况的报告", "2022年，我县全面推进依法行政。", "明湖县人民政府", "2023年3月1日",
        "（此件公开发布）", "抄送：县委办，县人大办，县政协办。", "明湖县人民政府办公室                2023年3月2日印发",
    ])
    meta = _metadata(text)
    assert meta.sign_date == "2023-03-01"
    assert text[slice(*meta.sign_span)] == "明湖县人民政府\n\n2023年3月1日"


def test_a_title_written_as_a_subtitle_under_a_slogan() -> None:
    text = "坚持依法行政 建设法治政府\n\n——明湖县2022年法治政府建设工作报告\n\n2022年，我县全面推进依法行政。"
    meta = _metadata(text)
    assert meta.title == "明湖县2022年法治政府建设工作报告"
    assert text[slice(*meta.title_span)] == meta.title
    assert (meta.unit, meta.level) == ("明湖县", "县区")


def test_title_broken_before_its_last_words_is_joined() -> None:
    text = "明湖县关于2022年度法治政府建设\n\n工作情况的报告\n\n2022年，我县全面推进依法行政。"
    meta = _metadata(text)
    assert meta.title == "明湖县关于2022年度法治政府建设工作情况的报告"
    assert meta.title_span == (0, len(text.split("\n\n2022")[0]))
    assert meta.unit == "明湖县"
