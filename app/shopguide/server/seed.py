"""Fill an empty, migrated database with a realistic brand: the demo's and the benchmarks' data.

One brand (Nanfeng, CNY) with stores in real Shenzhen shopping centres,
thousands of styles in colours x sizes, stock in every store shaped by a size
curve, members with Chinese names, phones, tiers and coupons, and staff
accounts for every store. For the manager's view: eight weeks of paid sales
per store (popular styles more often, sizes along the same curve as the
stock, a few refunded), their revenue split by the brand's default rule,
and the lost demand guides recorded on those days.

Determinism: everything but timestamps comes from `random.Random` instances
seeded with `seed` and a stage name (never the global generator or the
clock), so one seed always gives the same rows. Each stage has its own
stream, and stock and assortment have one per store, so the catalog does not
change with the number of stores and SZ01's stock does not change with the
number of members. Timestamps (stock `updated_at`, when members joined,
coupon validity) are relative to `now`, which tests pass in.

Speed: a 200,000-variant catalog in 30 stores is about six million stock
rows. Rows are built as plain tuples with ids assigned here (so rows can
reference each other without round trips) and written through the DBAPI
connection in one transaction: `executemany` on SQLite, `COPY ... FROM STDIN`
on PostgreSQL (psycopg). Column lists and SQL values come from the SQLModel
tables, through each column type's bind processor, so the rows are exactly
what the ORM would have written.
"""

from __future__ import annotations

import math
import random
import time
import uuid
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from datetime import time as clock
from functools import cache
from itertools import accumulate, islice
from typing import Any, Final
from zoneinfo import ZoneInfo

from sqlalchemy import (
    Column,
    ColumnDefault,
    Connection,
    Engine,
    Integer,
    Table,
    exists,
    inspect,
    select,
    text,
)
from sqlmodel import SQLModel

from shopguide.core.barcode import make_ean13
from shopguide.core.catalog import CLOTHING_SIZES, ONE_SIZE, SHOE_SIZES, Kind, size_rank, sku_for
from shopguide.core.loyalty import tier_named
from shopguide.core.money import Money, Rounding, apply_rate, minor_units
from shopguide.core.split import Party, Share, ShareKind, SplitRule, split
from shopguide.server.models import (
    Brand,
    Coupon,
    LostDemand,
    Member,
    MerchantAccount,
    Order,
    OrderLine,
    Payment,
    PointsEntry,
    Price,
    Role,
    SplitEntry,
    StockLevel,
    Store,
    Style,
    User,
    Variant,
)
from shopguide.server.models import SplitRule as StoredRule
from shopguide.server.models.holds import MANUAL
from shopguide.server.models.loyalty import ADJUST
from shopguide.server.models.revenue import EARN, REVERSE
from shopguide.server.security import hash_password
from shopguide.server.seed_names import (
    BRAND_CODE,
    BRAND_NAME,
    BRAND_SHORT,
    CATEGORIES,
    CITY,
    COLOUR_COUNTS,
    COLOURS,
    COUPONS,
    DISTRICTS,
    EXTRA_STREETS,
    EXTRA_VENUES,
    GIVEN_FEMALE,
    GIVEN_MALE,
    LOCATIONS,
    MOBILE_PREFIXES,
    PALETTES,
    PHONE_AREA,
    QUALITIES,
    SEASONS,
    STORE_SIZES,
    SURNAMES,
    TIER_DISCOUNTS,
    TIERS,
    Category,
    CouponTemplate,
)
from shopguide.server.services.members import CARD_PREFIX, luhn_check_digit

Progress = Callable[[str, int, int], None]
Row = tuple[Any, ...]

CURRENCY: Final = "CNY"
COUNTRY: Final = "CN"
DEMO_ACQUIRER: Final = "com.example.acquirer"  # EMVCo GUID of a made-up acquirer
CLOTHING_MCC: Final = "5651"  # ISO 18245: family clothing stores
GS1_PREFIX: Final = "693"  # a GS1 China prefix; the item number fills the other nine digits
CHUNK_ROWS: Final = 50_000  # rows per executemany / progress report
SOLD_OUT_SHARE: Final = 0.06  # cells at zero on top of what the size curve gives
MIN_PASSWORD: Final = 8  # the same rule as for accounts created through the API

# Size runs, cut from core's SHOE_SIZES: women's 35-41, men's 39-46, unisex 36-45.
_SHOE_RUNS: Final[dict[str, tuple[str, ...]]] = {
    "women": tuple(s for s in SHOE_SIZES if 35 <= int(s) <= 41),
    "men": tuple(s for s in SHOE_SIZES if 39 <= int(s) <= 46),
    "unisex": tuple(s for s in SHOE_SIZES if 36 <= int(s) <= 45),
}
# Where the size curve peaks (and how wide it is) for shoes, by gender.
_SHOE_CURVES: Final = {"women": (38.2, 1.5), "men": (42.0, 1.6), "unisex": (40.0, 2.4)}
# Clothing curves, relative units per size XS..XXL: middle sizes sell most.
_CLOTHING_CURVES: Final = {
    "women": (1.5, 4.0, 5.0, 3.5, 1.5, 0.6),
    "men": (0.6, 2.0, 4.5, 5.0, 3.5, 1.5),
    "unisex": (1.0, 3.0, 5.0, 5.0, 3.0, 1.0),
}
_ACCESSORY_DEPTH: Final = 4.0
# A style's popularity: (factor on its stock, weight).
_POPULARITY: Final = ((0.5, 3), (1.0, 5), (1.6, 2))
# Share of the styles a store carries, by store size.
_CARRY: Final = {"flagship": 0.95, "large": 0.92, "standard": 0.89, "small": 0.85}
_COUPON_CODE_ALPHABET: Final = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"
# The brand's default revenue split: the store 10 %, the selling guide 5 %, the
# mall 3 %, the platform 2 %, and the brand (the merchant) the rest, 80 %.
DEFAULT_SPLIT_RULE: Final = SplitRule(
    (
        Share(Party.BRAND, ShareKind.REMAINDER),
        Share(Party.STORE, ShareKind.PERCENT, 1000),
        Share(Party.GUIDE, ShareKind.PERCENT, 500),
        Share(Party.MALL, ShareKind.PERCENT, 300),
        Share(Party.PLATFORM, ShareKind.PERCENT, 200),
    )
)
HISTORY_DAYS: Final = 56  # eight weeks of sales before today
ORDERS_PER_DAY: Final = 12.0  # a standard store's day; scaled by the store's size
LOST_PER_DAY: Final = 2.0  # lost-demand taps a standard store's guides make a day
REFUND_SHARE: Final = 0.02
_LINES_PER_ORDER: Final = ((1, 60), (2, 30), (3, 10))
_PAYMENT_METHODS: Final = (("emv", 70), ("cash", 20), ("card_terminal", 10))
_MEMBER_NOTES: Final = (
    "喜欢宽松版型",
    "偏好黑色和深色",
    "常买跑鞋",
    "脚背偏高，建议大半码",
    "给先生和孩子一起买",
    "只接受微信通知",
    "关注新品到店",
    "喜欢棉麻面料",
)


