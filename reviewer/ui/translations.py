"""Qt's own texts (standard buttons, file dialogs, context menus) in Chinese."""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

QT_CATALOGS: tuple[str, ...] = ("qtbase",)
CHINESE = QLocale(QLocale.Language.Chinese, QLocale.Country.China)


def install_qt_translations(app: QCoreApplication) -> list[QTranslator]:
    """Load Qt's zh_CN catalogues from PySide6's translations folder; returns the installed translators.

    The translators are parented to ``app`` so they live as long as it does.
    """
    QLocale.setDefault(CHINESE)
    folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    installed = []
    for catalog in QT_CATALOGS:
        translator = QTranslator(app)
        if translator.load(CHINESE, catalog, "_", folder) and app.installTranslator(translator):
            installed.append(translator)
    return installed
