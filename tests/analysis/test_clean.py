"""clean(): page chrome hidden, metadata read first, whitespace tidied, body sentences untouched."""
from __future__ import annotations

from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from reviewer.analysis.clean import clean

BODY = "2019年，我镇坚持依法行政，全面推进法治政府建设，取得明显成效。现将有关情况报告如下："


def _sample(samples_dir: Path, prefix: str) -> str:
    return next(samples_dir.glob(f"{prefix}_*.txt")).read_text(encoding="utf-8")


def test_breadcrumb_buttons_and_metadata_line_above_the_title_are_hidden_and_read() -> None:
    raw = "\n".join([
        "您当前所在的位置：首页 > 政务公开 > 法治政府建设",
        "【打印】【关闭】 字体:[大 中 小] 分享到：",
        "青溪镇2019年法治政府建设工作报告",
        "发布日期：2020年3月5日  信息来源：青溪镇人民政府  浏览次数：128",
        BODY,
        "一、主要举措和成效",
    ])
    cleaned = clean(raw)
    assert cleaned.text == f"青溪镇2019年法治政府建设工作报告\n\n{BODY}\n\n一、主要举措和成效"
    assert cleaned.page_meta.publish_date == "2020-03-05"
    assert cleaned.page_meta.source == "青溪镇人民政府"


def test_metadata_block_with_spaced_labels_and_no_colons_is_read_into_page_meta() -> None:
    raw = "\n".join([
        "索 引 号 MB1A08302/2020-137271 主题分类 其他",
        "发布机构 明湖县人民政府 文 号",
        "标 题: 明湖县2018年法治政府建设情况工作报告",
        "生成日期：2019/02/01  文号：明政〔2019〕3号",
        "明湖县2018年法治政府建设情况工作报告",
        "发布时间:2019-02-03 17:45",
        BODY,
    ])
    cleaned = clean(raw)
    meta = cleaned.page_meta
    assert cleaned.text == f"明湖县2018年法治政府建设情况工作报告\n\n{BODY}"
    assert meta.index_no == "MB1A08302/2020-137271"
    assert meta.source == "明湖县人民政府"
    assert meta.title == "明湖县2018年法治政府建设情况工作报告"
    assert meta.generated_date == "2019-02-01"
    assert meta.doc_number == "明政〔2019〕3号"
    assert meta.publish_date == "2019-02-03"


def test_leave_site_prompt_and_bulleted_timestamp_lines_are_chrome() -> None:
    raw = "\n".join([
        "您访问的链接即将离开“某镇栏目”门户网站 是否继续?",
        "继续访问放弃",
        "您现在所在的位置 : 首页 > 街镇 > 专题",
        "云岭市2021年法治政府建设年度报告",
        "  • 2022-01-25 15:43",
        "  • 来源: 本网",
        "  • 【字体:    打印",
        BODY,
    ])
    cleaned = clean(raw)
    assert cleaned.text == f"云岭市2021年法治政府建设年度报告\n\n{BODY}"
    assert cleaned.page_meta.publish_date == "2022-01-25"


def test_site_menus_one_entry_per_line_or_in_a_row_are_chrome() -> None:
    raw = "\n".join([
        "首页", "政务公开", "走进明湖", "首页 政务公开 政务服务 互动交流 走进明湖",
        "明湖县2019年法治政府建设年度报告",
        "索引号\t001/2020-01\t主题分类\t法治",
        BODY,
        "明湖县人民政府",
        "2020年2月1日",
        "上一篇：明湖县2018年法治政府建设年度报告",
        "【大】【中】【小】",
    ])
    cleaned = clean(raw)
    assert cleaned.text == f"明湖县2019年法治政府建设年度报告\n\n{BODY}\n\n明湖县人民政府\n\n2020年2月1日"
    assert cleaned.page_meta.index_no == "001/2020-01"


def test_footer_after_the_signature_is_hidden_and_signature_kept() -> None:
    raw = "\n".join([
        "河西区2020年法治政府建设年度报告",
        BODY,
        "河西区人民政府",
        "2021年1月21日",
        "",
        "扫一扫在手机上查看当前页面",
        "版权所有：河西区人民政府办公室  主办：河西区政务服务中心",
        "河西区大数据中心建设管理",
        "网站标识码：4290060001  鄂ICP备05005537号-1  鄂公网安备42900602000138号",
    ])
    assert clean(raw).text.endswith(f"{BODY}\n\n河西区人民政府\n\n2021年1月21日")


