"""The clipboard pair for excerpts: HTML that Word pastes with fonts and layout, and the same as plain text.

The GUI puts both on one QMimeData (`setHtml` + `setText`); this module stays free of Qt.
Every piece of speech text is escaped, so a quote holding <b> or & pastes as those characters.
"""

from __future__ import annotations

import html
from typing import Iterable

from reader.core.codebook_types import Excerpt
from reader.core.export.citation import citation_lines, citation_text, note_text
from reader.core.export.docx_export import ExportFonts, clean_text


def _font_css(east_asian: str, latin: str, size: float) -> str:
    """Inline CSS naming both fonts; mso-fareast-font-family is what Word reads for Chinese."""
    return (f"font-family:'{html.escape(latin)}','{html.escape(east_asian)}';"
            f"mso-fareast-font-family:'{html.escape(east_asian)}';font-size:{size:g}pt")


def _paragraphs(text: str, style: str) -> list[str]:
    """One <p> per line, its text escaped."""
    return [f'<p style="{style}">{html.escape(line)}</p>' for line in clean_text(text).split("\n") if line.strip()]


def _citation_html(excerpt: Excerpt, style: str, lang: str | None, headings: bool) -> list[str]:
    """The citation as one paragraph whose parts never wrap inside (one no-wrap span each)."""
    pieces = citation_lines(excerpt, lang, 0, headings=headings)      # width 0: every piece on its own
    if not pieces:
        return []
    spans = [f'<span style="white-space:nowrap">{html.escape(p)}</span>' for p in pieces]
    return [f'<p style="{style}">' + "".join(s + (" " if p.endswith((" /", ";")) else "")
                                             for s, p in zip(spans, pieces)).rstrip() + "</p>"]


def clipboard_payload(excerpts: Iterable[Excerpt], *, with_citation: bool = True, fonts: ExportFonts | None = None,
                      size: float = 12, lang: str | None = None, headings: bool = False) -> tuple[str, str]:
    """(html, plain) for copying excerpts: each quote, then its citation and note."""
    fonts = fonts or ExportFonts()
    body = _font_css(fonts.songti, fonts.latin, size) + ";text-indent:2em;margin:0"
    small = _font_css(fonts.kaiti, fonts.latin, max(size - 1.5, 9)) + ";margin:0 0 0.6em 0"
    parts, plain = [], []
    for excerpt in excerpts:
        parts += _paragraphs(excerpt.quote, body)
        plain.append(clean_text(excerpt.quote).strip("\n"))
        if with_citation:
            parts += _citation_html(excerpt, f"{small};text-align:right", lang, headings)
            for text in (citation_text(excerpt, lang, headings=headings), note_text(excerpt, lang)):
                plain += [text] if text else []
            parts += _paragraphs(note_text(excerpt, lang), f"{small};text-align:left")
        plain.append("")
    markup = ('<html><head><meta charset="utf-8"></head><body>\n<!--StartFragment-->\n'
              + "\n".join(parts) + "\n<!--EndFragment-->\n</body></html>")
    return markup, "\n".join(plain).rstrip("\n") + "\n"
