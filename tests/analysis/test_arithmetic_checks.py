"""Totals against their parts and rates against their counts (sum_mismatch, rate_mismatch)."""
from __future__ import annotations

import pytest

from reviewer.analysis.checks.arithmetic import check_arithmetic
from reviewer.analysis.figures import extract_figures
from reviewer.analysis.model import Finding


def check(text: str) -> list[Finding]:
    findings = check_arithmetic(text, extract_figures(text, []))
    for finding in findings:
        assert finding.severity == "warning"
        assert 0 <= finding.start < finding.end <= len(text)
    return findings


# --- sums --------------------------------------------------------------------------------------------

def test_parts_that_add_up_give_no_finding() -> None:
    assert check("2017年度全区共收到行政复议案件16件,其中不予受理5件,受理11件。") == []


def test_a_total_and_its_complementary_parts_that_do_not_add_up() -> None:
    text = "2017年度全区共收到行政复议案件16件,其中不予受理5件,受理10件。"
    [finding] = check(text)
    assert finding.code == "sum_mismatch"
    assert finding.detail["total"] == 16
    assert finding.detail["parts"] == [5, 10]
    assert finding.detail["sum"] == 15
    assert finding.detail["unit"] == "件"
    assert "16件" in finding.message and "5+10=15件" in finding.message
    assert text[finding.start:finding.end] == "16件,其中不予受理5件,受理10件"


def test_parts_greater_than_the_total_are_always_wrong() -> None:
    [finding] = check("全年共收到行政复议申请52件,其中受理45件、不予受理5件、申请人撤回3件。")
    assert (finding.code, finding.detail["sum"], finding.detail["total"]) == ("sum_mismatch", 53, 52)


def test_an_enumeration_summing_above_the_total() -> None:
    [finding] = check("调处矛盾纠纷100件,其中婚姻家庭纠纷74件、邻里纠纷30件。")
    assert finding.detail["sum"] == 104


def test_a_single_part_above_the_total() -> None:
    [finding] = check("出台规范性文件6件,其中涉及民生的8件。")
    assert finding.detail["parts"] == [8]


def test_a_listing_of_some_categories_may_sum_to_less() -> None:
    assert check("共报送工作信息30篇,已被省级录用4篇、宁波录用8篇,其中征稿1篇。") == []
    assert check("共受理案件20件,其中行政复议5件,行政诉讼10件。") == []


def test_a_listing_ending_with_the_rest_is_exhaustive() -> None:
    [finding] = check("共受理案件20件,其中行政复议5件,行政诉讼10件,其余4件。")
    assert finding.detail["sum"] == 19


def test_done_and_not_done_are_exhaustive() -> None:
    [finding] = check("共受理信访事项30件,其中已办结25件,未办结4件。")
    assert finding.detail["sum"] == 29


def test_a_subset_that_adds_up_explains_an_extra_sub_category() -> None:
    text = "我镇调处矛盾纠纷289件，其中口头调解188件，书面调解101件，达成司法确认16件。"
    assert check(text) == []


def test_nested_stages_are_not_parts() -> None:
    assert check("共收到申请50件,其中受理45件,已审结40件。") == []


def test_parts_end_at_the_sentence_or_semicolon() -> None:
    text = "调处矛盾纠纷286件,其中婚姻家庭纠纷74件、邻里纠纷103件、土地山林纠纷58件、其他纠纷51件;调解成功281件。"
    assert check(text) == []


def test_parts_of_another_unit_are_ignored() -> None:
    assert check("共收到来访1307件(2904人次),其中集体访12件、涉及群众600人次。") == []


def test_a_bracketed_figure_between_total_and_parts_is_skipped() -> None:
    [finding] = check("共收到来访1307件(2904人次),其中集体访1200件、个人访200件。")
    assert finding.detail["total"] == 1307


def test_approximate_figures_are_not_summed() -> None:
    assert check("共报送信息近30篇,其中录用4篇、未录用20篇。") == []


def test_a_stated_total_after_an_enumeration() -> None:
    [finding] = check("口头调解188件、书面调解101件,合计290件。")
    assert (finding.code, finding.detail["total"], finding.detail["sum"]) == ("sum_mismatch", 290, 289)
    assert check("口头调解188件、书面调解101件,合计289件。") == []