def test_body_sentences_that_mention_sources_and_dates_are_kept() -> None:
    lines = [
        "东关街道2022年法治政府建设工作报告",
        BODY,
        "来源于群众的意见建议共128条，均已办理答复。",
        "发布日期：全年通过政府网站主动公开信息356条，版权所有意识明显增强。",
        "主办法治讲座12场，承办全市普法骨干培训1期。",
    ]
    assert clean("\n".join(lines)).text == "\n\n".join(lines)


def test_whitespace_is_tidied_into_one_paragraph_per_line_with_single_blank_lines() -> None:
    raw = "\ufeff\u3000\u3000标题报告 \r\n\r\n\r\n\xa0\xa0" + BODY + "\u3000\n\n\n\n  一、主要举措\u200b和成效  \n \n"
    assert clean(raw).text == f"标题报告\n\n{BODY}\n\n一、主要举措和成效"


def test_pdf_page_number_lines_and_symbol_lines_are_dropped_anywhere() -> None:
    raw = "\n".join([BODY, "- 3 -", "第 4 页 共 10 页", "•", "二、存在的问题"])
    assert clean(raw).text == f"{BODY}\n\n二、存在的问题"


def test_text_without_chrome_is_unchanged_apart_from_spacing() -> None:
    text = f"某局2019年法治政府建设工作报告\n\n{BODY}\n\n某局\n\n2020年1月6日"
    cleaned = clean(text)
    assert cleaned.text == text
    assert cleaned.page_meta.publish_date is None


PAGE_ALPHABET = st.sampled_from(
    list("一二三四五六七八九十0123456789、，,。:：()（）>【】\n\n \u3000\xa0•")
    + list("首页您当前所在的位置发布日期来源索引号文号版权所有主办打印关闭字体大中小镇人民政府年月日报告2020-01-10")
)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=PAGE_ALPHABET, max_size=300))
def test_cleaning_twice_changes_nothing_more(raw: str) -> None:
    once = clean(raw).text
    assert clean(once).text == once
    assert "\n\n\n" not in once


def test_sample_000_keeps_title_addressee_body_signature(samples_dir: Path) -> None:
    cleaned = clean(_sample(samples_dir, "000"))
    lines = cleaned.text.split("\n\n")
    assert lines[:2] == ["龙山镇关于2018年度法治政府建设工作推进情况的报告", "慈溪市人民政府:"]
    assert lines[-2:] == ["龙山镇人民政府", "2018年12月7日"]
    assert "发布日期" not in cleaned.text
    assert (cleaned.page_meta.publish_date, cleaned.page_meta.source) == ("2020-01-10", "龙山镇")


def test_sample_002_metadata_block_and_footer(samples_dir: Path) -> None:
    cleaned = clean(_sample(samples_dir, "002"))
    meta = cleaned.page_meta
    assert cleaned.text.startswith("衢州市柯城区2017年度法治政府建设(依法行政)工作报告\n\n2017年,柯城区")
    assert cleaned.text.endswith("衢州市柯城区人民政府\n\n2018330")
    assert meta.doc_number == "柯政〔2018〕9号"
    assert meta.index_no == "330802-018-070100-2018-0001"
    assert meta.generated_date == "2018-03-31"
    assert meta.title == "衢州市柯城区2017年度法治政府建设(依法行政)工作报告"
    assert meta.publish_date is None


def test_sample_003_leave_prompt_and_footer(samples_dir: Path) -> None:
    cleaned = clean(_sample(samples_dir, "003"))
    assert cleaned.text.startswith("常平镇2021年法治政府建设年度报告\n\n2021年是中国共产党成立100周年")
    assert cleaned.text.endswith("用群众喜闻乐见的方式讲好“法治故事”。")
    assert cleaned.page_meta.publish_date == "2022-01-25"


