"""`duidu compare A B [C D]`: open speeches side by side; with --screenshot, write the window as PNG and exit."""

from __future__ import annotations

from reader.cli.common import CliError, open_library, resolve_document
from reader.core.locale import pick


def register(subparsers) -> None:
    """Add the compare subcommand."""
    p = subparsers.add_parser("compare", help=pick("open speeches side by side", "并排对照讲话"))
    p.add_argument("documents", nargs="+", metavar="FILE_OR_ID",
                   help=pick("two to four speeches: library ids or files", "二至四篇讲话：文库编号或文件"))
    p.add_argument("--screenshot", metavar="FILE.png",
                   help=pick("render the comparison to a PNG file and exit", "将对照窗口保存为 PNG 后退出"))
    p.add_argument("--section", metavar="LABEL",
                   help=pick("choose this top-level section (e.g. 二、) in the first speech",
                             "在第一篇中选择此一级标题（如“二、”）"))
    p.add_argument("--size", default="1500x900", metavar="WxH",
                   help=pick("window size in pixels for --screenshot (default 1500x900)",
                             "窗口大小（像素），用于 --screenshot（默认 1500x900）"))
    p.set_defaults(func=cmd_compare)


def cmd_compare(args) -> int:
    """Open the comparison in the app window (or render it to a file)."""
    if not 2 <= len(args.documents) <= 4:
        raise CliError(pick("Compare two to four speeches.", "请指定二至四篇讲话进行对照。"), 2)
    library = open_library(args, read_only_ok=True)     # reading only: works beside an open window
    documents = [resolve_document(library, arg) for arg in args.documents]
    library.close()
    try:
        width, height = (int(x) for x in args.size.lower().split("x"))
    except ValueError as exc:
        raise CliError(pick("--size takes WIDTHxHEIGHT", "--size 的格式为 宽x高")) from exc

    from PySide6.QtCore import QEventLoop, QTimer

    from reader.gui.app import run_or_grab, start_window

    started = start_window(args.library, bundled=False)
    if started is None:
        return 2
    app, window = started
    window.resize(width, height)
    view = window.compare_view
    loop = QEventLoop()
    view.comparison_ready.connect(lambda _c: loop.quit())
    QTimer.singleShot(120_000, loop.quit)
    window.show_comparison(documents)
    if view.comparison is None:
        loop.exec()
    for _ in range(3):
        app.processEvents()  # let the panes take their final sizes before anything is scrolled
    if args.section:
        pane = view.panes[0].speech
        section = next((s for s in pane.sections if s.label.startswith(args.section)), None)
        if section is None:
            raise CliError(pick(f"No section {args.section} in the first speech.", f"第一篇中没有“{args.section}”一节。"))
        index = pane.outline_model.index_of(section)
        pane.outline.setCurrentIndex(index)
        pane._on_outline_clicked(index)
    return run_or_grab(app, window, args.screenshot)