def test_a_cumulative_total_is_not_a_sum_of_the_listing() -> None:
    assert check("今年受理30件、办结28件,累计办结158件。") == []


# --- rates -------------------------------------------------------------------------------------------

def test_a_rate_that_disagrees_with_its_counts() -> None:
    text = "2021年我镇各调解组织共受理调解案件5894宗，同比上升29.6%，成功调解5745宗，调解成功率约为97.6%，涉及金额6287.7万元。"
    [finding] = check(text)
    assert finding.code == "rate_mismatch"
    assert finding.detail["stated"] == 97.6
    assert finding.detail["computed"] == 97.47
    assert (finding.detail["numerator"], finding.detail["denominator"]) == (5745, 5894)
    assert finding.detail["rate"] == "调解成功率"
    assert "97.6%" in finding.message and "97.47%" in finding.message
    assert text[finding.start:finding.end].startswith("5894宗") and text[finding.start:finding.end].endswith("97.6%")


def test_a_rate_within_its_rounding_gives_no_finding() -> None:
    assert check("共排查矛盾纠纷135件,调解成功131件,调解成功率97.0%。") == []
    assert check("调处矛盾纠纷286件;调解成功281件,调解成功率98.3%。") == []
    assert check("行政诉讼案件87件,行政机关负责人出庭应诉74件次,出庭应诉率85.1%。") == []
    assert check("行政诉讼案件3件,镇长出庭应诉3件,行政机关负责人出庭应诉率100%。") == []


def test_tolerance_follows_the_stated_precision() -> None:
    assert check("在编执法人员120人,持证110人,持证率92%。") == []
    [finding] = check("在编执法人员120人,持证110人,持证率92.5%。")
    assert finding.detail["tolerance"] == 0.05
    assert finding.detail["computed"] == 91.67


def test_an_approximate_rate_gets_a_wider_tolerance() -> None:
    assert check("受理信访事项300件,办结291件,办结率约为97.1%。") == []
    assert len(check("受理信访事项300件,办结291件,办结率为97.1%。")) == 1


@pytest.mark.parametrize(
    "text",
    [
        "全县共受理调解案件1268件,调解成功1197件,调解成功率达96.8%。",
        "全年受理信访件300件,办结280件,按期办结率为96.7%。",
        "全市结案120件,受理行政案件200件,结案率为70%。",
    ],
)
def test_other_rates_with_their_counts(text: str) -> None:
    [finding] = check(text)
    assert finding.code == "rate_mismatch"


@pytest.mark.parametrize(
    "text",
    [
        "2021年法律顾问共审查政府规范性文件8份,党内规范性文件5份,审查报备率达100%。",
        "全县持证执法人员42名,持证率100%。",
        "全市一审行政诉讼案件1024件,行政机关负责人出庭应诉率达96.3%。",
        "已审结的案件中,维持29件,确认违法2件,撤销4件,终止10件,直接纠错率13.3%。",
        "各乡镇共配备执法记录仪45部、相机22台,配备比例约17%。",
        "受理调解案件5894宗。成功调解5745宗。调解成功率约为97.6%。",
    ],
)
def test_rates_without_a_clear_numerator_and_denominator_are_left_alone(text: str) -> None:
    assert check(text) == []


# --- varied prose ----------------------------------------------------------------------------------------

REVIEW_DECISIONS = "受理行政复议案件35件，其中维持{}件、撤销3件、确认违法1件、驳回申请2件、终止1件。"


def test_review_decisions_that_add_up_to_the_cases() -> None:
    assert check(REVIEW_DECISIONS.format(28)) == []


def test_review_decisions_that_do_not_add_up_to_the_cases() -> None:
    [finding] = check(REVIEW_DECISIONS.format(29))
    assert (finding.code, finding.detail["total"], finding.detail["sum"]) == ("sum_mismatch", 35, 36)
    assert finding.detail["subject"] == "行政复议案件"


@pytest.mark.parametrize(
    "text",
    [
        "全省审结10,215件（含上年结转），其中维持6,873件、撤销521件、确认违法318件、责令履行46件、驳回申请1,402件、终止1,055件。",
        "２０２２年，审结９件，其中维持７件、撤销１件、驳回１件。",
        "全年受理群众来信来访1,024件次，其中来信386件次、来访638件次。",
        "全年12345热线共接收诉求42.6万件，同比增长23.4%，其中咨询类28.1万件、求助类6.7万件、投诉类5.9万件、建议类1.9万件。",
        "今年收到复议申请：市本级126件、县（市、区）级318件，合计444件。",
    ],
)
def test_totals_that_add_up_in_varied_prose(text: str) -> None:
    assert check(text) == []