def _table(model: type[SQLModel]) -> Table:
    table = inspect(model).local_table
    assert isinstance(table, Table)
    return table


_TABLES: Final = {
    model: _table(model)
    for model in (
        Brand,
        Store,
        MerchantAccount,
        Style,
        Price,
        Variant,
        StockLevel,
        Member,
        PointsEntry,
        Coupon,
        User,
        StoredRule,
        Order,
        OrderLine,
        Payment,
        SplitEntry,
        LostDemand,
    )
}

# ----------------------------------------------------------------------------- results


@dataclass(frozen=True, slots=True)
class DemoLogin:
    username: str
    role: str
    store_code: str | None


@dataclass(frozen=True)
class SeedSummary:
    """What was created. All seeded accounts share the password that was passed in."""

    brand: str
    stores: int
    styles: int
    variants: int
    stock_rows: int
    members: int
    coupons: int
    users: int
    orders: int
    lost_demand: int
    logins: tuple[DemoLogin, ...]
    seconds: float = field(default=0.0, compare=False)
    stage_seconds: tuple[tuple[str, float], ...] = field(default=(), compare=False)

    def __str__(self) -> str:
        logins = ", ".join(
            f"{login.username} ({login.role}{', ' + login.store_code if login.store_code else ''})"
            for login in self.logins
        )
        return (
            f"Seeded {self.brand}: {self.stores:,} stores, {self.styles:,} styles, "
            f"{self.variants:,} variants, {self.stock_rows:,} stock rows, "
            f"{self.members:,} members, {self.coupons:,} coupons, {self.users:,} users, "
            f"{self.orders:,} paid orders in {HISTORY_DAYS // 7} weeks, "
            f"{self.lost_demand:,} lost-demand records in {self.seconds:.1f} s.\n"
            f"Logins (all with the seed password): {logins}; every store SZnn also has "
            "sznn.manager and sznn.guide1, sznn.guide2, ..."
        )


# ----------------------------------------------------------------------------- plans


@dataclass(slots=True)
class _StorePlan:
    id: int
    code: str
    size: str
    scale: float
    carry: float
    guides: int
    member_share: float
    row: Row


@dataclass(slots=True)
class _StylePlan:
    id: int
    code: str
    category: Category
    kind: str
    gender: str
    sizes: tuple[str, ...]
    colours: tuple[str, ...]
    season: str
    popularity: float
    first_variant: int  # variant ids are contiguous per style: colour-major, then size

    @property
    def variant_count(self) -> int:
        return len(self.sizes) * len(self.colours)


def _sizes_for(kind: str, gender: str) -> tuple[str, ...]:
    if kind == Kind.SHOES:
        return _SHOE_RUNS[gender]
    if kind == Kind.CLOTHING:
        return CLOTHING_SIZES
    return (ONE_SIZE,)


def expected_variants_per_style() -> float:
    """The mean number of variants per style the catalog tables give.

    Categories are dealt in exact proportion to their weights, so only the
    gender (size run) and the colour count vary from style to style; a big
    catalog lands within a fraction of a percent of `styles * this`.
    """
    colours = sum(n * w for n, w in COLOUR_COUNTS) / sum(w for _, w in COLOUR_COUNTS)
    total_weight = sum(c.weight for c in CATEGORIES)
    sizes = 0.0
    for category in CATEGORIES:
        gender_weight = sum(w for _, w in category.genders)
        mean = sum(len(_sizes_for(category.kind, g)) * w for g, w in category.genders)
        sizes += category.weight * mean / gender_weight
    return colours * sizes / total_weight


def styles_for_variants(variants: int) -> int:
    """How many styles to ask for to get at least `variants` variants (2 % margin)."""
    return math.ceil(variants * 1.02 / expected_variants_per_style())


def _deal(weights: Sequence[int], count: int) -> Iterator[int]:
    """Indices in exact proportion to `weights`, evenly interleaved (smooth round robin)."""
    total = sum(weights)
    current = [0] * len(weights)
    for _ in range(count):
        for i, w in enumerate(weights):
            current[i] += w
        best = max(range(len(weights)), key=current.__getitem__)
        current[best] -= total
        yield best


def _weighted_sample(
    rng: random.Random, pool: Sequence[str], weights: Sequence[int], count: int
) -> tuple[str, ...]:
    items, w = list(pool), list(weights)
    chosen: list[str] = []
    for _ in range(min(count, len(items))):
        i = rng.choices(range(len(items)), weights=w)[0]
        chosen.append(items.pop(i))
        w.pop(i)
    return tuple(chosen)


_SURNAMES: Final = tuple(s for s, _ in SURNAMES)
_SURNAME_WEIGHTS: Final = tuple(w for _, w in SURNAMES)


def _chinese_name(rng: random.Random, female: bool) -> str:
    """Surname plus a one- or two-character given name, e.g. 王芳, 陈嘉怡, 欧阳晨."""
    surname = rng.choices(_SURNAMES, weights=_SURNAME_WEIGHTS)[0]
    chars = GIVEN_FEMALE if female else GIVEN_MALE
    given = rng.choice(chars)
    if rng.random() < 0.65:
        given += rng.choice(chars)
    return surname + given


# ----------------------------------------------------------------------------- writing