def test_sample_004_and_001_headers(samples_dir: Path) -> None:
    tianmen = clean(_sample(samples_dir, "004"))
    assert tianmen.text.startswith("天门市2018年法治政府建设情况工作报告\n\n2018年以来")
    assert tianmen.text.endswith("天门市人民政府\n\n2019年1月21日")
    assert tianmen.page_meta.publish_date == "2019-01-28"
    assert tianmen.page_meta.source == "天门市人民政府"
    assert tianmen.page_meta.doc_number is None
    puchang = clean(_sample(samples_dir, "001"))
    assert puchang.text.startswith("蒲场镇2024年法治政府建设工作报告\n\n2024年,我镇")  # title repeated on the page, shown once
    assert puchang.page_meta.publish_date == "2025-03-14"
    for sample in ("000", "001", "002", "003", "004"):
        text = clean(_sample(samples_dir, sample)).text
        assert "\n\n\n" not in text
        assert all(line == line.strip() for line in text.split("\n"))


def test_metadata_in_brackets_ends_at_the_closing_bracket() -> None:
    raw = "\n".join([
        "【发布时间：2022-03-30】【来源：明湖县司法局】【字号 大 中 小】",
        "明湖县2021年法治政府建设年度报告",
        BODY,
    ])
    cleaned = clean(raw)
    assert cleaned.text == f"明湖县2021年法治政府建设年度报告\n\n{BODY}"
    assert (cleaned.page_meta.publish_date, cleaned.page_meta.source) == ("2022-03-30", "明湖县司法局")


def test_disclosure_table_copied_one_cell_per_line_is_read_and_hidden() -> None:
    raw = "\n".join([
        "索引号：", "11520000MB1F00421X/2023-00118",
        "发布机构：", "黔川省人民政府办公厅",
        "组配分类：", "法治政府建设",
        "成文日期：", "2023-03-24",
        "发布日期：", "2023-03-28",
        "文号：", "主题词：",
        "黔川省人民政府关于2022年度法治政府建设情况的报告",
        BODY,
    ])
    cleaned = clean(raw)
    meta = cleaned.page_meta
    assert cleaned.text == f"黔川省人民政府关于2022年度法治政府建设情况的报告\n\n{BODY}"
    assert (meta.index_no, meta.source) == ("11520000MB1F00421X/2023-00118", "黔川省人民政府办公厅")
    assert (meta.generated_date, meta.publish_date) == ("2023-03-24", "2023-03-28")


def test_an_empty_label_does_not_take_the_addressee_or_title_below_it_as_its_value() -> None:
    raw = "\n".join([
        "发布时间：2024-01-18 来源：明湖县人力资源和社会保障局 点击数：",
        "明湖县人民政府：",
        BODY,
    ])
    assert clean(raw).text == f"明湖县人民政府：\n\n{BODY}"
    titled = clean("\n".join(["浏览次数：", "明湖县2023年法治政府建设年度报告", BODY])).text
    assert titled == f"明湖县2023年法治政府建设年度报告\n\n{BODY}"


def test_the_site_s_date_widget_is_chrome_and_not_the_publish_date() -> None:
    raw = "\n".join([
        "今天是2024年4月12日 星期五",
        "2024年4月12日 星期五",
        "云岭市2023年法治政府建设年度报告",
        "时间：2024-03-25 来源：云岭市司法局 浏览次数： 作者：市司法局",
        BODY,
    ])
    cleaned = clean(raw)
    assert cleaned.text == f"云岭市2023年法治政府建设年度报告\n\n{BODY}"
    assert cleaned.page_meta.publish_date == "2024-03-25"


def test_a_sign_date_written_with_spaces_is_not_a_menu() -> None:
    raw = "\n".join([BODY, "雪岭藏族自治州人民政府", "2021 年 3 月 30 日"])
    assert clean(raw).text.endswith("雪岭藏族自治州人民政府\n\n2021 年 3 月 30 日")


def test_footer_lines_written_as_sentences_are_hidden() -> None:
    raw = "\n".join([
        BODY, "明湖县人民政府", "2020年2月1日",
        "Copyright © 2023 明湖县人民政府 版权所有。",
        "建议使用1920×1080分辨率、IE9以上版本浏览器浏览本网站。",
    ])
    assert clean(raw).text == f"{BODY}\n\n明湖县人民政府\n\n2020年2月1日"


