"""Decode the bytes of a Chinese text file: a cascade of checks instead of one detector's guess.

charset-normalizer (like chardet) misreads short GBK texts as cp949, Big5 or Latin-1, so it
only gets the bytes that BOMs, strict UTF-8 and a plausibility-checked gb18030 could not
explain (PITFALLS.md, "Chinese text handling").
"""

from __future__ import annotations

import codecs

from reader.core.locale import pick

# GBK and GB2312 are subsets of gb18030; the gb2312 codec even rejects 镕 and traditional forms
_GB_FAMILY = {"gbk", "gb2312", "cp936", "euc-cn", "euccn", "gb18030", "hz", "ms936"}

_BOMS = (
    # UTF-32 first: its little-endian BOM begins with UTF-16's
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)

# share of a text's hanzi (plus stray symbols) that must be common GB2312 level-1 characters
GB_PLAUSIBLE_SHARE = 0.6
# share of characters that must look like Chinese or ASCII text in a BOM-less UTF-16 reading
UTF16_PLAUSIBLE_SHARE = 0.95
# share of hanzi needed to take NUL-less bytes for UTF-16 (random bytes rarely decode to texty hanzi)
UTF16_HANZI_SHARE = 0.5
# Latin-1 text is mostly ASCII: at most this share of its bytes are accented letters or marks
LATIN_MAX_HIGH_SHARE = 0.2
_LATIN_EXTRA = set("“”‘’–—…«»°£€§©®·•¡¿ ×÷¢¥¶½¼¾")
# how a codec says that the bytes stopped in the middle of a character
_CUT_REASONS = {"unexpected end of data", "truncated data", "incomplete multibyte sequence"}


class EncodingError(ValueError):
    """The bytes could not be decoded (no plausible encoding, or a wrong override)."""

    def __init__(self, message: str, encoding: str | None = None):
        super().__init__(message)
        self.encoding = encoding


def normalize_name(name: str) -> str:
    """Canonical codec name ('UTF8' -> 'utf-8', 'GBK' -> 'gb18030', 'utf_16_le' -> 'utf-16-le')."""
    try:
        canonical = codecs.lookup(name).name
    except LookupError as exc:
        raise EncodingError(
            pick(f"Unknown encoding “{name}”", f"未知的编码“{name}”"), name
        ) from exc
    canonical = canonical.replace("_", "-")
    if canonical in _GB_FAMILY or name.strip().lower().replace("_", "-") in _GB_FAMILY:
        return "gb18030"
    return {"iso8859-1": "latin-1"}.get(canonical, canonical)


