"""Our stylesheets as one file for the screen and one for print.

On a slow link every render-blocking stylesheet costs a round trip (400 ms on a
provincial mobile link), so the screen rules of `extra_css` are served as one bundle.
The print stylesheet is linked with `media="print"`: the browser fetches it without
holding the first paint. The source files stay separate in docs/ for editing.
"""

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class StylesheetPlan:
    screen: tuple[str, ...]
    print: str | None
    bundle: str

    def links(self) -> list[str]:
        """What `extra_css` becomes: the bundle only (print is linked by the theme)."""
        return [self.bundle]

    def dropped(self) -> set[str]:
        """Source files not published on their own (their rules are in the bundle)."""
        return set(self.screen)


def plan_stylesheets(extra_css: list[str], bundle: str, print_stylesheet: str) -> StylesheetPlan:
    """Split the configured stylesheets into the screen bundle and the print sheet."""
    screen = tuple(path for path in extra_css if path != print_stylesheet)
    return StylesheetPlan(screen, print_stylesheet if print_stylesheet in extra_css else None, bundle)


def bundle_css(docs: Path, paths: tuple[str, ...]) -> str:
    """The files' rules in order, each under a comment naming its source."""
    parts = []
    for path in paths:
        text = (docs / path).read_text(encoding="utf-8").strip()
        parts.append(f"/* {path} */\n{text}\n")
    return "\n".join(parts)
