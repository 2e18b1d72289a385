"""The flow of the game's screens, decided in plain Python (no Textual).

``game.GameFlow`` says which screen comes next in a game (briefings, the hand-over between
hot-seat players, the decision room, what happened, the debrief, waiting for others at a
host); ``steps`` names those screens as small frozen records. The Textual apps
(``tui.app``, ``tui.join_app``) only turn a step into its screen and report back what the
player did, so the order of screens is tested without a terminal.
"""
