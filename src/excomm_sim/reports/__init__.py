"""Documents made from saved games: the plain replay and the after-action report (md, html)."""
