"""The scenario language server (``excomm-sim lsp``): editors get validate's findings as
you type, completion, hover and go to definition.

- ``outline``: what a file declares (variables, roles, decisions and options, events,
  endings, sources), read from its located YAML tree, with positions and hover text.
- ``keys``: the format's keys by where they stand, read from the JSON Schema.
- ``assist``: completion, hover and definition at a position, from the text and outline.
- ``diagnostics``: problems as ranges.
- ``server``: the pygls wiring, and the only module that imports pygls.

Only ``server`` needs pygls; the rest is pure and tested without it. Nothing outside this
package imports it but ``commands.lsp`` (an import-linter contract holds that).
"""