def test_portal_template_with_site_name_accessibility_bar_and_spaced_labels() -> None:
    raw = "\n".join([
        "云岭市人民政府门户网站",
        "www.yunling.gov.cn",
        "无障碍 | 长者模式 | 繁體 | English",
        "首页 > 信息公开 > 法定主动公开内容 > 法治政府建设",
        "标  题：云岭市2022年法治政府建设年度报告",
        "索 引 号：11350100003591037R/2023-01234",
        "发文机关：云岭市人民政府",
        "发文字号：",
        "成文日期：2023-03-24",
        "发布日期：2023-03-29",
        "云岭市2022年法治政府建设年度报告",
        BODY,
        "云岭市人民政府",
        "2023年3月24日",
        "【我要纠错】 【打印本页】 【关闭窗口】",
        "标签：法治政府 年度报告",
    ])
    cleaned = clean(raw)
    meta = cleaned.page_meta
    assert cleaned.text == f"云岭市2022年法治政府建设年度报告\n\n{BODY}\n\n云岭市人民政府\n\n2023年3月24日"
    assert (meta.publish_date, meta.generated_date, meta.source) == ("2023-03-29", "2023-03-24", "云岭市人民政府")
    assert meta.title == "云岭市2022年法治政府建设年度报告"


def test_metadata_printed_below_the_report_is_read() -> None:
    raw = "\n".join([
        "云岭市2022年法治政府建设年度报告", BODY, "云岭市人民政府", "2023年3月24日",
        "发布时间：2023-03-28 来源：云岭市司法局", "分享：微信 微博",
    ])
    cleaned = clean(raw)
    assert cleaned.text.endswith("云岭市人民政府\n\n2023年3月24日")
    assert (cleaned.page_meta.publish_date, cleaned.page_meta.source) == ("2023-03-28", "云岭市司法局")


def test_a_list_of_other_articles_above_the_report_is_chrome() -> None:
    raw = "\n".join([
        "最新信息",
        "明湖县2021年法治政府建设年度报告 2022-03-30",
        "关于开展2023年度行政执法案卷评查的通知 [2023-04-10]",
        "明湖县2022年法治政府建设年度报告",
        "发布日期：2023-03-28",
        BODY,
    ])
    cleaned = clean(raw)
    assert cleaned.text == f"明湖县2022年法治政府建设年度报告\n\n{BODY}"
    assert cleaned.page_meta.publish_date == "2023-03-28"
    titled = clean("\n".join(["明湖县2022年法治政府建设年度报告 2023-03-28", BODY])).text
    assert titled.startswith("明湖县2022年法治政府建设年度报告 2023-03-28")


def test_title_repeated_above_the_article_is_shown_once() -> None:
    raw = "\n".join([
        "首页 > 政务公开 > 法治政府建设",
        "青溪镇2023年度法治政府建设工作报告",
        "发布日期:2024-03-12",
        "青溪镇2023年度法治政府建设工作报告",
        "明湖县人民政府:",
        "2023年,青溪镇扎实推进法治政府建设各项工作。现将有关情况报告如下:",
        "一、主要举措和成效",
        "一、主要举措和成效",
    ])
    cleaned = clean(raw)
    assert cleaned.text.count("青溪镇2023年度法治政府建设工作报告") == 1
    assert cleaned.text.startswith("青溪镇2023年度法治政府建设工作报告\n\n明湖县人民政府:")
    assert cleaned.text.count("一、主要举措和成效") == 2  # in the body nothing is dropped
    assert cleaned.page_meta.publish_date == "2024-03-12"


def test_site_name_with_bar_separated_menu_entries_is_chrome() -> None:
    raw = "\n".join([
        "云岭市人民政府门户网站 | 无障碍 | 手机版",
        "云岭市人民政府关于法治政府建设工作情况的报告",
        "2021年，云岭市坚持依法行政，法治政府建设取得新成效。",
        "一、坚持党的领导 | 统筹推进",
    ])
    cleaned = clean(raw)
    assert cleaned.text.startswith("云岭市人民政府关于法治政府建设工作情况的报告")
    assert "一、坚持党的领导 | 统筹推进" in cleaned.text
