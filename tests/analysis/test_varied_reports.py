"""The whole analysis on reports written and published differently from the five samples (varied_reports.py):
page chrome hidden, metadata read, every heading found, the required parts pointed at, and no structure
finding on a report that has nothing wrong with its form."""
from __future__ import annotations

from dataclasses import dataclass

import pytest

from reviewer.analysis import Analysis, analyze_bytes
from reviewer.analysis.model import REQUIRED_CODES
from tests.analysis import varied_reports as reports

STRUCTURE_CODES = frozenset((
    "missing_required", "published_late", "signed_early", "heading_repeated", "heading_skipped",
    "heading_out_of_order", "title_missing_year", "title_missing_unit", "title_year_mismatch",
))


@dataclass(frozen=True)
class Expected:
    text: str
    metadata: dict[str, object]
    parts: dict[str, tuple[str, str]]  # code -> (start of the text shown, how)
    outline: list[tuple[int, str]]  # (level, heading as written) of every heading, in order
    ends_with: str
    structure_findings: tuple[str, ...] = ()


def _analysis(text: str) -> Analysis:
    return analyze_bytes(text.encode("utf-8"), "report.txt")


def _structure_codes(analysis: Analysis) -> list[str]:
    return [f.code for f in analysis.findings if f.code in STRUCTURE_CODES]


