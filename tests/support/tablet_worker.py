"""A tablet process for the kill tests: queues orders and syncs until it is killed.

    python -m tests.support.tablet_worker DATA_DIR ORDERS SEED

The tablet must already be logged in (DATA_DIR holds its settings and token).
Each order id is printed only after the order is durably queued, so the test
knows which orders the server must end up with. Then it syncs in a loop.
"""

from __future__ import annotations

import random
import sys
from pathlib import Path

from shopguide.client.api import ApiError, OfflineError
from shopguide.client.orders import OrderLine, queue_order
from shopguide.client.tablet import Tablet
from shopguide.core.money import Money


def main(data_dir: str, orders: str, seed: str) -> int:
    rng = random.Random(int(seed))
    tablet = Tablet(Path(data_dir))
    engine = tablet.connect()
    variants = tablet.cache.read(
        lambda c: c.execute(
            "SELECT v.id, s.list_price FROM variant v JOIN style s ON s.id = v.style_id "
            "ORDER BY v.id LIMIT 200"
        ).fetchall()
    )
    for _ in range(int(orders)):
        if not variants:
            break
        variant_id, price = rng.choice(variants)
        order_id = queue_order(
            tablet.outbox,
            store_id=tablet.store_id,
            lines=[OrderLine(variant_id, 1, Money(price, "CNY"), Money(0, "CNY"))],
        )
        print(order_id, flush=True)
    while True:
        try:
            engine.run_once()
        except (OfflineError, ApiError):
            continue
        if tablet.outbox.counts().pending == 0:
            print("DONE", flush=True)
            return 0


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:4]))