class _Writer:
    """Bulk inserts through the DBAPI connection, with SQL values from the column types."""

    def __init__(self, conn: Connection, progress: Progress) -> None:
        self.conn = conn
        self.dialect = conn.dialect
        self.progress = progress
        self.quote = self.dialect.identifier_preparer.quote
        if self.dialect.name == "sqlite":
            self.mode = "sqlite"
        elif self.dialect.name == "postgresql" and self.dialect.driver == "psycopg":
            self.mode = "copy"
        else:
            self.mode = "generic"
        self.tables: list[Table] = []

    def sql_value(self, column: Column[Any], value: Any) -> Any:
        """`value` as the driver gets it for `column` (e.g. SQLite's text timestamps)."""
        if self.mode == "generic" or value is None:
            return value
        processor = column.type.dialect_impl(self.dialect).bind_processor(self.dialect)
        return processor(value) if processor is not None else value

    def insert(
        self,
        table: Table,
        columns: Sequence[str],
        chunks: Iterable[Sequence[Row]],
        *,
        stage: str,
        total: int,
        ready: bool = False,
    ) -> int:
        """Insert rows (tuples in `columns` order) chunk by chunk; return how many.

        `ready` rows already hold driver values (see `sql_value`): the stock
        rows are built that way, since processing six million tuples again
        would cost seconds.
        """
        extra_columns, extra_values = self._extra_columns(table, columns)
        names = [*columns, *extra_columns]
        if table not in self.tables:
            self.tables.append(table)
        processors: list[tuple[int, Callable[[Any], Any]]] = []
        if not ready and self.mode != "generic":
            for i, name in enumerate(columns):
                proc = table.c[name].type.dialect_impl(self.dialect).bind_processor(self.dialect)
                if proc is not None:
                    processors.append((i, proc))

        def prepared(chunk: Sequence[Row]) -> Sequence[Row]:
            if processors:
                out = []
                for row in chunk:
                    values = list(row)
                    for i, proc in processors:
                        if values[i] is not None:
                            values[i] = proc(values[i])
                    out.append(tuple(values))
                chunk = out
            if extra_values:
                chunk = [row + extra_values for row in chunk]
            return chunk

        done = 0
        self.progress(stage, 0, total)
        column_sql = ", ".join(self.quote(name) for name in names)
        table_sql = self.quote(table.name)
        if self.mode == "sqlite":
            driver = self.conn.connection.driver_connection
            assert driver is not None
            marks = ", ".join("?" for _ in names)
            # Identifiers come from the table metadata, quoted by the dialect.
            sql = f"INSERT INTO {table_sql} ({column_sql}) VALUES ({marks})"  # noqa: S608
            for chunk in chunks:
                driver.executemany(sql, prepared(chunk))
                done += len(chunk)
                self.progress(stage, done, total)
        elif self.mode == "copy":
            driver = self.conn.connection.driver_connection
            assert driver is not None
            with (
                driver.cursor() as cursor,
                cursor.copy(f"COPY {table_sql} ({column_sql}) FROM STDIN") as copy,
            ):
                for chunk in chunks:
                    write_row = copy.write_row
                    for row in prepared(chunk):
                        write_row(row)
                    done += len(chunk)
                    self.progress(stage, done, total)
        else:
            statement = table.insert()
            for chunk in chunks:
                self.conn.execute(
                    statement, [dict(zip(names, row, strict=True)) for row in prepared(chunk)]
                )
                done += len(chunk)
                self.progress(stage, done, total)
        if done != total:
            self.progress(stage, done, done)
        return done

    def _extra_columns(self, table: Table, columns: Sequence[str]) -> tuple[list[str], Row]:
        """Columns the seed does not know (added by a later migration) get their default.

        A nullable column or one with a server default is left to the database;
        a Python-side default is evaluated once; anything else is a clear error
        rather than six million failed rows.
        """
        unknown = set(columns) - set(table.c.keys())
        if unknown:
            raise RuntimeError(f"seed: table {table.name} has no column(s) {sorted(unknown)}")
        names: list[str] = []
        values: list[Any] = []
        for column in table.columns:
            if column.name in columns or column.server_default is not None:
                continue
            default = column.default
            if isinstance(default, ColumnDefault) and (default.is_scalar or default.is_callable):
                value = default.arg(None) if default.is_callable else default.arg
                names.append(column.name)
                values.append(self.sql_value(column, value))
            elif not column.nullable:
                raise RuntimeError(
                    f"seed: cannot fill {table.name}.{column.name}; teach seed.py about it"
                )
        return names, tuple(values)

    @contextmanager
    def foreign_keys_checked_after(self, table: Table) -> Iterator[None]:
        """PostgreSQL: check `table`'s foreign keys once after the load, not per row.

        A COPY fires the foreign-key triggers for every row, which made the
        stock load three times slower; dropping the constraints and adding
        them back validates each with one join. It all happens inside the
        seed's transaction, so a failure leaves the schema as it was.
        """
        if self.dialect.name != "postgresql":
            yield
            return
        name = self.quote(table.name)
        keys = self.conn.execute(
            text(
                "SELECT conname, pg_get_constraintdef(oid) FROM pg_constraint "
                "WHERE conrelid = CAST(:table AS regclass) AND contype = 'f' ORDER BY conname"
            ),
            {"table": name},
        ).all()
        for key, _ in keys:
            self.conn.exec_driver_sql(f"ALTER TABLE {name} DROP CONSTRAINT {self.quote(key)}")
        yield
        for key, definition in keys:
            self.conn.exec_driver_sql(
                f"ALTER TABLE {name} ADD CONSTRAINT {self.quote(key)} {definition}"
            )

    def finish(self) -> None:
        """PostgreSQL: move each id sequence past the ids assigned here."""
        if self.dialect.name != "postgresql":
            return
        for table in self.tables:
            id_column = table.c.get("id")
            if id_column is None or not isinstance(id_column.type, Integer):
                continue
            name = self.quote(table.name)
            next_id = f"(SELECT COALESCE(MAX(id), 0) + 1 FROM {name})"  # noqa: S608
            self.conn.execute(
                text(f"SELECT setval(pg_get_serial_sequence(:table, 'id'), {next_id}, false)"),
                {"table": name},
            )


def _chunked(rows: Iterable[Row], size: int = CHUNK_ROWS) -> Iterator[list[Row]]:
    iterator = iter(rows)
    while chunk := list(islice(iterator, size)):
        yield chunk


# ----------------------------------------------------------------------------- the seeder


