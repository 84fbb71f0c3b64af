"""Indicators on written snippets: one rule per test, then varied reports of other provinces and levels."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from reviewer.analysis.indicator_catalogue import catalogue, definition_from_dict
from reviewer.analysis.indicators import extract_indicators
from reviewer.analysis.model import Figure, LoadedDocument, Metadata
from reviewer.analysis.pipeline import analyze_document, analyze_path
from tests.analysis.indicator_snippets import SNIPPETS


def cells(title: str, body: str) -> dict[str, str]:
    """code → the text of the figure that fills it, for a report with this title and body."""
    analysis = analyze_document(LoadedDocument("t.txt", "txt", "utf-8", f"{title}\n\n{body}\n"))
    for cell in analysis.indicators:
        assert analysis.text[cell.start:cell.end] == cell.text
    return {cell.code: cell.text for cell in analysis.indicators}


TOWN = "青石镇2022年法治政府建设工作报告"
COUNTY = "平安县人民政府2022年法治政府建设年度报告"
CITY = "临江市2021年度法治政府建设情况报告"


def test_received_applications_are_preferred_to_accepted_and_concluded_ones():
    found = cells(COUNTY, "全年审结行政复议案件80件。共收到行政复议申请92件，依法受理86件。")
    assert found["reconsideration_cases"] == "92件"


def test_accepted_cases_fill_the_cell_when_no_received_count_is_stated():
    found = cells(COUNTY, "县政府办结行政复议案件40件；全年受理行政复议案件45件。")
    assert found["reconsideration_cases"] == "45件"


def test_a_sub_count_after_qizhong_is_not_the_total():
    found = cells(COUNTY, "全年共收到行政复议申请31件，其中受理28件，不予受理3件。")
    assert found["reconsideration_cases"] == "31件"


def test_a_sub_count_opening_the_next_sentence_is_not_the_total():
    found = cells(COUNTY, "全年办理行政应诉案件45件。其中，一审行政诉讼案件30件，二审15件。")
    assert found["litigation_cases"] == "45件"


def test_a_bracketed_breakdown_is_not_the_total():
    found = cells(TOWN, "代理行政诉讼案件9件（1件一审8件再审），均未败诉。")
    assert found["litigation_cases"] == "9件"
    assert "litigation_lost" not in found


def test_items_before_a_stated_total_are_parts_of_it():
    found = cells(COUNTY, "全年接待群众来访210件、处理群众来信95件，合计受理信访事项305件。")
    assert found["petitions"] == "305件"


def test_a_change_is_never_a_cell():
    found = cells(COUNTY, "全县行政处罚案件同比增长12%，较上年增加35件。")
    assert found == {}


def test_the_figure_before_its_change_is_the_cell():
    found = cells(TOWN, "共调解矛盾纠纷312件，同比上升8.5%，调解成功率98.1%。")
    assert found["mediation_cases"] == "312件"
    assert found["mediation_success_rate"] == "98.1%"


def test_targets_and_plans_are_not_cells():
    found = cells(COUNTY, "力争全年开展普法活动200场。计划培训执法人员500人。")
    assert found == {}


def test_figures_in_next_years_plan_section_are_not_cells():
    body = ("一、主要工作\n全年开展普法宣传活动56场。\n"
            "二、2023年工作安排\n全年开展普法宣传活动80场，主动公开政府信息3000条。")
    found = cells(COUNTY, body)
    assert found == {"legal_publicity_events": "56场"}


def test_another_bodys_figure_is_not_the_units_own():
    found = cells(CITY, "以第三人身份参加省政府受理的行政复议案件2件。全省共办理行政复议案件5600件。")
    assert "reconsideration_cases" not in found


def test_a_town_report_does_not_take_the_countys_figures():
    found = cells(TOWN, "全县共出台规范性文件12件，配合上级部门做好信息公开件1件。")
    assert found == {}


def test_a_county_reporting_its_whole_county_states_its_own_total():
    found = cells(COUNTY, "全县共办理行政处罚案件1,286件，罚没款320万元。")
    assert found["penalty_cases"] == "1,286件"


def test_the_first_statement_is_the_cell_when_a_quantity_is_repeated():
    body = "全年主动公开政府信息4732条。\n（三）政务公开\n通过政府网站主动公开政府信息4700余条。"
    assert cells(COUNTY, body)["disclosure_items"] == "4732条"


def test_a_cumulative_figure_gives_way_to_the_years_own():
    body = "“十三五”以来累计开展普法活动500余场。2022年开展普法活动120场。"
    assert cells(COUNTY, body)["legal_publicity_events"] == "120场"


def test_a_figure_fills_only_the_column_its_lead_names():
    found = cells(COUNTY, "县政府法律顾问全年出具法律意见书42份，审查合同65件。")
    assert found["legal_adviser_opinions"] == "42份"
    assert "legality_reviews" not in found


def test_adviser_head_counts_and_company_counts_are_not_cells():
    found = cells(COUNTY, "全县聘请法律顾问120名，覆盖企业65家。开展“法律进企业”普法宣传活动30场。")
    assert "legal_adviser_opinions" not in found
    assert found["legal_publicity_events"] == "30场"


def test_a_rate_outranks_a_count_of_appearances():
    found = cells(COUNTY, "行政机关负责人出庭应诉32次，出庭应诉率达96.9%。")
    assert found["head_appearance_rate"] == "96.9%"


def test_a_count_of_appearances_fills_the_cell_when_no_rate_is_stated():
    found = cells(COUNTY, "全年行政机关负责人出庭应诉12次。")
    assert found["head_appearance_rate"] == "12次"


def test_lost_lawsuits_as_a_count_or_a_rate():
    assert cells(COUNTY, "全年办理行政应诉案件45件，败诉2件，败诉率4.4%。")["litigation_lost"] == "2件"
    assert cells(COUNTY, "全年行政诉讼败诉率为3.2%。")["litigation_lost"] == "3.2%"


def test_cleanup_total_is_preferred_to_the_repealed_count():
    found = cells(COUNTY, "废止规范性文件12件。全面清理规范性文件126件，修改5件。")
    assert found["normative_cleanup"] == "126件"
    assert "normative_documents" not in found


def test_repealed_count_fills_cleanup_when_no_total_is_stated():
    found = cells(COUNTY, "对不适应改革要求的规范性文件宣布失效4件，废止文件3件。")
    assert found["normative_cleanup"] == "3件"


def test_newly_issued_certificates_are_not_the_holders():
    found = cells(COUNTY, "全县新申领行政执法证件86人。目前全县持证执法人员1,203名。")
    assert found["certified_officers"] == "1,203名"


def test_audience_is_its_own_column():
    found = cells(COUNTY, "开展宪法宣传活动86场，受众2.3万人次，发放宣传资料1.2万份。")
    assert found["legal_publicity_events"] == "86场"
    assert found["legal_publicity_reach"] == "2.3万人次"


def test_screening_counts_give_way_to_mediated_counts():
    found = cells(TOWN, "排查矛盾纠纷420件，成功化解395件，人民调解委员会调解矛盾纠纷401件。")
    assert found["mediation_cases"] == "401件"


def test_study_of_all_cadres_is_not_a_leadership_study_session():
    found = cells(TOWN, "组织机关干部学法考试2次。政府常务会议学法12次。")
    assert found == {"study_sessions": "12次"}


def test_requests_for_disclosure_are_not_items_made_public():
    found = cells(COUNTY, "受理政府信息公开申请53件，主动公开政府信息2,156条。")
    assert found["disclosure_items"] == "2,156条"


def test_respective_figures_are_left_empty_rather_than_guessed():
    found = cells(COUNTY, "全年办理行政复议、行政诉讼案件分别为12件、8件。")
    assert "reconsideration_cases" not in found and "litigation_cases" not in found


def test_grid_and_hotline_counts_are_not_petitions():
    found = cells(COUNTY, "受理12345热线工单8,210件，网格上报事件3,400件，受理信访事项1307件。")
    assert found["petitions"] == "1307件"


def test_normative_document_reviews_are_not_other_legality_reviews():
    found = cells(COUNTY, "审核行政规范性文件23件；开展重大行政执法决定法制审核137件。")
    assert found["normative_documents"] == "23件"
    assert found["legality_reviews"] == "137件"


def test_major_decisions_made_not_those_only_reviewed():
    found = cells(COUNTY, "对5项重大行政决策进行合法性审查。全年作出重大行政决策8项。")
    assert found["major_decisions"] == "8项"


@pytest.mark.parametrize(("title", "body", "expected"), SNIPPETS, ids=[s[0][:12] for s in SNIPPETS])
def test_varied_reports_fill_the_cells_a_careful_reader_fills(title, body, expected):
    assert cells(title, body) == expected


def _table_figures(text: str, columns: list[str]) -> list[Figure]:
    figures = []
    for column, match in zip(columns, re.finditer(r"\d+件", text)):
        figures.append(Figure(match.group(), float(match.group()[:-1]), "件", False, "行政复议收案",
                              match.start(), match.end(), column=column))
    return figures


@pytest.mark.parametrize(
    ("columns", "expected"),
    [
        (["2021年", "2022年"], "15件"),  # the report year's column, wherever it stands
        (["上年", "本年"], "15件"),
        (["本年", "上年"], "12件"),
        (["2022年", "同比增减"], "12件"),
    ],
)
def test_a_table_figure_counts_only_in_the_report_years_column(columns, expected):
    text = "行政复议收案\t12件\t15件"
    found = extract_indicators(text, _table_figures(text, columns), [], Metadata(unit="临江市", report_year=2022))
    assert [(cell.code, cell.text) for cell in found] == [("reconsideration_cases", expected)]


SAMPLES = Path("/work/shared/samples")
SAMPLE_CELLS = {
    "000_03c6df2d3abd0aba.txt": {"normative_documents": "6个", "study_sessions": "6次"},
    "001_1333964e0275b350.txt": {
        "litigation_cases": "9件", "legal_adviser_opinions": "5件", "legal_publicity_events": "21场",
        "mediation_cases": "289件",
    },
    "002_32112f819bd80f98.txt": {
        "reconsideration_cases": "16件", "normative_documents": "8件", "legality_reviews": "25项",
        "legal_adviser_opinions": "37件", "petitions": "1307件",
    },
    "003_3fc20d629b335cca.txt": {
        "normative_documents": "8份", "normative_cleanup": "87份", "legal_adviser_opinions": "60多份",
        "penalty_cases": "165宗", "legal_publicity_events": "135场", "mediation_cases": "5894宗",
        "mediation_success_rate": "约为97.6%", "study_sessions": "10次", "disclosure_items": "4732条",
    },
    "004_8ad7cdc9fea68454.txt": {
        "reconsideration_cases": "20件", "litigation_cases": "6件", "normative_cleanup": "3件",
        "legality_reviews": "50余次", "legal_adviser_opinions": "26次",
    },
}


@pytest.mark.skipif(not SAMPLES.is_dir(), reason="shared sample reports not present")
@pytest.mark.parametrize("name", sorted(SAMPLE_CELLS))
def test_the_sample_reports_fill_what_a_careful_reader_fills(name):
    analysis = analyze_path(SAMPLES / name)
    found = {cell.code: cell.text for cell in analysis.indicators}
    assert found == SAMPLE_CELLS[name]
    figures = {(f.start, f.end, f.text) for f in analysis.figures}
    assert all((cell.start, cell.end, cell.text) in figures for cell in analysis.indicators)


def test_the_json_lists_each_filled_cell_as_its_figure():
    analysis = analyze_document(LoadedDocument("t.txt", "txt", "utf-8", f"{COUNTY}\n\n全年共收到行政复议申请175件。\n"))
    entry = analysis.to_json_dict()["indicators"][0]
    assert entry == {"code": "reconsideration_cases", "text": "175件", "value": 175, "unit": "件",
                     "start": analysis.text.index("175件"), "end": analysis.text.index("175件") + 4, "approx": False}


def test_a_column_added_to_the_catalogue_is_filled_without_code_changes():
    definitions = (*catalogue(), definition_from_dict(
        {"code": "legal_aid_cases", "column": "法律援助案件", "units": ["件", "宗"], "names": ["法律援助"]}))
    text = "全年受理法律援助案件190宗。"
    analysis = analyze_document(LoadedDocument("t.txt", "txt", "utf-8", f"{TOWN}\n\n{text}\n"))
    found = extract_indicators(analysis.text, analysis.figures, analysis.sections, analysis.metadata, definitions)
    assert [(cell.code, cell.text) for cell in found] == [("legal_aid_cases", "190宗")]


def test_every_column_of_the_catalogue_has_a_code_a_header_and_units():
    codes = [d.code for d in catalogue()]
    assert len(codes) == 19 == len(set(codes))
    assert all(d.column and d.units and (d.names or d.lead) for d in catalogue())
