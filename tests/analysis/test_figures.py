"""Figures (数据) as docs/domain.md defines them: what counts, its value, unit, approximation, subject, offsets."""
from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reviewer.analysis.figures import extract_figures
from reviewer.analysis.model import Figure, Section


def figures(text: str, sections: list[Section] | None = None) -> list[Figure]:
    found = extract_figures(text, sections or [])
    for figure in found:
        assert text[figure.start:figure.end] == figure.text
    return found


def only(text: str) -> Figure:
    found = figures(text)
    assert len(found) == 1, [f.text for f in found]
    return found[0]


def summary(text: str) -> list[tuple[str, float, str, bool]]:
    return [(f.text, f.value, f.unit, f.approx) for f in figures(text)]


# --- units -------------------------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("text", "written", "value", "unit"),
    [
        ("今年审核行政合同37件。", "37件", 37, "件"),
        ("组织集中学习6次。", "6次", 6, "次"),
        ("发放宣传材料2000份。", "2000份", 2000, "份"),
        ("研究解决重大问题8个。", "8个", 8, "个"),
        ("梳理上线事项共998项。", "998项", 998, "项"),
        ("受理调解案件5894宗。", "5894宗", 5894, "宗"),
        ("配备执法记录仪45部。", "45部", 45, "部"),
        ("具备摄像功能的相机22台。", "22台", 22, "台"),
        ("评查案卷36卷。", "36卷", 36, "卷"),
        ("专职工作人员3人。", "3人", 3, "人"),
        ("持证执法人员42名。", "42名", 42, "名"),
    ],
)
def test_measure_words(text: str, written: str, value: float, unit: str) -> None:
    figure = only(text)
    assert (figure.text, figure.value, figure.unit, figure.approx) == (written, value, unit, False)


@pytest.mark.parametrize(
    ("text", "unit"),
    [("开展普法活动32场次。", "场次"), ("组织培训4批次。", "批次"), ("受益群众2300人次。", "人次"),
     ("受理来信来访93件次。", "件次"), ("走访群众120户次。", "户次"), ("检查零售药店1552家次。", "家次"),
     ("提供法律服务888件/次。", "件/次")],
)
def test_compound_measure_words_are_taken_whole(text: str, unit: str) -> None:
    assert only(text).unit == unit


@pytest.mark.parametrize(
    ("text", "written", "value", "unit"),
    [
        ("申报奖补金额达39680元。", "39680元", 39680, "元"),
        ("涉及金额6287.7万元。", "6287.7万元", 6287.7, "万元"),
        ("审核金额12.6亿元。", "12.6亿元", 12.6, "亿元"),
        ("挽回损失两万元。", "两万元", 2, "万元"),
        ("挽回损失3千元。", "3千元", 3, "千元"),
    ],
)
def test_money_keeps_wan_and_yi_in_the_unit(text: str, written: str, value: float, unit: str) -> None:
    figure = only(text)
    assert (figure.text, figure.value, figure.unit) == (written, value, unit)


@pytest.mark.parametrize(
    ("text", "written", "value", "unit", "approx"),
    [
        ("群众满意度达到99.9%。", "99.9%", 99.9, "%", False),
        ("群众满意度达到９９．９％。", "９９．９％", 99.9, "%", False),
        ("差错率为0%。", "0%", 0, "%", False),
        ("较上年提高12.6个百分点。", "12.6个百分点", 12.6, "个百分点", False),
        ("占考核总分的百分之五。", "百分之五", 5, "%", False),
        ("百分之九十以上的事项实现网上办理。", "百分之九十以上", 90, "%", True),
        ("持证率达到百分之百。", "百分之百", 100, "%", False),
        ("占比达到百分之35.5。", "百分之35.5", 35.5, "%", False),
    ],
)
def test_percentages(text: str, written: str, value: float, unit: str, approx: bool) -> None:
    figure = only(text)
    assert (figure.text, figure.value, figure.unit, figure.approx) == (written, value, unit, approx)


