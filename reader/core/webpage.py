"""Find the speech in a saved web page: the densest block of sentences, not the site around it.

Government sites wrap pages in an ASP.NET <form>, lay them out in nested tables, and put
navigation, a breadcrumb (当前位置), a share bar (分享到), related links and a footer (ICP备,
网站标识码) around the text. The main block is found by scoring where the sentence text sits
(as readability does: a paragraph's text counts for its container, half for the one above),
minus text inside links; the page's title, date (发布时间) and source (来源) become the
speech's details. Chosen over trafilatura: bench/bench_webpages.py measures both on the same
pages, and trafilatura would add babel, dateparser, regex, pytz, justext … (52 MB installed)
to the build.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from lxml import etree, html as lxml_html

from reader.core.webclean import html_to_text

# elements whose text is never the speech
_DROP = ("script", "style", "noscript", "template", "svg", "iframe", "select", "button", "textarea",
         "object", "embed", "nav", "header", "footer", "aside")
# class or id words of page furniture; such a block is dropped unless it holds most of the text
_FURNITURE = re.compile(
    r"(?:^|[\s_-])(?:nav|navbar|menu|breadcrumb|crumbs?|position|location|share|bdshare|footer|foot|"
    r"copyright|related|relate|xgxw|xglj|sidebar|toolbar|print|topbar|header)(?:$|[\s_-]|\d)",
    re.IGNORECASE)
_PARAGRAPH_TAGS = {"p", "span", "font", "strong", "b", "em", "i", "u", "h1", "h2", "h3", "h4", "h5", "h6"}
_SENTENCE_MARKS = re.compile("[，。；：！？、]")
_DATE = re.compile(r"((?:19|20)\d{2})\s*[-年/.]\s*(\d{1,2})\s*[-月/.]\s*(\d{1,2})")
# the page's own labels first: a bare 时间： may be a meeting's time inside the text
_DATE_LABELS = (re.compile(r"(?:发布时间|发布日期|发表时间|发稿时间|成文日期)\s*[:：]\s*"),
                re.compile(r"(?:时间|日期)\s*[:：]\s*"))
_SOURCE = re.compile(r"(?:来源|信息来源|文章来源)\s*[:：]\s*([^\s:：|｜　]{2,30})")
_TITLE_SPLIT = re.compile(r"\s*(?:[_|｜]|\s[-—–]\s|--)\s*")
_META_TITLE = ("ArticleTitle", "og:title")
_TITLE_CLASS = re.compile(r"(?:^|[\s_-])(?:title|article-title|bt|biaoti|wz_bt|tit)(?:$|[\s_-])", re.IGNORECASE)
# a <title> part that names the site, not the article
_SITE_NAME = re.compile(r"(?:人民政府|政府网|门户网站|网站|网|首页|^领导讲话|^新闻中心)$")
_META_DATE = ("PubDate", "publishdate", "pubdate", "article:published_time", "firstpublishedtime")
_META_SOURCE = ("ContentSource", "source")
# a parent of the chosen block is taken instead when it holds this many times its sentences
CLIMB_SENTENCES = 1.25


@dataclass
class WebPage:
    """The speech's text in a page and the details the page gives about it."""

    text: str
    title: str | None = None
    date: str | None = None
    source: str | None = None


def extract_page(markup: str) -> WebPage:
    """The main text of an HTML page with its title, date and source; the whole page's text if no block stands out."""
    markup = re.sub(r"^\s*<\?xml[^>]*>", "", markup)   # lxml refuses str input with an encoding declaration
    try:
        root = lxml_html.document_fromstring(markup)
    except (etree.ParserError, ValueError):
        return WebPage(html_to_text(markup))
    etree.strip_elements(root, etree.Comment, "script", "style", with_tail=False)
    page_text = " ".join(root.text_content().split())
    details = WebPage("", _title(root), _date(root, page_text), _source(root, page_text))
    etree.strip_elements(root, *_DROP, with_tail=False)
    _drop_furniture(root)
    best = _main_block(root)
    body = root.find("body")
    block = best if best is not None else (body if body is not None else root)
    if best is not None:
        _drop_link_lists(block)
    text = html_to_text(lxml_html.tostring(block, encoding="unicode"))
    title = details.title
    if title and not text.lstrip().startswith(title):
        text = f"{title}\n{text}"
    details.text = text
    return details


def _text_len(text: str | None) -> int:
    """Characters that show, spaces not counted."""
    return len("".join((text or "").split()))


def _drop_furniture(root: etree._Element) -> None:
    """Remove blocks named as navigation, breadcrumb, share bar, related links or footer, unless they hold the speech."""
    total = _text_len(root.text_content()) or 1
    sentences = _sentences(root.text_content())
    for element in list(root.iter()):
        if not isinstance(element.tag, str) or element.getparent() is None:
            continue
        names = f"{element.get('class', '')} {element.get('id', '')}"
        if not _FURNITURE.search(names):
            continue
        text = element.text_content()
        # a wrapper named "print-area" or "header-content" that holds the speech stays
        if _text_len(text) < 0.3 * total and (not sentences or _sentences(text) < 0.3 * sentences):
            element.drop_tree()


