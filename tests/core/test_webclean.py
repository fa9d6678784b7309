"""clean_web_text and html_to_text: junk out, speech untouched."""

from hypothesis import given, settings
from hypothesis import strategies as st

from reader.core.webclean import clean_web_text, html_to_text

TITLE = "在2024年全市高品质城市建设工作推进会议上的讲话"


def _normalised(text: str) -> str:
    """What cleaning may change on a clean text: line ends, trailing spaces, outer blank lines."""
    lines = [line.rstrip() for line in text.replace("\r\n", "\n").split("\n")]
    return "\n".join(lines).strip("\n")


def test_web_copy_of_the_fifth_speech_is_cleaned(seed_texts):
    result = clean_web_text(seed_texts[4])
    assert result.text.startswith(f"{TITLE}\n同志们：\n今天会议的主要任务是")
    for junk in ("zciku", "来源：", "bookmark", "..."):
        assert junk not in result.text
    assert result.removed[0] == "中词库 / www.zciku.com"
    assert result.removed[1] == "[bookmark: _Toc1]"
    assert result.removed[2].startswith("来源：网络")
    assert result.removed[3].endswith("一会儿...")
    assert result.removed[4] == TITLE
    assert result.text.count(TITLE) == 1
    # the body itself is untouched, placeholders included
    assert result.text.endswith("作出新贡献！")
    assert "X市高品质城市建设工作推进会议精神" in result.text


def test_clean_speeches_come_out_unchanged(seed_texts):
    for text in seed_texts[:4]:
        result = clean_web_text(text)
        assert result.text == _normalised(text)
        assert result.removed == []


def test_crlf_and_trailing_spaces_are_normalised(seed_texts):
    text = seed_texts[0].replace("\n", "  \r\n")
    assert clean_web_text(text).text == _normalised(seed_texts[0])


def test_placeholders_and_indents_stay():
    text = "　　XX市要抓好××工作，**同志指出，X年X月要完成。\n　　下面，我讲三点意见……"
    assert clean_web_text(text).text == text


def test_ellipsis_in_speech_is_not_a_teaser():
    text = "同志们：\n我们要抓好规划、建设、管理等等……\n规划是龙头。"
    assert clean_web_text(text).text == text


def test_url_inside_a_speech_sentence_is_kept():
    line = "要用好政务网站www.gov.cn等平台，及时公开信息，回应群众关切，接受社会监督。"
    assert clean_web_text(line).text == line


def test_repeated_heading_later_in_the_speech_is_kept():
    text = "一、加强领导\n内容。\n" + "正文。\n" * 20 + "一、加强领导\n"
    assert clean_web_text(text).text == text.strip("\n")


@settings(max_examples=300, deadline=None)
@given(st.text())
def test_clean_never_raises(text):
    result = clean_web_text(text)
    assert isinstance(result.text, str)


@settings(max_examples=100, deadline=None)
@given(st.lists(st.sampled_from(["同志们：", "讲话", "...", "…", "来源：", "www.a.com", "\n", "\r\n", " ", "X", "[bookmark: a]"])))
def test_clean_never_raises_on_junk_like_text(parts):
    clean_web_text("".join(parts))


def test_html_to_text_keeps_visible_text_only():
    html = """<html><head><title>网页标题</title><style>p {color: red}</style></head>
    <body><header>站点导航</header><nav><a href="/">首页</a></nav>
    <h1>在全市会议上的讲话</h1>
    <p>同志们：</p>
    <p>今天&nbsp;我们召开会议，&ldquo;三项工程&rdquo;&amp;一项管理。</p>
    <div>一、提高认识<br>二、突出
    重点</div>
    <script>alert("x")</script>
    <table><tr><td>甲</td><td>乙</td></tr></table>
    <footer>版权所有</footer></body></html>"""
    text = html_to_text(html)
    assert text.split("\n") == [
        "在全市会议上的讲话",
        "同志们：",
        "今天\xa0我们召开会议，“三项工程”&一项管理。",
        "一、提高认识",
        "二、突出重点",
        "甲\t乙",
    ]


def test_html_keeps_spaces_between_words():
    assert html_to_text("<p>凝心聚力 再创佳绩</p><p>Hello   world</p>") == "凝心聚力 再创佳绩\nHello world"
