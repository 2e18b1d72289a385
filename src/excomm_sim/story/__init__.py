"""The words of a game: what happened, why, and beside history, told once for every shell.

The TUI, the plain game, the replay and the reports all render these sentences, so a
student reads the same words wherever they play and a test pins each in one place. The
modules, each owning one idea:

- ``text``: prose reflowed, dates spelt out, counts, save stamps, odds.
- ``names``: ids made readable (roles, items, options, outcomes) and a stance's verb.
- ``values``: a value as a player reads it, and which way it moved.
- ``records``: one sentence per engine record, with its cause and citations.
- ``why``: why a computer decider chose (the logged weighing, voice by voice).
- ``advice``: what players advised and whether it was taken.
- ``history``: a choice beside history's, and why history went as it did.
- ``retelling``: a finished decision told again (stands, choice, what followed), scores.
- ``timeline``: a saved game as decision steps, the model replay and reports render.

Nothing here imports Textual or does I/O; import the module that owns a name (this
package re-exports nothing, so importing one part never loads the rest).
"""