class _Seeder:
    def __init__(self, *, seed: int, now: datetime, writer: _Writer) -> None:
        self.seed = seed
        self.now = now
        self.w = writer
        self.stages: list[tuple[str, float]] = []
        self.stores: list[_StorePlan] = []
        self.styles: list[_StylePlan] = []
        self.variant_count = 0
        self._style_rows: list[Row] = []
        self.logins: list[DemoLogin] = []
        self.carried: list[list[_StylePlan]] = []  # per store, the styles it stocks
        self.guides: dict[int, list[int]] = {}  # store id -> its guides' user ids

    def rng(self, *parts: object) -> random.Random:
        """An independent, reproducible stream per stage (str seeds hash with SHA-512)."""
        return random.Random(":".join(str(p) for p in (self.seed, *parts)))

    def timed(self, stage: str, started: float) -> None:
        self.stages.append((stage, time.perf_counter() - started))

    # -- brand and stores

    def brand(self) -> None:
        cols = ("id", "code", "name", "currency", "country", "phone_salt")
        salt = f"{self.rng('brand').getrandbits(128):032x}"
        self.w.insert(
            _TABLES[Brand],
            cols,
            [[(1, BRAND_CODE, BRAND_NAME, CURRENCY, COUNTRY, salt)]],
            stage="brand",
            total=1,
        )

    def plan_stores(self, count: int) -> None:
        district_names = list(DISTRICTS)
        district_weights = [d.weight for d in DISTRICTS.values()]
        for index in range(count):
            number = index + 1
            code = f"SZ{number:02d}"
            rng = self.rng("store", number)
            if index < len(LOCATIONS):
                loc = LOCATIONS[index]
                district, mall, street = DISTRICTS[loc.district], loc.mall, loc.street
                lat, lon, size, hours = loc.lat, loc.lon, loc.size, loc.hours
            else:
                district = DISTRICTS[rng.choices(district_names, weights=district_weights)[0]]
                street = f"{rng.randint(1, 388)} {rng.choice(EXTRA_STREETS)}"
                mall = f"{district.name} {rng.choice(EXTRA_VENUES)}"
                lat = round(district.lat + rng.uniform(-0.02, 0.02), 4)
                lon = round(district.lon + rng.uniform(-0.02, 0.02), 4)
                size = "standard" if rng.random() < 0.3 else "small"
                hours = "Mon-Sun 10:00-22:00"
            floor = rng.choice(("B1", "L1", "L1", "L2", "L2", "L3"))
            unit = f"{floor}-{rng.randint(1, 60) * 5 + rng.randint(0, 4):03d}"
            district_label = (
                f"{district.name} New District"
                if district.name == "Dapeng"
                else f"{district.name} District"
            )
            address = f"Shop {unit}, {mall}, {street}, {district_label}, {CITY}"
            landline = f"{rng.choice('2388')}{rng.randrange(10**7):07d}"
            phone = f"{PHONE_AREA}-{landline[:4]} {landline[4:]}"
            name = f"{BRAND_SHORT} {mall} {district.name_zh}"
            scale, guides_low, guides_high, share = STORE_SIZES[size]
            row = (
                number,
                code,
                name,
                CITY,
                district.name,
                address,
                lat,
                lon,
                hours,
                phone,
                "Asia/Shanghai",
                1,
            )
            self.stores.append(
                _StorePlan(
                    id=number,
                    code=code,
                    size=size,
                    scale=scale,
                    carry=_CARRY[size],
                    guides=rng.randint(guides_low, guides_high),
                    member_share=share,
                    row=row,
                )
            )

    def write_stores(self) -> None:
        cols = (
            "id",
            "code",
            "name",
            "city",
            "district",
            "address",
            "latitude",
            "longitude",
            "opening_hours",
            "phone",
            "timezone",
            "brand_id",
        )
        self.w.insert(
            _TABLES[Store],
            cols,
            _chunked(s.row for s in self.stores),
            stage="stores",
            total=len(self.stores),
        )

    def write_merchant_accounts(self) -> None:
        """Each store's account with the (fictional) acquirer, for its EMV payment QR."""
        cols = (
            "store_id",
            "provider",
            "network_id",
            "merchant_id",
            "merchant_name",
            "merchant_city",
            "category_code",
            "country",
            "currency",
        )
        rows = (
            (
                s.id,
                "emv",
                DEMO_ACQUIRER,
                f"{BRAND_CODE}{s.code}{s.id:06d}",
                f"{BRAND_SHORT} {s.code}",
                CITY,
                CLOTHING_MCC,
                COUNTRY,
                CURRENCY,
            )
            for s in self.stores
        )
        self.w.insert(
            _TABLES[MerchantAccount],
            cols,
            _chunked(rows),
            stage="merchant accounts",
            total=len(self.stores),
        )

    # -- catalog

    def plan_catalog(self, count: int) -> None:
        rng = self.rng("catalog")
        numbers: dict[str, int] = {}
        next_variant = 1
        popularity = [p for p, _ in _POPULARITY]
        popularity_weights = [w for _, w in _POPULARITY]
        counts = [n for n, _ in COLOUR_COUNTS]
        count_weights = [w for _, w in COLOUR_COUNTS]
        for index, category_index in enumerate(_deal([c.weight for c in CATEGORIES], count)):
            category = CATEGORIES[category_index]
            season = rng.choice(SEASONS)
            numbers[category.prefix] = numbers.get(category.prefix, 0) + 1
            code = f"{category.prefix}{season[2:]}-{numbers[category.prefix]:04d}"
            gender = rng.choices(
                [g for g, _ in category.genders], weights=[w for _, w in category.genders]
            )[0]
            palette = PALETTES[category.palette]
            colours = _weighted_sample(
                rng,
                palette,
                [COLOURS[c].weight for c in palette],
                rng.choices(counts, weights=count_weights)[0],
            )
            plan = _StylePlan(
                id=index + 1,
                code=code,
                category=category,
                kind=category.kind,
                gender=gender,
                sizes=_sizes_for(category.kind, gender),
                colours=colours,
                season=season,
                popularity=rng.choices(popularity, weights=popularity_weights)[0],
                first_variant=next_variant,
            )
            next_variant += plan.variant_count
            self.styles.append(plan)
        self.variant_count = next_variant - 1
        self._style_rows = self._make_style_rows(rng)

    def _make_style_rows(self, rng: random.Random) -> list[Row]:
        rows = []
        updated_at = self.now
        for plan in self.styles:
            category = plan.category
            name = (
                f"{rng.choice(QUALITIES)} {rng.choice(category.materials)} "
                f"{rng.choice(category.nouns)}"
            )
            rows.append(
                (
                    plan.id,
                    plan.code,
                    name,
                    category.name,
                    plan.kind,
                    plan.gender,
                    plan.season,
                    category.blurb,
                    rng.choice(category.prices),
                    CURRENCY,
                    1,
                    updated_at,
                )
            )
        return rows

    def write_catalog(self) -> None:
        started = time.perf_counter()
        cols = (
            "id",
            "code",
            "name",
            "category",
            "kind",
            "gender",
            "season",
            "description",
            "list_price",
            "currency",
            "brand_id",
            "updated_at",
        )
        self.w.insert(
            _TABLES[Style],
            cols,
            _chunked(self._style_rows),
            stage="styles",
            total=len(self._style_rows),
        )
        self.w.insert(
            _TABLES[Price],
            ("id", "style_id", "tier", "amount"),
            _chunked(self._price_rows()),
            stage="prices",
            total=len(self._style_rows) * len(TIER_DISCOUNTS),
        )
        self.timed("styles", started)
        started = time.perf_counter()
        variant_cols = (
            "id",
            "style_id",
            "sku",
            "barcode",
            "colour",
            "colour_code",
            "size",
            "size_rank",
            "active",
        )
        self.w.insert(
            _TABLES[Variant],
            variant_cols,
            _chunked(self._variant_rows()),
            stage="variants",
            total=self.variant_count,
        )
        self.timed("variants", started)

    def _price_rows(self) -> Iterator[Row]:
        unit = 10 ** minor_units(CURRENCY)
        price_id = 0
        for row in self._style_rows:
            style_id, list_price = row[0], row[8]
            for tier, basis_points in TIER_DISCOUNTS:
                discounted = apply_rate(
                    Money(list_price, CURRENCY), 10_000 - basis_points, 10_000, Rounding.DOWN
                )
                price_id += 1
                whole_yuan = Rounding.DOWN.divide(discounted.minor, unit) * unit
                yield (price_id, style_id, tier, whole_yuan)

    def _variant_rows(self) -> Iterator[Row]:
        ranks = {s: size_rank(s) for s in (*SHOE_SIZES, *CLOTHING_SIZES, ONE_SIZE)}
        for plan in self.styles:
            variant_id = plan.first_variant
            for colour_code in plan.colours:
                colour = COLOURS[colour_code].name
                for size in plan.sizes:
                    barcode = make_ean13(f"{GS1_PREFIX}{variant_id:09d}")
                    yield (
                        variant_id,
                        plan.id,
                        sku_for(plan.code, colour_code, size),
                        barcode,
                        colour,
                        colour_code,
                        size,
                        ranks[size],
                        True,
                    )
                    variant_id += 1

    # -- stock

    def write_stock(self) -> int:
        carried: list[list[_StylePlan]] = []
        total = 0
        for store in self.stores:
            draw = self.rng("assortment", store.code).random
            plans = [plan for plan in self.styles if draw() < store.carry]
            carried.append(plans)
            total += sum(plan.variant_count for plan in plans)
        self.carried = carried
        table = _TABLES[StockLevel]
        updated_at = self.w.sql_value(table.c.updated_at, self.now)
        with self.w.foreign_keys_checked_after(table):
            return self.w.insert(
                table,
                ("store_id", "variant_id", "on_hand", "updated_at"),
                self._stock_chunks(carried, updated_at),
                stage="stock",
                total=total,
                ready=True,
            )

    def _stock_chunks(
        self, carried: list[list[_StylePlan]], updated_at: Any
    ) -> Iterator[list[Row]]:
        """Stock rows, store by store, in chunks: memory stays flat whatever the size.

        Each cell draws one byte and looks up a 256-entry quantile table for
        its expected depth (size curve x store size x style popularity x
        colour), which is several times faster than sampling a distribution.
        """
        chunk: list[Row] = []
        for store, plans in zip(self.stores, carried, strict=True):
            getrandbits = self.rng("stock", store.code).getrandbits
            store_id = store.id
            for plan in plans:
                tables = _cell_tables(
                    plan.kind, plan.gender, len(plan.colours), store.scale * plan.popularity
                )
                start = plan.first_variant
                chunk.extend(
                    [
                        (store_id, variant_id, table[getrandbits(8)], updated_at)
                        for variant_id, table in zip(
                            range(start, start + len(tables)), tables, strict=True
                        )
                    ]
                )
                if len(chunk) >= CHUNK_ROWS:
                    yield chunk
                    chunk = []
        if chunk:
            yield chunk

    # -- members and coupons

    def members(self, count: int) -> tuple[int, int]:
        rng = self.rng("members")
        store_ids = [s.id for s in self.stores]
        store_weights = [s.member_share for s in self.stores]
        tiers = [t[0] for t in TIERS]
        tier_weights = [t[1] for t in TIERS]
        points_range = {t[0]: (t[2], t[3]) for t in TIERS}
        phones: set[str] = set()
        cards: set[str] = set()
        codes: set[str] = set()
        member_rows: list[Row] = []
        opening_rows: list[Row] = []
        coupon_rows: list[Row] = []
        coupon_weights = [c.weight for c in COUPONS]
        sized = [c for c in CATEGORIES if c.kind != Kind.ACCESSORY]
        size_categories = {
            female: [c for c in sized if any(g in (gender, "unisex") for g, _ in c.genders)]
            for female, gender in ((True, "women"), (False, "men"))
        }
        first_birthday = date(1958, 1, 1).toordinal()
        last_birthday = date(2007, 12, 31).toordinal()
        for member_id in range(1, count + 1):
            female = rng.random() < 0.62
            name = _chinese_name(rng, female)
            phone = ""
            while not phone or phone in phones:
                phone = rng.choice(MOBILE_PREFIXES) + f"{rng.randrange(10**8):08d}"
            phones.add(phone)
            card = ""
            while not card or card in cards:
                body = CARD_PREFIX + f"{rng.randrange(10**11):011d}"
                card = body + luhn_check_digit(body)
            cards.add(card)
            tier = rng.choices(tiers, weights=tier_weights)[0]
            low, high = points_range[tier]
            points = rng.randint(low, high) // 10 * 10
            birthday = (
                date.fromordinal(rng.randint(first_birthday, last_birthday))
                if rng.random() < 0.85
                else None
            )
            sizes = self._member_sizes(rng, female, size_categories[female])
            note = rng.choice(_MEMBER_NOTES) if rng.random() < 0.08 else ""
            joined = self.now - timedelta(
                days=rng.randint(20, 6 * 365), seconds=rng.randint(10 * 3600, 22 * 3600)
            )
            home = rng.choices(store_ids, weights=store_weights)[0]
            # Lifetime points at least reach the tier the member holds.
            lifetime = max(points, tier_named(tier).from_points)
            member_rows.append(
                (
                    member_id,
                    name,
                    birthday,
                    card,
                    phone,
                    tier,
                    points,
                    lifetime,
                    home,
                    sizes,
                    note,
                    joined,
                    joined,
                )
            )
            if points:
                # The balance as the ledger's opening entry, so it equals the sum of entries.
                opening_rows.append(
                    (
                        len(opening_rows) + 1,
                        member_id,
                        ADJUST,
                        points,
                        points,
                        f"opening:{member_id}",
                        "balance before the ledger",
                        joined,
                    )
                )
            how_many = rng.choices((0, 1, 2, 3), weights=(30, 35, 25, 10))[0]
            picked: set[int] = set()
            for _ in range(how_many):
                which = rng.choices(range(len(COUPONS)), weights=coupon_weights)[0]
                template = COUPONS[which]
                if which in picked or (
                    template.kind == "percent" and template.category is None and birthday is None
                ):
                    continue
                picked.add(which)
                code = ""
                while not code or code in codes:
                    code = "NF" + "".join(rng.choices(_COUPON_CODE_ALPHABET, k=10))
                codes.add(code)
                coupon_rows.append(
                    (len(coupon_rows) + 1, member_id, code, *self._coupon(rng, template, joined))
                )
        cols = (
            "id",
            "name",
            "birthday",
            "card_number",
            "phone",
            "tier",
            "points",
            "lifetime_points",
            "home_store_id",
            "sizes",
            "note",
            "consent_at",
            "created_at",
        )
        self.w.insert(
            _TABLES[Member], cols, _chunked(member_rows), stage="members", total=len(member_rows)
        )
        self.w.insert(
            _TABLES[PointsEntry],
            ("id", "member_id", "kind", "points", "balance_after", "key", "note", "created_at"),
            _chunked(opening_rows),
            stage="points",
            total=len(opening_rows),
        )
        coupon_cols = (
            "id",
            "member_id",
            "code",
            "title",
            "kind",
            "value",
            "min_spend",
            "category",
            "valid_from",
            "valid_to",
            "state",
            "redeemed_at",
        )
        self.w.insert(
            _TABLES[Coupon],
            coupon_cols,
            _chunked(coupon_rows),
            stage="coupons",
            total=len(coupon_rows),
        )
        return len(member_rows), len(coupon_rows)

    @staticmethod
    def _member_sizes(
        rng: random.Random, female: bool, categories: Sequence[Category]
    ) -> dict[str, str]:
        if rng.random() >= 0.55:
            return {}
        sizes: dict[str, str] = {}
        shoe = (
            rng.choice(("36", "37", "37", "38", "38", "39"))
            if female
            else rng.choice(("40", "41", "42", "42", "43", "44"))
        )
        top = (
            rng.choice(("XS", "S", "S", "M", "M", "L"))
            if female
            else rng.choice(("M", "L", "L", "XL", "XL", "XXL"))
        )
        bottom = (
            top if rng.random() < 0.7 else CLOTHING_SIZES[max(0, CLOTHING_SIZES.index(top) - 1)]
        )
        for category in rng.sample(list(categories), rng.randint(1, 3)):
            if category.kind == Kind.SHOES:
                sizes[category.name] = shoe
            elif category.name in ("trousers", "jeans", "skirts"):
                sizes[category.name] = bottom
            else:
                sizes[category.name] = top
        return dict(sorted(sizes.items()))

    def _coupon(self, rng: random.Random, template: CouponTemplate, joined: datetime) -> Row:
        days = timedelta(days=template.days)
        state = rng.choices(("issued", "redeemed", "expired"), weights=(78, 12, 10))[0]
        latest_expiry = (self.now - joined).days - 1 - template.days  # days before now
        if state == "expired" and latest_expiry < 1:
            state = "issued"  # joined too recently for this coupon to have run out
        redeemed_at = None
        if state == "expired":
            valid_to = self.now - timedelta(days=rng.randint(1, min(120, latest_expiry)))
            valid_from = valid_to - days
        else:
            valid_from = max(self.now - timedelta(days=rng.randint(0, template.days - 1)), joined)
            valid_to = valid_from + days
            if state == "redeemed":
                redeemed_at = valid_from + (self.now - valid_from) * rng.random()
        valid_from = valid_from.replace(hour=0, minute=0, second=0, microsecond=0)
        valid_to = valid_to.replace(hour=23, minute=59, second=59, microsecond=0)
        if redeemed_at is not None:
            redeemed_at = max(redeemed_at.replace(microsecond=0), valid_from)
        return (
            template.title,
            template.kind,
            template.value,
            template.min_spend,
            template.category,
            valid_from,
            valid_to,
            state,
            redeemed_at,
        )

    # -- staff

    def users(self, password_hash: str) -> int:
        rng = self.rng("users")
        rows: list[Row] = []
        logins: list[DemoLogin] = []

        def add(username: str, role: Role, store: _StorePlan | None) -> None:
            full_name = _chinese_name(rng, rng.random() < 0.6)
            rows.append(
                (
                    len(rows) + 1,
                    username,
                    full_name,
                    role.value,
                    None if store is None else store.id,
                    password_hash,
                    True,
                    0,
                    self.now,
                )
            )
            logins.append(DemoLogin(username, role.value, None if store is None else store.code))

        add("admin", Role.ADMIN, None)
        for store in self.stores:
            prefix = store.code.lower()
            add(f"{prefix}.manager", Role.MANAGER, store)
            for n in range(1, store.guides + 1):
                add(f"{prefix}.guide{n}", Role.GUIDE, store)
                self.guides.setdefault(store.id, []).append(len(rows))
        cols = (
            "id",
            "username",
            "full_name",
            "role",
            "store_id",
            "password_hash",
            "is_active",
            "token_version",
            "created_at",
        )
        self.w.insert(_TABLES[User], cols, _chunked(rows), stage="users", total=len(rows))
        wanted = {"admin", "sz01.manager", "sz01.guide1", "sz02.guide1"}
        self.logins = [login for login in logins if login.username in wanted]
        return len(rows)

    # -- sales history, its revenue split, and lost demand

    def split_rule(self) -> None:
        """The brand's default split, in force since before the history starts."""
        cols = ("id", "brand_id", "store_id", "parties", "active_from", "created_by", "created_at")
        since = self.now - timedelta(days=HISTORY_DAYS + 30)
        self.w.insert(
            _TABLES[StoredRule],
            cols,
            [[(1, 1, None, DEFAULT_SPLIT_RULE.to_json(), since, None, self.now)]],
            stage="split rule",
            total=1,
        )

    def sales(self) -> tuple[int, int]:
        """Eight weeks of paid orders per store, their split entries, and lost demand.

        Each store draws from its own stream, so a store's history does not
        change with the number of stores. Orders fall in opening hours
        (10:00-22:00 in the store's time zone) on the days before today;
        guides sell in turn at random, popular styles far more often, each
        size as often as its place on the size curve says. A few orders
        were refunded a day or two later, with their split reversed.
        """
        book = _SalesBook()
        for store, plans in zip(self.stores, self.carried, strict=True):
            guides = self.guides.get(store.id, [])
            if plans and guides:
                self._store_sales(book, store, plans, guides)
        for table, cols, rows, stage in (
            (Order, _ORDER_COLUMNS, book.orders, "orders"),
            (OrderLine, _LINE_COLUMNS, book.lines, "order lines"),
            (Payment, _PAYMENT_COLUMNS, book.payments, "payments"),
            (SplitEntry, _ENTRY_COLUMNS, book.entries, "split entries"),
            (LostDemand, _LOST_COLUMNS, book.lost, "lost demand"),
        ):
            self.w.insert(
                _TABLES[table], cols, _chunked(rows), stage=stage, total=len(rows), ready=True
            )
        return len(book.orders), len(book.lost)

    def _stamp(self, at: datetime) -> Any:
        """`at` as the driver takes it for a timestamp, converted once for all its columns.

        The history's rows are built ready for the driver (`_Writer.insert`):
        converting 300,000 timestamps one column at a time would cost a second.
        """
        return self.w.sql_value(_TABLES[Order].c.created_at, at)

    def _store_sales(
        self, book: _SalesBook, store: _StorePlan, plans: list[_StylePlan], guides: list[int]
    ) -> None:
        rng = self.rng("sales", store.code)
        zone = ZoneInfo(store.row[10])
        popularity = list(accumulate(plan.popularity**2 for plan in plans))
        today = self.now.astimezone(zone).date()
        for back in range(HISTORY_DAYS, 0, -1):
            opens = datetime.combine(today - timedelta(days=back), clock(10), zone)
            for _ in range(max(0, round(rng.gauss(ORDERS_PER_DAY * store.scale, 3.0)))):
                at = (opens + timedelta(seconds=rng.randrange(12 * 3600))).astimezone(UTC)
                picked = rng.choices(plans, cum_weights=popularity, k=_line_count(rng))
                self._order(book, rng, store, picked, rng.choice(guides), at)
            for _ in range(_poisson(rng, LOST_PER_DAY * store.scale)):
                plan = rng.choices(plans, cum_weights=popularity)[0]
                variant_id = _pick_variant(rng, plan)
                at = (opens + timedelta(seconds=rng.randrange(12 * 3600))).astimezone(UTC)
                size = plan.sizes[(variant_id - plan.first_variant) % len(plan.sizes)]
                stamp = self._stamp(at)
                book.lost.append(
                    (
                        _uuid7_at(rng, at),
                        store.id,
                        plan.id,
                        size,
                        variant_id,
                        stamp,
                        rng.choice(guides),
                        MANUAL,
                        None,
                        stamp,
                    )
                )

    def _order(
        self,
        book: _SalesBook,
        rng: random.Random,
        store: _StorePlan,
        plans: list[_StylePlan],
        guide: int,
        at: datetime,
    ) -> None:
        """One paid order with its lines, payment and split (reversed if it was refunded)."""
        order_id = _uuid7_at(rng, at)
        subtotal = discount = 0
        for line_no, plan in enumerate(plans, 1):
            price = self._style_rows[plan.id - 1][8]
            quantity = 2 if rng.random() < 0.05 else 1
            off = price * quantity // 10 // 100 * 100 if rng.random() < 0.2 else 0
            book.line_id += 1
            book.lines.append(
                (
                    book.line_id,
                    order_id,
                    line_no,
                    _pick_variant(rng, plan),
                    quantity,
                    price,
                    off,
                    price * quantity - off,
                    guide,
                )
            )
            subtotal += price * quantity
            discount += off
        total = subtotal - discount
        method = rng.choices(
            [m for m, _ in _PAYMENT_METHODS], weights=[w for _, w in _PAYMENT_METHODS]
        )[0]
        refunded_at = None
        if rng.random() < REFUND_SHARE:
            refunded_at = min(at + timedelta(hours=rng.randint(20, 60)), self.now)
        paid = "paid" if method == "emv" else "recorded_offline"
        stamp = self._stamp(at)
        settled = self._stamp(refunded_at) if refunded_at else stamp
        status = "refunded" if refunded_at else ("paid" if method == "emv" else "placed")
        book.orders.append(
            (
                order_id,
                store.id,
                guide,
                None,
                status,
                CURRENCY,
                subtotal,
                discount,
                total,
                stamp,
                stamp,
                "store",
                None,
            )
        )
        book.payment_id += 1
        book.payments.append(
            (
                book.payment_id,
                order_id,
                method,
                total,
                CURRENCY,
                "refunded" if refunded_at else paid,
                f"seed:{order_id}",
                stamp,
                self._stamp(at + timedelta(minutes=5)),
                stamp,
                "",
                None,
                None,
                False,
                settled,
            )
        )
        earned = []
        for party, money in split(Money(total, CURRENCY), DEFAULT_SPLIT_RULE).items():
            if not money.minor:
                continue
            party_id = {Party.GUIDE: guide, Party.STORE: store.id, Party.BRAND: 1}.get(party)
            book.entry_id += 1
            key = f"split:{order_id}:{party.value}:{party_id if party_id is not None else '-'}"
            earned.append((book.entry_id, party.value, party_id, money.minor))
            book.entries.append(
                (
                    book.entry_id,
                    order_id,
                    store.id,
                    party.value,
                    party_id,
                    money.minor,
                    CURRENCY,
                    EARN,
                    key,
                    1,
                    stamp,
                )
            )
        if refunded_at:
            for entry_id, party_value, party_id, amount in earned:
                book.entry_id += 1
                book.entries.append(
                    (
                        book.entry_id,
                        order_id,
                        store.id,
                        party_value,
                        party_id,
                        -amount,
                        CURRENCY,
                        REVERSE,
                        f"reverse:{entry_id}",
                        1,
                        settled,
                    )
                )


