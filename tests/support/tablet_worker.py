"""A tablet process for the kill tests: queues orders and syncs until it is killed.

    python -m tests.support.tablet_worker DATA_DIR ORDERS SEED
    python -m tests.support.tablet_worker sell DATA_DIR CUSTOMERS SEED SERVER_URL DATABASE_URL

The tablet must already be logged in (DATA_DIR holds its settings and token).
Each order id is printed only after the order is durably queued, so the test
knows which orders the server must end up with. Then it syncs in a loop.

`sell` runs the whole sell flow (`tests.support.sell_flow.Shop`) for
CUSTOMERS customers instead, printing a JSON line when a customer starts
paying and when a sale is done; SERVER_URL is the server as the customers'
phones and the acquirer reach it (not through the tablet's network), and
DATABASE_URL its database (for the members' one-time codes).
"""

from __future__ import annotations

import json
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


def sell(data_dir: str, customers: str, seed: str, server_url: str, database_url: str) -> int:
    """The whole sell flow for `customers` customers, then sync until nothing is pending."""
    from dataclasses import asdict

    from sqlalchemy import text

    from shopguide.client.api import LoginRequired
    from shopguide.client.sqlite import StorageFull
    from shopguide.server.db import make_engine
    from tests.support.sell_flow import Customers, Shop

    rng = random.Random(int(seed))
    tablet = Tablet(Path(data_dir))
    database = make_engine(database_url, pool_size=1)

    def rows(sql: str, **params: object) -> list[tuple[object, ...]]:
        with database.connect() as conn:
            return [tuple(r) for r in conn.execute(text(sql), params).all()]

    def member_row(member_id: int) -> tuple[int, int]:
        [(found, version)] = rows("SELECT id, pass_version FROM member WHERE id = :m", m=member_id)
        return int(str(found)), int(str(version))

    members = rows("SELECT id FROM member WHERE home_store_id = :s", s=tablet.store_id)
    shop = Shop(tablet, Customers(server_url, member_row), [int(str(m)) for (m,) in members])
    shop.on_event = lambda event: print(json.dumps(event), flush=True)
    print("READY", flush=True)  # imported and opened: the test's clock for the kill starts now
    for _ in range(int(customers)):
        try:
            sale = shop.sell(rng, online=rng.random() < 0.8)
        except (OfflineError, ApiError, LoginRequired, StorageFull):
            continue
        print(json.dumps({"event": "sold", **asdict(sale)}), flush=True)
    while True:
        try:
            shop.engine.run_once()
        except (OfflineError, ApiError):
            continue
        if tablet.outbox.counts().pending == 0:
            print("DONE", flush=True)
            return 0


if __name__ == "__main__":
    if sys.argv[1] == "sell":
        sys.exit(sell(*sys.argv[2:7]))
    sys.exit(main(*sys.argv[1:4]))