@pytest.mark.parametrize(
    ("text", "written", "value", "unit", "approx"),
    [
        ("平均审批时间20.86天。", "20.86天", 20.86, "天", False),
        ("在30个工作日内办结。", "30个工作日", 30, "个工作日", False),
        ("压缩至5个工作日。", "5个工作日", 5, "个工作日", False),
        ("打造10分钟法律服务圈，", "10分钟", 10, "分钟", False),
        ("整改期限7个月。", "7个月", 7, "个月", False),
        ("历时240多天。", "240多天", 240, "天", True),
        ("人均培训超过40小时。", "超过40小时", 40, "小时", True),
        ("用了3个多月。", "3个多月", 3, "个月", True),
        ("预算批准后20日内公开。", "20日", 20, "日", False),
        ("连续3年被评为先进。", "3年", 3, "年", False),
        ("3年来共办理。", "3年", 3, "年", False),
        ("实施一个月以来，", "一个月", 1, "个月", False),
        ("用时两周，", "两周", 2, "周", False),
    ],
)
def test_durations(text: str, written: str, value: float, unit: str, approx: bool) -> None:
    figure = only(text)
    assert (figure.text, figure.value, figure.unit, figure.approx) == (written, value, unit, approx)


# --- approximation and multipliers -------------------------------------------------------------------

@pytest.mark.parametrize(
    ("text", "written", "value", "unit"),
    [
        ("共报送依法行政工作信息近30篇，", "近30篇", 30, "篇"),
        ("发放宣传材料20000余份、", "20000余份", 20000, "份"),
        ("受益群众2万余人次。", "2万余人次", 20000, "人次"),
        ("涉及金额约28亿元，", "约28亿元", 28, "亿元"),
        ("审核60多份政府合同，", "60多份", 60, "份"),
        ("参加人员30人左右。", "30人左右", 30, "人"),
        ("开展宣讲50次以上。", "50次以上", 50, "次"),
        ("接待群众逾千人次。", "逾千人次", 1000, "人次"),
        ("覆盖二十余家单位，", "二十余家", 20, "家"),
        ("调解成功率约为97.6%，", "约为97.6%", 97.6, "%"),
        ("为农民工讨回欠薪200多万元。", "200多万元", 200, "万元"),
        ("全市仍有近三成乡镇未配备，", "近三成", 3, "成"),
    ],
)
def test_approximation_words_are_part_of_the_figure(text: str, written: str, value: float, unit: str) -> None:
    figure = only(text)
    assert (figure.text, figure.value, figure.unit, figure.approx) == (written, value, unit, True)


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [("发放宣传资料1.2万份。", 12000, "份"), ("共办理业务19万宗，", 190000, "宗"),
     ("种植珍贵树种60余万株，", 600000, "株"), ("覆盖群众1.5亿人次。", 150_000_000, "人次"),
     ("受教育群众两万人。", 20000, "人"), ("发放宣传资料20,000份。", 20000, "份"),
     ("发放宣传资料20，000份。", 20000, "份"), ("发放宣传资料２０００份。", 2000, "份")],
)
def test_wan_and_yi_multiply_counts(text: str, value: float, unit: str) -> None:
    figure = only(text)
    assert (figure.value, figure.unit) == (value, unit)


def test_words_that_only_look_like_approximation_are_left_out() -> None:
    figure = only("最近3年办理案件")
    assert (figure.text, figure.approx) == ("3年", False)
    figure = only("节约经费约5万元。")
    assert (figure.text, figure.approx) == ("约5万元", True)
    figure = only("全年节约20万元。")
    assert (figure.text, figure.approx) == ("20万元", False)
    assert only("近3年来").text == "3年"


def test_a_comma_before_a_new_clause_is_not_a_thousands_separator() -> None:
    assert summary("受理案件16件，其中不予受理5件") == [("16件", 16, "件", False), ("5件", 5, "件", False)]


# --- Chinese numerals --------------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("text", "written", "value", "unit"),
    [
        ("召开专题会议三次。", "三次", 3, "次"),
        ("出台文件两份，", "两份", 2, "份"),
        ("组织领导干部旁听庭审一次，", "一次", 1, "次"),
        ("召开依法治镇委员会会议两次、专题会议", "两次", 2, "次"),
        ("新聘请两名执业律师担任法律顾问。", "两名", 2, "名"),
        ("设立两个镇重点工作督导组，", "两个", 2, "个"),
        ("整合组建市场监管、生态环境、文化市场、交通运输、农业农村五支综合执法队伍。", "五支", 5, "支"),
        ("参加业务轮训三期，", "三期", 3, "期"),
        ("年内完成执法人员轮训一遍。", "一遍", 1, "遍"),
        ("召开推进会不少于两次。", "两次", 2, "次"),
        ("培训十二批次", "十二批次", 12, "批次"),
    ],
)
def test_chinese_numerals_that_count(text: str, written: str, value: float, unit: str) -> None:
    figure = only(text)
    assert (figure.text, figure.value, figure.unit) == (written, value, unit)


