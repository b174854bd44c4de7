"""Errors the CLI shows to users. Messages are Spanish and say how to fix the problem."""

from pathlib import Path

import click


class DefensoriaError(click.ClickException):
    """Base of every error shown to a user as 'Error: …' with exit code 1.

    It is a ClickException so that any command, and CliRunner in tests, reports it
    the same way without a traceback.
    """


class SourceError(DefensoriaError):
    """A problem in a source file (Markdown, YAML, CSV), located by file and line."""

    def __init__(self, path: Path | str, line: int | None, message: str):
        self.path = Path(path)
        self.line = line
        self.message = message
        # The message without its location (ClickException replaces .message below)
        self.detail = message
        where = f"{self.path}:{line}" if line else f"{self.path}"
        super().__init__(f"{where}: {message}")
