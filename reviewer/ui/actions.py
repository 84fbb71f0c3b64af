"""The window's action registry: every action with its text, shortcut, icon, tooltip (naming the shortcut),
the menu it belongs to and the rule that enables it. The window refreshes the rules with one
:class:`WindowState`; the shortcut list (F1) and the tests walk the same registry."""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QIcon, QKeySequence
from PySide6.QtWidgets import QStyle, QWidget

from reviewer.ui.bulk_review import BULK_KINDS
from reviewer.ui.review_states import tr_label
from reviewer.vocabulary import Origin

Key = QKeySequence.StandardKey

MENUS = ("文件", "编辑", "审阅", "视图", "帮助")
"""The menus, in menu-bar order (the registry's groups)."""


@dataclass(frozen=True)
class WindowState:
    """What the enable rules look at, read from the window after every change."""

    report_open: bool = False
    target_kind: str | None = None  # "item" | "annotation" | None: what is selected in the open report
    item: object | None = None  # the selected review item
    text_selected: bool = False  # text selected in the document
    library_selected: int = 0  # reports selected in the library
    sheet_reports: int = 0  # reports a 审阅意见单 would be printed for
    library_rows: int = 0
    busy_printing: bool = False
    recognized: bool = False  # the open report's text was recognized from a scan
    scan_place: bool = False  # the selected item is a doubtful figure with its place on the scanned page


EnableRule = Callable[[WindowState], bool]


@dataclass(frozen=True)
class Registered:
    action: QAction
    menu: str  # one of MENUS
    enabled_when: EnableRule | None  # None: always enabled (or enabled by its owner, like undo)


def _report_open(state: WindowState) -> bool:
    return state.report_open


def _item_selected(state: WindowState) -> bool:
    return state.item is not None


def _deletable_selected(state: WindowState) -> bool:
    return state.target_kind == "annotation" or getattr(state.item, "origin", None) == Origin.MANUAL


def _sheets_possible(state: WindowState) -> bool:
    return not state.busy_printing and state.sheet_reports > 0


def _batch_possible(state: WindowState) -> bool:
    return not state.busy_printing and state.library_rows > 0


