"""Saved government web pages: the speech and its details come out, the site around it does not."""

import importlib.util
import re
from pathlib import Path

import pytest

from reader.core.importer import load_file, load_text
from reader.core.webclean import clean_web_text
from reader.core.webpage import extract_page

_spec = importlib.util.spec_from_file_location("web_pages", Path(__file__).with_name("web_pages.py"))
web_pages = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(web_pages)


def _lines(text):
    """Lines without the indents pages put before paragraphs (spaces, &nbsp;, full-width spaces)."""
    return [re.sub(r"^[\s\u3000\xa0]+", "", line) for line in text.split("\n")]


@pytest.mark.parametrize("name", sorted(web_pages.PAGES))
def test_speech_and_details_come_out_of_every_layout(tmp_path, name):
    make, details = web_pages.PAGES[name]
    path = tmp_path / f"{name}.html"
    path.write_bytes(make())
    imported = load_file(path)
    assert _lines(imported.text) == _lines(web_pages.expected_text())
    for junk in web_pages.FURNITURE:
        assert junk not in imported.text, junk
    assert {key: imported.metadata[key] for key in ("title", "date")} == {k: details[k] for k in ("title", "date")}
    assert imported.metadata["origin"] == details["source"]


def test_lying_charsets_are_overruled_by_the_bytes(tmp_path):
    for name, expected in (("table_layout", "gb18030"), ("pinyin_classes", "utf-8"), ("trs_editor", "gb18030")):
        path = tmp_path / f"{name}.html"
        path.write_bytes(web_pages.PAGES[name][0]())
        assert load_file(path).encoding == expected


def test_form_wrapped_page_keeps_the_speech():
    page = extract_page(web_pages.aspnet_form().decode("gbk"))
    assert len(page.text) > 400 and "同志们：" in page.text and "再上新台阶！" in page.text


def test_site_name_is_not_taken_for_a_title():
    page = extract_page("<html><head><title>某县人民政府门户网站</title></head><body><div>"
                        + "".join(f"<p>{line}</p>" for line in web_pages.SPEECH) + "</div></body></html>")
    assert page.title is None and page.date is None and page.source is None
    assert page.text.startswith("同志们：")


def test_page_of_only_links_keeps_its_text():
    page = extract_page("<html><body><ul>" + "".join(f"<li><a href='/{i}'>第{i}条新闻标题</a></li>" for i in range(9))
                        + "</ul></body></html>")
    assert "第8条新闻标题" in page.text


def test_pasted_html_goes_through_the_same_extraction():
    imported = load_text(web_pages.html5_landmarks().decode("utf-8"), fmt="html")
    assert _lines(imported.text) == _lines(web_pages.expected_text())
    assert imported.metadata["origin"] == "新华网"


def test_page_details_are_stored_with_the_speech(tmp_path, library):
    path = tmp_path / "page.html"
    path.write_bytes(web_pages.aspnet_form())
    doc_id, _ = library.add_document(load_file(path))
    info = library.get_document(doc_id)
    assert (info.title, info.date, info.origin) == (web_pages.TITLE, "2024-03-05", "市政府办公室")
    assert info.to_dict()["origin"] == "市政府办公室"


def test_broken_markup_does_not_raise():
    for markup in ("", "<", "<?xml version='1.0' encoding='gbk'?><html><body><p>同志们：好。</p></body></html>",
                   "<html><body><form><p>只有一句话。</p></form>"):
        extract_page(markup)


def test_furniture_lines_in_pasted_text_are_removed():
    text = "当前位置：首页 > 领导讲话\n同志们：\n今天开会。\n分享到：微信 微博\n京ICP备12345678号 网站标识码：1100000001"
    result = clean_web_text(text)
    assert result.text == "同志们：\n今天开会。"
    assert len(result.removed) == 3


def test_sentences_mentioning_the_furniture_words_stay():
    text = "同志们：\n要把版权所有人的合法权益保护好，把分享到的经验用起来。\n当前位置很关键，我们不能放松。"
    assert clean_web_text(text).text == text


def test_logo_heading_and_site_title_are_not_the_title():
    page = extract_page("<html><head><title>首页 - 某市人民政府门户网站</title></head><body>"
                        "<h1 class='logo'><a href='/'>某市人民政府门户网站</a></h1><div class='nav'><a>首页</a></div>"
                        "<div class='article'><div class='tit'>在全市安全生产工作会议上的讲话</div>"
                        + "".join(f"<p>{line}</p>" for line in web_pages.SPEECH) + "</div></body></html>")
    assert page.title == "在全市安全生产工作会议上的讲话"


