"""The tablet's clock: every moment the client stamps is read from `now()`.

One place, so that a test can run the client on a clock that is wrong by an
hour (tests replace `shopguide.client.clock.now`; callers must look it up on
the module, `clock.now()`, never import the function itself). The tablet's
clock is never trusted for anything the server decides (token and payment
expiry, sync order, what is paid): it only dates what the tablet shows and
what it sends as "when the guide did it".
"""

from __future__ import annotations

from datetime import UTC, datetime


def now() -> datetime:
    """The tablet's idea of the current moment, aware UTC."""
    return datetime.now(UTC)
