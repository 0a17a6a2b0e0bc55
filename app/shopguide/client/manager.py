"""The store manager's reports, read from the server: low stock, restock, lost demand, guides.

These are the store's figures across every tablet and every day, so they
come from the server only; offline the screen says so (`OfflineError`). The
same reports download as CSV for Excel, written to the file the manager
chose. Explanations arrive as message keys with their numbers
(`RestockReason.kind`, `params`) so the screen can say them in the
manager's language; `text` is the server's English for the CSV.
"""

from __future__ import annotations

from collections.abc import Mapping
from collections.abc import Set as AbstractSet
from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum
from pathlib import Path
from typing import Any

from shopguide.client.api import ApiClient, OfflineError
from shopguide.core.money import Money


class Report(StrEnum):
    LOW_STOCK = "low-stock"
    RESTOCK = "restock"
    LOST_DEMAND = "lost-demand"
    GUIDES = "guides"


@dataclass(frozen=True, slots=True)
class LowStockRow:
    variant_id: int
    style_id: int
    style_code: str
    style_name: str
    colour: str
    size: str
    on_hand: int
    held: int
    available: int
    sold: int


@dataclass(frozen=True, slots=True)
class RestockReason:
    kind: str  # a `shopguide.core.restock.ReasonKind` value
    params: Mapping[str, int | str]


@dataclass(frozen=True, slots=True)
class RestockSize:
    size: str
    sold: int
    lost: int
    have: int
    on_the_way: int
    target: int
    suggest: int
    reasons: tuple[RestockReason, ...]
    text: str  # the server's English rendering


@dataclass(frozen=True, slots=True)
class RestockStyle:
    style_id: int
    style_code: str
    style_name: str
    suggest: int
    sizes: tuple[RestockSize, ...]  # in size order


@dataclass(frozen=True, slots=True)
class LostDemandRow:
    style_id: int
    style_code: str
    style_name: str
    size: str
    count: int
    manual: int
    reservation: int
    transfer: int
    last_at: datetime


@dataclass(frozen=True, slots=True)
class GuideRow:
    guide_id: int
    name: str
    role: str
    orders: int
    units: int
    sales: Money
    commission: Money


@dataclass(frozen=True, slots=True)
class Period:
    first: date
    last: date  # included


class ManagerReports:
    """Reads the reports of the manager's own store (the server picks it from the login)."""

    def __init__(self, api: ApiClient | None) -> None:
        self._api = api

    def low_stock(self, *, threshold: int = 1, period_days: int = 28) -> list[LowStockRow]:
        body = self._get(Report.LOW_STOCK, {"threshold": threshold, "period_days": period_days})
        return [LowStockRow(**_pick(LowStockRow, item)) for item in body["items"]]

    def restock(self, *, period_days: int = 28, cover_weeks: int = 4) -> list[RestockStyle]:
        body = self._get(Report.RESTOCK, {"period_days": period_days, "cover_weeks": cover_weeks})
        return [
            RestockStyle(
                style_id=int(style["style_id"]),
                style_code=str(style["style_code"]),
                style_name=str(style["style_name"]),
                suggest=int(style["suggest"]),
                sizes=tuple(
                    RestockSize(
                        **_pick(RestockSize, size, skip={"reasons"}),
                        reasons=tuple(
                            RestockReason(str(r["kind"]), dict(r["params"]))
                            for r in size["reasons"]
                        ),
                    )
                    for size in style["sizes"]
                ),
            )
            for style in body["styles"]
        ]

    def lost_demand(self, period: Period) -> list[LostDemandRow]:
        body = self._get(Report.LOST_DEMAND, _dates(period))
        return [
            LostDemandRow(
                **_pick(LostDemandRow, item, skip={"last_at"}),
                last_at=datetime.fromisoformat(str(item["last_at"])),
            )
            for item in body["items"]
        ]

    def guides(self, period: Period) -> list[GuideRow]:
        body = self._get(Report.GUIDES, _dates(period))
        currency = str(body["currency"])
        return [
            GuideRow(
                guide_id=int(g["guide_id"]),
                name=str(g["name"]),
                role=str(g["role"]),
                orders=int(g["orders"]),
                units=int(g["units"]),
                sales=Money(int(g["sales"]), currency),
                commission=Money(int(g["commission"]), currency),
            )
            for g in body["guides"]
        ]

    def export_csv(self, report: Report, path: Path, period: Period | None = None) -> Path:
        """Download a report as the server's CSV into `path` (written whole, then renamed)."""
        params: dict[str, Any] = {"format": "csv", **(_dates(period) if period else {})}
        data = self._api_or_offline().download(f"/manager/{report.value}", params)
        partial = path.with_name(path.name + ".part")
        partial.write_bytes(data)
        partial.replace(path)
        return path

    def _get(self, report: Report, params: Mapping[str, Any]) -> dict[str, Any]:
        body: dict[str, Any] = self._api_or_offline().get(f"/manager/{report.value}", params)
        return body

    def _api_or_offline(self) -> ApiClient:
        if self._api is None:
            raise OfflineError("the manager's reports need the server")
        return self._api


def _dates(period: Period) -> dict[str, str]:
    return {"from": period.first.isoformat(), "to": period.last.isoformat()}


def _pick(
    shape: type, wire: Mapping[str, Any], skip: AbstractSet[str] = frozenset()
) -> dict[str, Any]:
    """The wire fields a dataclass has (the server may add more), less those built apart."""
    fields = shape.__dataclass_fields__  # type: ignore[attr-defined]
    return {name: wire[name] for name in fields if name not in skip}