def test_a_change_between_the_total_and_its_parts_is_read_past() -> None:
    assert check("共收到申请52件，同比增加8件，其中受理45件、不予受理7件。") == []
    [finding] = check("共收到申请52件，同比增加8件，其中受理45件、不予受理6件。")
    assert (finding.detail["total"], finding.detail["sum"]) == (52, 51)


def test_a_change_is_not_a_part() -> None:
    assert check("共办理案件120件，其中行政复议45件，同比增加10件，行政诉讼75件。") == []


def test_percentages_are_not_totals() -> None:
    assert check("案件数量增长12%，其中行政复议增长15%、行政诉讼增长8%。") == []


def test_money_in_different_units_is_summed_in_the_totals_unit() -> None:
    assert check("全年罚没收入合计1.23亿元，其中罚款收入9,860万元、没收违法所得2,440万元。") == []
    assert check("全年罚没收入合计1.2亿元，其中罚款收入9,860万元、没收违法所得2,440万元。") == []  # rounded total
    [finding] = check("全年罚没收入合计1.1亿元，其中罚款收入9,860万元、没收违法所得2,440万元。")
    assert finding.detail["sum"] == pytest.approx(1.23)
    assert "9,860万元+2,440万元" in finding.message


RATE_OF_CONCLUDED = "全年共受理行政复议案件200件，依法办结197件，办结率{}%。"


def test_a_rate_that_agrees_with_its_counts() -> None:
    assert check(RATE_OF_CONCLUDED.format("98.5")) == []


def test_a_rate_that_disagrees_with_its_counts_in_varied_prose() -> None:
    [finding] = check(RATE_OF_CONCLUDED.format("96"))
    assert finding.code == "rate_mismatch"
    assert (finding.detail["numerator"], finding.detail["denominator"], finding.detail["computed"]) == (197, 200, 98.5)


@pytest.mark.parametrize(
    "text",
    [
        "行政复议直接纠错率为8.7%，审结120件，维持100件，纠错10件，同比下降2.1%。",
        "受理行政复议案件58件，上年同期46件，同比增长率为26.1%。",
        "全县受理行政复议案件58件，较上年的46件增长26.1%，办结52件，办结率89.7%。",
        "简易程序案件2,104件，一般程序案件1,414件，简易程序占比59.8%。",
        "培训执法人员1200余人次，考试合格1100人次，考试合格率为97.5%。",
    ],
)
def test_changes_shares_and_approximate_counts_are_not_rates_of_two_counts(text: str) -> None:
    assert check(text) == []


def test_a_rate_is_matched_on_what_it_measures_not_on_its_domain() -> None:
    assert check("收到申请65件，受理行政复议案件58件，行政复议纠错率10.3%。") == []


def test_a_court_appearance_rate_is_taken_against_the_cases_heard_in_court() -> None:
    assert check("一审行政诉讼案件46件，审结41件，行政机关负责人出庭应诉32件次，出庭应诉率达100%。") == []
    assert check("全县应出庭案件20件，负责人出庭18件，出庭率90%。") == []
    [finding] = check("全县应出庭案件20件，负责人出庭17件，出庭率90%。")
    assert (finding.detail["numerator"], finding.detail["denominator"]) == (17, 20)


def test_the_base_of_a_rate_may_name_it_with_ying() -> None:
    assert check("应参考人数120人，实际参考118人，参考率98.3%。") == []
    [finding] = check("应参考人数120人，实际参考110人，参考率98.3%。")
    assert finding.detail["computed"] == 91.67


def test_a_respective_change_is_not_a_count() -> None:
    assert check("公职律师1,236名、公司律师218名，分别比上年增加186名和42名，公司律师占比15%。") == []


def test_findings_on_varied_prose_that_are_real() -> None:
    [rate] = check("12345热线全年受理群众诉求工单9.8万件，办结9.5万件，办结率98.9%。")
    assert (rate.detail["numerator"], rate.detail["denominator"], rate.detail["computed"]) == (95000, 98000, 96.94)
    [total] = check("全年共开展行政执法检查1,260次，其中市场监管520次、生态环境310次、交通运输280次、农业农村160次。")
    assert (total.detail["total"], total.detail["sum"]) == (1260, 1270)


