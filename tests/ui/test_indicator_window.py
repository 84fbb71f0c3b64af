"""The comparison window (指标对比) driven like a user: clicks, context-menu decisions, sorting, filters."""
from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QLineEdit

from reviewer.summary import collect_batch
from reviewer.ui.indicator_model import FIXED_COLUMNS, ConfirmedRole, ReportIdRole
from tests.ui.conftest import click_table_cell

FIGURE_VALUE_COLUMN = 1

PINGAN_2021 = (
    "平安县人民政府2021年法治政府建设年度报告\n\n"
    "全年共收到行政复议申请80件，依法受理75件。全县办理行政处罚案件1,100件。\n"
)
PINGAN_2022 = (
    "平安县人民政府2022年法治政府建设年度报告\n\n"
    "全年共收到行政复议申请92件，依法受理86件。全县办理行政处罚案件1,286件。政府常务会议学法12次。\n"
)
QINGSHI_2022 = (
    "青石镇2022年法治政府建设工作报告\n\n"
    "镇政府全年收到行政复议申请3件。开展普法宣传活动24场。\n"
)


def _open(window, texts: dict[str, str]):
    ids = {name: window.ws.import_bytes(text.encode("utf-8"), name).report_id for name, text in texts.items()}
    window.refresh_library()
    return ids, window.show_indicator_window()


def _column(view, code: str) -> int:
    return FIXED_COLUMNS + view.model.codes.index(code)


def _index(view, report_id: int, code: str):
    proxy = view.proxy
    for row in range(proxy.rowCount()):
        index = proxy.index(row, _column(view, code))
        if index.data(ReportIdRole) == report_id:
            return index
    raise AssertionError(f"report {report_id} not shown")


def _click(qtbot, view, index) -> None:
    view.table.scrollTo(index)
    qtbot.mouseClick(view.table.viewport(), Qt.MouseButton.LeftButton, pos=view.table.visualRect(index).center())


def _trigger(view, index, text: str) -> None:
    action = next(a for a in view.cell_menu(index).actions() if a.text().startswith(text))
    action.trigger()


def test_a_cell_click_opens_the_report_at_its_figure(window, qtbot):
    ids, view = _open(window, {"平安县2022.txt": PINGAN_2022, "青石镇2022.txt": QINGSHI_2022})
    _click(qtbot, view, _index(view, ids["平安县2022.txt"], "penalty_cases"))
    assert window.report.report_id == ids["平安县2022.txt"]
    text = window.ws.report(window.report.report_id).analysis.text
    start, end = window.pane.document.selected_span()
    assert text[start:end] == "1,286件"


def test_machine_and_confirmed_values_look_different(window, qtbot):
    ids, view = _open(window, {"平安县2022.txt": PINGAN_2022})
    index = _index(view, ids["平安县2022.txt"], "penalty_cases")
    assert index.data(ConfirmedRole) is False
    assert index.data(Qt.ItemDataRole.FontRole).italic()
    _trigger(view, index, "确认")
    index = _index(view, ids["平安县2022.txt"], "penalty_cases")
    assert index.data(ConfirmedRole) is True
    assert index.data(Qt.ItemDataRole.FontRole) is None


def test_accept_reject_and_repoint_update_the_cell_and_the_batch_pdf(window, qtbot):
    ids, view = _open(window, {"平安县2022.txt": PINGAN_2022})
    report = ids["平安县2022.txt"]
    view.choose_figure = lambda _parent, labels: next(i for i, label in enumerate(labels) if label.startswith("86件"))
    _trigger(view, _index(view, report, "reconsideration_cases"), "改为")
    _trigger(view, _index(view, report, "study_sessions"), "否决")
    _trigger(view, _index(view, report, "penalty_cases"), "确认")
    index = _index(view, report, "reconsideration_cases")
    assert index.data() == "86件" and index.data(ConfirmedRole) is True
    assert _index(view, report, "study_sessions").data() is None
    view.choose_figure = lambda _parent, labels: next(i for i, label in enumerate(labels) if label.startswith("12次"))
    _trigger(view, _index(view, report, "legal_publicity_events"), "从报告中的数据填写")
    assert _index(view, report, "legal_publicity_events").data() == "12次"
    row = collect_batch(window.ws).rows[0].indicators
    assert (row["行政复议案件"].text, row["行政复议案件"].pending) == ("86件", False)
    assert (row["行政处罚案件"].text, row["行政处罚案件"].pending) == ("1286件", False)
    assert row["普法活动"].text == "12次" and "学法" not in row


def test_one_units_years_stand_together_with_the_change_from_the_previous_year(window, qtbot):
    ids, view = _open(window, {"平安县2022.txt": PINGAN_2022, "青石镇2022.txt": QINGSHI_2022,
                               "平安县2021.txt": PINGAN_2021})
    order = [view.proxy.index(row, 0).data(ReportIdRole) for row in range(view.proxy.rowCount())]
    pingan = [ids["平安县2021.txt"], ids["平安县2022.txt"]]
    assert abs(order.index(pingan[0]) - order.index(pingan[1])) == 1
    assert order.index(pingan[0]) < order.index(pingan[1])
    assert _index(view, pingan[1], "reconsideration_cases").data() == "92件（+12件）"
    assert _index(view, pingan[1], "penalty_cases").data() == "1286件（+186件）"
    assert _index(view, pingan[0], "reconsideration_cases").data() == "80件"


