"""guess_metadata: title, date, place and speaker from the top lines, or None."""

import pytest

from reader.core.metadata import guess_metadata
from reader.core.webclean import clean_web_text


def test_fifth_speech(seed_texts):
    meta = guess_metadata(clean_web_text(seed_texts[4]).text)
    assert meta == {
        "title": "在2024年全市高品质城市建设工作推进会议上的讲话",
        "date": "2024",
        "place": None,  # the speech only says "X市": a placeholder, not a place
        "speaker": None,
    }


def test_speeches_without_heading_give_nothing(seed_texts):
    for text in seed_texts[:4]:
        assert guess_metadata(text) == {"title": None, "date": None, "place": None, "speaker": None}


def test_byline_gives_speaker_place_and_day():
    text = "凝心聚力 再创佳绩\n——市委书记张三同志在郑州市2024年3月5日城建工作会议上的讲话\n同志们：\n2019年……"
    assert guess_metadata(text) == {
        "title": "凝心聚力 再创佳绩", "date": "2024-03-05", "place": "郑州市", "speaker": "张三"}


def test_date_line_under_title_in_chinese_numerals():
    meta = guess_metadata("在郑州市城市工作会议上的讲话\n（二〇二四年三月十五日）\n同志们：")
    assert meta["date"] == "2024-03-15"
    assert meta["place"] == "郑州市"


@pytest.mark.parametrize(
    "text",
    [
        "在XX市城市工作会议上的讲话\n同志们：",
        "在**市城市工作会议上的讲话\n同志们：",
        "——XXX同志在全市会议上的讲话\n同志们：",
        "在全市城市工作会议上的讲话\n同志们：",
    ],
)
def test_placeholders_mean_unknown(text):
    meta = guess_metadata(text)
    assert meta["place"] is None
    assert meta["speaker"] is None


def test_year_span_is_not_a_date():
    assert guess_metadata("在《2024—2026年行动计划》部署会上的讲话")["date"] is None


def test_body_dates_are_ignored():
    assert guess_metadata("同志们：\n2023年5月，我们召开了会议。")["date"] is None
