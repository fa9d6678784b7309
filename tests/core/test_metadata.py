"""guess_metadata: title, date, place and speaker from the top lines, or None."""

from pathlib import Path

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


def test_title_wrapped_onto_two_lines_is_joined_not_cut():
    text = "政府工作报\n告\n——2021年3月5日在第十三届全国人民代表大会第四次会议上\n国务院总理\n　李克强\n各位代表：\n现在，我代表国务院。"
    meta = guess_metadata(text)
    assert meta["title"] == "政府工作报告" and meta["date"] == "2021-03-05"


def test_dashed_item_in_the_body_is_not_a_byline():
    text = ("各位代表：\n现在，我代表国务院，向大会报告政府工作。\n一、2018年工作回顾\n过去一年很不平凡。\n"
            "——经济运行保持在合理区间。国内生产总值增长6.6%。")
    assert guess_metadata(text) == {"title": None, "date": None, "place": None, "speaker": None}


@pytest.mark.parametrize("title", ["在全县经济工作会议上的讲话", "在全市优化营商环境工作会议上的讲话", "在本区重点项目推进会上的讲话"])
def test_at_the_whole_county_is_not_a_place(title):
    assert guess_metadata(f"{title}\n同志们：\n今天开会。")["place"] is None


def test_real_place_still_found():
    assert guess_metadata("在郑州市城市工作会议上的讲话\n同志们：")["place"] == "郑州市"


def test_traditional_title_from_a_big5_file(tmp_path):
    from reader.core.importer import load_file

    path = tmp_path / "report.txt"
    path.write_bytes("政府工作報告\n——2021年3月5日在第十三屆全國人民代表大會第四次會議上\n各位代表：\n現在，我代表國務院。".encode("big5"))
    imported = load_file(path)
    assert imported.encoding == "big5"
    assert imported.metadata["title"] == "政府工作報告" and imported.metadata["date"] == "2021-03-05"


def test_nothing_below_the_salutation_is_read():
    text = "同志们：\n在郑州市城市工作会议上的讲话\n——2020年5月1日"
    assert guess_metadata(text) == {"title": None, "date": None, "place": None, "speaker": None}


def test_national_reports_get_no_wrong_guesses():
    import json

    corpus = Path(__file__).resolve().parents[3] / "shared" / "corpora" / "official_texts_1982-2025.jsonl"
    if not corpus.exists():
        pytest.skip("shared corpora absent")
    for line in corpus.read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        meta = guess_metadata(record["text"])
        assert meta["title"] in (None, "政府工作报告"), record["title"]
        assert meta["place"] is None, record["title"]
        if meta["date"]:
            assert meta["date"].startswith(str(record["year"]))