_ORDER_COLUMNS: Final = (
    "id",
    "store_id",
    "guide_id",
    "member_id",
    "status",
    "currency",
    "subtotal",
    "discount",
    "total",
    "created_at",
    "client_created_at",
    "channel",
    "referral_guide_id",
)
_LINE_COLUMNS: Final = (
    "id",
    "order_id",
    "line_no",
    "variant_id",
    "quantity",
    "unit_price",
    "discount",
    "net",
    "guide_id",
)
_PAYMENT_COLUMNS: Final = (
    "id",
    "order_id",
    "provider",
    "amount",
    "currency",
    "status",
    "reference",
    "created_at",
    "expires_at",
    "paid_at",
    "qr_content",
    "provider_ref",
    "failure_reason",
    "needs_refund",
    "updated_at",
)
_ENTRY_COLUMNS: Final = (
    "id",
    "order_id",
    "store_id",
    "party",
    "party_id",
    "amount",
    "currency",
    "kind",
    "key",
    "rule_id",
    "at",
)
_LOST_COLUMNS: Final = (
    "id",
    "store_id",
    "style_id",
    "size",
    "variant_id",
    "at",
    "guide_id",
    "source",
    "reference",
    "recorded_at",
)


@dataclass(slots=True)
class _SalesBook:
    """The history's rows as they are made, with the ids handed out so far."""

    orders: list[Row] = field(default_factory=list)
    lines: list[Row] = field(default_factory=list)
    payments: list[Row] = field(default_factory=list)
    entries: list[Row] = field(default_factory=list)
    lost: list[Row] = field(default_factory=list)
    line_id: int = 0
    payment_id: int = 0
    entry_id: int = 0


