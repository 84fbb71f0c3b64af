"""Qt's own texts (standard buttons, file, print and page-setup dialogs, context menus) in Chinese.

Qt's zh_CN catalogue (qtbase) lags behind the source: where a label gained a mnemonic ("Look in:" became
"&Look in:", "Page Set:" "Page &Set:") it shows in English. ``resources/translations`` holds an overlay
for those texts, loaded after qtbase so that it wins. Qt's other catalogues (qt_help, qtdeclarative) are
for modules the app does not use.
"""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from reviewer.paths import resource_path

QT_CATALOGS: tuple[str, ...] = ("qtbase",)
OVERLAY_CATALOG = "qtbase_overlay"
"""resources/translations/qtbase_overlay_zh_CN.qm, made from the .ts beside it by pyside6-lrelease."""
CHINESE = QLocale(QLocale.Language.Chinese, QLocale.Country.China)


def install_qt_translations(app: QCoreApplication) -> list[QTranslator]:
    """Make Chinese the default locale (dates, numbers) and load Qt's zh_CN catalogues from PySide6's
    translations folder, then the overlay; returns the installed translators.

    The translators are parented to ``app`` so they live as long as it does.
    """
    QLocale.setDefault(CHINESE)
    qt_folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    catalogs = [(catalog, qt_folder) for catalog in QT_CATALOGS]
    catalogs.append((OVERLAY_CATALOG, str(resource_path("translations"))))
    installed = []
    for catalog, folder in catalogs:
        translator = QTranslator(app)
        if translator.load(CHINESE, catalog, "_", folder) and app.installTranslator(translator):
            installed.append(translator)
    return installed
