"""A migrated database per backend, wiped and filled with a small known world per test.

The world: one brand, three Shenzhen stores (A in Futian, B in Luohu, C in
Nanshan), two styles with their variants and stock, two members (Wang, gold,
with 1,200 points as the ledger's opening entry and a coupon; Li, classic,
with none), and four accounts: a guide and a manager of A, a guide of B, an admin.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from functools import cache

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient
from sqlalchemy import Engine, text
from sqlmodel import Session, SQLModel

from shopguide.core.barcode import make_ean13
from shopguide.core.catalog import size_rank
from shopguide.server.app import create_app
from shopguide.server.config import Settings
from shopguide.server.db import make_engine
from shopguide.server.migrate import upgrade
from shopguide.server.models import (
    Brand,
    Coupon,
    Member,
    PointsEntry,
    Price,
    Role,
    StockLevel,
    Store,
    Style,
    User,
    Variant,
)
from shopguide.server.security import hash_password
from tests.support.databases import BACKENDS, DatabaseFactory

PASSWORD = "correct horse battery"
TEST_SECRET = "test-secret-" + "x" * 40


@cache
def _password_hash() -> str:
    return hash_password(PASSWORD)


def add_user(engine: Engine, username: str, role: Role, store_id: int | None) -> int:
    """A staff account with the test password, written straight to the database."""
    with Session(engine) as s:
        user = User(
            username=username,
            full_name=username,
            role=role,
            store_id=store_id,
            password_hash=_password_hash(),
        )
        s.add(user)
        s.commit()
        return user.id or 0


@dataclass
class World:
    store_a: int = 0
    store_b: int = 0
    store_c: int = 0
    runner: int = 0
    tee: int = 0
    runner_black_42: int = 0
    variants: dict[str, int] = field(default_factory=dict)
    member_wang: int = 0
    member_li: int = 0
    users: dict[str, int] = field(default_factory=dict)


def build_world(engine: Engine) -> World:
    world = World()
    with Session(engine) as s:
        brand = Brand(code="NANFENG", name="Nanfeng", currency="CNY", country="CN")
        s.add(brand)
        s.flush()
        assert brand.id is not None
        stores = {
            "A": ("SZ01", "Nanfeng COCO Park", "Futian", 22.5333, 114.0553),
            "B": ("SZ02", "Nanfeng MixC", "Luohu", 22.5376, 114.1115),
            "C": ("SZ03", "Nanfeng Coastal City", "Nanshan", 22.5170, 113.9360),
        }
        store_ids = {}
        for key, (code, name, district, lat, lon) in stores.items():
            store = Store(
                brand_id=brand.id,
                code=code,
                name=name,
                city="Shenzhen",
                district=district,
                address=f"{district}, Shenzhen",
                latitude=lat,
                longitude=lon,
                opening_hours="Mon-Sun 10:00-22:00",
                phone="0755-8888 0000",
            )
            s.add(store)
            s.flush()
            store_ids[key] = store.id or 0
        world.store_a, world.store_b, world.store_c = (store_ids[k] for k in "ABC")

        runner = Style(
            brand_id=brand.id,
            code="RS-0001",
            name="Breeze Trail Runner",
            category="running shoes",
            kind="shoes",
            gender="men",
            season="AW26",
            list_price=59900,
            currency="CNY",
        )
        tee = Style(
            brand_id=brand.id,
            code="TS-0001",
            name="Harbour Cotton Tee",
            category="t-shirts",
            kind="clothing",
            gender="unisex",
            season="SS26",
            list_price=9900,
            currency="CNY",
        )
        s.add(runner)
        s.add(tee)
        s.flush()
        world.runner, world.tee = runner.id or 0, tee.id or 0
        s.add(Price(style_id=world.runner, tier="gold", amount=53900))
        number = 0
        for style, colours, sizes in (
            (runner, ("Black", "White"), ("40", "41", "42", "43", "44")),
            (tee, ("Navy",), ("S", "M", "L")),
        ):
            for colour in colours:
                for size in sizes:
                    number += 1
                    sku = f"{style.code}-{colour[:3].upper()}-{size}"
                    variant = Variant(
                        style_id=style.id or 0,
                        sku=sku,
                        barcode=make_ean13(f"690{number:09d}"),
                        colour=colour,
                        colour_code=colour[:3].upper(),
                        size=size,
                        size_rank=size_rank(size),
                    )
                    s.add(variant)
                    s.flush()
                    world.variants[sku] = variant.id or 0
        world.runner_black_42 = world.variants["RS-0001-BLA-42"]
        for sku, variant_id in world.variants.items():
            for key, on_hand in (("A", 0 if sku.endswith("42") else 3), ("B", 2), ("C", 7)):
                s.add(StockLevel(store_id=store_ids[key], variant_id=variant_id, on_hand=on_hand))

        wang = Member(
            name="王芳",
            phone="13812345678",
            card_number="8800123456789012",
            tier="gold",
            points=1200,
            lifetime_points=9000,
            home_store_id=world.store_a,
            sizes={"running shoes": "42"},
        )
        li = Member(
            name="李娜",
            phone="13987654321",
            card_number="8800987654321098",
            home_store_id=world.store_b,
        )
        s.add(wang)
        s.add(li)
        s.flush()
        world.member_wang, world.member_li = wang.id or 0, li.id or 0
        s.add(
            PointsEntry(
                member_id=world.member_wang,
                kind="adjust",
                points=1200,
                balance_after=1200,
                key=f"opening:{world.member_wang}",
            )
        )
        now = datetime.now(UTC)
        s.add(
            Coupon(
                member_id=world.member_wang,
                code="WELCOME50",
                title="50 off over 300",
                kind="amount",
                value=5000,
                min_spend=30000,
                valid_from=now - timedelta(days=1),
                valid_to=now + timedelta(days=30),
            )
        )

        for username, role, store in (
            ("a.guide", Role.GUIDE, world.store_a),
            ("a.manager", Role.MANAGER, world.store_a),
            ("b.guide", Role.GUIDE, world.store_b),
            ("admin", Role.ADMIN, None),
        ):
            user = User(
                username=username,
                full_name=username,
                role=role,
                store_id=store,
                password_hash=_password_hash(),
            )
            s.add(user)
            s.flush()
            world.users[username] = user.id or 0
        s.commit()
    return world


def wipe(engine: Engine) -> None:
    with engine.begin() as conn:
        for table in reversed(SQLModel.metadata.sorted_tables):
            conn.execute(text(f'DELETE FROM "{table.name}"'))


@dataclass
class ServerUnderTest:
    app: FastAPI
    client: TestClient
    world: World
    settings: Settings

    def login(self, username: str, password: str = PASSWORD) -> dict[str, str]:
        """Log in and return the Authorization header for that user."""
        response = self.client.post(
            "/api/v1/auth/login", json={"username": username, "password": password}
        )
        assert response.status_code == 200, response.text
        return {"Authorization": f"Bearer {response.json()['access_token']}"}


@pytest.fixture(scope="session", params=BACKENDS)
def migrated_url(request: pytest.FixtureRequest, databases: DatabaseFactory) -> str:
    url = databases.new_url(request.param)
    engine = make_engine(url)
    upgrade(engine)
    engine.dispose()
    return url


@pytest.fixture
def settings(migrated_url: str) -> Settings:
    return Settings(
        database_url=migrated_url, secret_key=TEST_SECRET, demo_mode=False, sandbox_payments=True
    )


@pytest.fixture
def server(settings: Settings) -> Iterator[ServerUnderTest]:
    app = create_app(settings)
    engine: Engine = app.state.engine
    wipe(engine)
    world = build_world(engine)
    with TestClient(app, client=("198.51.100.7", 50000)) as client:
        yield ServerUnderTest(app=app, client=client, world=world, settings=settings)
    engine.dispose()
