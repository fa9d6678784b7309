"""Which language the user reads: Chinese on a Chinese system locale, English otherwise."""

from __future__ import annotations

import locale
import os

LANG_ENV = "DUIDU_LANG"


def system_language() -> str:
    """'zh' or 'en' from $DUIDU_LANG, then the POSIX locale variables, then the OS locale."""
    forced = os.environ.get(LANG_ENV, "").strip().lower()
    if forced in ("zh", "en"):
        return forced
    for var in ("LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE"):
        value = os.environ.get(var)
        if value:
            return "zh" if value.lower().startswith("zh") else "en"
    try:
        name = locale.getlocale()[0] or ""
    except ValueError:
        name = ""
    return "zh" if name.lower().startswith(("zh", "chinese")) else "en"


def pick(en: str, zh: str, lang: str | None = None) -> str:
    """Choose the English or Chinese wording of a message for the user's language."""
    return zh if (lang or system_language()) == "zh" else en