@pytest.mark.parametrize(
    "text",
    [
        "作为一项重大政治任务抓紧抓实",
        "这是一个重要的机遇",
        "着力建设一个市级法治文化主题公园",
        "每季度开展一次党组会前学法活动",
        "无一起被复议或诉讼",
        "围绕从高从实从严从细四个维度积极部署",
        "推动落实行政执法公示等三项制度力度不够",
        "法治文化走进千家万户",
        "三番五次上门",
        "以上三项工作",
        "这两项工作",
        "覆盖数十家单位",
        "每周三坐班",
        "事项实现统一受理",
        "十九届二中、三中、四中全会",
        "三年行动计划",
        "两法衔接工作",
        "充分利用一中心一张网十联户机制",
    ],
)
def test_chinese_numerals_used_as_words_are_not_figures(text: str) -> None:
    assert figures(text) == []


# --- what is not a figure ----------------------------------------------------------------------------

@pytest.mark.parametrize(
    "text",
    [
        "2018年,我镇在市委领导下", "二〇一八年，", "龙山镇人民政府\n2018年12月7日", "12月7日召开会议",
        "于2022年3月30日前完成", "第一季度", "一季度", "截止11月份",
    ],
)
def test_years_dates_and_points_in_time(text: str) -> None:
    assert figures(text) == []


@pytest.mark.parametrize("text", ["召开第三次会议", "第一责任人", "第5次", "第 3 批", "常平镇第一届青少年法治文化周"])
def test_ordinals(text: str) -> None:
    assert figures(text) == []


@pytest.mark.parametrize("text", ["一是加强组织领导。二是", "(一)推进中心工作", "1.强化法治建设思想引领", "（1）件"])
def test_list_numbering(text: str) -> None:
    assert figures(text) == []


def test_heading_numbers_are_skipped_using_the_sections() -> None:
    text = "二、件件有回音\n今年共办理信访件二件。"
    heading = Section(level=1, num="二", title="件件有回音", start=0, end=7, body_end=len(text), style="一、")
    assert [f.text for f in figures(text, [heading])] == ["二件"]
    assert figures(text, [heading])[0].start == text.rindex("二件")


@pytest.mark.parametrize(
    "text",
    ["柯政〔2018〕9号", "(国办发〔2013〕88号)", "鄂办文[2018]9号", "《行政执法单位负责人出庭应诉规定》(天政规〔2018〕1号 )"],
)
def test_document_numbers(text: str) -> None:
    assert figures(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "以落实《湖北省法治政府建设实施方案(2016-2020)》为主线", "也是“十四五”开局之年", "十四五规划",
        "八五普法", "“八五”普法为抓手", "贯彻《法治政府建设实施纲要(2021—2025年)》",
        "制定《2021年镇政府十件民生实事项目监督工作计划》",
    ],
)
def test_plan_and_period_names(text: str) -> None:
    assert figures(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "落实三项制度", "严格执行“三统一”规定", "全力推进最多跑一次改革，", "实现“一窗受理、集成服务”",
        "增强四个意识", "做到两个维护", "严格执行“三重一大”制度", "“1+5+N”大法治工作格局",
        "扎实推进“法律六进”行动", "建立三项制度。", "坚持“因会设题、一次一法”的原则",
        "打造“15分钟公共法律服务圈”",
    ],
)
def test_fixed_slogans_with_numerals(text: str) -> None:
    assert figures(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "12345政务服务便民热线【12345(市内)、0728-4812345(市外)】", "浙ICP备05000051号", "网站标识码:4419000098",
        "粤公网安备 44190002000375号", "建议IE8,1024×768以上分辨率浏览本网站", "3-5人",
    ],
)
def test_phone_icp_and_code_numbers(text: str) -> None:
    assert figures(text) == []


