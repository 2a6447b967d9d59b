"""Qt translations: the UI's source text is English; Vietnamese is the default language."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLocale, QTranslator

from operator_console.domain.messages import Language
from operator_console.paths import resource


def install_translator(app: QCoreApplication, language: Language) -> QTranslator | None:
    """Install the translator for ``language``; English needs none (it is the source text)."""
    QLocale.setDefault(QLocale(QLocale.Language.Vietnamese if language == "vi" else QLocale.Language.English))
    if language == "en":
        return None
    translator = QTranslator(app)
    path = resource("translations", f"operator_console_{language}.qm")
    if not translator.load(str(path)):
        raise FileNotFoundError(f"translation file missing: {path}")
    app.installTranslator(translator)
    return translator
