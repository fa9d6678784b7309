"""Government web pages in the layouts analysts save them in, as (name, bytes, expected): used by
tests/core/test_webpage.py and bench/bench_webpages.py (no pytest here, so the bench can load it by path).

Each page wraps the same speech in a different real layout: an ASP.NET <form>, nested tables, HTML5
landmarks, pinyin class names, a TRS editor block; with navigation, breadcrumb, share bar, related
links and footer; and with a lying or missing charset.
"""

from __future__ import annotations

TITLE = "在全市优化营商环境工作会议上的讲话"
SPEECH = [
    "同志们：",
    "今天召开全市优化营商环境工作会议，主要任务是深入贯彻落实党中央、国务院和省委、省政府决策部署，"
    "总结去年工作，安排今年任务。刚才，三个区县和部门作了交流发言，讲得都很好，请大家认真学习借鉴。下面，我讲三点意见。",
    "一、充分肯定成绩，切实增强优化营商环境的责任感",
    "过去一年，全市上下坚持把优化营商环境作为“一号工程”，企业开办时间压缩至1个工作日以内，"
    "政务服务事项“一网通办”比例达到95%以上，市场主体总量突破80万户。",
    "二、聚焦重点难点，全力打造一流营商环境",
    "一是深化“放管服”改革。要持续精简审批事项，全面推行告知承诺制。二是强化要素保障。要加大土地、资金、人才等要素供给，"
    "切实降低企业成本。三是维护公平竞争。要清理妨碍统一市场的各种规定和做法。",
    "三、压实工作责任，确保各项任务落到实处",
    "各级各部门要把优化营商环境摆上重要议事日程，主要负责同志亲自抓、负总责，分管同志具体抓、抓具体。",
    "同志们，优化营商环境只有进行时，没有完成时。让我们以更加务实的作风，推动全市营商环境再上新台阶！",
]
FURNITURE = ["首页", "政务公开", "当前位置", "分享到", "相关链接", "ICP备", "网站标识码", "版权所有",
             "打印本页", "关闭窗口", "市长信箱", "字体", "发布时间", "来源"]

_NAV = "".join(f'<li><a href="/{i}/">{name}</a></li>' for i, name in enumerate(
    ["首页", "政务公开", "政务服务", "互动交流", "走进本市", "市长信箱", "专题专栏"]))
_RELATED = "".join(f'<li><a href="/r{i}.html">{t}</a></li>' for i, t in enumerate(
    ["市政府召开常务会议研究部署重点工作", "全市一季度经济运行情况新闻发布会召开", "关于印发营商环境优化提升行动方案的通知",
     "市领导调研重点项目建设", "全市安全生产工作会议召开"]))
_FOOTER = ("主办单位：某市人民政府办公室　版权所有：某市人民政府<br>京ICP备12345678号　京公网安备11010502000001号　"
           "网站标识码：1100000001")


def _paragraphs(tag: str = "p", wrap: str = "{}") -> str:
    return "".join(f"<{tag}>{wrap.format(line)}</{tag}>" for line in SPEECH)


def aspnet_form() -> bytes:
    """The whole page inside one ASP.NET <form>, title in a div, GB2312 declared (GBK bytes)."""
    page = f"""<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">
<html xmlns="http://www.w3.org/1999/xhtml"><head><meta http-equiv="Content-Type" content="text/html; charset=gb2312" />
<title>{TITLE}_某市人民政府</title><script>var _hmt = _hmt || [];</script></head>
<body><form name="form1" method="post" action="./Show.aspx?id=123" id="form1">
<input type="hidden" name="__VIEWSTATE" id="__VIEWSTATE" value="/wEPDwUKLTY1NDI0ODY2MWRkq" />
<div class="top"><img src="logo.png" alt="某市人民政府"><input type="text" name="kw"><input type="submit" value="搜索"></div>
<div class="menu"><ul>{_NAV}</ul></div>
<div class="bread">当前位置：<a href="/">首页</a> &gt; <a href="/zwgk/">政务公开</a> &gt; 领导讲话</div>
<div class="main"><div class="article-title">{TITLE}</div>
<div class="info">发布时间：2024-03-05 10:21　来源：市政府办公室　浏览次数：1024　【字体：<a>大</a> <a>中</a> <a>小</a>】</div>
<div id="zoom">{_paragraphs(wrap='&nbsp;&nbsp;{}')}</div>
<div class="bdsharebuttonbox">分享到：<a class="bds_weixin">微信</a><a class="bds_tsina">微博</a><a class="bds_qzone">QQ空间</a></div>
<div class="tools">【<a href="javascript:window.print()">打印本页</a>】【<a href="javascript:window.close()">关闭窗口</a>】</div>
<div class="xglj"><h3>相关链接</h3><ul>{_RELATED}</ul></div></div>
<div id="footer">{_FOOTER}</div></form></body></html>"""
    return page.encode("gbk")


