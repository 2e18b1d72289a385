"""A source's text, indexed as citations count it: pages, and paragraphs on each page.

A scenario may ship the text of a document it cites (``sources: - file: record.txt``), so a
player can open "record p.2 ¶4" and read that paragraph. This module is pure: the shell
reads the file (``excomm_sim.source_texts``) and passes its text in. The text format
(docs/scenario-format.md, "Source texts"):

- lines that start with ``#`` are notes (a transcriber's header, scan noise marked as
  such): they are no part of any paragraph and do not separate paragraphs;
- a line ``--- page N ---`` starts page N; the text before the first one is page 1, and
  pages are numbered in order from there;
- a paragraph is a run of lines with text, ended by a blank line (or a page marker);
  paragraphs are numbered from 1 on each page.

``citation_problems`` checks that every citation of a source with a text names a page
and a paragraph that text has.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from pathlib import PurePosixPath

from attrs import frozen

from excomm_sim.scenario.fields import Fields, join
from excomm_sim.scenario.model import Citation, Scenario
from excomm_sim.scenario.problems import Problem

__all__ = [
    "MAX_SOURCE_TEXT_BYTES",
    "Document",
    "Paragraph",
    "citation_problems",
    "cited_paragraphs",
    "read_document",
    "source_file",
]

MAX_SOURCE_TEXT_BYTES = 2 * 1024 * 1024
"""Largest source text a scenario ships (2 MiB; the record of meeting 19 is about 10 KiB)."""
PAGE_MARK = re.compile(r"^-{3,}\s*page\s+(\d+)\s*-{3,}\s*$", re.IGNORECASE)
"""``--- page 2 ---``: the start of a page."""


@frozen
class Paragraph:
    """One paragraph of a source's text: where it stands and its lines as written."""

    page: int
    number: int
    """Its number on its page, from 1 (the ¶ of a citation)."""
    line: int
    """The line of the text file it starts on (1-based), for messages."""
    lines: tuple[str, ...]

    @property
    def text(self) -> str:
        """The paragraph as one line of prose: lines joined with spaces, a word broken at a
        line's end with a hyphen joined again ("destruc-" / "tion" is "destruction",
        "pro-" / "Castro" is "pro-Castro")."""
        text = ""
        for line in self.lines:
            piece = line.strip()
            if re.search(r"[A-Za-z]-$", text):
                text = (text[:-1] if piece[:1].islower() else text) + piece
            else:
                text = f"{text} {piece}" if text else piece
        return text

    def __str__(self) -> str:
        return f"p.{self.page} ¶{self.number}"


@frozen
class Document:
    """A source's text as pages of paragraphs (``pages[0]`` is page 1)."""

    source: str
    """The id of the source it is the text of."""
    pages: tuple[tuple[Paragraph, ...], ...]

    def page(self, number: int) -> tuple[Paragraph, ...] | None:
        """The paragraphs of page ``number`` (from 1), or None when there is no such page."""
        if 1 <= number <= len(self.pages):
            return self.pages[number - 1]
        return None

    def paragraph(self, page: int, number: int) -> Paragraph | None:
        """Paragraph ``number`` of page ``page`` (both from 1), or None."""
        paragraphs = self.page(page)
        if paragraphs is None or not 1 <= number <= len(paragraphs):
            return None
        return paragraphs[number - 1]

    def paragraphs(self) -> Iterator[Paragraph]:
        """Every paragraph, page by page."""
        for page in self.pages:
            yield from page


