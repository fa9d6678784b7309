"""Display offsets: soft breaks in long paragraphs and UTF-16 positions map back to the same characters."""

from hypothesis import given, settings, strategies as st

from reader.core.display import DisplayMap


def utf16_index_to_display_index(display: str, position: int) -> int:
    units = index = 0
    while units < position:
        units += 2 if ord(display[index]) > 0xFFFF else 1
        index += 1
    return index


def test_short_text_is_shown_as_is():
    m = DisplayMap("同志们：\n一、总体要求")
    assert m.display_text == "同志们：\n一、总体要求"
    assert m.breaks == []


def test_long_paragraph_is_split_at_sentence_ends():
    text = "这是一句话。" * 500
    m = DisplayMap(text, max_block=300)
    assert m.breaks, "a 3,000-character paragraph must be split"
    for cut in m.breaks:
        assert text[cut - 1] == "。"
    assert m.display_text.replace("\n", "") == text


def test_astral_characters_take_two_qt_units():
    text = "𠀀𠀁甲乙"
    m = DisplayMap(text)
    assert [m.to_qt(i) for i in range(5)] == [0, 2, 4, 5, 6]
    assert [m.from_qt(q) for q in (0, 2, 4, 5, 6)] == [0, 1, 2, 3, 4]


@settings(max_examples=60, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("甲乙。！\n𠀀a ")), max_size=400), st.integers(20, 80))
def test_every_offset_maps_to_its_character(text, block):
    m = DisplayMap(text, max_block=block)
    for offset in range(len(text)):
        position = m.to_qt(offset)
        assert m.from_qt(position) == offset
        assert m.display_text[utf16_index_to_display_index(m.display_text, position)] == text[offset]
