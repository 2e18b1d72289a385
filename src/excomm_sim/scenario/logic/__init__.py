"""Static logic checks: what a scenario's conditions and effects can and cannot do.

Interval and set reasoning over the expression language's syntax tree, with no search:
every variable gets the values it can hold (its declared range or values, narrowed by
what its effects can set), conditions are read as unions of boxes of such values, and a
condition that no box of it can satisfy can never hold. Each finding says why, in the
words of the condition ("it needs credibility to be at least 60 and below 40").

- ``domains``: sets of values (integer intervals, value sets) and how they read.
- ``formulas``: expression trees -> formulas of atoms.
- ``values``: numbers, texts and atoms evaluated over sets of values (interval arithmetic).
- ``solve``: a formula's boxes, and the conflict that rules each one out.
- ``ranges``: the values each variable can hold, in any game and as each decision comes up.
- ``reads``: what the file's expressions and triggers name.
- ``checks`` and ``endings``: the findings, each with its code (``scenario.codes``) and
  the document path of what it points at.
"""