def _uuid7_at(rng: random.Random, at: datetime) -> str:
    """A UUIDv7 for `at` whose random bits come from `rng`, so the seed stays reproducible."""
    value = (int(at.timestamp() * 1000) & ((1 << 48) - 1)) << 80
    value |= 0x7 << 76 | rng.getrandbits(12) << 64 | 0b10 << 62 | rng.getrandbits(62)
    return str(uuid.UUID(int=value))


def _line_count(rng: random.Random) -> int:
    counts = [n for n, _ in _LINES_PER_ORDER]
    return rng.choices(counts, weights=[w for _, w in _LINES_PER_ORDER])[0]


def _poisson(rng: random.Random, mean: float) -> int:
    """A Poisson draw (Knuth's method; the means here are small)."""
    limit, count, product = math.exp(-mean), 0, rng.random()
    while product > limit:
        count += 1
        product *= rng.random()
    return count


def _pick_variant(rng: random.Random, plan: _StylePlan) -> int:
    """A variant of the style: the first colour sells best, sizes follow the size curve."""
    colours = len(plan.colours)
    colour = 0 if rng.random() * (colours + 1) < 2 else rng.randrange(1, colours)
    size = rng.choices(range(len(plan.sizes)), cum_weights=_size_weights(plan.kind, plan.gender))[0]
    return plan.first_variant + colour * len(plan.sizes) + size


