"""How a reader reads text, dates, counts and odds: reflowed prose, spelt-out dates, 'a 67%'.

Every shell shows scenario prose, game dates, save stamps and counts; each form is written
here once, so a student reads the same words in every shell. Pure: no Textual, no I/O.
"""

from __future__ import annotations

import datetime as dt


def prose(text: str) -> str:
    """Scenario text reflowed: lines within a paragraph joined, blank lines kept.

    YAML block scalars keep the author's line breaks, which wrap badly in a narrow column.
    Lines starting with "-", "*" or "•" stay on their own line (lists).
    """
    paragraphs: list[str] = []
    for block in text.strip().split("\n\n"):
        lines = [line.strip() for line in block.splitlines() if line.strip()]
        merged: list[str] = []
        for line in lines:
            if merged and not line.startswith(("-", "*", "•")):
                merged[-1] += " " + line
            else:
                merged.append(line)
        paragraphs.append("\n".join(merged))
    return "\n\n".join(paragraphs)


def date_text(date: dt.date) -> str:
    """'Saturday 3 November 1962': spelt out, so no reader confuses day and month."""
    return f"{date:%A} {date.day} {date:%B %Y}"


def counted(count: int, noun: str) -> str:
    """'1 game', '3 games', '0 errors': every count a reader sees agrees with its noun."""
    return f"{count} {noun}" if count == 1 else f"{count} {noun}s"


def stamp_text(stamp: str) -> str:
    """A save's ISO time as a reader says it: 'Tuesday 3 February 2026, 04:05 UTC'.

    A stamp that does not parse (a hand-edited save) is shown as it is, not dropped.
    """
    try:
        moment = dt.datetime.fromisoformat(stamp)
    except ValueError:
        return stamp
    if moment.tzinfo is None:
        return f"{date_text(moment.date())}, {moment:%H:%M}"
    utc = moment.astimezone(dt.UTC)
    return f"{date_text(utc.date())}, {utc:%H:%M} UTC"


def short_stamp_text(stamp: str) -> str:
    """'3 February 2026, 04:05 UTC': a save's stamp where a list has one line for it."""
    try:
        moment = dt.datetime.fromisoformat(stamp)
    except ValueError:
        return stamp
    if moment.tzinfo is not None:
        moment = moment.astimezone(dt.UTC)
    zone = " UTC" if moment.tzinfo is not None else ""
    return f"{moment.day} {moment:%B %Y}, {moment:%H:%M}{zone}"


def played_text(created: str, updated: str) -> str:
    """When a save was played: 'Played <when>', with the last save only if it differs."""
    played = f"Played {stamp_text(created)}"
    return played if updated == created else f"{played}; last saved {stamp_text(updated)}"


def percent(probability: float) -> str:
    """'67%': a probability as players read odds."""
    return f"{round(probability * 100)}%"


def a_percent(probability: float) -> str:
    """'a 67%', 'an 80%': the article as the number is read aloud (eight, eleven, eighteen)."""
    whole = round(probability * 100)
    article = "an" if whole in (8, 11, 18) or 80 <= whole <= 89 else "a"
    return f"{article} {whole}%"
