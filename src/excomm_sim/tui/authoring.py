"""Author mode's file watcher: notices when the scenario file changes and reloads it.

Pure of Textual (the app polls it on a timer), so it is tested without a terminal.
"""

from __future__ import annotations

from pathlib import Path

from excomm_sim.tui.catalog import ScenarioEntry, load_scenario


class ScenarioWatcher:
    """Remembers a file's modification time and size; ``poll`` reloads after a change."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.stamp = self._stamp()

    def _stamp(self) -> tuple[int, int] | None:
        try:
            status = self.path.stat()
        except OSError:
            return None
        return (status.st_mtime_ns, status.st_size)

    def poll(self) -> ScenarioEntry | None:
        """None while the file is unchanged (or missing); else the reloaded scenario or its
        problems. A file caught half-written simply reloads again on the next change."""
        stamp = self._stamp()
        if stamp is None or stamp == self.stamp:
            return None
        self.stamp = stamp
        return load_scenario(self.path)
