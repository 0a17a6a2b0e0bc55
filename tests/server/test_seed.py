"""The seed data: a realistic brand in an empty database, the same for the same seed.

Runs a small seed (5 stores, 40 styles, 200 members) on SQLite, and on
PostgreSQL too when SHOPGUIDE_TEST_PG is set, in a database of its own that
is dropped afterwards.
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import Engine, func, select, text
from sqlmodel import SQLModel

from shopguide.core.catalog import CLOTHING_SIZES, size_rank
from shopguide.server import models
from shopguide.server.db import make_engine
from shopguide.server.migrate import upgrade
from shopguide.server.security import verify_password
from shopguide.server.seed import SeedSummary, seed_database
from tests.support.databases import BACKENDS, DatabaseFactory

STORES, STYLES, MEMBERS = 5, 40, 200
NOW = datetime(2026, 6, 1, 8, 30, tzinfo=UTC)
PASSWORD = "seeded-secret"


def seed_small(
    engine: Engine,
    *,
    seed: int = 42,
    password: str = PASSWORD,
    now: datetime | None = NOW,
    progress: Callable[[str, int, int], None] | None = None,
) -> SeedSummary:
    """The small seed every test uses: 5 stores, 40 styles, 200 members."""
    return seed_database(
        engine,
        stores=STORES,
        styles=STYLES,
        members=MEMBERS,
        seed=seed,
        password=password,
        now=now,
        progress=progress,
    )


def _table(name: str) -> Any:
    return SQLModel.metadata.tables[name]


@pytest.fixture(scope="module", params=BACKENDS)
def fresh_engine(
    request: pytest.FixtureRequest, databases: DatabaseFactory
) -> Iterator[Callable[[], Engine]]:
    """Makes migrated, empty databases of one backend."""
    engines: list[Engine] = []

    def make() -> Engine:
        engine = make_engine(databases.new_url(request.param))
        upgrade(engine)
        engines.append(engine)
        return engine

    yield make
    for engine in engines:
        engine.dispose()


@dataclass
class Seeded:
    engine: Engine
    summary: SeedSummary
    progress: list[tuple[str, int, int]]

    def rows(self, sql: str, **params: Any) -> list[Any]:
        with self.engine.connect() as conn:
            return list(conn.execute(text(sql), params).all())

    def scalar(self, sql: str, **params: Any) -> Any:
        with self.engine.connect() as conn:
            return conn.execute(text(sql), params).scalar_one()


@pytest.fixture(scope="module")
def seeded(fresh_engine: Callable[[], Engine]) -> Seeded:
    engine = fresh_engine()
    calls: list[tuple[str, int, int]] = []
    summary = seed_small(
        engine, progress=lambda stage, done, total: calls.append((stage, done, total))
    )
    return Seeded(engine, summary, calls)


def digest(engine: Engine) -> str:
    """A hash of every row of every table, in primary-key order.

    Password hashes are left out: Argon2 salts each hash at random.
    """
    sha = hashlib.sha256()
    with engine.connect() as conn:
        for table in SQLModel.metadata.sorted_tables:
            columns = [c for c in table.columns if c.name != "password_hash"]
            rows = conn.execute(select(*columns).order_by(*table.primary_key.columns))
            for row in rows:
                sha.update(repr((table.name, tuple(row))).encode())
    return sha.hexdigest()


def ean13_is_valid(code: str) -> bool:
    if not re.fullmatch(r"[0-9]{13}", code):
        return False
    weighted = sum(int(d) * (1 if i % 2 == 0 else 3) for i, d in enumerate(code[:12]))
    return (10 - weighted % 10) % 10 == int(code[12])


def luhn_is_valid(number: str) -> bool:
    total = 0
    for i, ch in enumerate(reversed(number)):
        d = int(ch) * (2 if i % 2 == 1 else 1)
        total += d - 9 if d > 9 else d
    return total % 10 == 0


# ----------------------------------------------------------------------------- counts


def test_a_seeded_brand_has_the_asked_numbers_of_stores_styles_and_members(
    seeded: Seeded,
) -> None:
    assert seeded.rows("SELECT code, currency, country FROM brand") == [("NANFENG", "CNY", "CN")]
    assert seeded.scalar("SELECT COUNT(*) FROM store") == STORES
    assert seeded.scalar("SELECT COUNT(*) FROM style") == STYLES
    assert seeded.scalar("SELECT COUNT(*) FROM member") == MEMBERS


def test_the_summary_counts_what_is_in_the_database(seeded: Seeded) -> None:
    s = seeded.summary
    counted = {
        "stores": "store",
        "styles": "style",
        "variants": "variant",
        "stock_rows": "stock_level",
        "members": "member",
        "coupons": "coupon",
        "users": '"user"',
        "orders": "sales_order",
        "lost_demand": "lost_demand",
    }
    for attribute, table in counted.items():
        assert getattr(s, attribute) == seeded.scalar(f"SELECT COUNT(*) FROM {table}"), attribute
    assert s.variants > 2 * s.styles
    assert s.coupons > 0


def test_progress_reports_each_stage_from_zero_up_to_its_total(seeded: Seeded) -> None:
    by_stage: dict[str, list[tuple[int, int]]] = defaultdict(list)
    for stage, done, total in seeded.progress:
        by_stage[stage].append((done, total))
    assert {"stores", "styles", "variants", "stock", "members", "coupons", "users"} <= set(by_stage)
    for stage, calls in by_stage.items():
        assert calls[0][0] == 0, stage
        assert calls[-1][0] == calls[-1][1], stage
        assert [done for done, _ in calls] == sorted(done for done, _ in calls), stage
    assert by_stage["stock"][-1][1] == seeded.summary.stock_rows


# ----------------------------------------------------------------------------- stores


def test_stores_are_real_shenzhen_locations_with_codes_in_order(seeded: Seeded) -> None:
    stores = seeded.rows(
        "SELECT code, name, city, district, address, latitude, longitude, opening_hours, phone "
        "FROM store ORDER BY id"
    )
    assert [s.code for s in stores] == ["SZ01", "SZ02", "SZ03", "SZ04", "SZ05"]
    assert "COCO Park" in stores[0].name
    districts = {
        "Futian",
        "Luohu",
        "Nanshan",
        "Bao'an",
        "Longgang",
        "Longhua",
        "Yantian",
        "Guangming",
        "Pingshan",
        "Dapeng",
    }
    for store in stores:
        assert store.city == "Shenzhen"
        assert store.district in districts
        assert store.district in store.address
        assert 22.45 <= store.latitude <= 22.85
        assert 113.75 <= store.longitude <= 114.55
        assert re.fullmatch(r"Mon-\w{3} \d\d:\d\d-\d\d:\d\d(, .+)?", store.opening_hours)
        assert re.fullmatch(r"0755-\d{4} \d{4}", store.phone)
    assert len({s.district for s in stores}) >= 4


def test_stores_beyond_the_real_locations_are_generated_around_the_city(
    fresh_engine: Callable[[], Engine],
) -> None:
    engine = fresh_engine()
    summary = seed_database(engine, stores=45, styles=3, members=10, password=PASSWORD, now=NOW)
    assert summary.stores == 45
    with engine.connect() as conn:
        rows = conn.execute(text("SELECT code, latitude, longitude FROM store ORDER BY id")).all()
    assert [r.code for r in rows] == [f"SZ{n:02d}" for n in range(1, 46)]
    assert all(22.45 <= r.latitude <= 22.85 and 113.75 <= r.longitude <= 114.55 for r in rows)


# ----------------------------------------------------------------------------- catalog


def test_every_barcode_is_a_valid_unique_ean13(seeded: Seeded) -> None:
    barcodes = [r.barcode for r in seeded.rows("SELECT barcode FROM variant")]
    assert all(ean13_is_valid(code) for code in barcodes)
    assert all(code[:3] in {str(p) for p in range(690, 700)} for code in barcodes)
    assert len(set(barcodes)) == len(barcodes) == seeded.summary.variants


def test_variants_are_every_colour_in_every_size_of_their_run(seeded: Seeded) -> None:
    variants = seeded.rows(
        "SELECT v.sku, v.colour, v.colour_code, v.size, v.size_rank, s.code AS style, s.kind "
        "FROM variant v JOIN style s ON s.id = v.style_id"
    )
    by_style: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
    for v in variants:
        assert v.sku == f"{v.style}-{v.colour_code}-{v.size}"
        assert v.size_rank == size_rank(v.size)
        assert re.fullmatch(r"[A-Z]{3}", v.colour_code)
        by_style[v.style][v.colour].add(v.size)
        if v.kind == "shoes":
            assert 35 <= int(v.size) <= 46
        elif v.kind == "clothing":
            assert v.size in CLOTHING_SIZES
    assert len(by_style) == STYLES
    for style, colours in by_style.items():
        assert 2 <= len(colours) <= 5, style
        runs = {frozenset(sizes) for sizes in colours.values()}
        assert len(runs) == 1, style


def test_style_codes_names_and_prices_read_like_a_real_catalog(seeded: Seeded) -> None:
    styles = seeded.rows("SELECT code, name, category, kind, list_price, currency FROM style")
    assert {s.kind for s in styles} >= {"shoes", "clothing"}
    assert len({s.category for s in styles}) >= 10
    for s in styles:
        assert re.fullmatch(r"[A-Z]{2}\d\d-\d{4}", s.code)
        assert len(s.name.split()) >= 3
        assert s.currency == "CNY"
        assert s.list_price % 100 == 0
        assert 4_900 <= s.list_price <= 200_000


def test_tier_prices_are_5_10_and_15_percent_off_rounded_down_to_whole_yuan(
    seeded: Seeded,
) -> None:
    rows = seeded.rows(
        "SELECT s.list_price, p.tier, p.amount FROM price p JOIN style s ON s.id = p.style_id"
    )
    off = {"silver": 5, "gold": 10, "platinum": 15}
    assert len(rows) == 3 * STYLES
    for list_price, tier, amount in rows:
        assert amount == list_price * (100 - off[tier]) // 100 // 100 * 100


# ----------------------------------------------------------------------------- stock


def test_stock_follows_the_size_curve(seeded: Seeded) -> None:
    rows = seeded.rows(
        "SELECT v.size, s.kind, s.gender, SUM(k.on_hand) AS units FROM stock_level k "
        "JOIN variant v ON v.id = k.variant_id JOIN style s ON s.id = v.style_id "
        "GROUP BY v.size, s.kind, s.gender"
    )
    clothing: Counter[str] = Counter()
    shoes: Counter[int] = Counter()
    for size, kind, _gender, units in rows:
        if kind == "clothing":
            clothing[size] += units
        elif kind == "shoes":
            shoes[int(size)] += units
    assert clothing["M"] + clothing["L"] > 2 * (clothing["XS"] + clothing["XXL"])
    assert min(clothing["M"], clothing["L"]) > max(clothing["XS"], clothing["XXL"])
    assert shoes[39] + shoes[40] + shoes[41] > 2 * (shoes[35] + shoes[46])


def test_every_store_has_empty_low_and_plentiful_cells(seeded: Seeded) -> None:
    rows = seeded.rows(
        "SELECT store_id, "
        "SUM(CASE WHEN on_hand = 0 THEN 1 ELSE 0 END) AS none, "
        "SUM(CASE WHEN on_hand BETWEEN 1 AND 2 THEN 1 ELSE 0 END) AS low, "
        "SUM(CASE WHEN on_hand >= 3 THEN 1 ELSE 0 END) AS ok "
        "FROM stock_level GROUP BY store_id ORDER BY store_id"
    )
    assert len(rows) == STORES
    for store_id, none, low, ok in rows:
        assert none > 0, store_id
        assert low > 0, store_id
        assert ok > 0, store_id


def test_each_store_carries_most_but_not_all_styles(seeded: Seeded) -> None:
    rows = seeded.rows(
        "SELECT k.store_id, COUNT(DISTINCT v.style_id) FROM stock_level k "
        "JOIN variant v ON v.id = k.variant_id GROUP BY k.store_id"
    )
    for _store, carried in rows:
        assert 0.7 * STYLES <= carried <= STYLES


def test_stock_is_stamped_with_the_reference_time(seeded: Seeded) -> None:
    with seeded.engine.connect() as conn:
        stamps = conn.execute(
            select(
                func.min(_table("stock_level").c.updated_at),
                func.max(_table("stock_level").c.updated_at),
            )
        ).one()
    assert tuple(stamps) == (NOW, NOW)


# ----------------------------------------------------------------------------- members


def test_members_have_chinese_names_unique_mobiles_and_luhn_card_numbers(
    seeded: Seeded,
) -> None:
    members = seeded.rows("SELECT name, phone, card_number, tier, points FROM member")
    for m in members:
        assert re.fullmatch(r"[\u4e00-\u9fff]{2,4}", m.name), m.name
        assert re.fullmatch(r"1[35789][0-9]{9}", m.phone), m.phone
        assert re.fullmatch(r"8800[0-9]{12}", m.card_number)
        assert luhn_is_valid(m.card_number)
        assert m.tier in {"classic", "silver", "gold", "platinum"}
        assert m.points >= 0
    assert len({m.phone for m in members}) == len(members)
    assert len({m.card_number for m in members}) == len(members)
    tiers = Counter(m.tier for m in members)
    assert tiers["classic"] > tiers["silver"] > tiers["gold"] > 0


def test_members_have_a_home_store_birthdays_sizes_and_a_past_join_date(seeded: Seeded) -> None:
    member = _table("member")
    with seeded.engine.connect() as conn:
        members = conn.execute(select(member)).all()
    store_ids = {r.id for r in seeded.rows("SELECT id FROM store")}
    assert {m.home_store_id for m in members} <= store_ids
    assert any(m.birthday is not None for m in members)
    with_sizes = [m.sizes for m in members if m.sizes]
    assert len(with_sizes) > len(members) // 4
    assert all(isinstance(v, str) for sizes in with_sizes for v in sizes.values())
    assert all(m.created_at < NOW and m.consent_at <= NOW for m in members)


def test_coupons_have_unique_codes_and_states_that_fit_their_dates(seeded: Seeded) -> None:
    coupon = _table("coupon")
    with seeded.engine.connect() as conn:
        coupons = conn.execute(select(coupon)).all()
    assert len({c.code for c in coupons}) == len(coupons)
    states = Counter(c.state for c in coupons)
    assert states["issued"] > states["redeemed"] > 0
    assert states["expired"] > 0
    for c in coupons:
        assert c.valid_from.tzinfo is not None
        assert c.valid_from < c.valid_to
        assert c.kind in {"amount", "percent"}
        if c.state == "expired":
            assert c.valid_to < NOW
        elif c.state == "issued":
            assert c.valid_to > NOW
            assert c.redeemed_at is None
        else:
            assert c.valid_from <= c.redeemed_at <= NOW
    assert any(c.category for c in coupons)
    assert any(c.category is None for c in coupons)


# ----------------------------------------------------------------------------- sales history


def test_eight_weeks_of_sales_per_store_follow_the_size_curve(seeded: Seeded) -> None:
    per_store = seeded.rows(
        "SELECT store_id, COUNT(*), MIN(created_at), MAX(created_at) FROM sales_order "
        "GROUP BY store_id ORDER BY store_id"
    )
    assert [row[0] for row in per_store] == list(range(1, STORES + 1))
    assert all(row[1] > 100 for row in per_store)
    with seeded.engine.connect() as conn:
        first, last = conn.execute(
            select(
                func.min(_table("sales_order").c.created_at),
                func.max(_table("sales_order").c.created_at),
            )
        ).one()
    assert NOW - first <= timedelta(days=57)
    assert last < NOW
    units = Counter(
        dict(
            seeded.rows(
                "SELECT v.size, SUM(l.quantity) FROM order_line l "
                "JOIN variant v ON v.id = l.variant_id JOIN style s ON s.id = v.style_id "
                "WHERE s.kind = 'clothing' GROUP BY v.size"
            )
        )
    )
    assert units["M"] + units["L"] > 2 * (units["XS"] + units["XXL"])
    assert seeded.scalar("SELECT COUNT(*) FROM lost_demand") > 0


def test_every_seeded_sale_is_paid_and_split_to_the_fen(seeded: Seeded) -> None:
    unpaid = seeded.scalar(
        "SELECT COUNT(*) FROM sales_order o WHERE NOT EXISTS "
        "(SELECT 1 FROM payment p WHERE p.order_id = o.id AND p.amount = o.total)"
    )
    assert unpaid == 0
    off = seeded.rows(
        "SELECT o.id, o.status, o.total, SUM(e.amount) FROM sales_order o "
        "JOIN split_entry e ON e.order_id = o.id GROUP BY o.id, o.status, o.total "
        "HAVING SUM(e.amount) <> CASE WHEN o.status = 'refunded' THEN 0 ELSE o.total END"
    )
    assert off == []
    refunded = seeded.scalar("SELECT COUNT(*) FROM sales_order WHERE status = 'refunded'")
    assert 0 < refunded < seeded.summary.orders // 10
    parties = {row[0] for row in seeded.rows("SELECT DISTINCT party FROM split_entry")}
    assert parties == {"brand", "store", "guide", "mall", "platform"}
    assert seeded.scalar("SELECT COUNT(*) FROM split_rule") == 1


# ----------------------------------------------------------------------------- staff


def test_seeded_guides_managers_and_the_admin_log_in_with_the_seed_password(
    seeded: Seeded,
) -> None:
    users = {
        u.username: u
        for u in seeded.rows(
            'SELECT username, full_name, role, store_id, password_hash FROM "user"'
        )
    }
    assert users["admin"].role == "admin"
    assert users["admin"].store_id is None
    assert users["sz01.manager"].role == "manager"
    assert users["sz01.guide1"].role == "guide"
    assert users["sz01.guide1"].store_id == 1
    assert verify_password(PASSWORD, users["sz01.guide1"].password_hash)
    assert not verify_password("shopguide", users["sz01.guide1"].password_hash)
    for code in ("sz01", "sz02", "sz03", "sz04", "sz05"):
        guides = [name for name in users if name.startswith(f"{code}.guide")]
        assert 3 <= len(guides) <= 6
        assert f"{code}.manager" in users
    assert all(re.fullmatch(r"[\u4e00-\u9fff]{2,4}", u.full_name) for u in users.values())
    assert {login.username for login in seeded.summary.logins} >= {
        "admin",
        "sz01.manager",
        "sz01.guide1",
    }


# ----------------------------------------------------------------------------- determinism


def test_the_same_seed_gives_the_same_rows_and_another_seed_different_ones(
    seeded: Seeded, fresh_engine: Callable[[], Engine]
) -> None:
    again = fresh_engine()
    seed_small(again, seed=42)
    other = fresh_engine()
    seed_small(other, seed=43)
    assert digest(again) == digest(seeded.engine)
    assert digest(other) != digest(seeded.engine)


def test_seeding_a_database_that_has_a_brand_is_refused(seeded: Seeded) -> None:
    before = digest(seeded.engine)
    with pytest.raises(ValueError, match="already has a brand"):
        seed_small(seeded.engine)
    assert digest(seeded.engine) == before


def test_a_seed_that_fails_half_way_leaves_the_database_empty(
    fresh_engine: Callable[[], Engine],
) -> None:
    engine = fresh_engine()

    def fail_in_stock(stage: str, done: int, total: int) -> None:
        if stage == "stock" and done > 0:
            raise RuntimeError("interrupted")

    with pytest.raises(RuntimeError, match="interrupted"):
        seed_small(engine, progress=fail_in_stock)
    with engine.connect() as conn:
        for table in (models.Brand, models.Store, models.Variant, models.StockLevel):
            assert conn.execute(select(func.count()).select_from(table)).scalar_one() == 0
        context = MigrationContext.configure(conn, opts={"compare_type": True})
        assert compare_metadata(context, SQLModel.metadata) == []  # constraints all back
    summary = seed_small(engine)
    assert summary.stores == STORES


def test_seeding_refuses_a_short_password_and_naive_time(
    fresh_engine: Callable[[], Engine],
) -> None:
    engine = fresh_engine()
    with pytest.raises(ValueError, match="password"):
        seed_small(engine, password="short")
    with pytest.raises(ValueError, match="timezone"):
        seed_small(engine, now=datetime(2026, 1, 1))