class WindowActions(QObject):
    """Created once per window; the window connects ``triggered`` and builds menus and tool bars."""

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self._window = window
        self._registry: list[Registered] = []
        style = window.style()

        def icon(standard: QStyle.StandardPixmap, theme: QIcon.ThemeIcon | None = None) -> QIcon:
            fallback = style.standardIcon(standard)
            return QIcon.fromTheme(theme, fallback) if theme is not None else fallback

        SP, TI = QStyle.StandardPixmap, QIcon.ThemeIcon
        a = self._action
        self._menu = "文件"
        self.open_files = a(self.tr("打开报告…"), Key.Open, icon(SP.SP_DialogOpenButton, TI.DocumentOpen),
                            self.tr("导入一个或多个报告文件（txt、html、docx、pdf）"))
        self.open_folder = a(self.tr("打开文件夹…"), "Ctrl+Shift+O", icon(SP.SP_DirOpenIcon, TI.FolderOpen),
                             self.tr("导入一个文件夹（含子文件夹）中的全部报告"))
        self.close_report = a(self.tr("关闭报告"), Key.Close, None, self.tr("关闭正在审阅的报告（审阅记录已自动保存）"),
                              _report_open)
        self.open_workspace = a(self.tr("打开工作区…"), None, None, self.tr("打开或新建另一个审阅工作区文件"))
        self.clear_recent = a(self.tr("清除最近打开记录"), None, None)
        sheets_tip = self.tr("正在审阅的报告的审阅意见单；在报告库中选中多份报告时，每份选中报告一份")
        self.print_summary = a(self.tr("打印审阅意见单…"), Key.Print, icon(SP.SP_FileIcon, TI.DocumentPrint),
                               sheets_tip, _sheets_possible)
        self.print_preview = a(self.tr("审阅意见单打印预览…"), None,
                               icon(SP.SP_FileDialogContentsView, TI.DocumentPrintPreview), sheets_tip, _sheets_possible)
        self.export_pdf = a(self.tr("导出审阅意见单（PDF、Word）…"), "Ctrl+Shift+E", icon(SP.SP_DialogSaveButton),
                            sheets_tip, _sheets_possible)
        self.export_annotated = a(self.tr("导出批注版…"), None, None,
                                  self.tr("把审阅批注作为 Word 批注加在报告中（Word 原文上，其他格式为报告文字）"),
                                  _report_open)
        batch_tip = self.tr("把报告库中选中的报告（选中不足两份时为工作区全部报告）的审阅结果汇总为一张表")
        self.print_batch = a(self.tr("打印汇总表…"), None, None, batch_tip, _batch_possible)
        self.preview_batch = a(self.tr("汇总表打印预览…"), None, None, batch_tip, _batch_possible)
        self.export_batch_pdf = a(self.tr("导出汇总表（PDF、Word）…"), None, None, batch_tip, _batch_possible)
        self.export_csv = a(self.tr("导出数据表（CSV）…"), None, None)
        self.export_xlsx = a(self.tr("导出 Excel…"), None, None, self.tr(
            "审阅概况、数据和主要指标三张表；选中多份报告时只含选中的报告，否则为工作区全部报告"),
            lambda s: s.library_rows > 0)
        self.delete_report = a(self.tr("从工作区删除报告"), None, icon(SP.SP_TrashIcon),
                               self.tr("把报告库中选中的报告移出工作区（可撤销；在报告库中按 Delete）"), lambda s: s.library_selected > 0)
        self.quit = a(self.tr("退出"), Key.Quit, None)

        self._menu = "编辑"
        self.find_in_report = a(self.tr("在本报告中查找…"), Key.Find, icon(SP.SP_FileDialogContentsView, TI.EditFind),
                                self.tr("在正文上方打开查找栏，标出本报告中的全部匹配"), _report_open)
        self.find_next = a(self.tr("查找下一处"), Key.FindNext, icon(SP.SP_ArrowDown, TI.GoDown), None, _report_open)
        self.find_previous = a(self.tr("查找上一处"), Key.FindPrevious, icon(SP.SP_ArrowUp, TI.GoUp), None,
                               _report_open)
        self.search_all = a(self.tr("在全部报告中搜索…"), "Ctrl+Shift+F", icon(SP.SP_FileDialogContentsView, TI.EditFind))
        self.preferences = a(self.tr("设置…"), "Ctrl+,", None, self.tr("审阅人、审阅单位、编号前缀和默认输出文件夹"))

        self._menu = "审阅"
        self.next_pending = a(self.tr("下一个待审项"), "F8", icon(SP.SP_ArrowDown, TI.GoDown),
                              self.tr("转到下一个待审的数据或问题（未核对的标题不算待审）"), _report_open)
        self.previous_pending = a(self.tr("上一个待审项"), "Shift+F8", icon(SP.SP_ArrowUp, TI.GoUp), None, _report_open)
        self.accept = a(self.tr("确认"), "Ctrl+Return", icon(SP.SP_DialogApplyButton),
                        self.tr("选中的项目无误，确认后转到下一个待审项"), _item_selected)
        self.reject = a(self.tr("否决"), "Ctrl+Delete", icon(SP.SP_DialogCancelButton),
                        self.tr("选中的项目识别有误，否决后转到下一个待审项"), _item_selected)
        self.edit = a(self.tr("更正…"), "F2", icon(SP.SP_FileDialogDetailedView),
                      self.tr("修改选中项目的数值、单位、统计对象或标题"), lambda s: s.target_kind is not None)
        self.accept_selected = a(self.tr("确认所选"), "Ctrl+Shift+A", None,
                                 self.tr("确认列表中选中的全部项目（一步，可撤销）；按住 Shift 或 Ctrl 点击可多选"),
                                 _item_selected)
        self.reject_selected = a(self.tr("否决所选"), None, None, self.tr("否决列表中选中的全部项目（一步，可撤销）"),
                                 _item_selected)
        self.accept_section = a(self.tr("确认本节全部"), None, None,
                                self.tr("确认选中项目所在一节（含其下各小节）尚未审阅的全部机器识别结果（一步，可撤销）"),
                                _report_open)
        self.reject_section = a(self.tr("否决本节全部"), None, None,
                                self.tr("否决选中项目所在一节（含其下各小节）尚未审阅的全部机器识别结果（一步，可撤销）"),
                                _report_open)
        self.accept_remaining = {kind: a(tr_label(kind), None, None,
                                         self.tr("确认本报告中尚未审阅的全部机器识别{kind}（一步，可撤销）").format(
                                             kind=tr_label(kind)), _report_open) for kind in BULK_KINDS}
        self.reject_remaining = {kind: a(tr_label(kind), None, None,
                                         self.tr("否决本报告中尚未审阅的全部机器识别{kind}（一步，可撤销）").format(
                                             kind=tr_label(kind)), _report_open) for kind in BULK_KINDS}
        self.reset = a(self.tr("恢复待审"), "Ctrl+Backspace", None, self.tr("撤回对选中项目的审阅决定"), _item_selected)
        self.add_figure = a(self.tr("从选中文字添加数据…"), "Ctrl+D", None,
                            self.tr("把正文中选中的文字作为一项数据"), lambda s: s.report_open and s.text_selected)
        self.add_annotation = a(self.tr("添加批注…"), "Ctrl+M", icon(SP.SP_MessageBoxInformation),
                                self.tr("对正文中选中的文字（未选中时对整份报告）写批注"), _report_open)
        # "Del" only: the standard Delete bindings add Ctrl+D on X11, which is 从选中文字添加数据 here
        self.delete = a(self.tr("删除批注或手工添加的项目"), "Del", icon(SP.SP_TrashIcon), None, _deletable_selected)
        self.mark_reviewed = a(self.tr("标记为已审"), "Ctrl+Shift+Return", icon(SP.SP_DialogYesButton),
                               self.tr("这份报告审阅完毕"), _report_open)
        self.reanalyze = a(self.tr("重新分析过时的报告"), None, icon(SP.SP_BrowserReload),
                           self.tr("用当前版本的分析程序重新分析旧报告，保留已有的审阅决定"))
        self.view_scan_place = a(self.tr("查看原件"), None, None,
                                 self.tr("显示扫描件上识别出这项数据的位置，与识别结果对照"), lambda s: s.scan_place)
        self.recognize_again = a(self.tr("重新识别"), None, None,
                                 self.tr("对这份扫描件重新进行文字识别，保留已有的审阅决定"),
                                 lambda s: s.report_open and s.recognized)

        self._menu = "视图"
        self.indicator_table = a(self.tr("指标对比"), "Ctrl+Shift+I", None,
                                 self.tr("全部报告的主要指标并列比较：按级别、年度筛选，同一单位各年度相邻并显示变化"))
        self.year_compare = a(self.tr("与上年对比"), "Ctrl+Shift+Y", None,
                              self.tr("与本单位上一年度的报告逐段并排比较：未变、改动（标出改动的字）、新增"), _report_open)
        self.roster = a(self.tr("报送名单…"), None, None,
                        self.tr("各年度应报送报告的单位：导入或粘贴名单，查看哪些单位未报送、哪些报告不在名单中"))
        self.zoom_in = a(self.tr("放大正文"), Key.ZoomIn, None)
        self.zoom_out = a(self.tr("缩小正文"), Key.ZoomOut, None)
        self.zoom_reset = a(self.tr("正文恢复原始大小"), "Ctrl+0", None)
        self._menu = "帮助"
        self.shortcuts = a(self.tr("键盘快捷键…"), Key.HelpContents, None, self.tr("列出全部命令的快捷键"))
        self.about = a(self.tr("关于…"), None, None)

    def _action(self, text: str, shortcut, icon: QIcon | None, tip: str | None = None,
                enabled_when: EnableRule | None = None) -> QAction:
        action = QAction(text, self._window)
        if icon is not None:
            action.setIcon(icon)
        if shortcut is not None:
            action.setShortcuts(QKeySequence.keyBindings(shortcut) if isinstance(shortcut, Key)
                                else [QKeySequence(shortcut)])
        set_tooltip(action, tip)
        self.register(action, self._menu, enabled_when)
        return action

    def register(self, action: QAction, menu: str, enabled_when: EnableRule | None = None) -> None:
        """Add an action made elsewhere (undo and redo come from the undo stack)."""
        if menu not in MENUS:
            raise ValueError(f"unknown menu {menu!r}")
        self._registry.append(Registered(action, menu, enabled_when))

    def registered(self) -> list[Registered]:
        """Every registered action, by menu in menu-bar order, in the order registered."""
        return sorted(self._registry, key=lambda entry: MENUS.index(entry.menu))

    def update(self, state: WindowState) -> None:
        """Enable every action whose rule holds for ``state`` (and disable the others that have a rule)."""
        for entry in self._registry:
            if entry.enabled_when is not None:
                entry.action.setEnabled(entry.enabled_when(state))

    def sheet_actions(self) -> list[QAction]:
        """Actions on the 审阅意见单 of the open report, or of the reports selected in the library."""
        return [self.print_summary, self.print_preview, self.export_pdf]

    def batch_actions(self) -> list[QAction]:
        """Actions on the 汇总表 of the selected reports or the whole workspace."""
        return [self.print_batch, self.preview_batch, self.export_batch_pdf]


def set_tooltip(action: QAction, tip: str | None = None) -> None:
    """Tooltip and status tip: the description (or the action's name) followed by its shortcut."""
    name = action.text().replace("…", "").replace("&", "")
    text = tip or name
    shortcut = action.shortcut()
    if not shortcut.isEmpty():
        text += f"（{shortcut.toString(QKeySequence.SequenceFormat.NativeText)}）"
    action.setToolTip(text)
    action.setStatusTip(tip or name)
