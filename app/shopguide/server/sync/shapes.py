"""Row shapes on the wire: the columns each synced entity sends, in protocol order.

Change capture and snapshots both build rows here, so a row is the same
whether it arrives in a snapshot page or as a change. Rows are plain JSON
lists (timestamps as ISO 8601 UTC strings) because a page may hold tens of
thousands of them.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import Column, Connection, Date, Table, inspect, select
from sqlmodel import SQLModel

from shopguide.core.phone import normalise_phone, phone_hash
from shopguide.server.models import (
    Brand,
    Coupon,
    Member,
    MerchantAccount,
    Price,
    Reservation,
    StockLevel,
    Store,
    Style,
    Transfer,
    Variant,
)
from shopguide.server.models.types import UTCDateTime


def table_of(model: type[SQLModel]) -> Table:
    table = inspect(model).local_table
    assert isinstance(table, Table)
    return table


def phone_salt_of_store(connection: Connection, store_id: int) -> str:
    """The phone salt of the brand a store belongs to."""
    store, brand = table_of(Store), table_of(Brand)
    salt: str = connection.execute(
        select(brand.c.phone_salt)
        .join(store, store.c.brand_id == brand.c.id)
        .where(store.c.id == store_id)
    ).scalar_one()
    return salt


def json_time(value: datetime | date | None) -> str | None:
    if value is None:
        return None
    if isinstance(value, datetime):
        return value.astimezone(UTC).isoformat()
    return value.isoformat()


@dataclass(frozen=True, slots=True)
class Shape:
    """One entity on the wire.

    `sources` names the table column read for each wire column (the member's
    phone feeds both `phone_hash` and `phone_last4`); `key` names the
    columns whose values, joined by ":", make the key a tombstone carries;
    `temporal` lists the positions that hold a date or timestamp.
    """

    entity: str
    model: type[SQLModel]
    table: Table
    columns: tuple[str, ...]
    sources: tuple[str, ...]
    key: tuple[str, ...]
    temporal: tuple[int, ...]

    def source_columns(self) -> list[Column[Any]]:
        return [self.table.c[name] for name in self.sources]

    def key_columns(self) -> list[Column[Any]]:
        return [self.table.c[name] for name in self.key]

    def row(self, values: Sequence[Any], phone_salt: str | None = None) -> list[Any]:
        """The wire row from source values; members need their brand's phone salt."""
        row = list(values)
        for i in self.temporal:
            row[i] = json_time(row[i])
        if self.entity == "member":
            assert phone_salt is not None, "member rows need the brand's phone salt"
            phone = row[_PHONE_HASH]
            row[_PHONE_HASH] = phone_hash(phone_salt, phone)
            row[_PHONE_LAST4] = normalise_phone(phone)[-4:]
        return row

    def key_of(self, values: Mapping[str, Any]) -> str:
        return ":".join(str(values[name]) for name in self.key)


def _shape(
    entity: str,
    model: type[SQLModel],
    columns: str,
    key: str = "id",
    sources: dict[str, str] | None = None,
) -> Shape:
    table = table_of(model)
    wire = tuple(columns.split())
    renamed = sources or {}
    read = tuple(renamed.get(c, c) for c in wire)
    return Shape(
        entity=entity,
        model=model,
        table=table,
        columns=wire,
        sources=read,
        key=tuple(key.split()),
        temporal=tuple(
            i for i, name in enumerate(read) if isinstance(table.c[name].type, UTCDateTime | Date)
        ),
    )


STYLE = _shape(
    "style",
    Style,
    "id code name category kind gender season description list_price currency",
)
VARIANT = _shape(
    "variant", Variant, "id style_id sku barcode colour colour_code size size_rank active"
)
PRICE = _shape("price", Price, "style_id tier amount", key="style_id tier")
STOCK = _shape("stock", StockLevel, "variant_id on_hand updated_at", key="variant_id")
MEMBER = _shape(
    "member",
    Member,
    "id card_number phone_hash phone_last4 name tier points birthday sizes note home_store_id",
    sources={"phone_hash": "phone", "phone_last4": "phone"},
)
COUPON = _shape(
    "coupon",
    Coupon,
    "id member_id code title kind value min_spend category valid_from valid_to state",
)
STORE = _shape(
    "store",
    Store,
    "id code name city district address latitude longitude opening_hours phone",
)
BRAND = _shape("brand", Brand, "id code name currency country phone_salt")
MERCHANT_ACCOUNT = _shape(
    "merchant_account",
    MerchantAccount,
    "store_id provider network_id merchant_id merchant_name merchant_city category_code "
    "country currency",
    key="store_id provider",
)

RESERVATION = _shape(
    "reservation",
    Reservation,
    "id from_store_id at_store_id variant_id quantity customer_name customer_phone_last4 "
    "member_id status reason expires_at created_by created_by_name created_at updated_at",
)
TRANSFER = _shape(
    "transfer",
    Transfer,
    "id from_store_id to_store_id variant_id quantity status reason order_id ship_to_name "
    "ship_to_phone ship_to_address created_by created_by_name created_at updated_at "
    "shipped_at received_at",
)

_PHONE_HASH = MEMBER.columns.index("phone_hash")
_PHONE_LAST4 = MEMBER.columns.index("phone_last4")

SHAPES: dict[type[SQLModel], Shape] = {
    shape.model: shape
    for shape in (
        STYLE,
        VARIANT,
        PRICE,
        STOCK,
        MEMBER,
        COUPON,
        STORE,
        BRAND,
        MERCHANT_ACCOUNT,
        RESERVATION,
        TRANSFER,
    )
}