def test_sorting_by_an_indicator_and_filtering_by_level_and_year(window, qtbot):
    ids, view = _open(window, {"平安县2022.txt": PINGAN_2022, "青石镇2022.txt": QINGSHI_2022,
                               "平安县2021.txt": PINGAN_2021})
    header = view.table.horizontalHeader()
    column = _column(view, "reconsideration_cases")
    view.table.scrollTo(view.proxy.index(0, column))
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=_header_point(header, column))
    values = [view.proxy.index(row, column).data() for row in range(view.proxy.rowCount())]
    numbers = [int(v.split("件")[0]) for v in values]
    assert numbers == sorted(numbers) or numbers == sorted(numbers, reverse=True)
    view.level_filter.setCurrentIndex(view.level_filter.findData("township"))
    assert [view.proxy.index(r, 0).data(ReportIdRole) for r in range(view.proxy.rowCount())] == [ids["青石镇2022.txt"]]
    view.level_filter.setCurrentIndex(0)
    view.year_filter.setCurrentIndex(view.year_filter.findData(2021))
    assert [view.proxy.index(r, 0).data(ReportIdRole) for r in range(view.proxy.rowCount())] == [ids["平安县2021.txt"]]


def _header_point(header, column) -> QPoint:
    x = header.sectionViewportPosition(column) + header.sectionSize(column) // 2
    return QPoint(x, header.height() // 2)


def test_a_cell_is_repointed_to_the_figure_selected_in_the_text(window, qtbot):
    ids, view = _open(window, {"平安县2022.txt": PINGAN_2022})
    report = ids["平安县2022.txt"]
    _click(qtbot, view, _index(view, report, "reconsideration_cases"))
    text = window.ws.report(report).analysis.text
    start = text.index("86件")
    window.pane.document.select_span(start + 1, start + 2)
    _trigger(view, _index(view, report, "reconsideration_cases"), "改为正文中选中的数据")
    cell = _index(view, report, "reconsideration_cases")
    assert cell.data() == "86件" and cell.data(ConfirmedRole) is True


def test_a_decision_in_the_comparison_window_is_one_step_of_the_main_windows_undo_stack(window, qtbot):
    ids, view = _open(window, {"平安县2022.txt": PINGAN_2022})
    report = ids["平安县2022.txt"]
    _trigger(view, _index(view, report, "penalty_cases"), "确认")
    assert window.undo_action.text().endswith("确认指标「行政处罚案件」")
    window.undo_action.trigger()
    assert _index(view, report, "penalty_cases").data(ConfirmedRole) is False
    window.redo_action.trigger()
    assert _index(view, report, "penalty_cases").data(ConfirmedRole) is True


def test_undoing_a_repointed_cell_brings_back_the_machines_figure_in_one_step(window, qtbot):
    ids, view = _open(window, {"平安县2022.txt": PINGAN_2022})
    report = ids["平安县2022.txt"]
    before = window.undo_stack.count()
    view.choose_figure = lambda _parent, labels: next(i for i, label in enumerate(labels) if label.startswith("86件"))
    _trigger(view, _index(view, report, "reconsideration_cases"), "改为")
    _trigger(view, _index(view, report, "reconsideration_cases"), "改为")
    assert window.undo_stack.count() == before + 2
    assert _index(view, report, "reconsideration_cases").data() == "86件"
    window.undo_action.trigger()
    window.undo_action.trigger()
    cell = _index(view, report, "reconsideration_cases")
    assert cell.data() == "92件" and cell.data(ConfirmedRole) is False
    window.redo_action.trigger()
    assert _index(view, report, "reconsideration_cases").data() == "86件"


def test_correcting_the_figure_of_a_cell_with_f2_shows_the_corrected_value_in_the_cell(window, qtbot):
    ids, view = _open(window, {"平安县2022.txt": PINGAN_2022})
    report = ids["平安县2022.txt"]
    _click(qtbot, view, _index(view, report, "penalty_cases"))
    figure = next(f for f in window.ws.items(report, kind="figure") if f.machine.text == "1,286件")
    table = window.pane.figures.table
    window.pane.tabs.setCurrentWidget(window.pane.figures)
    click_table_cell(qtbot, table, table.item_model.row_of(figure.id), FIGURE_VALUE_COLUMN)
    qtbot.keyClick(table, Qt.Key.Key_F2)
    editor = table.findChild(QLineEdit)
    editor.selectAll()
    qtbot.keyClicks(editor, "1296")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.ws.item(figure.id).state == "corrected")
    cell = _index(view, report, "penalty_cases")
    assert cell.data() == "1296件" and cell.data(ConfirmedRole) is False
    window.undo_action.trigger()
    cell = _index(view, report, "penalty_cases")
    assert cell.data() == "1286件" and cell.data(ConfirmedRole) is False
