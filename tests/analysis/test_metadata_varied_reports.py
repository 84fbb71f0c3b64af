"""Whole reports of provinces, cities, counties, towns and departments, as web pages and as papers: who
reports (unit, key, level), about which year, published when."""
from __future__ import annotations

from typing import NamedTuple

import pytest

from reviewer.analysis.pipeline import analyze_bytes

_REST = (
    "\n\n一、主要举措和成效\n\n（一）加强组织领导。党政主要负责人切实履行推进法治建设第一责任人职责。\n\n"
    "二、存在的问题和不足\n\n执法队伍力量不足。\n\n三、下一步工作打算\n\n继续加强执法监督。\n"
)


class Expected(NamedTuple):
    unit: str
    key: str
    level: str
    year: int
    published: str | None


CASES: dict[str, tuple[str, Expected]] = {
    "province portal": (
        "首页 > 政务公开 > 法治政府建设\n发布时间：2023-03-28 10:12 来源：省司法厅 浏览次数：1862\n"
        "河南省人民政府关于2022年度法治政府建设情况的报告\n\n2022年，全省坚持以习近平法治思想为指导，深入推进依法行政。" + _REST,
        Expected("河南省", "河南省", "省", 2022, "2023-03-28"),
    ),
    "autonomous region": (
        "【字体：大 中 小】 发布日期：2022-03-30\n广西壮族自治区2021年法治政府建设年度报告\n\n"
        "2021年，自治区党委、政府坚持依法行政，法治政府建设取得新成效。" + _REST,
        Expected("广西壮族自治区", "广西壮族自治区", "省", 2021, "2022-03-30"),
    ),
    "prefecture city without a title": (
        "时间:2020-03-20 浏览:920次 来源:本站\n\n2019年,柳州市人民政府深入贯彻落实党中央、国务院关于法治政府建设的决策部署，"
        "全面推进依法行政。现将有关情况报告如下：" + _REST,
        Expected("柳州市", "柳州市", "地市", 2019, "2020-03-20"),
    ),
    "county with slashes and time of day": (
        "更新时间:2021/03/26 09:15:40\n临湘县2020年法治政府建设工作报告\n\n2020年，我县在市委、市政府的坚强领导下，扎实推进法治政府建设。" + _REST,
        Expected("临湘县", "临湘县", "县区", 2020, "2021-03-26"),
    ),
    "district posted by its justice bureau": (
        "信息来源：西湖区司法局 发布时间：2024-03-15\n杭州市西湖区人民政府关于2023年法治政府建设情况的报告\n\n"
        "2023年，西湖区坚持依法行政，全面推进法治政府建设。" + _REST,
        Expected("西湖区", "西湖区", "县区", 2023, "2024-03-15"),
    ),
    "town in a disclosure list": (
        "- 索引号:11330282MB1234567X/2025-00012\n- 发文时间:2025年02月10日\n- 成文时间:2025年01月20日\n"
        "石岭镇2024年法治政府建设工作报告\n\n2024年,石岭镇坚持以习近平法治思想为指导，扎实推进法治政府建设。" + _REST
        + "\n石岭镇人民政府\n\n2025年1月20日\n",
        Expected("石岭镇", "石岭镇", "乡镇街道", 2024, "2025-02-10"),
    ),
    "subdistrict with a bracketed date": (
        "东关街道2022年度法治政府建设工作报告\n[ 2023-03-08 ]\n\n2022年，东关街道办事处认真落实法治政府建设各项任务。" + _REST,
        Expected("东关街道", "东关街道", "乡镇街道", 2022, "2023-03-08"),
    ),
    "county department under a page clock": (
        "今天是:2023年6月3日 星期六\n栏目:通知公告 发布时间:2023-02-18\n明湖县市场监督管理局2022年法治政府建设年度报告\n\n"
        "2022年，我局坚持依法行政，全面推进市场监管领域法治建设。" + _REST,
        Expected("明湖县市场监督管理局", "明湖县市场监督管理局", "部门", 2022, "2023-02-18"),
    ),
    "national ministry": (
        "农业农村部2023年法治政府建设年度报告\n\n2023年，农业农村部认真贯彻落实党中央决策部署，扎实推进农业农村法治建设。" + _REST,
        Expected("农业农村部", "农业农村部", "部门", 2023, None),
    ),
    "a body since renamed": (
        "2017年，原国家林业局认真贯彻落实党中央、国务院决策部署，深入推进依法行政。" + _REST,
        Expected("原国家林业局", "原国家林业局", "部门", 2017, None),
    ),
    "county-level city paper with an issuing line": (
        "慈溪市人民政府关于2021年度法治政府建设工作情况的报告\n\n宁波市人民政府：\n\n2021年，我市坚持依法行政。" + _REST
        + "\n慈溪市人民政府\n\n2022年3月10日\n\n慈溪市人民政府办公室 2022年3月12日印发\n",
        Expected("慈溪市", "慈溪市", "县区", 2021, None),
    ),
    "town report titled without its year": (
        "发布日期：2020-01-10\n慈溪市龙山镇人民政府法治政府建设工作报告\n\n今年以来，我镇坚持依法行政。\n\n"
        "一、2019年推进法治政府建设的主要举措\n\n（一）加强组织领导。\n\n二、存在的不足\n\n执法力量不足。\n\n三、2020年工作打算\n\n继续推进。\n",
        Expected("龙山镇", "龙山镇", "乡镇街道", 2019, "2020-01-10"),
    ),
    "league with its administrative office": (
        "发布时间：2022-03-29\n兴安盟行政公署2021年法治政府建设情况报告\n\n2021年，兴安盟行政公署坚持依法行政。" + _REST,
        Expected("兴安盟", "兴安盟", "地市", 2021, "2022-03-29"),
    ),
    "development zone": (
        "发布时间：2023-03-20 来源：管委会办公室\n明湖经济技术开发区管理委员会2022年法治政府建设年度报告\n\n"
        "2022年，开发区管委会坚持依法行政。" + _REST,
        Expected("明湖经济技术开发区", "明湖经济技术开发区", "县区", 2022, "2023-03-20"),
    ),
    "province department": (
        "浙江省司法厅2022年度法治政府建设工作报告\n\n2022年，省司法厅坚持以习近平法治思想为指导。" + _REST
        + "\n浙江省司法厅\n\n2023年1月18日\n",
        Expected("浙江省司法厅", "浙江省司法厅", "部门", 2022, None),
    ),
    "municipality district": (
        "发布时间：2021-03-31\n重庆市渝中区2020年法治政府建设情况报告\n\n2020年，渝中区坚持依法行政。" + _REST,
        Expected("渝中区", "渝中区", "县区", 2020, "2021-03-31"),
    ),
}


@pytest.mark.parametrize("name", list(CASES))
def test_varied_reports(name: str) -> None:
    text, expected = CASES[name]
    meta = analyze_bytes(text.encode("utf-8"), "report.txt").metadata
    assert Expected(meta.unit, meta.unit_key, meta.level, meta.report_year, meta.publish_date) == expected