def table_layout() -> bytes:
    """Nested tables, text in one cell split by <br>, utf-8 declared but GBK bytes (a lying charset)."""
    body = "<br>\n".join(f"　　{line}" for line in SPEECH)
    nav = " | ".join(f'<a href="/{i}">{n}</a>' for i, n in enumerate(["首页", "政务公开", "政务服务", "互动交流", "市长信箱"]))
    page = f"""<html><head><meta http-equiv="Content-Type" content="text/html; charset=utf-8">
<title>某县人民政府</title></head><body>
<table width="1000" align="center"><tr><td><img src="banner.jpg"></td></tr>
<tr><td bgcolor="#0066cc">{nav}</td></tr></table>
<table width="1000" align="center"><tr><td width="200" valign="top"><table><tr><td><a href="/a">通知公告</a></td></tr>
<tr><td><a href="/b">政策文件</a></td></tr><tr><td><a href="/c">领导讲话</a></td></tr></table></td>
<td valign="top"><table width="100%"><tr><td class="title" align="center"><b>{TITLE}</b></td></tr>
<tr><td align="center">日期：2023年11月20日　来源：县政府办　【<a href="#">打印本页</a>】【<a href="#">关闭窗口</a>】</td></tr>
<tr><td class="content">{body}</td></tr></table></td></tr></table>
<table width="1000" align="center"><tr><td align="center">版权所有：某县人民政府　备案号：苏ICP备05000000号<br>网站标识码：3200000002</td></tr></table>
</body></html>"""
    return page.encode("gbk")


def html5_landmarks() -> bytes:
    """HTML5 header/nav/article/aside/footer, UTF-8 with no charset declared, share bar and related news inside <article>."""
    page = f"""<!doctype html><html lang="zh-CN"><head><title>{TITLE} - 某市人民政府网</title>
<meta name="PubDate" content="2022-06-18 09:00"></head><body>
<header><div class="logo">某市人民政府</div><nav><ul>{_NAV}</ul></nav></header>
<div class="breadcrumb"><a href="/">首页</a> &gt; <a href="/zwgk">政务公开</a></div>
<main><article><h1>{TITLE}</h1><p class="meta">来源：新华网　2022-06-18</p>
{_paragraphs()}
<div class="share">分享到：<a>微信</a> <a>微博</a></div>
<section class="related-news"><h2>相关新闻</h2><ul>{_RELATED}</ul></section></article>
<aside><h3>热点专题</h3><ul><li><a>学习贯彻党的二十大精神</a></li><li><a>优化营商环境</a></li></ul></aside></main>
<footer><p>{_FOOTER}</p></footer></body></html>"""
    return page.encode("utf-8")


def pinyin_classes() -> bytes:
    """Divs named in pinyin (no furniture words to go by), gb2312 declared but UTF-8 bytes."""
    page = f"""<html><head><meta charset="gb2312"><title>{TITLE}</title></head><body>
<div class="dh">{_NAV.replace('<li>', '<span>').replace('</li>', '</span>')}</div>
<div class="wz_lm"><a href="/">首页</a> &gt;&gt; <a href="/ldjh">领导讲话</a></div>
<div class="wz_bt">{TITLE}</div><div class="wz_xx">发布日期：2021-12-30　信息来源：市发展改革委</div>
<div class="wz_nr">{_paragraphs('div')}</div>
<div class="wz_xg"><div>相关信息：</div>{_RELATED.replace('<li>', '<div>').replace('</li>', '</div>')}</div>
<div class="dbu">{_FOOTER}</div></body></html>"""
    return page.encode("utf-8")


def trs_editor() -> bytes:
    """A TRS content-management page: meta ArticleTitle/PubDate/ContentSource, text in styled spans, no charset."""
    spans = "".join(f'<p style="text-indent:2em"><span style="font-family:仿宋_GB2312;font-size:16pt">{line}</span></p>'
                    for line in SPEECH)
    page = f"""<html><head><meta name="ArticleTitle" content="{TITLE}"><meta name="PubDate" content="2020-09-08 16:30">
<meta name="ContentSource" content="市委办公室"><title>领导讲话_某市</title></head><body>
<div class="header"><ul>{_NAV}</ul></div><div class="position">您的位置：<a>首页</a>&gt;<a>领导讲话</a></div>
<div class="view"><div class="TRS_Editor">{spans}</div></div>
<div class="fenxiang">分享到：<a>微信</a><a>微博</a></div>
<div class="bottom">{_FOOTER}</div></body></html>"""
    return page.encode("gb18030")


PAGES = {
    "aspnet_form": (aspnet_form, {"title": TITLE, "date": "2024-03-05", "source": "市政府办公室"}),
    "table_layout": (table_layout, {"title": TITLE, "date": "2023-11-20", "source": "县政府办"}),
    "html5_landmarks": (html5_landmarks, {"title": TITLE, "date": "2022-06-18", "source": "新华网"}),
    "pinyin_classes": (pinyin_classes, {"title": TITLE, "date": "2021-12-30", "source": "市发展改革委"}),
    "trs_editor": (trs_editor, {"title": TITLE, "date": "2020-09-08", "source": "市委办公室"}),
}


def expected_text() -> str:
    """The speech as it should come out of every page: the title, then the speech's paragraphs."""
    return "\n".join([TITLE, *SPEECH])
