"""argparse's own words (usage:, options, its error sentences) in Chinese when the reader reads Chinese.

argparse looks its strings up through module-level gettext functions and ships no Chinese catalog;
`use_language` points those functions at the table below, and back at gettext for English.
"""

from __future__ import annotations

import argparse
import gettext

ZH = {
    "usage: ": "用法：",
    "positional arguments": "位置参数",
    "options": "选项",
    "show this help message and exit": "显示此帮助信息并退出",
    "show program's version number and exit": "显示程序版本号并退出",
    "%(prog)s: error: %(message)s\n": "%(prog)s：错误：%(message)s\n",
    "argument %(argument_name)s: %(message)s": "参数 %(argument_name)s：%(message)s",
    "the following arguments are required: %s": "缺少以下必需参数：%s",
    "unrecognized arguments: %s": "无法识别的参数：%s",
    "invalid %(type)s value: %(value)r": "无效的 %(type)s 值：%(value)r",
    "invalid choice: %(value)r (choose from %(choices)s)": "无效的选项：%(value)r（可选：%(choices)s）",
    "expected one argument": "需要一个值",
    "expected at most one argument": "最多需要一个值",
    "expected at least one argument": "至少需要一个值",
    "ambiguous option: %(option)s could match %(matches)s": "选项不明确：%(option)s 可匹配 %(matches)s",
    "not allowed with argument %s": "不能与参数 %s 同时使用",
    "one of the arguments %s is required": "参数 %s 中必须给出一个",
    "ignored explicit argument %r": "忽略了显式参数 %r",
    "unknown parser %(parser_name)r (choices: %(choices)s)": "未知命令 %(parser_name)r（可用：%(choices)s）",
    "can't open '%(filename)s': %(error)s": "无法打开“%(filename)s”：%(error)s",
    "expected %s argument": "需要 %s 个值",
    "expected %s arguments": "需要 %s 个值",
}


def use_language(lang: str) -> None:
    """Make argparse speak Chinese ("zh") or its own English (anything else); call before building parsers."""
    if lang == "zh":
        argparse._ = lambda text: ZH.get(text, text)
        argparse.ngettext = lambda one, many, n: ZH.get(one if n == 1 else many, one if n == 1 else many)
    else:
        argparse._ = gettext.gettext
        argparse.ngettext = gettext.ngettext
