"""CLI fixtures: the command line run in-process on a library holding the bundled speeches."""

from __future__ import annotations

import pytest

from reader.cli import run


@pytest.fixture
def cli(capsys):
    """Run the CLI and return (status, stdout, stderr); the bundled speeches are imported first."""
    def call(*argv):
        status = run(list(argv))
        out, err = capsys.readouterr()
        return status, out, err
    assert call("import", "--bundled")[0] == 0
    return call
