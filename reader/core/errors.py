"""Errors whose message is for the user: a reason code, the file concerned, and a sentence in their language."""

from __future__ import annotations

from pathlib import Path

from reader.core.locale import pick


class UserError(Exception):
    """Subclasses give TEXTS: reason -> (English, Chinese), formatted with {p} (the path) and {d} (the detail)."""

    TEXTS: dict[str, tuple[str, str]] = {}

    def __init__(self, reason: str, path: Path | str = "", detail: object = ""):
        super().__init__(reason, str(path), str(detail))
        self.reason = reason
        self.path = str(path)
        self.detail = str(detail)

    def fields(self, lang: str | None) -> dict:
        """What the sentence may name (subclasses add their own)."""
        return {"p": self.path, "d": self.detail}

    def message(self, lang: str | None = None) -> str:
        """The problem as a sentence in the user's language."""
        en, zh = self.TEXTS.get(self.reason) or self.TEXTS.get("other", ("{d}", "{d}"))
        return pick(en, zh, lang).format(**self.fields(lang))

    def __str__(self) -> str:
        return self.message()