CASES: dict[str, Expected] = {
    "province": Expected(
        reports.PROVINCE_2022,
        {"title": "黔川省人民政府关于2022年度法治政府建设情况的报告", "unit": "黔川省", "level": "省",
         "report_year": 2022, "publish_date": "2023-03-28", "sign_date": "2023-03-24",
         "recipient": "党中央、国务院", "doc_number": "黔川府报〔2023〕6号"},
        {"measures": ("一、2022年法治政府建设主要举措和成效", "heading"),
         "shortcomings": ("三、存在的不足和原因", "heading"),
         "first_responsible": ("二、党政主要负责人履行推进法治建设第一责任人职责情况", "heading"),
         "next_year_plan": ("四、2023年推进法治政府建设的主要安排", "heading")},
        [(1, "一、2022年法治政府建设主要举措和成效"), (2, "（一）坚持党的领导，统筹推进法治政府建设"), (2, "（二）依法全面履行政府职能"), (2, "（三）健全依法行政制度体系"),
         (2, "（四）严格规范公正文明执法"), (1, "二、党政主要负责人履行推进法治建设第一责任人职责情况"), (1, "三、存在的不足和原因"), (1, "四、2023年推进法治政府建设的主要安排"),
         (2, "（一）深入学习贯彻习近平法治思想"), (2, "（二）全面提升依法行政能力"), (2, "（三）加强对行政权力的制约和监督")],
        "黔川省人民政府\n\n2023年3月24日",
    ),
    "prefecture": Expected(
        reports.PREFECTURE_2023,
        {"title": "云岭市2023年法治政府建设年度报告", "unit": "云岭市", "level": "地市", "report_year": 2023,
         "publish_date": "2024-03-25", "sign_date": "2024-03-20", "recipient": None, "doc_number": None},
        {"measures": ("一、主要举措和成效", "heading"), "shortcomings": ("三、存在的不足和原因", "heading"),
         "first_responsible": ("二、主要负责人履行推进法治建设第一责任人职责情况", "heading"),
         "next_year_plan": ("四、下一步工作计划", "heading")},
        [(1, "一、主要举措和成效"), (2, "(一)深化“放管服”改革"), (2, "(二)推进严格规范公正文明执法"), (3, "1．深化行政执法体制改革"), (3, "2．规范行政执法行为"),
         (2, "(三)强化行政权力制约监督"), (1, "二、主要负责人履行推进法治建设第一责任人职责情况"), (1, "三、存在的不足和原因"), (1, "四、下一步工作计划")],
        "云岭市人民政府\n\n2024年3月20日",
    ),
    "county, party and government jointly": Expected(
        reports.COUNTY_JOINT_2021,
        {"title": "中共明湖县委 明湖县人民政府关于2021年度法治政府建设工作情况的报告", "unit": "明湖县",
         "level": "县区", "report_year": 2021, "publish_date": "2022-03-30", "sign_date": "2022-03-29",
         "recipient": "东江市委依法治市办", "doc_number": None},
        {"measures": ("一、2021年法治政府建设主要举措和成效", "heading"), "shortcomings": ("二、存在的问题", "heading"),
         "first_responsible": ("县委、县政府主要负责人认真履行推进法治建设第一责任人职责", "sentence"),
         "next_year_plan": ("三、2022年工作打算", "heading")},
        [(1, "一、2021年法治政府建设主要举措和成效"), (2, "（一）加强组织领导，压实法治建设责任"), (2, "（二）完善依法决策机制"), (3, "1．严格落实重大行政决策程序"),
         (3, "2．发挥法律顾问作用"), (2, "（三）深化法治宣传教育"), (1, "二、存在的问题"), (1, "三、2022年工作打算"), (2, "（一）持续深化法治政府建设示范创建"),
         (2, "（二）加强行政执法队伍建设，组织执法人员培训不少于40学时"), (2, "（三）推进“八五”普法规划深入实施")],
        "中共明湖县委\n\n明湖县人民政府\n\n2022年3月29日",
    ),
    "city department": Expected(
        reports.CITY_DEPARTMENT_2022,
        {"title": "青州市生态环境局2022年度法治政府建设工作报告", "unit": "青州市生态环境局", "level": "部门",
         "report_year": 2022, "publish_date": "2023-02-20", "sign_date": "2023-02-15",
         "recipient": "市委依法治市办、市司法局", "doc_number": None},
        {"measures": ("一、推进法治政府建设的主要举措和成效", "heading"), "shortcomings": ("二、存在的不足", "heading"),
         "first_responsible": ("局党组高度重视法治政府建设，局主要负责人切实履行推进法治建设第一责任人职责", "sentence"),
         "next_year_plan": ("三、2023年工作思路", "heading")},
        [(1, "一、推进法治政府建设的主要举措和成效"), (2, "(一)强化组织领导"), (2, "(二)严格规范执法"), (2, "(三)推行柔性执法"), (1, "二、存在的不足"),
         (1, "三、2023年工作思路"), (2, "(一)持续加强执法队伍建设，开展全员执法培训"), (2, "(二)深化生态环境领域“放管服”改革"),
         (2, "(三)加大普法宣传力度，落实“谁执法谁普法”责任制")],
        "青州市生态环境局\n\n2023年2月15日",
    ),
    "county department": Expected(
        reports.COUNTY_DEPARTMENT_2023,
        {"title": "明湖县人力资源和社会保障局关于2023年法治政府建设情况的报告", "unit": "明湖县人力资源和社会保障局",
         "level": "部门", "report_year": 2023, "publish_date": "2024-01-18", "sign_date": "2024-01-15",
         "recipient": "明湖县人民政府", "doc_number": None},
        {"measures": ("一、主要工作及成效", "heading"), "shortcomings": ("三、存在的困难和问题", "heading"),
         "first_responsible": ("二、主要负责人履行推进法治建设第一责任人职责情况", "heading"),
         "next_year_plan": ("四、下一步工作计划", "heading")},
        [(1, "一、主要工作及成效"), (3, "1、加强法治学习"), (3, "2、规范行政执法"), (3, "3、化解劳动争议"), (4, "（1）推进调裁审衔接"),
         (4, "（2）加强基层调解组织建设"), (1, "二、主要负责人履行推进法治建设第一责任人职责情况"), (1, "三、存在的困难和问题"), (1, "四、下一步工作计划"),
         (3, "1、持续加强法治学习培训"), (3, "2、深入推进根治欠薪工作"), (3, "3、提升劳动人事争议处理效能")],
        "明湖县人力资源和社会保障局\n\n二〇二四年一月十五日",
    ),
    "street office, shortcomings inside a paragraph, no signature": Expected(
        reports.STREET_2022,
        {"title": "东关街道办事处2022年法治政府建设年度报告", "unit": "东关街道", "level": "乡镇街道",
         "report_year": 2022, "publish_date": "2023-01-31", "sign_date": None, "recipient": None, "doc_number": None},
        {"measures": ("一、工作开展情况", "heading"),
         "shortcomings": ("但也要看到，我街道法治政府建设还存在一些短板和不足", "sentence"),
         "first_responsible": ("街道党工委书记履行推进法治建设第一责任人职责", "sentence"),
         "next_year_plan": ("二、2023年工作思路", "heading")},
        [(1, "一、工作开展情况"), (2, "（一）提高政治站位，加强组织领导"), (2, "（二）坚持依法决策"), (2, "（三）强化矛盾纠纷化解"), (1, "二、2023年工作思路"),
         (2, "（一）持续深化法治宣传教育，推动“八五”普法走深走实"), (2, "（二）加强基层法治队伍建设，组织社区干部开展法治培训")],
        "组织社区干部开展法治培训。",
    ),
    "autonomous prefecture in 第一部分 parts": Expected(
        reports.AUTONOMOUS_PREFECTURE_2020,
        {"title": "雪岭藏族自治州人民政府关于2020年法治政府建设情况的报告", "unit": "雪岭藏族自治州", "level": "地市",
         "report_year": 2020, "publish_date": "2021-03-31", "sign_date": "2021-03-30", "recipient": "省人民政府",
         "doc_number": None},
        {"measures": ("第一部分 2020年法治政府建设工作情况", "heading"),
         "shortcomings": ("第三部分 存在的问题", "heading"),
         "first_responsible": ("第二部分 党政主要负责人履行推进法治建设第一责任人职责情况", "heading"),
         "next_year_plan": ("第四部分 2021年工作安排", "heading")},
        [(0, "第一部分 2020年法治政府建设工作情况"), (1, "一、依法全面履行政府职能"), (1, "二、完善依法行政制度体系"), (1, "三、推进严格规范公正文明执法"),
         (0, "第二部分 党政主要负责人履行推进法治建设第一责任人职责情况"), (0, "第三部分 存在的问题"), (0, "第四部分 2021年工作安排"), (1, "一、深入学习贯彻习近平法治思想"),
         (1, "二、加强行政执法规范化建设"), (1, "三、深化双语普法宣传")],
        "雪岭藏族自治州人民政府\n\n2021 年 3 月 30 日",
    ),
    "autonomous county published on 1 April": Expected(
        reports.AUTONOMOUS_COUNTY_LATE_2019,
        {"title": "白河满族自治县2019年度法治政府建设工作报告", "unit": "白河满族自治县", "level": "县区",
         "report_year": 2019, "publish_date": "2020-04-01", "sign_date": "2020-03-25", "recipient": None,
         "doc_number": None},
        {"measures": ("一、2019年法治政府建设主要工作", "heading"), "shortcomings": ("二、存在的主要问题", "heading"),
         "first_responsible": ("县委、县政府主要负责人切实履行推进法治建设第一责任人职责", "sentence"),
         "next_year_plan": ("三、2020年工作安排", "heading")},
        [(1, "一、2019年法治政府建设主要工作"), (2, "（一）加强党对法治政府建设的领导"), (2, "（二）推进政务公开"), (1, "二、存在的主要问题"), (1, "三、2020年工作安排"),
         (2, "（一）加强法治宣传教育"), (2, "（二）规范行政执法行为")],
        "白河满族自治县人民政府\n\n2020年3月25日",
        ("published_late",),
    ),
    "league administrative office": Expected(
        reports.LEAGUE_OFFICE_2022,
        {"title": "兴和盟行政公署2022年法治政府建设年度报告", "unit": "兴和盟", "level": "地市", "report_year": 2022,
         "publish_date": "2023-03-16", "sign_date": "2023-03-10", "recipient": None, "doc_number": None},
        {"measures": ("一、主要举措和成效", "heading"), "shortcomings": ("三、存在的短板和不足", "heading"),
         "first_responsible": ("二、盟行政公署主要负责人履行推进法治建设第一责任人职责情况", "heading"),
         "next_year_plan": ("四、2023年工作重点", "heading")},
        [(1, "一、主要举措和成效"), (2, "（一）依法全面履行政府职能"), (2, "（二）提升行政决策公信力和执行力"), (2, "（三）加强行政执法监督"),
         (1, "二、盟行政公署主要负责人履行推进法治建设第一责任人职责情况"), (1, "三、存在的短板和不足"), (1, "四、2023年工作重点"), (2, "（一）深入推进依法行政"),
         (2, "（二）加强基层法治队伍建设"), (1, "五、其他需要报告的情况")],
        "兴和盟行政公署\n\n2023年3月10日",
    ),
    "provincial department, first-responsible sentence in the measures": Expected(
        reports.PROVINCIAL_DEPARTMENT_2022,
        {"title": "江淮省公安厅2022年度法治政府建设工作报告", "unit": "江淮省公安厅", "level": "部门", "report_year": 2022,
         "publish_date": "2023-03-02", "sign_date": "2023-02-28", "recipient": None, "doc_number": None},
        {"measures": ("第一部分 2022年法治政府建设主要举措和成效", "heading"),
         "shortcomings": ("第二部分 存在的不足和原因", "heading"),
         "first_responsible": ("厅党委认真落实党政主要负责人履行推进法治建设第一责任人职责规定", "sentence"),
         "next_year_plan": ("第三部分 2023年工作安排", "heading")},
        [(0, "第一部分 2022年法治政府建设主要举措和成效"), (1, "一、强化组织领导，压实法治建设责任"), (1, "二、健全执法制度体系"), (1, "三、规范执法办案活动"),
         (0, "第二部分 存在的不足和原因"), (0, "第三部分 2023年工作安排"), (1, "一、深入学习贯彻习近平法治思想"), (1, "二、持续深化执法规范化建设"), (1, "三、加强执法监督管理")],
        "江淮省公安厅\n\n2023年2月28日",
    ),
    "commission, headings that begin paragraphs": Expected(
        reports.COMMISSION_2023,
        {"title": "东江市发展和改革委员会关于2023年度法治政府建设情况的报告", "unit": "东江市发展和改革委员会",
         "level": "部门", "report_year": 2023, "publish_date": "2024-02-27", "sign_date": "2024-02-26",
         "recipient": "东江市人民政府", "doc_number": None},
        {"measures": ("一、坚持党的领导，统筹推进法治机关建设", "heading"), "shortcomings": ("四、存在的不足", "heading"),
         "first_responsible": ("委党组把法治建设摆在全局工作重要位置，委主要负责人认真履行", "sentence"),
         "next_year_plan": ("五、下一步工作打算", "heading")},
        [(1, "一、坚持党的领导，统筹推进法治机关建设"), (1, "二、依法全面履行职能"), (1, "三、推进依法科学民主决策"), (1, "四、存在的不足"), (1, "五、下一步工作打算")],
        "东江市发展和改革委员会\n\n2024年2月26日",
    ),
    "district named after 关于, first responsible under other matters": Expected(
        reports.DISTRICT_ABOUT_2020,
        {"title": "关于河西区2020年法治政府建设情况的报告", "unit": "河西区", "level": "县区", "report_year": 2020,
         "publish_date": "2021-03-18", "sign_date": None, "recipient": None, "doc_number": None},
        {"measures": ("一、2020年法治政府建设工作开展情况", "heading"),
         "shortcomings": ("二、存在的问题及原因分析", "heading"),
         "first_responsible": ("区委、区政府主要负责人严格履行推进法治建设第一责任人职责", "sentence"),
         "next_year_plan": ("三、2021年工作计划", "heading")},
        [(1, "一、2020年法治政府建设工作开展情况"), (1, "二、存在的问题及原因分析"), (1, "三、2021年工作计划"), (2, "（一）推进法治政府建设示范创建"),
         (2, "（二）加强行政执法监督"), (2, "（三）提升公共法律服务水平"), (1, "四、其他需要报告的情况")],
        "全年专题听取法治工作汇报4次。",
    ),
    "town with unnumbered part headings and the date above the signature": Expected(
        reports.TOWN_UNNUMBERED_2023,
        {"title": "青溪镇2023年度法治政府建设工作总结", "unit": "青溪镇", "level": "乡镇街道", "report_year": 2023,
         "publish_date": "2024-01-10", "sign_date": "2024-01-08", "recipient": None, "doc_number": None},
        {"measures": ("主要工作及成效", "heading"), "shortcomings": ("存在的不足", "heading"),
         "first_responsible": ("镇党委书记认真履行推进法治建设第一责任人职责", "sentence"),
         "next_year_plan": ("下一步工作打算", "heading")},
        [],
        "2024年1月8日\n\n青溪镇人民政府",
    ),
    "county-level city under a prefecture city": Expected(
        reports.COUNTY_CITY_2022,
        {"title": "如川市2022年法治政府建设年度报告", "unit": "如川市", "level": "县区", "report_year": 2022,
         "publish_date": "2023-03-30", "sign_date": "2023-03-27", "recipient": None, "doc_number": None},
        {"measures": ("一、推进法治政府建设的主要举措和成效", "heading"),
         "shortcomings": ("二、存在的不足和原因", "heading"),
         "first_responsible": ("(三)党政主要负责人履行推进法治建设第一责任人职责情况", "heading"),
         "next_year_plan": ("三、2023年推进法治政府建设的主要安排", "heading")},
        [(1, "一、推进法治政府建设的主要举措和成效"), (2, "(一)依法全面履行政府职能"), (2, "(二)完善依法行政制度体系"), (2, "(三)党政主要负责人履行推进法治建设第一责任人职责情况"),
         (1, "二、存在的不足和原因"), (1, "三、2023年推进法治政府建设的主要安排"), (2, "(一)深入学习宣传贯彻习近平法治思想"), (2, "(二)加快推进镇（街道）综合行政执法改革"),
         (2, "(三)推进法治政府建设示范创建")],
        "如川市人民政府\n\n2023年3月27日",
    ),
    "township, disclosure table one cell per line, attachments after the signature": Expected(
        reports.TOWNSHIP_TABLE_CELLS_2021,
        {"title": "白沙乡人民政府关于2021年度法治政府建设工作情况的报告", "unit": "白沙乡", "level": "乡镇街道",
         "report_year": 2021, "publish_date": "2022-02-23", "sign_date": "2022-02-20", "recipient": "明湖县人民政府",
         "doc_number": "白政报〔2022〕3号"},
        {"measures": ("一、2021年法治政府建设工作开展情况", "heading"), "shortcomings": ("二、存在的问题", "heading"),
         "first_responsible": ("乡党委书记、乡长认真履行推进法治建设第一责任人职责", "sentence"),
         "next_year_plan": ("三、2022年工作打算", "heading")},
        [(1, "一、2021年法治政府建设工作开展情况"), (2, "（一）加强组织领导"), (2, "（二）推进依法决策"),
         (2, "（三）深化普法宣传"), (1, "二、存在的问题"), (1, "三、2022年工作打算"), (2, "（一）加强法治队伍建设"),
         (2, "（二）深入开展“八五”普法")],
        "3.白沙乡2021年普法活动一览表",
    ),
    "district report as an official paper, date under the title": Expected(
        reports.DISTRICT_PAPER_2023,
        {"title": "河东区人民政府关于2023年度法治政府建设情况的报告", "unit": "河东区", "level": "县区",
         "report_year": 2023, "publish_date": None, "sign_date": "2024-03-15", "recipient": None, "doc_number": None},
        {"measures": ("一、主要举措和成效", "heading"), "shortcomings": ("三、困难和问题", "heading"),
         "first_responsible": ("二、党政主要负责人履行推进法治建设第一责任人职责情况", "heading"),
         "next_year_plan": ("四、2024年工作谋划", "heading")},
        [(1, "一、主要举措和成效"), (3, "1.深化“放管服”改革"), (3, "2.规范重大行政决策"), (3, "3.强化行政复议应诉"),
         (1, "二、党政主要负责人履行推进法治建设第一责任人职责情况"), (1, "三、困难和问题"), (1, "四、2024年工作谋划"),
         (3, "1.持续深化法治政府建设示范创建"), (3, "2.全面提升行政执法质量"), (1, "五、其他需要报告的情况")],
        "五、其他需要报告的情况\n\n无。",
    ),
}


