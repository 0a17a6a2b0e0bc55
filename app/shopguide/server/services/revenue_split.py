"""The revenue split ledger: a paid order's total shared among the parties, undone on refund.

Like the points ledger, both functions work inside the caller's transaction
(flush, never commit) so the split commits with the payment that causes it,
and each entry's unique key (`shopguide.server.models.revenue`) makes every
cause count once: calling again, from a retry or a second payment path,
returns what was booked and books nothing.

The rule is the newest one in force when the order becomes paid: the
store's own, else its brand's; with none, nothing is booked. The order total
is split by `shopguide.core.split`; the guide's part is shared among the
guides of the order's lines in proportion to their lines' net amounts
(`allocate`, so exact too). The store's part is booked to the order's
store, the brand's to its brand; platform, mall and third party have no id.
The earn entries of an order add up to its total, and its reverse entries
to minus its total, to the minor unit. Parts of zero are not booked.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from sqlmodel import Session, col, or_, select

from shopguide.core.money import Money, allocate
from shopguide.core.split import Party, SplitRule, split
from shopguide.server.models import Order, OrderLine, SplitEntry, Store
from shopguide.server.models import SplitRule as StoredRule
from shopguide.server.models.revenue import EARN, REVERSE
from shopguide.server.models.types import utcnow
from shopguide.server.services.errors import NotFound


def rule_in_force(session: Session, store: Store, at: datetime) -> StoredRule | None:
    """The store's newest rule active at `at`, else its brand's newest."""
    candidates = session.exec(
        select(StoredRule)
        .where(
            or_(col(StoredRule.store_id) == store.id, col(StoredRule.brand_id) == store.brand_id),
            col(StoredRule.active_from) <= at,
        )
        .order_by(col(StoredRule.active_from).desc(), col(StoredRule.id).desc())
    ).all()
    own = [rule for rule in candidates if rule.store_id == store.id]
    brand = [rule for rule in candidates if rule.store_id is None]
    return next(iter(own or brand), None)


def _locked_order(session: Session, order_id: str) -> Order:
    order = session.get(Order, order_id, with_for_update=True)
    if order is None:
        raise NotFound(f"no order {order_id}")
    return order


def _entries(session: Session, order_id: str, kind: str) -> list[SplitEntry]:
    return list(
        session.exec(
            select(SplitEntry)
            .where(SplitEntry.order_id == order_id, SplitEntry.kind == kind)
            .order_by(col(SplitEntry.id))
        ).all()
    )


def guide_shares(part: Money, lines: Sequence[tuple[int, int]]) -> dict[int, Money]:
    """The guide part shared by the guides of `lines` ((guide id, net)) in proportion to net."""
    nets: dict[int, int] = {}
    for guide_id, net in lines:
        nets[guide_id] = nets.get(guide_id, 0) + net
    guides = sorted(nets)
    weights = [nets[g] for g in guides]
    if not any(weights):  # a free order: the guides share nothing, equally
        weights = [1] * len(guides)
    return dict(zip(guides, allocate(part, weights), strict=True))


def split_order(
    session: Session, order_id: str, *, now: datetime | None = None
) -> list[SplitEntry]:
    """Book the paid order's split once; returns its earn entries (the earlier ones on a repeat)."""
    order = _locked_order(session, order_id)
    earlier = _entries(session, order_id, EARN)
    if earlier:
        return earlier
    now = now or utcnow()
    store = session.get(Store, order.store_id)
    assert store is not None
    stored = rule_in_force(session, store, now)
    if stored is None:
        return []
    parts = split(Money(order.total, order.currency), SplitRule.from_json(stored.parties))
    lines = session.exec(
        select(OrderLine.guide_id, OrderLine.net).where(OrderLine.order_id == order_id)
    ).all()
    booked: list[tuple[Party, int | None, Money]] = []
    for party, part in parts.items():
        if party is Party.GUIDE:
            guides = guide_shares(part, [(g, n) for g, n in lines] or [(order.guide_id, 0)])
            booked.extend((party, guide, share) for guide, share in guides.items())
        else:
            party_id = {Party.STORE: store.id, Party.BRAND: store.brand_id}.get(party)
            booked.append((party, party_id, part))
    entries = [
        SplitEntry(
            order_id=order_id,
            store_id=order.store_id,
            party=party.value,
            party_id=party_id,
            amount=money.minor,
            currency=money.currency,
            kind=EARN,
            key=f"split:{order_id}:{party.value}:{party_id if party_id is not None else '-'}",
            rule_id=stored.id,
            at=now,
        )
        for party, party_id, money in booked
        if money.minor
    ]
    session.add_all(entries)
    session.flush()
    return entries


def reverse_order(
    session: Session, order_id: str, *, now: datetime | None = None
) -> list[SplitEntry]:
    """Undo the order's split on refund: a reverse entry per earn entry, once each.

    Returns the reverse entries written now (none on a repeat).
    """
    _locked_order(session, order_id)
    now = now or utcnow()
    done = {entry.key for entry in _entries(session, order_id, REVERSE)}
    reversals = [
        SplitEntry(
            order_id=order_id,
            store_id=entry.store_id,
            party=entry.party,
            party_id=entry.party_id,
            amount=-entry.amount,
            currency=entry.currency,
            kind=REVERSE,
            key=f"reverse:{entry.id}",
            rule_id=entry.rule_id,
            at=now,
        )
        for entry in _entries(session, order_id, EARN)
        if f"reverse:{entry.id}" not in done
    ]
    session.add_all(reversals)
    session.flush()
    return reversals
