"""Reading what a screen shows, for assertions: the plain text of its visible widgets."""

from __future__ import annotations

from textual.app import App
from textual.content import Content
from textual.widgets import Button, OptionList, Static


def screen_text(app: App[object]) -> str:
    """Every Static's text, every option's prompt and every button label on the top screen."""
    parts: list[str] = []
    for widget in app.screen.query("*"):
        if isinstance(widget, Button):
            parts.append(str(widget.label))
        elif isinstance(widget, Static):
            parts.append(_plain(widget.content))
        elif isinstance(widget, OptionList):
            for index in range(widget.option_count):
                parts.append(_plain(widget.get_option_at_index(index).prompt))
    return "\n".join(parts)


def _plain(content: object) -> str:
    if isinstance(content, Content):
        return content.plain
    return str(content)