@cache
def _size_weights(kind: str, gender: str) -> tuple[float, ...]:
    """The size curve as cumulative weights, for drawing sizes quickly."""
    return tuple(accumulate(_size_curve(kind, gender)))


@cache
def _on_hand_table(mean_tenths: int) -> tuple[int, ...]:
    """256 equally likely stock figures: a Poisson with this mean, plus some sold out."""
    mean = mean_tenths / 10
    values: list[int] = []
    k, p = 0, math.exp(-mean)
    cumulative = p
    for i in range(256):
        u = (i + 0.5) / 256
        if u < SOLD_OUT_SHARE:
            values.append(0)
            continue
        target = (u - SOLD_OUT_SHARE) / (1 - SOLD_OUT_SHARE)
        while cumulative < target and k < 10_000:
            k += 1
            p *= mean / k
            cumulative += p
        values.append(k)
    return tuple(values)


def _size_curve(kind: str, gender: str) -> tuple[float, ...]:
    if kind == Kind.SHOES:
        centre, width = _SHOE_CURVES[gender]
        return tuple(
            max(0.4, 5.0 * math.exp(-0.5 * ((int(size) - centre) / width) ** 2))
            for size in _SHOE_RUNS[gender]
        )
    if kind == Kind.CLOTHING:
        return _CLOTHING_CURVES[gender]
    return (_ACCESSORY_DEPTH,)