def test_qizhong_opening_the_next_sentence_refers_to_the_total_ending_the_one_before() -> None:
    assert check("全年共办理行政复议案件35件。其中，维持28件、撤销3件、确认违法1件、驳回申请2件、终止1件。") == []
    [finding] = check("全年共办理行政复议案件35件。其中，维持29件、撤销3件、确认违法1件、驳回申请2件、终止1件。")
    assert (finding.detail["total"], finding.detail["sum"]) == (35, 36)
    assert check("全年召开会议12次。其中，开展培训5场。") == []


def test_qizhong_in_brackets_ends_its_parts_at_the_bracket() -> None:
    assert check("各类案件共计1,260件（其中行政复议案件860件，行政诉讼案件400件），办结1,200件。") == []
    [finding] = check("各类案件共计1,260件（其中行政复议案件860件、行政诉讼案件500件），办结1,200件。")
    assert finding.detail["parts"] == [860, 500]


# --- sums written differently ------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "total", "parts_sum"), [
    ("全年共调处矛盾纠纷58件。其中，婚姻家庭纠纷49件,邻里纠纷7件。", 58, 56),
    ("全年共调处矛盾纠纷58件。其中，婚姻家庭纠纷49件,邻里纠纷17件。", 58, 66),
    ("受理12345热线工单2140件，其中咨询类705件、求助类921件、投诉类498件。", 2140, 2124),
    ("受理12345热线工单2140件，其中咨询类705件，求助类921件，投诉类498件。", 2140, 2124),
    ("共办理法律援助案件30件，其中民事案件20件、刑事案件8件及行政案件5件。", 30, 33),
    ("市直单位培训520人、县区单位培训810人，参训人员合计1,340人。", 1340, 1330),
    ("培训执法人员：市直单位520人、县区单位810人，合计1,340人。", 1340, 1330),
    ("全年开展普法活动120场，其中线上活动60场，线下活动57场。", 120, 117),
    ("全市共设立公共法律服务站点365个，其中县级站点12个、乡镇站点150个和村级站点196个。", 365, 358),
])
def test_sums_written_in_more_shapes_that_do_not_add_up(text: str, total: float, parts_sum: float) -> None:
    [finding] = check(text)
    assert (finding.code, finding.detail["total"], finding.detail["sum"]) == ("sum_mismatch", total, parts_sum)


@pytest.mark.parametrize("text", [
    "全年共调处矛盾纠纷58件。其中，婚姻家庭纠纷49件,邻里纠纷9件。",
    "受理12345热线工单2140件，其中咨询类705件、求助类921件、投诉类514件。",
    "共办理法律援助案件30件，其中民事案件20件、刑事案件8件及行政案件2件。",
    "培训执法人员：市直单位520人、县区单位820人，合计1,340人。",
    "共调处矛盾纠纷58件，其中主要有婚姻家庭纠纷20件、邻里纠纷17件。",
    "共调处矛盾纠纷580件，其中包括婚姻家庭纠纷300件、邻里纠纷270件。",
    "全年共办理法律援助案件506件，其中民事案件300件，刑事案件190件等。",
    "共有执法人员235人，其中持证执法人员226人，法制审核人员6人。",
    "共有执法人员235人，其中持证执法人员226人、法制审核人员6人。",
    "共办理行政诉讼案件40件，其中一审案件30件，二审案件9件。",
    "全年共审查规范性文件58件，其中提出修改意见49件，不予通过7件。",
    "全区共有人民调解组织186个，其中村（社区）调解委员会160个，行业性专业性调解组织20个。",
    "共收到申请500件,其中受理450件,已审结440件。",
])
def test_listings_of_some_parts_and_parts_that_add_up_are_no_wrong_sums(text: str) -> None:
    assert check(text) == []


def test_a_rate_whose_counts_stand_in_the_previous_sentence() -> None:
    [finding] = check("全年受理调解案件200件。成功调解180件，调解成功率95%。")
    assert (finding.code, finding.detail["numerator"], finding.detail["denominator"]) == ("rate_mismatch", 180, 200)
    assert check("全年受理调解案件200件。成功调解190件，调解成功率95%。") == []
    assert check("全年受理调解案件200件。本年度调解成功率95%。") == []