@pytest.mark.parametrize("text", ["我镇47公职人员", "柯城区26部门", "中国共产党成立100周年", "3人民调解员", "12.4国家宪法日"])
def test_a_bare_number_before_a_noun_is_not_a_figure(text: str) -> None:
    assert figures(text) == []


def test_a_measure_word_before_the_noun_makes_a_figure() -> None:
    figure = only("成立由宣传部等3个部门为成员的领导小组")
    assert (figure.text, figure.value, figure.unit, figure.subject) == ("3个", 3, "个", "部门")


# --- subjects ----------------------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("text", "written", "subject"),
    [
        ("2017年度法律顾问团队共审核行政合同37件、参与论证会20余次。", "37件", "行政合同"),
        ("2017年度全区共收到行政复议案件16件,其中不予受理5件,受理11件。", "16件", "行政复议案件"),
        ("2017年度全区共收到行政复议案件16件,其中不予受理5件,受理11件。", "5件", "不予受理"),
        ("本年度共报送依法行政工作信息近30篇,截止11月份", "近30篇", "依法行政工作信息"),
        ("组织宪法、行政诉讼、行政执法等法律法规集中学习6次。", "6次", "集中学习"),
        ("成功调解5745宗,调解成功率约为97.6%,涉及金额6287.7万元。", "约为97.6%", "调解成功率"),
        ("成功调解5745宗,调解成功率约为97.6%,涉及金额6287.7万元。", "5745宗", "成功调解"),
        ("今年开展3场普法讲座。", "3场", "普法讲座"),
        ("2024年法律顾问出具法律意见书5件。", "5件", "法律意见书"),
        ("开展“宪法宣传周”“民法典宣传月”等主题普法宣传活动48场次,", "48场次", "普法宣传活动"),
        ("法律顾问共审核60多份政府合同,", "60多份", "政府合同"),
        ("通过狠抓落实今年执法证持有率达到88%,", "88%", "执法证持有率"),
        ("群众满意率较上年提高4.5个百分点。", "4.5个百分点", "群众满意率"),
        ("全县共受理调解案件1268件,同比上升29.6%,", "29.6%", "调解案件"),
        ("行政许可事项平均办理时限由5.2天压缩至2.8天。", "2.8天", "行政许可事项平均办理时限"),
        ("整治和淘汰“四无”企业(作坊)256家,", "256家", "四无企业"),
        ("培育“法律明白人”近300名。", "近300名", "法律明白人"),
    ],
)
def test_subject_is_what_is_counted(text: str, written: str, subject: str) -> None:
    by_text = {f.text: f for f in figures(text)}
    assert by_text[written].subject == subject


def test_a_noun_already_counted_by_the_previous_figure_is_not_reused() -> None:
    found = figures("今年组织了13家单位共105人参加考试。")
    assert [(f.text, f.subject) for f in found] == [("13家", "单位"), ("105人", "参加考试")]


# --- offsets -----------------------------------------------------------------------------------------

def test_offsets_point_at_the_figure_text() -> None:
    text = "一、概况\n2021年共办理业务19万宗,日均办理业务约1029宗,群众满意度达到99.9%。"
    found = figures(text)
    assert [f.text for f in found] == ["19万宗", "约1029宗", "99.9%"]
    assert [f.start for f in found] == [text.index("19万宗"), text.index("约1029宗"), text.index("99.9%")]


_FIGURE_ALPHABET = st.sampled_from(
    list("一二两三四五六七八九十百千万亿零〇0123456789０１２.．,，、。；%％+-")
    + list("件次场人名份个项条家年月日天元余多近约超过以上左右第号共其中率是《》“”()〔〕")
    + ["人次", "场次", "个工作日", "万元", "亿元", "个百分点", "百分之", "行政复议", "案件", "调解"]
)


@settings(max_examples=300, deadline=None)
@given(st.lists(_FIGURE_ALPHABET, min_size=1, max_size=60).map("".join))
def test_every_figure_is_a_well_formed_span_in_order(text: str) -> None:
    found = figures(text)
    ends = [0]
    for figure in found:
        assert 0 <= figure.start < figure.end <= len(text)
        assert figure.start >= ends[-1]
        assert figure.value >= 0
        assert figure.unit
        ends.append(figure.end)
