"""``python -m excomm_sim`` runs the command line."""

from excomm_sim.cli import main

raise SystemExit(main())