@pytest.fixture(scope="module", params=list(CASES), ids=list(CASES))
def case(request: pytest.FixtureRequest) -> tuple[Expected, Analysis]:
    expected = CASES[request.param]
    return expected, _analysis(expected.text)


def test_page_chrome_is_hidden_and_the_text_runs_from_the_title_to_the_end_of_the_report(case) -> None:
    expected, analysis = case
    assert analysis.text.startswith(expected.metadata["title"])
    assert analysis.text.endswith(expected.ends_with)
    for chrome in ("首页", "打印", "扫一扫", "ICP", "网站标识码", "浏览次数", "上一篇", "字号", "今天是", "发布时间"):
        assert chrome not in analysis.text


def test_metadata(case) -> None:
    expected, analysis = case
    meta = analysis.metadata
    assert {key: getattr(meta, key) for key in expected.metadata} == expected.metadata
    assert analysis.text[slice(*meta.title_span)] == meta.title


def test_headings_and_their_levels(case) -> None:
    expected, analysis = case
    assert [(s.level, analysis.text[s.start:s.end]) for s in analysis.sections] == expected.outline


def test_required_parts_point_at_the_text_that_satisfies_them(case) -> None:
    expected, analysis = case
    shown = {}
    for code in REQUIRED_CODES:
        part = analysis.required[code]
        assert part.present, code
        text = analysis.text[part.start:part.end]
        prefix = expected.parts[code][0]
        shown[code] = (text[:len(prefix)], part.how)
    assert shown == expected.parts


def test_structure_findings(case) -> None:
    expected, analysis = case
    assert tuple(_structure_codes(analysis)) == expected.structure_findings


def test_a_report_about_2019_published_on_31_march_2020_is_on_time() -> None:
    text = reports.AUTONOMOUS_COUNTY_LATE_2019.replace("发布日期：2020-04-01", "发布日期：2020-03-31")
    analysis = _analysis(text)
    assert analysis.metadata.publish_date == "2020-03-31"
    assert _structure_codes(analysis) == []


def test_the_page_date_widget_and_related_article_dates_are_not_the_publish_date() -> None:
    analysis = _analysis(reports.PREFECTURE_2023)
    assert analysis.metadata.publish_date == "2024-03-25"
    assert "2024年4月12日" not in analysis.text
    assert "2023-03-29" not in analysis.text


def test_the_publish_date_is_the_disclosure_table_s_not_its_document_date() -> None:
    analysis = _analysis(reports.PROVINCE_2022)
    assert (analysis.page_meta.generated_date, analysis.metadata.publish_date) == ("2023-03-24", "2023-03-28")