def _sentences(text: str) -> int:
    """How many sentences end in a text."""
    return len(re.findall("[。！？]", text))


def _own_text(element: etree._Element) -> str:
    """Text directly in the element (its text and its children's tails), links left out."""
    parts = [element.text or ""]
    for child in element:
        if isinstance(child.tag, str) and child.tag in _PARAGRAPH_TAGS and child.tag not in ("a",):
            parts.append(child.text_content() if not child.findall(".//a") else "")
        parts.append(child.tail or "")
    return "".join(parts)


def _main_block(root: etree._Element) -> etree._Element | None:
    """The element holding most of the page's sentence text, counted where paragraphs sit."""
    scores: dict[etree._Element, float] = {}
    for element in root.iter():
        if not isinstance(element.tag, str) or element.tag in ("a", "html", "body", "head", "title"):
            continue
        text = _own_text(element)
        length = _text_len(text)
        if length < 8:
            continue
        weight = length + 10 * len(_SENTENCE_MARKS.findall(text))
        container = element.getparent() if element.tag in _PARAGRAPH_TAGS else element
        for share, target in ((1.0, container), (0.5, container.getparent() if container is not None else None)):
            if target is not None and target.tag not in ("html", None):
                scores[target] = scores.get(target, 0.0) + share * weight
    if not scores:
        return None
    best = max(scores, key=scores.get)
    if _link_share(best) > 0.5:
        return None   # a block that is mostly links (a list of headlines) is not a speech
    # a speech split over sibling blocks (pages, a lead paragraph apart): climb while that adds sentences
    while True:
        parent = best.getparent()
        if parent is None or parent.tag in ("body", "html") or _link_share(parent) > 0.35:
            return best
        if _own_sentences(parent) < CLIMB_SENTENCES * max(_own_sentences(best), 1):
            return best
        best = parent


def _link_share(element: etree._Element) -> float:
    """Share of an element's text that sits inside links."""
    links = sum(_text_len(a.text_content()) for a in element.iter("a"))
    return links / (_text_len(element.text_content()) or 1)


def _own_sentences(element: etree._Element) -> int:
    """Sentences of an element outside links."""
    return _sentences(element.text_content()) - sum(_sentences(a.text_content()) for a in element.iter("a"))


def _drop_link_lists(block: etree._Element) -> None:
    """Inside the chosen block, remove lists and tables that are mostly links (related articles)."""
    for element in list(block.iter("ul", "ol", "table", "div", "dl")):
        if element is block or element.getparent() is None:
            continue
        anchors = element.findall(".//a")
        if len(anchors) < 3:
            continue
        links = sum(_text_len(a.text_content()) for a in anchors)
        if links > 0.6 * (_text_len(element.text_content()) or 1):
            element.drop_tree()


def _meta(root: etree._Element, names: tuple[str, ...]) -> str | None:
    """The content of the first <meta name=…> or <meta property=…> among `names`."""
    wanted = {name.lower() for name in names}
    for meta in root.iter("meta"):
        key = (meta.get("name") or meta.get("property") or "").lower()
        if key in wanted and (meta.get("content") or "").strip():
            return meta.get("content").strip()
    return None


def _title(root: etree._Element) -> str | None:
    """The article's title: its meta tag, its <h1>, a block named "title", else the part of <title> that is not the site's name."""
    found = [_meta(root, _META_TITLE)]
    found += [h.text_content() for h in root.iter("h1") if not _is_link(h)]
    found += [e.text_content() for e in root.iter() if isinstance(e.tag, str) and e.tag not in ("html", "body", "title")
              and _TITLE_CLASS.search(f"{e.get('class', '')} {e.get('id', '')}")]
    page_title = root.find(".//title")
    if page_title is not None and page_title.text:
        found += [part for part in _TITLE_SPLIT.split(page_title.text.strip()) if not _SITE_NAME.search(part)]
    found += [h.text_content() for h in root.iter("h2") if not _is_link(h)]
    for title in found:
        title = " ".join((title or "").split())
        if 4 <= len(title) <= 80 and not _SITE_NAME.search(title):
            return title
    return None


def _is_link(element: etree._Element) -> bool:
    """A heading that is only a link (the site's logo in an <h1>)."""
    links = sum(_text_len(a.text_content()) for a in element.iter("a"))
    return links > 0 and links >= _text_len(element.text_content())


def _date(root: etree._Element, page_text: str) -> str | None:
    """The publication date: a meta tag, else the first date after 发布时间：/日期： in the page."""
    candidates = [_meta(root, _META_DATE) or ""]
    candidates += [page_text[m.end():m.end() + 24] for label in _DATE_LABELS for m in label.finditer(page_text)]
    for raw in candidates:
        match = _DATE.match(raw.strip())
        if match:
            year, month, day = (int(g) for g in match.groups())
            if 1 <= month <= 12 and 1 <= day <= 31:
                return f"{year:04d}-{month:02d}-{day:02d}"
    return None


def _source(root: etree._Element, page_text: str) -> str | None:
    """Where the page says the text comes from (来源：市政府办公室)."""
    meta = _meta(root, _META_SOURCE)
    if meta and len(meta) <= 30:
        return meta
    match = _SOURCE.search(page_text)
    return match.group(1) if match else None
