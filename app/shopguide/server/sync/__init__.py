"""Offline sync, server side: change capture, pulls by scope, and idempotent pushes.

The wire contract is docs/sync-protocol.md. Importing this package (or any
module in it) registers change capture on every `sqlmodel.Session`; see
`feed` for why and for what is and is not captured.
"""

from shopguide.server.sync import feed as feed

__all__ = ["feed"]