def test_a_wrapper_named_like_furniture_keeps_the_speech():
    nav = "".join(f"<li><a href='/{i}'>栏目名称第{i}个栏目入口链接</a></li>" for i in range(60))
    page = extract_page(f"<html><body><ul class='menu'>{nav}</ul><div id='print-area'><h1>{web_pages.TITLE}</h1>"
                        + "".join(f"<p>{line}</p>" for line in web_pages.SPEECH) + "</div></body></html>")
    assert _lines(page.text) == _lines(web_pages.expected_text())


@pytest.mark.parametrize("line", ["关闭小煤矿", "（二）保护版权所有人的合法权益", "打印机采购要公开透明", "收藏家协会换届",
                                  "上一篇文章写到这里", "当前位置很关键"])
def test_short_speech_lines_that_start_like_furniture_stay(line):
    text = f"同志们：\n{line}\n今天开会。"
    assert clean_web_text(text).text == text


@pytest.mark.parametrize("line", ["【打印本页】【关闭窗口】", "打印 | 关闭", "版权所有：某市人民政府", "Copyright © 2024 某市",
                                  "上一篇：全市工作会议召开", "【字体：大 中 小】", "您的位置：首页 > 领导讲话"])
def test_furniture_lines_go(line):
    assert clean_web_text(f"同志们：\n{line}\n今天开会。").text == "同志们：\n今天开会。"


def test_what_the_page_showed_around_the_speech_is_listed_as_removed(tmp_path):
    path = tmp_path / "page.html"
    path.write_bytes(web_pages.aspnet_form())
    imported = load_file(path)
    removed = "\n".join(imported.removed)
    for junk in ("当前位置", "分享到", "网站标识码", "市政府召开常务会议研究部署重点工作", "发布时间"):
        assert junk in removed, junk
    assert not any(line in removed.split("\n") for line in web_pages.SPEECH)


def test_cleaning_of_a_page_can_be_undone_and_redone(tmp_path, library):
    from reader.core.library_ops import set_cleaning

    path = tmp_path / "page.html"
    path.write_bytes(web_pages.table_layout())
    doc_id, _ = library.add_document(load_file(path))
    cleaned = library.get_document(doc_id).text
    set_cleaning(library, doc_id, False)
    whole = library.get_document(doc_id)
    assert "网站标识码" in whole.text and "同志们：" in whole.text and not whole.removed
    set_cleaning(library, doc_id, True)
    assert library.get_document(doc_id).text == cleaned


def test_speech_split_over_sibling_blocks_comes_out_whole():
    first, rest = web_pages.SPEECH[:4], web_pages.SPEECH[4:]
    page = extract_page(
        f"<html><body><div class='nav'><a>首页</a><a>政务公开</a></div><div class='wrap'><h1>{web_pages.TITLE}</h1>"
        "<div class='page1'>" + "".join(f"<p>{line}</p>" for line in first) + "</div>"
        "<div class='page2'>" + "".join(f"<p>{line}</p>" for line in rest) + "</div>"
        "<div class='pager'><a>上一页</a><a>1</a><a>2</a><a>下一页</a></div></div>"
        "<div class='sidebar'><ul>" + "".join(f"<li><a>要闻{i}</a></li>" for i in range(8)) + "</ul></div></body></html>")
    assert _lines(page.text) == _lines(web_pages.expected_text())


def test_the_page_date_beats_a_time_inside_the_text():
    page = extract_page("<html><body><div class='info'>来源：市政府办 日期：2024-05-06</div><div id='zoom'>"
                        "<p>会议时间：2023年1月2日。</p>" + "".join(f"<p>{line}</p>" for line in web_pages.SPEECH)
                        + "</div><div>发布时间：2024-05-07 08:00</div></body></html>")
    assert page.date == "2024-05-07"


def test_gbk_and_big5_pages_claiming_each_other_are_read_by_their_bytes(tmp_path):
    body = "".join(f"<p>{line}</p>" for line in web_pages.SPEECH)
    gbk = tmp_path / "gbk.html"
    gbk.write_bytes(f'<html><head><meta charset="big5"></head><body>{body}</body></html>'.encode("gbk"))
    assert load_file(gbk).encoding == "gb18030" and "优化营商环境" in load_file(gbk).text
    traditional = "同志們：今天召開全市優化營商環境工作會議，總結去年工作，安排今年任務。各級各部門要把優化營商環境擺上重要議事日程。"
    big5 = tmp_path / "big5.html"
    big5.write_bytes(f'<html><head><meta charset="gb2312"></head><body><p>{traditional}</p></body></html>'.encode("big5"))
    assert load_file(big5).encoding == "big5" and load_file(big5).text == traditional
