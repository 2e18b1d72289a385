"""Computer seats and chance, outside the rules: policies that answer the kernel with moves.

The kernel (``excomm_sim.engine``) says whose turn it is; when no person holds that seat,
a policy here acts for it from the seat's observation, as a person would from the screen:

- ``council``: the computer decider, which weighs every voice at the table (the rule
  docs/rules-engine.md states for instructors), and explains its choice;
- ``strategies``: the ways ``simulate`` plays a seat (random, history, hawk, dove,
  ROLE-stances);
- ``sampler``: chance, drawn from the game's seed, so a game replays exactly;
- ``standin``: the move for a person whose time ran out (a classroom host's timer);
- ``autopilot``: plays every seat nobody holds and every chance node, so a shell only
  ever waits for people;
- ``fast``: the same policies over the kernel's slots, for games played by the thousand.

Nothing in ``excomm_sim.engine`` imports this package (an import-linter contract).
"""