def read_document(
    text: str, source: str, filename: str = "<text>"
) -> tuple[Document, list[Problem]]:
    """Index ``text`` (see the module docstring); page markers out of order are problems,
    located in ``filename``, and the document is still built (numbered as marked)."""
    problems: list[Problem] = []
    pages: list[list[Paragraph]] = [[]]
    lines: list[str] = []
    start = 0

    def close() -> None:
        if lines:
            page = len(pages)
            pages[-1].append(Paragraph(page, len(pages[-1]) + 1, start, tuple(lines)))
            lines.clear()

    for number, line in enumerate(text.splitlines(), start=1):
        if line.startswith("#"):
            continue
        mark = PAGE_MARK.match(line)
        if mark is not None:
            close()
            given = int(mark.group(1))
            if given == 1 and len(pages) == 1 and not pages[0]:
                continue  # an explicit first page
            wanted = len(pages) + 1
            if given != wanted:
                problems.append(
                    Problem(
                        filename,
                        number,
                        1,
                        "",
                        f"the page marker says page {given}, but it starts page {wanted}: "
                        "pages are numbered in order from 1",
                    )
                )
            pages.append([])
            continue
        if not line.strip():
            close()
            continue
        if not lines:
            start = number
        lines.append(line.rstrip())
    close()
    return Document(source, tuple(tuple(page) for page in pages)), problems


def cited_paragraphs(document: Document, citation: Citation) -> tuple[Paragraph, ...]:
    """The paragraphs ``citation`` points at: one paragraph, or a whole page when it names
    no paragraph; empty when the text has no such page or paragraph (or it names neither)."""
    if citation.page is None:
        if citation.paragraph is None:
            return ()
        # No page: the paragraph counts on the first page (a document of one page).
        found = document.paragraph(1, citation.paragraph)
        return (found,) if found is not None else ()
    if citation.paragraph is None:
        return document.page(citation.page) or ()
    found = document.paragraph(citation.page, citation.paragraph)
    return (found,) if found is not None else ()


def citation_problems(scenario: Scenario, documents: Mapping[str, Document]) -> list[Problem]:
    """A located error for every citation of a source with a text (``documents``: source
    id -> its text) that names a page or a paragraph the text does not have."""
    problems = []
    for citation, path in _citations(scenario):
        document = documents.get(citation.source)
        if document is None or (citation.page is None and citation.paragraph is None):
            continue
        if cited_paragraphs(document, citation):
            continue
        where = citation.location
        problems.append(
            Problem(
                where.file,
                where.line,
                where.column,
                path,
                f"'{citation}' cites {_missing(document, citation)}",
            )
        )
    return problems


def _missing(document: Document, citation: Citation) -> str:
    pages = len(document.pages)
    page = citation.page or 1
    if document.page(page) is None:
        return f"page {page}, but the text of '{document.source}' has {_count(pages, 'page')}"
    held = len(document.page(page) or ())
    return (
        f"paragraph {citation.paragraph} of page {page}, but that page of the text of "
        f"'{document.source}' has {_count(held, 'paragraph')}"
    )


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}" if number == 1 else f"{number} {noun}s"


def _citations(scenario: Scenario) -> Iterator[tuple[Citation, str]]:
    for index, decision in enumerate(scenario.decisions):
        for number, citation in enumerate(decision.sources):
            yield citation, f"decisions[{index}].sources[{number}]"
    for index, event in enumerate(scenario.events):
        for number, citation in enumerate(event.sources):
            yield citation, f"events[{index}].sources[{number}]"


def source_file(fields: Fields, key: str = "file") -> str:
    """A source's ``file``: a relative path to a file in the scenario's folder or below it
    (no absolute path, no ``..``, forward slashes), or "" after reporting.

    A scenario is untrusted: this keeps it from naming any file but its own companions.
    """
    text = fields.text(key)
    if not text:
        return ""
    path = PurePosixPath(text)
    if (
        "\\" in text
        or path.is_absolute()
        or ".." in path.parts
        or re.match(r"^[A-Za-z]:", text)
        or text.endswith("/")
    ):
        fields.ctx.report(
            fields.get(key) or fields.node,
            join(fields.path, key),
            f"'{key}' must name a file beside the scenario or in a folder below it, "
            f"with forward slashes (record.txt, sources/record.txt), not '{text}'",
        )
        return ""
    return text
