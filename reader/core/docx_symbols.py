"""Characters of the Symbol and Wingdings fonts as Unicode, so they neither vanish nor turn into letters.

Word stores them as w:sym (font + code F0xx) or as ordinary text in a run set in that font,
where "l" means ● in Wingdings and "p" means π in Symbol. A code we do not know is marked
with U+FFFD, visibly, rather than dropped.
"""

from __future__ import annotations

UNKNOWN = "\ufffd"

_GREEK_UPPER = "ΑΒΧΔΕΦΓΗΙϑΚΛΜΝΟΠΘΡΣΤΥςΩΞΨΖ"
_GREEK_LOWER = "αβχδεφγηιϕκλμνοπθρστυϖωξψζ"

SYMBOL: dict[int, str] = {
    **{0x41 + i: ch for i, ch in enumerate(_GREEK_UPPER)},
    **{0x61 + i: ch for i, ch in enumerate(_GREEK_LOWER)},
    0x22: "∀", 0x24: "∃", 0x27: "∋", 0x2A: "∗", 0x2D: "−", 0x40: "≅", 0x5C: "∴", 0x5E: "⊥",
    0xA2: "′", 0xA3: "≤", 0xA5: "∞", 0xA7: "♣", 0xA8: "♦", 0xA9: "♥", 0xAA: "♠", 0xAB: "↔",
    0xAC: "←", 0xAD: "↑", 0xAE: "→", 0xAF: "↓", 0xB0: "°", 0xB1: "±", 0xB2: "″", 0xB3: "≥",
    0xB4: "×", 0xB5: "∝", 0xB6: "∂", 0xB7: "•", 0xB8: "÷", 0xB9: "≠", 0xBA: "≡", 0xBB: "≈",
    0xBC: "…", 0xC5: "⊕", 0xC6: "∅", 0xC7: "∩", 0xC8: "∪", 0xCE: "∈", 0xCF: "∉", 0xD1: "∇",
    0xD6: "√", 0xD7: "⋅", 0xD8: "¬", 0xD9: "∧", 0xDA: "∨", 0xDB: "⇔", 0xDE: "⇒", 0xE0: "◊",
    0xE5: "∑", 0xF2: "∫",
}
# digits, space and plain punctuation are themselves in Symbol
for _code in (0x20, 0x21, 0x23, 0x25, 0x26, 0x28, 0x29, 0x2B, 0x2C, 0x2E, 0x2F, *range(0x30, 0x3F + 1),
              0x5B, 0x5D, 0x5F, 0x7B, 0x7C, 0x7D):
    SYMBOL.setdefault(_code, chr(_code))

WINGDINGS: dict[int, str] = {
    0x20: " ", 0x21: "✏", 0x22: "✂", 0x28: "☎", 0x2A: "✉", 0x36: "⌛", 0x3F: "✍", 0x41: "✌",
    0x43: "👍", 0x44: "👎", 0x4A: "☺", 0x4C: "☹", 0x4E: "☠", 0x52: "☼", 0x54: "❄",
    0x58: "✠", 0x59: "✡", 0x5B: "☯", 0x6C: "●", 0x6D: "❍", 0x6E: "■", 0x6F: "□", 0x70: "◻",
    0x71: "❑", 0x72: "❒", 0x74: "⧫", 0x75: "◆", 0x76: "❖", 0x78: "⌧",
    0x7A: "⌘", 0x7B: "❀", 0x7C: "✿", 0x7D: "❝", 0x7E: "❞", 0xA1: "○",
    0xA7: "▪", 0xA8: "◻", 0xAB: "★", 0xD8: "➢", 0xDF: "⇦", 0xE0: "⇨", 0xE1: "⇧", 0xE2: "⇩",
    0xE8: "➔", 0xFB: "✗", 0xFC: "✓", 0xFD: "☒", 0xFE: "☑",
    0x80: "⓪", **{0x81 + i: chr(0x2460 + i) for i in range(10)},   # ①…⑩
    **{0x8C + i: chr(0x2776 + i) for i in range(10)},   # ❶…❿
}

_FONTS = {"symbol": SYMBOL, "wingdings": WINGDINGS}


def symbol_font(name: str | None) -> dict[int, str] | None:
    """The table for a font name ("Wingdings", "Wingdings 2" has none of ours), or None."""
    return _FONTS.get((name or "").strip().lower())


def map_symbol(table: dict[int, str], code: int) -> str:
    """One character of a symbol font: codes come as 0x41 or as the private-use F041."""
    if 0xF000 <= code <= 0xF0FF:
        code -= 0xF000
    return table.get(code, UNKNOWN)


def map_run_text(table: dict[int, str], text: str) -> str:
    """Text typed in a symbol font, character by character."""
    return "".join(map_symbol(table, ord(ch)) if ord(ch) <= 0xFF or 0xF000 <= ord(ch) <= 0xF0FF else ch
                   for ch in text)


def sym_char(font: str | None, raw: str | None) -> str:
    """A w:sym element's character: mapped through its font's table, else the code itself if printable."""
    try:
        code = int(raw or "", 16)
    except ValueError:
        return UNKNOWN
    table = symbol_font(font)
    if table is not None:
        return map_symbol(table, code)
    if 0xF000 <= code <= 0xF0FF or not 0x20 <= code <= 0x10FFFF:
        return UNKNOWN
    return chr(code)