@cache
def _cell_tables(kind: str, gender: str, colours: int, depth: float) -> tuple[tuple[int, ...], ...]:
    """The quantile table of every variant of a style, colour-major like the variant ids.

    The first colour (usually black or white) is stocked deeper, the last of
    a wide range shallower.
    """
    curve = _size_curve(kind, gender)
    tables: list[tuple[int, ...]] = []
    for index in range(colours):
        factor = 1.25 if index == 0 else (0.7 if index == colours - 1 and colours >= 4 else 1.0)
        tables.extend(_on_hand_table(round(weight * depth * factor * 10)) for weight in curve)
    return tuple(tables)


# ----------------------------------------------------------------------------- entry point


def _refuse_unless_empty(conn: Connection) -> None:
    brand = conn.execute(select(_TABLES[Brand].c.code).limit(1)).scalar_one_or_none()
    if brand is not None:
        raise ValueError(
            f"the database already has a brand ({brand}); seeding only fills an empty "
            "database - use a new database (the demo: `shopguide demo --reset`)"
        )
    for table in (_TABLES[Store], _TABLES[Style], _TABLES[Member], _TABLES[User]):
        if conn.execute(select(exists().select_from(table))).scalar():
            raise ValueError(
                f"the database is not empty (table {table.name} has rows); seeding only "
                "fills an empty database"
            )


def seed_database(
    engine: Engine,
    *,
    stores: int = 30,
    styles: int = 3000,
    members: int = 20000,
    seed: int = 42,
    password: str = "shopguide",  # noqa: S107 - the demo password; the CLI passes its own
    progress: Progress | None = None,
    now: datetime | None = None,
) -> SeedSummary:
    """Create a brand with `stores` stores, `styles` styles and `members` members.

    The database must be migrated and empty (ValueError otherwise). The same
    `seed` gives the same rows; timestamps are relative to `now` (default:
    the current time, to the second). Everything is written in one
    transaction, so a failure or an exception from `progress` leaves the
    database empty. `progress(stage, done, total)` is called at the start of
    each stage and every CHUNK_ROWS rows.
    """
    if stores < 1 or styles < 1 or members < 0:
        raise ValueError("seed needs at least one store and one style, and members >= 0")
    if not MIN_PASSWORD <= len(password) <= 128:
        raise ValueError(f"the seed password needs {MIN_PASSWORD} to 128 characters")
    if now is None:
        now = datetime.now(UTC).replace(microsecond=0)
    elif now.tzinfo is None:
        raise ValueError("now must be timezone-aware")
    report: Progress = progress or (lambda stage, done, total: None)
    started = time.perf_counter()
    # Argon2 is deliberately slow (~50 ms a hash) and a seed creates a hundred
    # or more accounts that all get the same password: hash it once and give
    # every account that hash. Salts are per hash, so these accounts share a
    # salt; acceptable for seeded demo and test accounts, which is all this is.
    password_hash = hash_password(password)

    with engine.connect() as conn:
        writer = _Writer(conn, report)
        seeder = _Seeder(seed=seed, now=now, writer=writer)
        with conn.begin():
            if conn.dialect.name == "postgresql":
                # Two seeders at once: the second waits here, then finds the brand.
                conn.exec_driver_sql("LOCK TABLE brand IN SHARE ROW EXCLUSIVE MODE")
            _refuse_unless_empty(conn)
            t = time.perf_counter()
            seeder.brand()
            seeder.plan_stores(stores)
            seeder.write_stores()
            seeder.write_merchant_accounts()
            seeder.timed("stores", t)

            t = time.perf_counter()
            seeder.plan_catalog(styles)
            seeder.timed("plan", t)
            seeder.write_catalog()

            t = time.perf_counter()
            stock_rows = seeder.write_stock()
            seeder.timed("stock", t)

            t = time.perf_counter()
            member_count, coupon_count = seeder.members(members)
            seeder.timed("members", t)

            t = time.perf_counter()
            user_count = seeder.users(password_hash)
            seeder.timed("users", t)

            t = time.perf_counter()
            seeder.split_rule()
            order_count, lost_count = seeder.sales()
            writer.finish()
            seeder.timed("sales", t)
        if conn.dialect.name == "postgresql":
            t = time.perf_counter()
            # Fresh statistics, so the planner knows stock_level has millions of rows.
            with conn.begin():
                for table in writer.tables:
                    conn.exec_driver_sql(f"ANALYZE {writer.quote(table.name)}")
            seeder.timed("analyze", t)

    return SeedSummary(
        brand=BRAND_CODE,
        stores=len(seeder.stores),
        styles=len(seeder.styles),
        variants=seeder.variant_count,
        stock_rows=stock_rows,
        members=member_count,
        coupons=coupon_count,
        users=user_count,
        orders=order_count,
        lost_demand=lost_count,
        logins=tuple(seeder.logins),
        seconds=time.perf_counter() - started,
        stage_seconds=tuple(seeder.stages),
    )
