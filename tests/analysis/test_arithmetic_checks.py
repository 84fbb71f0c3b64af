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