def decode_bytes(data: bytes, override: str | None = None) -> tuple[str, str]:
    """Decode `data` to (text, encoding name); `override` forces one encoding, strictly."""
    if override:
        return _decode_override(data, override)
    for bom, name in _BOMS:
        if data.startswith(bom):
            try:
                return decode_cut(data, name), name
            except UnicodeDecodeError:
                break  # a BOM followed by garbage: let the other checks try
    # before UTF-8: ASCII-heavy UTF-16 is also valid UTF-8 (with a NUL after every letter)
    utf16 = sniff_utf16(data)
    if utf16:
        return decode_cut(data, utf16), utf16
    try:
        return decode_cut(data, "utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    # Chinese UTF-16 has too few NULs for the sniffer (only newlines and digits carry them)
    utf16 = plausible_utf16(data)
    if utf16:
        return decode_cut(data, utf16), utf16
    latin = _latin_name(data)
    if latin:
        return data.decode(latin), latin
    for name, plausible in (("gb18030", _gb_plausible), ("big5", _big5_plausible)):
        try:
            text = decode_cut(data, name)
        except UnicodeDecodeError:
            continue
        if plausible(text):
            return text, name
    return _decode_detected(data)


def decode_cut(data: bytes, name: str) -> str:
    """Decode strictly, except that a file cut off inside its last character ends in U+FFFD.

    An interrupted download or copy leaves half a character at the end; strict decoding then
    failed and the cascade fell through to charset-normalizer, which read cut GBK as Thai (cp874).
    Only the last 1–3 bytes may be incomplete: anything wrong before them still raises.
    """
    try:
        return data.decode(name)
    except UnicodeDecodeError as exc:
        if exc.reason not in _CUT_REASONS:
            raise
        for cut in (1, 2, 3):
            try:
                return data[:-cut].decode(name) + "\ufffd"
            except UnicodeDecodeError:
                continue
        raise


def sniff_utf16(data: bytes) -> str | None:
    """'utf-16-le' or 'utf-16-be' when BOM-less bytes look like UTF-16 text, else None."""
    if len(data) % 2:
        data = data[:-1]   # cut off inside the last character
    if len(data) < 4:
        return None
    sample = data[:65536]
    nul_even = sample[0::2].count(0)
    nul_odd = sample[1::2].count(0)
    # NULs sit in the high byte of ASCII characters (newlines, digits): one parity dominates
    if nul_even + nul_odd < max(2, len(sample) // 200):
        return None
    if nul_odd >= 3 * nul_even:
        name = "utf-16-le"
    elif nul_even >= 3 * nul_odd:
        name = "utf-16-be"
    else:
        return None
    try:
        text = decode_cut(data, name)
    except UnicodeDecodeError:
        return None
    good = sum(1 for ch in text[:20000] if _texty(ch))
    return name if good >= UTF16_PLAUSIBLE_SHARE * min(len(text), 20000) else None


def plausible_utf16(data: bytes) -> str | None:
    """'utf-16-le' or 'utf-16-be' when BOM-less bytes decode to Chinese prose: nearly all of it text, much of it hanzi."""
    sniffed = sniff_utf16(data)
    if sniffed or len(data) < 8:
        return sniffed
    sample = data[:40000]
    for name in ("utf-16-le", "utf-16-be"):
        try:
            text = decode_cut(sample[: len(sample) // 2 * 2], name)
        except UnicodeDecodeError:
            continue
        texty = sum(1 for ch in text if _texty(ch) and ch != "\x00")
        hanzi = sum(1 for ch in text if _is_hanzi(ch))
        if texty >= UTF16_PLAUSIBLE_SHARE * len(text) and hanzi >= UTF16_HANZI_SHARE * len(text):
            return name
    return None


def _latin_name(data: bytes) -> str | None:
    """'cp1252' (or 'latin-1') for Western European text: accented letters standing alone between ASCII letters.

    charset-normalizer read such English as cp775 (Baltic); GBK and Big5 put their high bytes in pairs.
    """
    sample = data[:65536]   # a sample decides; the whole text is then decoded strictly
    high = [i for i, byte in enumerate(sample) if byte >= 0x80]
    if not high or len(high) > LATIN_MAX_HIGH_SHARE * len(sample):
        return None
    alone = sum(1 for i in high if (i == 0 or sample[i - 1] < 0x80) and (i + 1 == len(sample) or sample[i + 1] < 0x80))
    if alone < 0.8 * len(high):
        return None
    for name in ("cp1252", "latin-1"):
        try:
            text = data.decode(name)
        except UnicodeDecodeError:
            continue
        if all(ch in _LATIN_EXTRA or ch.isalpha() and ord(ch) <= 0x24F for ch in text if ord(ch) >= 0x80):
            return name
    return None


def _decode_override(data: bytes, override: str) -> tuple[str, str]:
    """Decode strictly with the user's choice, or explain that it does not fit."""
    name = normalize_name(override)
    if name in ("utf-8", "utf-8-sig") and data.startswith(codecs.BOM_UTF8):
        name = "utf-8-sig"
    try:
        return decode_cut(data, name), name
    except UnicodeDecodeError as exc:
        raise EncodingError(
            pick(
                f"The file is not valid {name} text (byte {exc.start} does not fit)",
                f"文件不是有效的 {name} 文本（第 {exc.start} 字节无法解码）",
            ),
            name,
        ) from exc


def _decode_detected(data: bytes) -> tuple[str, str]:
    """Last resort: charset-normalizer's best guess, or refuse."""
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is not None and best.encoding:
        name = normalize_name(best.encoding)
        try:
            return data.decode(name), name
        except UnicodeDecodeError:
            pass
    raise EncodingError(pick("The text encoding could not be recognised", "无法识别文字编码"))


def _is_hanzi(ch: str) -> bool:
    """A CJK unified ideograph (basic block, extension A, or beyond the BMP)."""
    cp = ord(ch)
    return 0x4E00 <= cp <= 0x9FFF or 0x3400 <= cp <= 0x4DBF or 0x20000 <= cp <= 0x3FFFF


def _texty(ch: str) -> bool:
    """A character that ordinary Chinese or English prose is made of."""
    cp = ord(ch)
    if cp < 0x80:
        return ch.isprintable() or ch in "\t\r\n\f"
    return (
        _is_hanzi(ch)
        or 0x3000 <= cp <= 0x303F  # CJK punctuation
        or 0xFF00 <= cp <= 0xFFEF  # full-width forms
        or 0x2000 <= cp <= 0x206F  # general punctuation (“”…—)
        or 0x00A0 <= cp <= 0x024F  # Latin-1 and Latin Extended (accents, ×, ·)
        or 0x2460 <= cp <= 0x24FF  # ①⑴
        or 0x2150 <= cp <= 0x218F  # Ⅰ Ⅱ Roman numerals
    )


def _gb2312_row(ch: str) -> int | None:
    """The GB2312 lead byte of a character, or None outside GB2312."""
    try:
        encoded = ch.encode("gb2312")
    except UnicodeEncodeError:
        return None
    return encoded[0] if len(encoded) == 2 else None


def _gb_plausible(text: str) -> bool:
    """Most hanzi are common (GB2312 level 1) and few odd symbols: real GBK, not Big5 misread."""
    common = other = 0
    for ch in text[:50000]:  # a sample is enough, and encoding each character is slow
        if ord(ch) < 0x80:
            continue
        row = _gb2312_row(ch)
        if _is_hanzi(ch):
            if row is not None and 0xB0 <= row <= 0xD7:
                common += 1
            else:
                other += 1
        elif row is None or not 0xA1 <= row <= 0xA3:
            # kana, Greek, Cyrillic, box drawing, private use: what Big5 bytes turn into
            other += 1
    if common + other == 0:
        return True
    return common >= GB_PLAUSIBLE_SHARE * (common + other)


def _big5_plausible(text: str) -> bool:
    """Nearly all non-ASCII characters are hanzi or CJK punctuation."""
    wide = [ch for ch in text[:50000] if ord(ch) >= 0x80]
    if not wide:
        return True
    good = sum(1 for ch in wide if _texty(ch))
    return good >= 0.95 * len(wide)
