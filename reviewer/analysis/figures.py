"""Figures (数据): quantities a report states about the work, as defined in docs/domain.md.

A figure is a number followed by a unit — a measure word (件 次 场次 人次 …), money (元 万元 亿元), a
percentage (% 个百分点, 百分之X) or a duration (天 个工作日 小时 个月 …) — with any approximation word
(约 近 超过 逾 上 before it; 余 多 inside it; 以上 左右 after it) inside the figure's text. A space between
Arabic digits and the unit, as PDF extraction leaves it (``46 个``), is part of the figure. In ``下降1.2个和
0.8个百分点`` the first figure's unit is 个百分点.

What is not a figure, and the rule that keeps it out:
- years, dates, points in time: ``2018年`` (a number ≥ 1000 before 年), ``12月7日`` (日 only as a duration,
  before 内/以内/之内), ``3月`` (月 only in 个月), ``第一季度`` (季度 only in 个季度);
- ordinals and ranks: any number after 第, and 前 + 名/位 (``全市前三名``);
- heading numbers: the numbering of every section passed in (``一、`` ``(一)`` ``1.``); ``一是`` has no unit;
- document numbers, phone and ICP numbers: numbers right after a bracket, next to ``-`` ``+`` ``/`` ``:`` or
  Latin letters, or of nine digits and more;
- names: anything inside 《…》 or a short “…”, and the shipped list of numeral slogans
  (``resources/dict/numeral_slogans.txt``: 最多跑一次, 三项制度, 两个维护 …);
- a bare number before a noun (``47公职人员``): a measure word must follow, and one that begins a
  longer word does not count (``26部门`` 部门, ``3人民`` 人民, ``100周年`` 周年);
- Chinese numerals used as words rather than counts:
  * ``一`` + measure word is a figure only at the end of a clause (``旁听庭审一次。``) or as a
    duration followed by 内/以内/来/以来/后 (``一个月以来``) — ``一项重大政治任务``, ``一个重要`` are not;
  * other Chinese numerals are figures at the end of a clause (``召开专题会议三次``), with an
    approximation word (``十余个部门``), after a counting verb (``设立两个督导组``, ``共``), after an enumeration with
    ``、`` in the same clause (``A、B、C五支队伍``), or with any measure word but 个/项 (``五支``); so
    ``四个维度``, ``三项制度`` without such a cue are not;
  * a numeral after a word it belongs to (统一, 唯一, 这两, 数十, 每周三) or inside an idiom of
    alternating numerals (千家万户, 三番五次, 成千上万) is not a figure;
  * a round 百/千/万/亿 without a digit is a figure only with an approximation word (``上百份``, ``近千人``,
    ``万余人``); ``百名律师进千村``, ``百人宣讲团`` are names; after 数/几 (``数千余人``) it has no value;
- ``年`` after a number < 1000 is a duration only after 连续/近/历时 … or before 来/以来/内/间/多/的 or the
  end of a clause (``连续3年``, ``3年来``), not in names like ``三年行动计划``; ``一年`` only after 为期/历时/
  用时/长达 or before 内 (``一年来``, ``过去一年`` are the report's year).

Subjects (``subject.py``) are read next to each figure; a figure also takes the subject of the one before it
when it states how much that one changed (``由120个工作日压减至60个工作日，压缩50%``) or, as a percentage
after a count, its share (``简易程序案件2,104件，占比59.8%`` → 简易程序案件占比).

Values: ``万``/``亿``/``千`` multiply the value (``2万余人次`` → 20000 人次, ``1.2万份`` → 12000 份) except in
money, where they stay in the unit (``6287.7万元`` → 6287.7 万元). ``百分之X`` has unit ``%``.
"""
from __future__ import annotations

import re
from collections.abc import Iterable
from decimal import Decimal

from reviewer.analysis import subject as subject_finder
from reviewer.analysis.model import Figure, Section
from reviewer.analysis.numerals import CHINESE_NUMERAL_CHARS, MULTIPLIERS, arabic_to_decimal, chinese_to_decimal
from reviewer.paths import resource_path

SLOGANS_FILE = ("dict", "numeral_slogans.txt")

