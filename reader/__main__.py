"""Entry point: `duidu` with no arguments opens the window, with a subcommand runs the command line."""

import sys


def main(argv: list[str] | None = None) -> int:
    """Dispatch to the command line or the GUI, importing Qt only when the window is wanted."""
    from reader.cli import run

    return run(sys.argv[1:] if argv is None else argv)


if __name__ == "__main__":
    sys.exit(main())
