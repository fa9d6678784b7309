"""The window's modules read one way: nothing the window is built from imports the start-up module back."""

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
GUI = ROOT / "reader" / "gui"


def imports_of(path: Path) -> set[str]:
    """Every reader.gui module a file imports, at the top or inside a function."""
    found = set()
    for node in ast.walk(ast.parse(path.read_text("utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module:
            if node.module == "reader.gui":
                found |= {f"reader.gui.{alias.name}" for alias in node.names}
            elif node.module.startswith("reader.gui."):
                found.add(node.module)
        elif isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names if alias.name.startswith("reader.gui.")}
    return found


def test_no_import_cycles_in_the_gui():
    graph = {f"reader.gui.{p.stem}": imports_of(p) for p in GUI.glob("*.py") if p.stem != "__init__"}
    cycles = []

    def visit(module, stack):
        for target in graph.get(module, ()):
            if target in stack:
                cycles.append(stack[stack.index(target):] + [target])
            elif target not in seen:
                seen.add(target)
                visit(target, stack + [target])

    for start in graph:
        seen = {start}
        visit(start, [start])
    assert cycles == []