COUNT_UNITS: tuple[str, ...] = (
    "场次", "批次", "人次", "件次", "户次", "家次", "车次", "架次", "班次", "期次", "项次", "起次", "条次",
    "轮次", "册次", "课时", "学时", "平方公里", "平方米", "立方米", "公顷", "公里", "公斤", "千克",
    "件/次", "人/次",
    "件", "次", "场", "人", "名", "位", "份", "个", "项", "条", "家", "宗", "篇", "部", "台", "期", "批",
    "户", "所", "起", "张", "处", "座", "辆", "艘", "架", "套", "本", "册", "幅", "块", "支", "队", "组",
    "轮", "遍", "趟", "例", "笔", "单", "间", "栋", "株", "棵", "亩", "吨", "米", "类", "种", "堂", "节",
    "门", "封", "卷", "盒", "袋", "箱", "瓶", "盏", "面", "枚", "颗", "首", "集", "道", "通", "章", "届次",
)
"""Measure words, compound ones first so that they are taken whole (32场次 → 场次)."""

TIME_UNITS: tuple[str, ...] = (
    "个工作日", "工作日", "个多小时", "个小时", "小时", "分钟", "秒钟", "个多月", "个月", "个季度",
    "个星期", "星期", "周", "天", "日", "年", "秒",
)
MONEY_UNITS: tuple[str, ...] = ("美元", "元")
PER_UNIT_MONEY: tuple[str, ...] = ("元/件", "元/人", "元/次", "元/户", "元/人次", "元/年", "元/月", "元/天", "元/小时")
"""Money per something (``3,000元/件``): money, with 万 kept in the unit, but never summed with amounts."""
PERCENT_UNITS: tuple[str, ...] = ("个百分点", "百分点", "%", "％", "‰")
OTHER_UNITS: tuple[str, ...] = ("倍", "成", "分")

_ALL_UNITS = sorted(
    {*COUNT_UNITS, *TIME_UNITS, *MONEY_UNITS, *PER_UNIT_MONEY, *PERCENT_UNITS, *OTHER_UNITS}, key=len, reverse=True
)
_UNIT_SPELLING = {"％": "%", "个多月": "个月", "个多小时": "个小时"}

APPROX_BEFORE = ("大约", "约为", "约有", "约达", "约", "将近", "接近", "近", "超过", "逾", "超", "上")
APPROX_INSIDE = ("余", "多")
APPROX_AFTER = ("以上", "左右")

_NOT_A_WORD_AFTER: dict[str, str] = {
    "人": "民员大口才身事格权力群工文性生士物选为们类心家", "部": "门署分队长委位件属",
    "家": "庭属长乡园风族", "所": "有在属以得长谓需述", "场": "所地景合馆面域", "台": "账阶湾风上",
    "期": "间限刊待望货末中初满", "户": "籍口外型主", "名": "单称义额誉牌片录次", "位": "置于居列",
    "条": "例款件线文理约目幅", "件": "事", "次": "数序要日年月性", "项": "目", "起": "草诉来步点始码到",
    "张": "贴", "批": "准复示评", "宗": "旨教", "篇": "章幅", "份": "额子", "处": "理置罚室长分级于在境事",
    "个": "人体性别案", "元": "旦素首月宵", "天": "然下气津", "周": "年岁边末围期知转一二三四五六日",
    "分": "之别局钟类析配解管工享队布散批级流数", "类": "型似别推", "种": "类植子养地", "轮": "流候换值",
    "组": "织成建长团合", "队": "伍员长", "座": "谈位右", "架": "构设", "支": "持出付援撑部",
    "遍": "及布地", "例": "如外会行", "笔": "录试记者", "间": "隔接距断歇", "本": "级地身部次着土单人年月届市县镇区科职质领来金网",
    "册": "子", "幅": "度员", "套": "餐用", "门": "户口诊槛类", "面": "积向对貌临上前广板料试谈",
    "单": "位独元", "节": "日点约目", "封": "建闭存面装锁", "卷": "宗面入", "成": "员为立效果功本绩熟长都型份就交品年人分",
    "年": "度级底初末终龄纪代轻报鉴会份", "米": "粮", "首": "先要次都府长位届", "道": "路德理", "集": "中体团合成",
    "倍": "增", "枚": "举", "颗": "粒", "通": "过知报讯信道用行告话畅关达俗常航车办则", "章": "程节法则句",
}
"""Characters that turn a measure word into the start of a noun (部门, 人民, 条例 …)."""

