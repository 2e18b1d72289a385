"""CI: the installed wheel serves every web asset a page loads (run from outside the checkout).

Starts the browser game's app on 127.0.0.1 (an OS-chosen port), reads each page, then
fetches every stylesheet, script and font it names: all must come back 200 from the
installed package (ours) or textual-serve's.
"""

from __future__ import annotations

import asyncio
import re
import sys

import aiohttp
from aiohttp import web

from excomm_sim.server.web.solo import make_solo_app


async def main() -> int:
    import excomm_sim

    if "site-packages" not in excomm_sim.__file__:
        print(f"not the installed wheel: {excomm_sim.__file__}", file=sys.stderr)
        return 1
    runner = web.AppRunner(make_solo_app([]))
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    port = runner.addresses[0][1]
    missing: list[str] = []
    served: list[str] = []
    async with aiohttp.ClientSession(f"http://127.0.0.1:{port}") as http:
        async with http.get("/") as response:
            page = await response.text()
        queue = re.findall(r'(?:src|href)="(/static/[^"]+)"', page)
        while queue:
            asset = queue.pop()
            async with http.get(asset) as response:
                if response.status != 200:
                    missing.append(asset)
                    continue
                served.append(asset)
                if asset.endswith(".css"):
                    queue += re.findall(r'url\("(/static/[^"]+)"\)', await response.text())
    await runner.cleanup()
    if missing or len(served) < 6:
        print(f"web assets not served by the wheel: {missing or served}", file=sys.stderr)
        return 1
    print(f"the wheel serves {len(served)} web assets: {', '.join(sorted(served))}")
    return 0


if __name__ == "__main__":
    sys.exit(asyncio.run(main()))
