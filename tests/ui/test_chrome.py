"""Chinese everywhere, Qt's own texts included; shortcuts named in tooltips; the About box."""
from __future__ import annotations

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDialogButtonBox, QMessageBox

from reviewer import __version__
from reviewer.ui.actions import WindowState
from reviewer.ui.app import create_application
from reviewer.ui.shortcuts_dialog import ShortcutsDialog, menu_shortcuts, plain_text


def test_qt_standard_buttons_are_chinese(qapp):
    create_application()
    box = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
    assert box.button(QDialogButtonBox.StandardButton.Cancel).text() == "取消"


def native(keys: str) -> str:
    return QKeySequence(keys).toString(QKeySequence.SequenceFormat.NativeText)


def test_review_actions_name_their_shortcuts(window):
    actions = window.actions
    assert native("Ctrl+Return") in actions.accept.toolTip()
    assert native("Ctrl+Return") == "Ctrl+回车"
    assert native("F8") in actions.next_pending.toolTip()
    assert native("F2") in actions.edit.toolTip()
    assert native("Ctrl+Z") in window.undo_action.toolTip()
    menu_texts = [a.text() for a in window.menuBar().actions()]
    assert menu_texts == ["文件(&F)", "编辑(&E)", "审阅(&R)", "视图(&V)", "工具(&T)", "帮助(&H)"]


def test_about_box_shows_the_version(window, monkeypatch):
    shown = []
    monkeypatch.setattr(QMessageBox, "about", lambda parent, title, text: shown.append((title, text)))
    window.actions.about.trigger()
    assert shown and f"版本 {__version__}" in shown[0][1]


def test_about_box_says_where_the_workspace_is(window, monkeypatch):
    shown = []
    monkeypatch.setattr(QMessageBox, "about", lambda parent, title, text: shown.append(text))
    window.actions.about.trigger()
    assert str(window.ws.path) in shown[0]
    assert "否决" in shown[0]


def test_no_two_commands_share_a_shortcut(window):
    owners: dict[str, list[str]] = {}
    for action in window.findChildren(QAction):
        for keys in action.shortcuts():
            owners.setdefault(keys.toString(), []).append(action.text())
    assert {keys: names for keys, names in owners.items() if len(names) > 1} == {}
    assert window.actions.delete.shortcuts() == [QKeySequence("Del")]  # not the X11 Delete binding Ctrl+D
    assert window.actions.add_figure.shortcut() == QKeySequence("Ctrl+D")


def test_shortcut_list_shows_every_menu_command_with_its_keys(window):
    groups = dict(menu_shortcuts(window.actions))
    assert list(groups) == ["文件", "编辑", "审阅", "视图", "帮助"]
    review = dict(groups["审阅"])
    assert review["确认"] == native("Ctrl+Return")
    assert review["下一个待审项"] == "F8"
    assert dict(groups["文件"])["打开报告"] == native("Ctrl+O")
    assert dict(groups["帮助"])["键盘快捷键"] == "F1"
    dialog = ShortcutsDialog(window.actions, window)
    commands = sum(dialog.tree.topLevelItem(n).childCount() for n in range(dialog.tree.topLevelItemCount()))
    assert commands == sum(len(rows) for rows in groups.values())
    dialog.deleteLater()


def test_zoom_reset_returns_to_the_reading_size(window):
    size = window.pane.document.font().pointSizeF()
    window.actions.zoom_in.trigger()
    window.actions.zoom_in.trigger()
    assert window.pane.document.font().pointSizeF() > size
    window.actions.zoom_reset.trigger()
    assert window.pane.document.font().pointSizeF() == size


def test_every_registered_command_is_in_the_menu_it_names(window):
    def in_menu(menu) -> list:
        return [found for action in menu.actions()
                for found in ([action] + (in_menu(action.menu()) if action.menu() is not None else []))]

    menus = {plain_text(top.text()): in_menu(top.menu()) for top in window.menuBar().actions() if top.menu()}
    for entry in window.actions.registered():
        assert entry.action in menus[entry.menu], entry.action.text()


def test_enable_rules_of_the_registry_follow_the_window_state(window):
    actions = window.actions
    actions.update(WindowState())
    assert not any(a.isEnabled() for a in (actions.accept, actions.edit, actions.add_figure, actions.close_report,
                                           actions.print_summary, actions.delete_report, actions.print_batch))
    actions.update(WindowState(report_open=True, target_kind="annotation", library_rows=3, sheet_reports=1))
    assert [a.isEnabled() for a in (actions.accept, actions.edit, actions.delete, actions.add_figure,
                                    actions.close_report, actions.print_summary, actions.print_batch)] == [
        False, True, True, False, True, True, True]
    window._enable_review_actions()
    assert actions.accept.isEnabled() == (window.window_state().item is not None)