_CLAUSE_END = frozenset("，,。；;：:、！？!?）)”」\n\r")
_CLAUSE_BREAK = frozenset("，,。；;：:！？!?\n\r")
_DURATION_FOLLOWERS = ("以来", "来", "以内", "之内", "内", "期间", "间", "时间", "后", "多", "以上", "左右", "的", "半")
_YEAR_SPAN_CUES = ("为期", "历时", "用时", "长达")
"""Before 一年 when it is a span of time and not the report's year (一年来, 过去一年)."""
_DURATION_CUES = ("连续", "历时", "用时", "用了", "长达", "经过", "已满", "满", "近", "逾", "超过", "累计", "达")
_CN_BLOCKED_BEFORE = frozenset("第之统唯周初每逐单专同这那哪某任其另数几上成星拜期不")
_CN_COUNTING_CUES = (
    "共 共计 合计 总计 累计 计 达 达到 为 有 共有 仅 新增 增加 减少 新建 建成 建立 成立 设立 设置 组建 召开 举办 举行 "
    "开展 组织 出台 制定 制发 印发 发放 发布 受理 办理 审核 审查 审议 查处 处理 接待 调解 化解 完成 参加 参与 签订 配备 "
    "聘请 选聘 新聘 新聘请 报送 录用 清理 废止 修订 修改 培训 编印 讲授 开设 走访 检查 抽查 督查 宣讲 作出 办结 提出 提供 "
    "发现 整改 收到 收集 经过 历时 开通 培育 创建 评选 获得 荣获 举报 投诉"
).split()

_ARABIC = r"(?:[0-9０-９]{1,3}(?:[,，][0-9０-９]{3})+(?![0-9０-９])|[0-9０-９]+)(?:[.．][0-9０-９]+)?"
_CHINESE = f"[{CHINESE_NUMERAL_CHARS}]+(?:点[〇零一二三四五六七八九]+)?"


_NOT_INSIDE_ARABIC = "(?<![0-9０-９])(?<![0-9０-９][,，.．])"
_NOT_INSIDE_CHINESE = f"(?<![{CHINESE_NUMERAL_CHARS}])"
"""A number never starts inside another one: the tail of a longer number is no figure of its own, and
trying every start inside a long run of digits would make the search quadratic."""


