"""The app's language: Simplified Chinese, Japanese or English, from the settings or the system.

Translations live in resources/i18n as Qt .ts files (the source, kept in git) and
.qm files (compiled from them by `pyside6-lrelease`: the build does it, and a
checkout compiles a .ts that is newer than its .qm when the app starts).
Switching language installs another QTranslator and sets the default QLocale,
so money, dates and numbers follow; the widgets already shown are rebuilt by
whoever owns them (see AppController.change_language).
"""

from __future__ import annotations

import logging
import shutil
import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from shopguide.ui.resources import resource_dir

log = logging.getLogger(__name__)

LANGUAGES = ("zh_CN", "ja", "en")
# Each language named in itself, as a language menu shows it.
NATIVE_NAMES = {"zh_CN": "简体中文", "ja": "日本語", "en": "English"}

_installed: list[QTranslator] = []
_current = "en"


def i18n_dir() -> Path:
    return resource_dir() / "i18n"


def qm_path(language: str) -> Path:
    return i18n_dir() / f"shopguide_{language}.qm"


def resolve(setting: str, system: QLocale | None = None) -> str:
    """The language to show: the setting when it names one we have, else the system's."""
    if setting in LANGUAGES:
        return setting
    name = (system or QLocale.system()).name()  # e.g. "zh_CN", "ja_JP", "en_US"
    if name.startswith("zh"):
        return "zh_CN"
    if name.startswith("ja"):
        return "ja"
    return "en"


def _lrelease() -> str | None:
    beside = Path(sys.executable).parent / "pyside6-lrelease"
    if beside.exists():
        return str(beside)
    return shutil.which("pyside6-lrelease")


def ensure_compiled() -> None:
    """In a checkout, compile each .ts that is newer than its .qm (the packaged app ships .qm)."""
    tool = None
    for ts in sorted(i18n_dir().glob("shopguide_*.ts")):
        qm = ts.with_suffix(".qm")
        if qm.exists() and qm.stat().st_mtime >= ts.stat().st_mtime:
            continue
        tool = tool or _lrelease()
        if tool is None:
            log.warning("%s is not compiled and pyside6-lrelease is not here", ts.name)
            return
        try:
            subprocess.run(  # noqa: S603 (Qt's lrelease on our own files)
                [tool, "-silent", str(ts), "-qm", str(qm)], check=True, capture_output=True
            )
        except (OSError, subprocess.CalledProcessError) as exc:
            log.warning("could not compile %s: %s", ts.name, exc)


def current_language() -> str:
    return _current


def install(language: str) -> bool:
    """Show the app in `language` from now on; False when its translation would not load."""
    global _current
    app = QCoreApplication.instance()
    if app is None:
        raise RuntimeError("install() needs the QApplication")
    ensure_compiled()
    for old in _installed:
        QCoreApplication.removeTranslator(old)
    _installed.clear()
    ok = True
    if language != "en":
        ours = QTranslator(app)
        ok = ours.load(str(qm_path(language)))
        if ok:
            QCoreApplication.installTranslator(ours)
            _installed.append(ours)
        else:
            log.warning("no translation for %s in %s", language, i18n_dir())
        # Qt's own words: the buttons of message boxes and file dialogs.
        qt = QTranslator(app)
        if qt.load(
            f"qtbase_{language}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        ):
            QCoreApplication.installTranslator(qt)
            _installed.append(qt)
    QLocale.setDefault(QLocale(language))
    _current = language
    return ok
