"""The report texts the committed PDF fixtures (``pdf_fixtures/``) were exported from with LibreOffice.

Regenerate them (only when these texts or the layouts change) with
``python -c "from tests.analysis.pdf_fixture_texts import export; export()"``: that needs LibreOffice; the
tests read the committed PDFs and their sources (``NAME.json``) and need no office suite.
"""
from __future__ import annotations

import re
import subprocess
import tempfile
from pathlib import Path

FIXTURES = Path(__file__).with_name("pdf_fixtures")

TOWN_2024 = """\
蒲场镇人民政府关于2024年度法治政府建设工作情况的报告
县委依法治县办：
2024年，蒲场镇在县委、县政府的坚强领导下，深入学习贯彻习近平法治思想，全面落实法治政府建设各项任务，依法行政水平持续提升。现将有关情况报告如下。
一、主要举措和成效
（一）强化组织领导。镇党委书记认真履行推进法治建设“第一责任人”职责，主持召开党委会专题研究法治建设工作4次，制定年度工作要点1份，将法治建设纳入全镇综合考核。
（二）深化“放管服”改革。推行“一件事一次办”，全年上线“一件事”98个，办理时限平均压缩45%，群众满意率达99.2%。便民服务中心设立“办不成事”反映窗口，受理群众诉求37件，全部办结。
（三）规范行政执法。组织执法人员参加“法治讲座”35批次，开展执法案卷评查2次，评查案卷60卷，发现并整改问题9个。全年作出行政处罚决定126件，无一起被复议纠错或被诉败诉。
（四）化解矛盾纠纷。健全“镇村组”三级调解网络，全年排查矛盾纠纷412件，调解成功396件，调解成功率96.1%；推进诉前调解与司法确认衔接，诉前调解成功280件，其中达成司法确认16件。
二、存在的不足
一是部分干部运用法治思维和法治方式解决问题的能力仍需提高；二是村级法律顾问作用发挥不够充分；三是执法人员力量与任务不相适应。
三、2025年工作打算
一是持续深化法治宣传教育，组织专题学法不少于4次；二是加强执法队伍建设，开展执法培训2期；三是完善基层矛盾纠纷多元化解机制。
蒲场镇人民政府
2025年1月15日
"""

BUREAU_2022 = """\
明湖县市场监督管理局关于2022年度法治政府建设情况和2023年工作安排的报告
县委全面依法治县委员会办公室：
2022年，我局坚持以习近平法治思想为指导，围绕“放心消费在明湖”目标，扎实推进法治市场监管建设。现将情况报告如下。
一、2022年法治政府建设主要举措和成效
（一）主要负责人履行推进法治建设第一责任人职责。局党组书记、局长带头学法，主持召开局党组会议专题学法6次，听取法治工作汇报3次，对重大执法决定法制审核亲自把关。
（二）严格规范公正文明执法。全面推行行政执法“三项制度”，全年办理行政处罚案件218件，罚没款412.6万元，重大执法决定法制审核率100%。开展“双随机、一公开”抽查89次，抽查市场主体1,326户。
（三）强化普法宣传。落实“谁执法谁普法”责任制，开展“3·15”等主题宣传活动27场，发放宣传资料1.2万份，接受群众咨询2,300余人次。受理投诉举报1,045件，为消费者挽回经济损失86.3万元。
二、存在的不足和原因
一是基层所执法人员法律专业背景比例偏低；二是新型业态监管手段不足。原因主要是培训投入不足、技术支撑薄弱。
三、2023年工作安排
（一）加强法治培训，全年组织执法人员培训不少于40学时。
（二）推进智慧监管，上线“互联网+监管”应用3个。
明湖县市场监督管理局
2023年2月20日
"""

VILLAGE_2023 = """\
青禾乡人民政府2023年度法治政府建设情况报告
一、主要工作
（一）落实第一责任人职责。乡党委书记履行推进法治建设第一责任人职责，全年召开专题会议{5|2}次，研究解决法治建设重点问题{8|6}个。
（二）开展普法宣传。组织“法律进村居”活动{40|42}场，发放宣传资料{1,500|3,000}份，受教育群众{2,600|2,800}人次。
（三）规范执法行为。全年办理行政执法案件{19|17}件，开展案卷评查{1|2}次，{全部案卷合格。|}
二、存在的问题
执法人员法律知识更新不够及时，基层法律服务力量{较为|}薄弱。
三、下一步计划
开展执法培训{3|4}期，推进村级法律顾问全覆盖。
青禾乡人民政府
2024年1月10日
"""
"""Its accepted text, with tracked changes printed: ``{deleted|inserted}`` is a change recorded in Word's
revision marks (``w:del`` and ``w:ins``), the PDF exported with the changes shown."""

TEXTS = {"town_2024": TOWN_2024, "bureau_2022": BUREAU_2022, "village_2023": VILLAGE_2023}

_CHANGE = re.compile(r"\{([^|}]*)\|([^}]*)\}")


def accepted(text: str) -> str:
    """The text with its tracked changes accepted."""
    return _CHANGE.sub(lambda change: change.group(2), text)


def export() -> None:
    from tests.benchmarks.office_pdf_corpus import LAYOUTS, make_corpus

    gb, word = LAYOUTS[0], LAYOUTS[1]
    make_corpus({"town_2024": TOWN_2024}, FIXTURES, [gb])
    make_corpus({"bureau_2022": BUREAU_2022}, FIXTURES, [word])
    export_tracked("village_2023", VILLAGE_2023)


def export_tracked(name: str, text: str) -> None:
    """``name``-docx.pdf: ``text`` as a Word document with its changes recorded, exported by LibreOffice with
    the changes shown (struck-through deletions and underlined insertions in the author's colour)."""
    import docx
    from docx.oxml import parse_xml
    from docx.shared import Pt

    from tests.benchmarks.office_pdf_corpus import Source

    namespace = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    document = docx.Document()
    document.styles["Normal"].font.size = Pt(14)
    for number, paragraph in enumerate(text.strip().split("\n")):
        element = document.add_paragraph()._p
        position = 0
        for change in [*_CHANGE.finditer(paragraph), None]:
            end = change.start() if change else len(paragraph)
            if end > position:
                element.append(parse_xml(f"<w:r {namespace}><w:t>{paragraph[position:end]}</w:t></w:r>"))
            if change is None:
                break
            for kind, tag, words in (("del", "delText", change.group(1)), ("ins", "t", change.group(2))):
                if words:
                    element.append(parse_xml(
                        f'<w:{kind} {namespace} w:id="{number}{change.start()}{kind}" w:author="审核人" '
                        f'w:date="2024-01-09T00:00:00Z"><w:r><w:{tag}>{words}</w:{tag}></w:r></w:{kind}>'
                    ))
            position = change.end()
    with tempfile.TemporaryDirectory() as folder:
        source = Path(folder) / f"{name}-docx.docx"
        document.save(str(source))
        subprocess.run(
            ["soffice", f"-env:UserInstallation=file://{folder}/profile", "--headless", "--convert-to", "pdf",
             "--outdir", str(FIXTURES), str(source)],
            check=True, capture_output=True, timeout=300,
        )
    (FIXTURES / f"{name}-docx.json").write_text(Source(accepted(text)).to_json(), encoding="utf-8")