def _alternatives(words: Iterable[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


_FIRST_CHARS = "".join(sorted({w[0] for w in APPROX_BEFORE} | set("百0123456789０１２３４５６７８９" + CHINESE_NUMERAL_CHARS)))

FIGURE_RE = re.compile(
    f"(?=[{re.escape(_FIRST_CHARS)}])"  # fails fast where no figure can start
    f"(?P<pre>{_alternatives(APPROX_BEFORE)})?"
    "(?:"
    f"百分之(?P<pnum>{_ARABIC}|{_CHINESE})"
    "|"
    f"(?P<num>{_NOT_INSIDE_ARABIC}{_ARABIC}|{_NOT_INSIDE_CHINESE}{_CHINESE})"
    "(?P<space>[ \u00a0\u2009])?"
    f"(?P<a1>{_alternatives(APPROX_INSIDE)})?"
    f"(?P<mult>{_alternatives(MULTIPLIERS)})?"
    f"(?P<a2>{_alternatives(APPROX_INSIDE)})?"
    f"(?P<unit>{_alternatives(_ALL_UNITS)})"
    ")"
    f"(?P<post>{_alternatives(APPROX_AFTER)})?"
)
"""A number with its unit and approximation words; the rules in the module docstring then filter."""

_NAME_SPANS = re.compile(
    r"《[^《》\n]{1,80}》|《[^》\n]{1,80}》|“[^“”\n]{1,20}”|\"[^\"\n]{1,20}\"|‘[^‘’\n]{1,20}’|「[^「」\n]{1,20}」|『[^『』\n]{1,20}』"
)
_CN_COUNTING_CUE_RE = re.compile(f"(?:{_alternatives(_CN_COUNTING_CUES)})[了过]?$")
_DURATION_CUE_RE = re.compile(f"(?:{_alternatives(_DURATION_CUES)})$")
_CN_CHARS = frozenset(CHINESE_NUMERAL_CHARS)
_POINTS_LATER = re.compile(f"(?:和|与|及|、|或|至|到|-|—|－|~|～)(?:{_ARABIC})个百分点")
_ROUND_NUMBERS = {"百": 100, "千": 1000, "万": 10_000, "亿": 100_000_000, "百万": 1_000_000, "千万": 10_000_000}
"""Numerals without a digit: 上百份, 近千人, 万余人 — figures only with an approximation word."""
_PEOPLE_UNITS = frozenset({"人", "人次", "名", "位"})
_SLOGAN_RE: re.Pattern[str] | None = None


def extract_figures(text: str, sections: list[Section]) -> list[Figure]:
    """Every figure in ``text``, in order, with ``text[start:end] == figure.text``."""
    blocked = _blocked_positions(text, sections)
    figures: list[Figure] = []
    for match in FIGURE_RE.finditer(text):
        figure = _read_figure(text, match, blocked)
        if figure is not None:
            figures.append(figure)
    _attach_subjects(text, figures)
    return figures


def _blocked_positions(text: str, sections: list[Section]) -> bytearray:
    """1 at every offset where a number cannot start a figure: names, slogans, heading numbers."""
    blocked = bytearray(len(text) + 1)
    for pattern in (_NAME_SPANS, _slogan_re()):
        for match in pattern.finditer(text):
            blocked[match.start():match.end()] = b"\x01" * (match.end() - match.start())
    for section in sections:
        found = text.find(section.num, section.start, section.start + len(section.num) + 4)
        if found >= 0:
            end = found + len(section.num) + 1
            blocked[section.start:end] = b"\x01" * (end - section.start)
    return blocked


def _slogan_re() -> re.Pattern[str]:
    global _SLOGAN_RE
    if _SLOGAN_RE is None:
        lines = resource_path(*SLOGANS_FILE).read_text(encoding="utf-8").splitlines()
        slogans = [line.strip() for line in lines if line.strip() and not line.startswith("#")]
        _SLOGAN_RE = re.compile(_alternatives(slogans))
    return _SLOGAN_RE


def _read_figure(text: str, match: re.Match[str], blocked: bytearray) -> Figure | None:
    number = match.group("pnum") or match.group("num")
    number_start = match.start("pnum") if match.group("pnum") else match.start("num")
    if blocked[number_start]:
        return None
    chinese = number[0] in _CN_CHARS
    start = match.start()
    pre = match.group("pre") or ""
    if pre and not _is_approximation_prefix(text, match, pre, number):
        start, pre = match.end("pre"), ""
    if match.group("pnum"):
        return _percent_in_words(text, match, number, start, pre)

    raw_unit = match.group("unit")
    unit = _UNIT_SPELLING.get(raw_unit, raw_unit)
    end = match.end("unit")
    if match.group("space") and chinese:
        return None
    if raw_unit == "个" and _POINTS_LATER.match(text, end):
        unit = "个百分点"  # 分别下降1.2个和0.8个百分点
    after = text[end:end + 2]
    if len(raw_unit) == 1 and after[:1] and after[0] in _NOT_A_WORD_AFTER.get(raw_unit, ""):
        return None
    approx_inside = bool(match.group("a1") or match.group("a2"))
    loose = bool(pre) or (number in _ROUND_NUMBERS and approx_inside)  # 线上千余人: 千余 is a figure after 上
    if not _number_stands_alone(text, number_start, match.end("num"), chinese, loose):
        return None
    if text[number_start - 1:number_start] == "前" and unit in _PEOPLE_UNITS:
        return None  # 排名前三名: a rank
    if number in _ROUND_NUMBERS and not (pre or approx_inside or match.group("post")):
        return None  # 百名律师进千村: a round number without 余/多/近 names a campaign
    value = _chinese_value(number) if chinese else arabic_to_decimal(number)
    if value is None:
        return None
    if chinese and not _chinese_numeral_counts(text, match, number, start, pre, unit):
        return None
    if not _time_unit_fits(text, match, value, unit, pre):
        return None

    mult = match.group("mult") or ""
    if unit in MONEY_UNITS or unit in PER_UNIT_MONEY:
        value, mult = _money_value(number, value, mult, chinese)
        unit = mult + unit
    elif mult:
        value *= MULTIPLIERS[mult]
    post = match.group("post") or ""
    if pre == "近" and unit in TIME_UNITS and text.startswith(("来", "以来"), end):
        start, pre = number_start, ""  # 近3年来: the last three years, not about three
    end += len(post)
    approx = bool(pre or match.group("a1") or match.group("a2") or post or raw_unit.startswith("个多"))
    return Figure(text=text[start:end], value=float(value), unit=unit, approx=approx, subject=None, start=start, end=end)


def _is_approximation_prefix(text: str, match: re.Match[str], pre: str, number: str) -> bool:
    start = match.start()
    before = text[start - 1] if start else " "
    if pre == "上":  # 上百份; not 成千上万, 以上三项, 线上千余人
        return (number in _ROUND_NUMBERS and before not in "成以之至向百千线网会路马"
                and not (match.group("a1") or match.group("a2")))
    if pre == "近" and before in "最附将接临靠亲":
        return False
    if pre.startswith("约") and before in "节制签违合履预公条契特简相婚邀践失毁缔续解":
        return False
    if pre == "超" and before in "赶高":
        return False
    return True


def _percent_in_words(text: str, match: re.Match[str], number: str, start: int, pre: str) -> Figure | None:
    value = chinese_to_decimal(number) if number[0] in _CN_CHARS else arabic_to_decimal(number)
    if value is None:
        return None
    post = match.group("post") or ""
    end = match.end()
    return Figure(text=text[start:end], value=float(value), unit="%", approx=bool(pre or post),
                  subject=None, start=start, end=end)


def _number_stands_alone(text: str, start: int, end: int, chinese: bool, loose: bool) -> bool:
    """False for numbers glued to something that makes them a code, an ordinal or part of a word."""
    before = text[start - 1] if start else " "
    before2 = text[start - 2] if start > 1 else " "
    if before == "第" or (before in " \u3000" and before2 == "第"):
        return False
    if before in "〔〕[]［］﹝﹞【】+＋/／×*:：#№" or text[end:end + 1] in ("+", "＋", "/", "-", "－", "×"):
        return False
    if before.isascii() and before.isalpha():
        return False
    if before.isdigit() or (before in ",，.．-－~～—至到" and (before2.isdigit() or chinese and before2 in _CN_CHARS)):
        return False  # the tail of a longer number, a range (8至10人, 三到五个) or a phone number
    if chinese:
        if before in "数几":
            return False  # 数千余人: no value
        if before in _CN_BLOCKED_BEFORE and not loose and not text.endswith("为期", 0, start):
            return False
        if before2 in _CN_CHARS and before2 not in "十百千万亿":
            return False  # 三番五次
        if len(text[start:end]) > 1 and all(ch in "〇零一二两三四五六七八九" for ch in text[start:end]):
            return False  # 三四次, 二〇一八年
        return True
    digits = sum(ch.isdigit() for ch in text[start:end].split(".")[0].split("．")[0])
    return digits < 9


def _chinese_numeral_counts(text: str, match: re.Match[str], number: str, start: int, pre: str, unit: str) -> bool:
    """Whether a Chinese numeral with a measure word counts something (see the module docstring)."""
    after_unit = match.end("unit")
    end = match.end()
    next_char = text[end:end + 1]
    at_clause_end = next_char == "" or next_char in _CLAUSE_END
    duration_then = unit in TIME_UNITS and text.startswith(("以来", "来", "以内", "之内", "内", "后", "间"), after_unit)
    following = text[after_unit:after_unit + 2]
    if any(ch in _CN_CHARS for ch in following) and not at_clause_end:
        return False  # 千家万户, 一中心一张网
    if number == "一" and unit == "年":
        return text.startswith(("内", "以内", "之内"), after_unit) or text.endswith(_YEAR_SPAN_CUES, 0, start)
    if number == "一":
        return at_clause_end or duration_then
    if at_clause_end or duration_then or pre or match.group("a1") or match.group("a2"):
        return True
    if unit in MONEY_UNITS or unit in PERCENT_UNITS:
        return True
    if _CN_COUNTING_CUE_RE.search(text, max(0, start - 6), start):
        return True
    clause_start = start
    while clause_start > 0 and text[clause_start - 1] not in _CLAUSE_BREAK and start - clause_start < 60:
        clause_start -= 1
    if "、" in text[clause_start:start]:
        return True  # 市场监管、生态环境……农业农村五支队伍
    return match.group("unit") not in ("个", "项")


def _time_unit_fits(text: str, match: re.Match[str], value: Decimal, unit: str, pre: str) -> bool:
    after = match.end("unit")
    number_start = match.start("num")
    if unit == "日":
        return text[number_start - 1:number_start] != "月" and text.startswith(("内", "以内", "之内"), after)
    if unit != "年":
        return True
    if value >= 1000 or value != value.to_integral_value():
        return False
    if pre or _DURATION_CUE_RE.search(text, max(0, number_start - 4), number_start):
        return True
    next_char = text[after:after + 1]
    return next_char == "" or next_char in _CLAUSE_END or text.startswith(_DURATION_FOLLOWERS, after)


def _chinese_value(number: str) -> Decimal | None:
    if number in _ROUND_NUMBERS:
        return Decimal(_ROUND_NUMBERS[number])  # 万余人: 万 alone is no numeral, but here it is ten thousand
    return chinese_to_decimal(number)


def _money_value(number: str, value: Decimal, mult: str, chinese: bool) -> tuple[Decimal, str]:
    """Money keeps 万/亿 in its unit: 6287.7万元 → (6287.7, 万), 两万元 → (2, 万)."""
    if chinese and not mult:
        for suffix in ("千万", "百万", "万", "亿"):
            head = number[: -len(suffix)]
            if number == suffix:
                return Decimal(1), suffix  # 上亿元
            if number.endswith(suffix) and head:
                head_value = chinese_to_decimal(head)
                if head_value is not None:
                    return head_value, suffix
    return value, mult


_COUNTED_AFTER = frozenset({*COUNT_UNITS, "成"})
"""Units after which a noun names what is counted: 3场普法讲座, 近三成乡镇."""
COMPARISON_WORDS = r"(?:同比|环比|比上年度?|较上年度?|比去年|较去年|较同期|比同期|比上一年|较上一年)"
"""A comparison with an earlier period: the figure after it is a change or its base."""
CHANGE_VERBS = r"(?:增长|增加|上升|提高|提升|下降|减少|降低|压缩|压减|缩短|缩减|提速)"
"""Verbs after which a figure is how much something changed."""
_COMPARISON_CLAUSE = re.compile(COMPARISON_WORDS)
_CHANGE_CLAUSE = re.compile(f"[，,]?{COMPARISON_WORDS}?(?:同期)?(?:{CHANGE_VERBS}|减|增|降|升)了?")
"""Between a figure and the next: the next one is how much the first changed (``，压缩50%``)."""
_SHARE_CLAUSE = re.compile(r"[，,]?(?:所占比例|所占比重|占比|占(?![地用有领据])[^，,。；;！？0-9]{0,12}?(?:的比例|的比重|的)?)(?:为|达到|达|约)?")
"""Between a count and a percentage: the percentage is that count's share (``，占比59.8%``)."""
_TOTAL_BETWEEN = re.compile(r"(?:共计|合计|总计|共|计)(?:有|达)?")
_DURATION_CUE_BEFORE = re.compile(r"(?:已连续|连续|近|历时|长达)$")


def _subject_kind(unit: str) -> str:
    if unit in _PEOPLE_UNITS:
        return subject_finder.PEOPLE
    if unit in TIME_UNITS:
        return subject_finder.DURATION
    if unit == "%":
        return subject_finder.SHARE
    if unit in _COUNTED_AFTER:
        return subject_finder.COUNT
    return subject_finder.OTHER


def _is_comparison_of(text: str, previous: Figure, figure: Figure) -> bool:
    """``调解案件5894宗，同比上升29.6%``: a change stated right after the figure it changes."""
    between = text[previous.end:figure.start]
    return len(between) <= 12 and "。" not in between and bool(_COMPARISON_CLAUSE.search(between))


def _inherited_subject(text: str, previous: Figure | None, figure: Figure) -> str | None:
    """The subject a figure takes from the one before it: a change of it or, for a percentage, its share."""
    if previous is None or previous.subject is None:
        return None
    between = text[previous.end:figure.start]
    if _CHANGE_CLAUSE.fullmatch(between):
        return previous.subject
    if figure.unit == "%" and previous.unit not in PERCENT_UNITS and _SHARE_CLAUSE.fullmatch(between):
        return (previous.subject + "占比")[-subject_finder.MAX_SUBJECT_CHARS:]
    return None


def _totals(text: str, previous: Figure, figure: Figure) -> bool:
    """``培训行政执法人员4批次共计1,120人``: a total of what the figure before it counted, when that figure's
    subject stands before it (in ``13家单位共105人`` 单位 stands after 13家 and is not what 105人 counts)."""
    between = text[previous.end:figure.start]
    return (
        bool(_TOTAL_BETWEEN.fullmatch(between)) and previous.subject is not None
        and not text.startswith(previous.subject, previous.end)
    )


def _duration_before(text: str, previous: Figure) -> tuple[int, int]:
    """The span of a duration with its cue (``连续三年``) that a subject is read past."""
    cue = _DURATION_CUE_BEFORE.search(text, max(0, previous.start - 3), previous.start)
    return (cue.start() if cue else previous.start), previous.end


def _attach_subjects(text: str, figures: list[Figure]) -> None:
    previous: Figure | None = None
    previous_floor = 0
    for figure in figures:
        floor = 0
        if previous is not None and not any(ch in _CLAUSE_BREAK for ch in text[previous.end:figure.start]):
            floor = previous.end
        skip = None
        if floor and previous is not None and previous.unit in TIME_UNITS and figure.unit not in TIME_UNITS:
            skip, floor = _duration_before(text, previous), previous_floor  # 满意度连续三年保持在99%以上
        subject = _inherited_subject(text, previous, figure)
        if subject is None:
            subject = subject_finder.find_subject(
                text, figure.start, figure.end, _subject_kind(figure.unit), floor, skip, previous.end if previous else 0
            )
            if floor and subject and text.startswith(subject, floor):
                subject = None  # 13家单位共105人: 单位 is what 13家 counts
        if subject is None and previous is not None:
            same_clause_same_unit = bool(floor) and previous.unit == figure.unit  # 办理时限由5.2天压缩至2.8天
            if same_clause_same_unit or _is_comparison_of(text, previous, figure) or _totals(text, previous, figure):
                subject = previous.subject
        figure.subject = subject
        previous, previous_floor = figure, floor
    _match_respective_changes(text, figures)


_SENTENCE_BREAK = frozenset("。；;！？!?\n")


def _match_respective_changes(text: str, figures: list[Figure]) -> None:
    """``公职律师1,236名、公司律师218名，分别比上年增加186名和42名``: the n changes after 分别 belong, in
    order, to the n figures before it in the sentence."""
    for marker in re.finditer("分别", text):
        after = []
        for figure in figures:
            if figure.start < marker.end():
                continue
            if any(ch in _CLAUSE_BREAK for ch in text[marker.end():figure.start]):
                break
            after.append(figure)
        if len(after) < 2 or not _CHANGE_CLAUSE.fullmatch(text, marker.end(), after[0].start):
            continue
        sentence_start = marker.start()
        while sentence_start > 0 and text[sentence_start - 1] not in _SENTENCE_BREAK:
            sentence_start -= 1
        before = [f for f in figures if sentence_start <= f.start and f.end <= marker.start()]
        if len(before) < len(after):
            continue
        for change, changed in zip(after, before[-len(after):]):
            change.subject = changed.subject
