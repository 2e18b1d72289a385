"""The language server over stdio (pygls): diagnostics as you type, completion, hover,
go to definition. The only module of excomm-sim that imports pygls and lsprotocol.

Each open document is linted (``scenario.lint``: the same problems and codes as
``validate``) whenever it opens, changes or is saved, and its diagnostics published. The
outline of the last version whose YAML parsed is kept per document, so completion keeps
working while a line is half typed.
"""

from __future__ import annotations

import logging

from lsprotocol import types
from pygls.lsp.server import LanguageServer
from pygls.uris import to_fs_path
from pygls.workspace import TextDocument
from pygls.workspace.position_codec import ServerTextPosition, ServerTextRange

from excomm_sim import __version__
from excomm_sim.lsp.assist import Spot, Suggestion, complete, definition, hover
from excomm_sim.lsp.diagnostics import diagnostics
from excomm_sim.lsp.outline import Outline, outline_of
from excomm_sim.scenario.lint import lint_text
from excomm_sim.scenario.yamlnodes import YMap, YNode

log = logging.getLogger(__name__)

SCENARIO_MARKERS = frozenset({"format", "roles", "variables", "decisions", "endings"})
"""Top-level keys of which a scenario has at least one."""

_KINDS = {
    "key": types.CompletionItemKind.Property,
    "value": types.CompletionItemKind.EnumMember,
    "variable": types.CompletionItemKind.Variable,
    "function": types.CompletionItemKind.Function,
    "keyword": types.CompletionItemKind.Keyword,
    "decision": types.CompletionItemKind.Class,
    "option": types.CompletionItemKind.EnumMember,
    "role": types.CompletionItemKind.Reference,
    "event": types.CompletionItemKind.Event,
    "source": types.CompletionItemKind.Reference,
    "ending": types.CompletionItemKind.Reference,
}


class ScenarioServer(LanguageServer):
    """A LanguageServer that remembers each document's last good outline."""

    def __init__(self) -> None:
        super().__init__("excomm-sim", __version__)
        self.outlines: dict[str, Outline] = {}

    def opened(self, uri: str) -> TextDocument | None:
        """The document if the client has opened it (pygls would read others from disk)."""
        if uri not in self.workspace.text_documents:
            return None
        return self.workspace.get_text_document(uri)

    def check(self, uri: str) -> None:
        """Lint the document and publish its diagnostics."""
        document = self.workspace.get_text_document(uri)
        name = to_fs_path(uri) or uri
        try:
            linted = lint_text(document.source, name, keep_tree=True)
        except Exception:  # pragma: no cover - a bug must not take the editor's server down
            log.exception("linting %s failed", uri)
            return
        tree = linted.loaded.tree
        if tree is not None:
            self.outlines[uri] = outline_of(tree)
        problems = linted.problems if _looks_like_a_scenario(document.source, tree) else ()
        found = diagnostics(problems, document.lines, tree)
        self.text_document_publish_diagnostics(
            types.PublishDiagnosticsParams(
                uri=uri,
                version=document.version,
                diagnostics=[
                    types.Diagnostic(
                        range=_range(document, item.spot),
                        severity=types.DiagnosticSeverity.Error
                        if item.severity == "error"
                        else types.DiagnosticSeverity.Warning,
                        code=item.code,
                        source="excomm-sim",
                        message=item.message,
                        tags=[types.DiagnosticTag.Unnecessary] if item.unnecessary else None,
                    )
                    for item in found
                ],
            )
        )


def _looks_like_a_scenario(text: str, tree: YNode | None) -> bool:
    """False for YAML that is plainly something else (an editor may send every .yaml file):
    a mapping with none of a scenario's keys, or an empty file."""
    if not text.strip():
        return False
    if isinstance(tree, YMap):
        return bool(tree.entries.keys() & SCENARIO_MARKERS)
    return True


def _range(document: TextDocument, spot: Spot) -> types.Range:
    return document.range_to_client_units(
        ServerTextRange(
            ServerTextPosition(spot.line, spot.column),
            ServerTextPosition(spot.end_line, spot.end_column),
        )
    )


def _where(document: TextDocument, position: types.Position) -> tuple[int, int]:
    at = document.position_from_client_units(position)
    return at.line, at.character


def _item(suggestion: Suggestion) -> types.CompletionItem:
    documentation = (
        types.MarkupContent(kind=types.MarkupKind.Markdown, value=suggestion.documentation)
        if suggestion.documentation
        else None
    )
    return types.CompletionItem(
        label=suggestion.label,
        kind=_KINDS.get(suggestion.kind, types.CompletionItemKind.Text),
        detail=suggestion.detail or None,
        documentation=documentation,
    )


def build() -> ScenarioServer:
    server = ScenarioServer()

    @server.feature(types.TEXT_DOCUMENT_DID_OPEN)
    def did_open(ls: ScenarioServer, params: types.DidOpenTextDocumentParams) -> None:
        ls.check(params.text_document.uri)

    @server.feature(types.TEXT_DOCUMENT_DID_CHANGE)
    def did_change(ls: ScenarioServer, params: types.DidChangeTextDocumentParams) -> None:
        ls.check(params.text_document.uri)

    @server.feature(types.TEXT_DOCUMENT_DID_SAVE)
    def did_save(ls: ScenarioServer, params: types.DidSaveTextDocumentParams) -> None:
        ls.check(params.text_document.uri)

    @server.feature(types.TEXT_DOCUMENT_DID_CLOSE)
    def did_close(ls: ScenarioServer, params: types.DidCloseTextDocumentParams) -> None:
        uri = params.text_document.uri
        ls.outlines.pop(uri, None)
        ls.text_document_publish_diagnostics(
            types.PublishDiagnosticsParams(uri=uri, diagnostics=[])
        )

    @server.feature(
        types.TEXT_DOCUMENT_COMPLETION,
        types.CompletionOptions(trigger_characters=['"', "'", "("]),
    )
    def completion(ls: ScenarioServer, params: types.CompletionParams) -> types.CompletionList:
        document = ls.opened(params.text_document.uri)
        if document is None:
            return types.CompletionList(is_incomplete=False, items=[])
        row, column = _where(document, params.position)
        outline = ls.outlines.get(params.text_document.uri, Outline())
        items = complete(document.lines, row, column, outline)
        return types.CompletionList(is_incomplete=False, items=[_item(item) for item in items])

    @server.feature(types.TEXT_DOCUMENT_HOVER)
    def on_hover(ls: ScenarioServer, params: types.HoverParams) -> types.Hover | None:
        document = ls.opened(params.text_document.uri)
        if document is None:
            return None
        row, column = _where(document, params.position)
        outline = ls.outlines.get(params.text_document.uri, Outline())
        found = hover(document.lines, row, column, outline)
        if found is None:
            return None
        text, spot = found
        return types.Hover(
            contents=types.MarkupContent(kind=types.MarkupKind.Markdown, value=text),
            range=_range(document, spot),
        )

    @server.feature(types.TEXT_DOCUMENT_DEFINITION)
    def on_definition(ls: ScenarioServer, params: types.DefinitionParams) -> types.Location | None:
        uri = params.text_document.uri
        document = ls.opened(uri)
        if document is None:
            return None
        row, column = _where(document, params.position)
        spot = definition(document.lines, row, column, ls.outlines.get(uri, Outline()))
        if spot is None:
            return None
        return types.Location(uri=uri, range=_range(document, spot))

    return server


def serve() -> None:
    """Run the server on stdin/stdout until the client says exit."""
    build().start_io()
