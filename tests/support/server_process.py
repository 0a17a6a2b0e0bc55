"""A server process that imports everything first and serves only when told, for kill tests.

    python -m tests.support.server_process PORT

Settings come from the environment (SHOPGUIDE_*). It imports the app, then
waits for a line on stdin before it builds the app and binds PORT: a test
keeps one such spare ready, so "restart after SIGKILL" costs the bind, not
the seconds Python takes to import the server.
"""

from __future__ import annotations

import sys

import uvicorn

from shopguide.server.app import create_app


def main(port: str) -> None:
    if not sys.stdin.readline():
        return  # the test ended without needing this spare
    uvicorn.run(create_app(), host="127.0.0.1", port=int(port), log_level="warning", lifespan="off")


if __name__ == "__main__":
    main(sys.argv[1])
