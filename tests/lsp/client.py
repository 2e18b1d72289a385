"""A small LSP client for tests: spawns ``excomm-sim lsp`` and speaks JSON-RPC over stdio.

Messages are framed with Content-Length headers as the protocol says; a reader thread
puts each one on a queue, so every wait has a bounded timeout and a silent or crashed
server fails the test instead of hanging it.
"""

from __future__ import annotations

import json
import os
import queue
import subprocess
import sys
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

TIMEOUT = 20.0
"""Seconds any single wait may take (the first lint imports the loader)."""


class Client:
    def __init__(self, home: Path) -> None:
        self.process = subprocess.Popen(
            [sys.executable, "-m", "excomm_sim", "lsp"],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            env={**os.environ, "EXCOMM_SIM_HOME": str(home)},
        )
        self.messages: queue.Queue[dict[str, Any]] = queue.Queue()
        self.notifications: list[dict[str, Any]] = []
        self._next_id = 0
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        stream = self.process.stdout
        assert stream is not None
        while True:
            length = None
            while True:
                line = stream.readline()
                if not line:
                    return
                if line in (b"\r\n", b"\n"):
                    break
                name, _, value = line.decode("ascii").partition(":")
                if name.lower() == "content-length":
                    length = int(value.strip())
            if length is None:
                return
            self.messages.put(json.loads(stream.read(length)))

    def send(self, message: dict[str, Any]) -> None:
        body = json.dumps({"jsonrpc": "2.0", **message}).encode("utf-8")
        stdin = self.process.stdin
        assert stdin is not None
        stdin.write(f"Content-Length: {len(body)}\r\n\r\n".encode("ascii") + body)
        stdin.flush()

    def notify(self, method: str, params: dict[str, Any]) -> None:
        self.send({"method": method, "params": params})

    def request(self, method: str, params: dict[str, Any]) -> Any:
        self._next_id += 1
        ident = self._next_id
        self.send({"id": ident, "method": method, "params": params})
        reply = self._wait(lambda message: message.get("id") == ident and "method" not in message)
        assert "error" not in reply, reply["error"]
        return reply.get("result")

    def notification(self, method: str, where: Callable[[dict[str, Any]], bool]) -> dict[str, Any]:
        """The first notification ``method`` whose params satisfy ``where`` (old ones too)."""
        for seen in self.notifications:
            if seen["method"] == method and where(seen["params"]):
                self.notifications.remove(seen)
                return seen["params"]
        found = self._wait(
            lambda message: message.get("method") == method and where(message["params"])
        )
        return found["params"]

    def _wait(self, wanted: Callable[[dict[str, Any]], bool]) -> dict[str, Any]:
        while True:
            try:
                message = self.messages.get(timeout=TIMEOUT)
            except queue.Empty as error:
                raise AssertionError(f"no reply from the server within {TIMEOUT} s") from error
            if wanted(message):
                return message
            if "method" in message and "id" not in message:
                self.notifications.append(message)

    def close(self) -> int:
        """Shut the server down politely; its exit code."""
        try:
            self.request("shutdown", {})
            self.notify("exit", {})
            return self.process.wait(timeout=TIMEOUT)
        finally:
            if self.process.poll() is None:
                self.process.kill()
                self.process.wait(timeout=TIMEOUT)
