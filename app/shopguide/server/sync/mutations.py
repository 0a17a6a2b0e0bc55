"""The mutation types a tablet pushes: payload models that check themselves and apply themselves.

Parsing is pure (pydantic); applying runs inside the transaction `push` opened
for the mutation. Anything refused for good (a payload that does not add up,
an unknown variant, another store's order) raises `Rejected`, whose reason a
person reads in "needs attention"; `push` stores it so every retry gets the
same answer. Writes go through the ORM so that stock and member changes enter
the change feed (`shopguide.server.sync.feed`) in the same transaction.
"""

from __future__ import annotations

from abc import abstractmethod
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Annotated, Any, Literal, Self
from uuid import UUID

from pydantic import (
    AwareDatetime,
    BaseModel,
    Field,
    StringConstraints,
    ValidationError,
    model_validator,
)
from sqlmodel import Session, col, or_, select

from shopguide.core.store_qr import offline_bill_number
from shopguide.server.config import Settings
from shopguide.server.models import (
    AuditLog,
    Brand,
    Member,
    Order,
    OrderLine,
    Payment,
    Role,
    StockLevel,
    Store,
    Variant,
)
from shopguide.server.models.orders import HERE, REFERRAL_CHANNEL
from shopguide.server.models.text import NoControlCharacters
from shopguide.server.models.types import utcnow
from shopguide.server.payments import service as payments
from shopguide.server.services import audit, holds, loyalty, member_codes, referrals, revenue_split

MAX_INT = 2**31 - 1  # the integer columns' range

Currency = Annotated[str, StringConstraints(pattern=r"^[A-Z]{3}$")]
Id = Annotated[int, Field(ge=1, le=MAX_INT)]
Amount = Annotated[int, Field(ge=0, le=MAX_INT)]
SizeLabel = Annotated[
    str, StringConstraints(strip_whitespace=True, min_length=1, max_length=32), NoControlCharacters
]
SizeValue = Annotated[
    str, StringConstraints(strip_whitespace=True, min_length=1, max_length=16), NoControlCharacters
]
Note = Annotated[str, StringConstraints(max_length=500), NoControlCharacters]
Reason = Annotated[
    str, StringConstraints(strip_whitespace=True, max_length=200), NoControlCharacters
]
PersonName = Annotated[
    str, StringConstraints(strip_whitespace=True, max_length=80), NoControlCharacters
]
Phone = Annotated[str, StringConstraints(pattern=r"^\+?[0-9][0-9 -]{3,19}$")]
ReferralCodeText = Annotated[
    str,
    StringConstraints(
        strip_whitespace=True, min_length=4, max_length=16, pattern=r"^[A-Za-z0-9 -]+$"
    ),
]


class Rejected(Exception):
    """Refused for good: pushing the mutation again cannot succeed.

    `keep` holds audit entries the refusal itself must leave (a wrong
    one-time code counts towards the member's limit), committed with the
    rejection although the mutation's own writes are rolled back.
    """

    def __init__(self, reason: str, keep: Sequence[AuditLog] = ()) -> None:
        super().__init__(reason)
        self.reason = reason
        self.keep = tuple(keep)


@contextmanager
def _as_rejection() -> Iterator[None]:
    """A hold the service refuses is a mutation refused for good, with the service's reason."""
    try:
        yield
    except holds.Refused as exc:
        raise Rejected(exc.reason) from exc


@dataclass(frozen=True, slots=True)
class Pusher:
    """Who pushed the batch, and the server settings the handlers need (secret, limits)."""

    user_id: int
    role: Role
    store_id: int | None
    settings: Settings

    def acts_for(self, store_id: int) -> bool:
        """Guides and managers sell and take payments for their own store; admins for any."""
        return self.role is Role.ADMIN or self.store_id == store_id

    @property
    def actor(self) -> holds.Actor:
        return holds.Actor(self.user_id, self.store_id, admin=self.role is Role.ADMIN)


class Mutation(BaseModel):
    @abstractmethod
    def apply(self, session: Session, mutation_id: str, pusher: Pusher) -> dict[str, Any]:
        """Do it in the caller's transaction (flushed, not committed); return the result."""


class OrderLineIn(BaseModel):
    """One line; `fulfilment` says where its goods come from (see `models.orders`).

    A line sent from another store (`transfer` to this store, or `ship` to
    the customer) names that store in `from_store_id` and does not lower
    this store's stock: the `transfer.request` pushed with it holds the goods there.
    """

    variant_id: Id
    quantity: int = Field(ge=1, le=10_000)
    unit_price: Amount
    discount: Amount
    fulfilment: Literal["here", "transfer", "ship"] = "here"
    from_store_id: Id | None = None

    @model_validator(mode="after")
    def _source_named(self) -> Self:
        if (self.fulfilment == HERE) != (self.from_store_id is None):
            raise ValueError(
                "from_store_id names the sending store exactly when fulfilment is not here"
            )
        return self

    @property
    def amount(self) -> int:
        return self.quantity * self.unit_price


class PlaceOrder(Mutation):
    """An order taken on the tablet, maybe offline: stored as sent, stock lowered.

    The prices are the ones the customer was shown and paid, so they are
    checked for arithmetic, not against today's catalog. Stock may go below
    zero: the sale happened, and the oversell is reported, not refused.

    Attribution: the lines count for the guide who pushed the order, or,
    with a `referral_code` the customer brought, for that code's guide
    (channel "referral"). An unknown code never costs the sale: the order is
    recorded for the pushing guide and the result's `referral_guide_id` is null.
    """

    order_id: UUID
    store_id: Id
    member_id: Id | None = None
    currency: Currency
    lines: list[OrderLineIn] = Field(min_length=1, max_length=500)
    subtotal: Amount
    discount: Amount
    total: Amount
    created_at: AwareDatetime
    channel: Literal["store", "online"] = "store"
    referral_code: ReferralCodeText | None = None

    @model_validator(mode="after")
    def _sums_add_up(self) -> Self:
        for number, line in enumerate(self.lines, 1):
            if line.discount > line.amount:
                raise ValueError(
                    f"line {number}: discount {line.discount} is more than "
                    f"quantity x unit price ({line.amount})"
                )
        subtotal = sum(line.amount for line in self.lines)
        if self.subtotal != subtotal:
            raise ValueError(
                f"subtotal {self.subtotal} is not the sum of quantity x unit price ({subtotal})"
            )
        discount = sum(line.discount for line in self.lines)
        if self.discount != discount:
            raise ValueError(
                f"discount {self.discount} is not the sum of the line discounts ({discount})"
            )
        if self.total != self.subtotal - self.discount:
            expected = self.subtotal - self.discount
            raise ValueError(f"total {self.total} is not subtotal minus discount ({expected})")
        return self

    def apply(self, session: Session, mutation_id: str, pusher: Pusher) -> dict[str, Any]:
        store = session.get(Store, self.store_id)
        if store is None:
            raise Rejected(f"store {self.store_id} does not exist")
        if not pusher.acts_for(self.store_id):
            raise Rejected(f"store {self.store_id} is not your store; orders belong to your own")
        brand = session.get(Brand, store.brand_id)
        if brand is None or brand.currency != self.currency:
            raise Rejected(f"currency {self.currency} is not the store's currency")
        order_id = str(self.order_id)
        if session.get(Order, order_id) is not None:
            raise Rejected(f"order already recorded: {order_id} came with another mutation")
        if self.member_id is not None and session.get(Member, self.member_id) is None:
            raise Rejected(f"member {self.member_id} does not exist")
        quantities: dict[int, int] = {}
        for line in self.lines:
            quantities[line.variant_id] = quantities.get(line.variant_id, 0) + line.quantity
        known = set(session.exec(select(Variant.id).where(col(Variant.id).in_(quantities))).all())
        missing = sorted(set(quantities) - known)
        if missing:
            raise Rejected(f"variant {missing[0]} does not exist")
        senders = {line.from_store_id for line in self.lines if line.from_store_id is not None}
        if self.store_id in senders:
            raise Rejected("a line sent from another store cannot name this store as the sender")
        found = set(session.exec(select(Store.id).where(col(Store.id).in_(senders))).all())
        if senders - found:
            raise Rejected(f"store {min(senders - found)} does not exist")
        referrer = referrals.resolve(session, self.referral_code) if self.referral_code else None
        guide_id = referrer[0].id if referrer else pusher.user_id
        assert guide_id is not None

        session.add(
            Order(
                id=order_id,
                store_id=self.store_id,
                guide_id=pusher.user_id,
                member_id=self.member_id,
                currency=self.currency,
                subtotal=self.subtotal,
                discount=self.discount,
                total=self.total,
                client_created_at=self.created_at,
                channel=REFERRAL_CHANNEL if referrer else self.channel,
                referral_guide_id=guide_id if referrer else None,
            )
        )
        session.flush()  # the lines refer to it
        session.add_all(
            OrderLine(
                order_id=order_id,
                line_no=number,
                variant_id=line.variant_id,
                quantity=line.quantity,
                unit_price=line.unit_price,
                discount=line.discount,
                net=line.amount - line.discount,
                guide_id=guide_id,
                fulfilment=line.fulfilment,
                from_store_id=line.from_store_id,
            )
            for number, line in enumerate(self.lines, 1)
        )
        here: dict[int, int] = {}
        for line in self.lines:
            if line.fulfilment == HERE:
                here[line.variant_id] = here.get(line.variant_id, 0) + line.quantity
        oversold = _lower_stock(session, self.store_id, here)
        session.flush()
        result: dict[str, Any] = {"order_id": order_id, "oversold": oversold}
        if self.referral_code is not None:
            result["referral_guide_id"] = guide_id if referrer else None
        return result


def _lower_stock(session: Session, store_id: int, quantities: dict[int, int]) -> list[int]:
    """Take the sold quantities off the shelf figures; return the variants now below zero.

    Rows are locked in variant order, the same for every order, so two
    orders selling the same variants wait for each other instead of
    deadlocking, and neither decrement is lost.
    """
    now = utcnow()
    oversold = []
    for variant_id in sorted(quantities):
        level = session.get(
            StockLevel, (store_id, variant_id), with_for_update=True, populate_existing=True
        )
        if level is None:
            level = StockLevel(store_id=store_id, variant_id=variant_id, on_hand=0)
        level.on_hand -= quantities[variant_id]
        level.updated_at = now
        session.add(level)
        if level.on_hand < 0:
            oversold.append(variant_id)
    return oversold


class RecordPayment(Mutation):
    """A payment taken while offline, recorded as what it is, never as a verified wallet payment.

    Cash and a card terminal are recorded on the guide's confirmation, and
    the order's points and revenue split are booked with them. An EMV QR the
    tablet built offline is recorded as unverified until the acquirer's
    notification (which may have arrived first and waited) confirms it; the
    payment service books points and split then.
    """

    order_id: UUID
    method: Literal["cash", "card_terminal", "emv_offline"]
    amount: Amount
    currency: Currency
    confirmed_by_guide: Literal[True]

    def apply(self, session: Session, mutation_id: str, pusher: Pusher) -> dict[str, Any]:
        order_id = str(self.order_id)
        order = session.get(Order, order_id, with_for_update=True, populate_existing=True)
        if order is None:
            raise Rejected(f"order {order_id} does not exist")
        if not pusher.acts_for(order.store_id):
            raise Rejected(f"order {order_id} belongs to another store")
        if self.currency != order.currency or self.amount != order.total:
            raise Rejected(
                f"amount {self.amount} {self.currency} is not the order total "
                f"{order.total} {order.currency}"
            )
        paid = session.exec(
            select(Payment.id).where(
                Payment.order_id == order_id,
                or_(
                    col(Payment.status).in_((payments.RECORDED_OFFLINE, payments.UNVERIFIED)),
                    col(Payment.paid_at).is_not(None),
                ),
            )
        ).first()
        if paid is not None:
            raise Rejected(f"order {order_id} is already paid")
        bill_number = offline_bill_number(order_id)
        unverified = self.method == "emv_offline"
        payment = Payment(
            order_id=order_id,
            provider="emv" if unverified else self.method,
            amount=self.amount,
            currency=self.currency,
            status=payments.UNVERIFIED if unverified else payments.RECORDED_OFFLINE,
            reference=payments.offline_reference(bill_number) if unverified else mutation_id,
            expires_at=utcnow(),
        )
        session.add(payment)
        session.flush()
        if unverified:
            # Points wait for the acquirer's confirmation (the payment service credits them).
            payments.claim_offline_notice(session, payment, bill_number)
            earned = None
        else:
            earned = loyalty.earn_for_order(session, order_id)
            revenue_split.split_order(session, order_id)
        return {
            "payment_id": payment.id,
            "status": payment.status,
            "points_earned": earned.points if earned else 0,
        }


class UpdateMember(Mutation):
    """A guide's edit of a member's sizes (replaced whole) or note."""

    member_id: Id
    sizes: dict[SizeLabel, SizeValue] | None = Field(default=None, max_length=20)
    note: Note | None = None

    def apply(self, session: Session, mutation_id: str, pusher: Pusher) -> dict[str, Any]:
        member = session.get(Member, self.member_id, with_for_update=True, populate_existing=True)
        if member is None:
            raise Rejected(f"member {self.member_id} does not exist")
        changed = []
        if self.sizes is not None:
            member.sizes = dict(self.sizes)
            changed.append("sizes")
        if self.note is not None:
            member.note = self.note.strip()
            changed.append("note")
        session.add(member)
        audit.record(
            session,
            action="member.update",
            entity="member",
            entity_id=self.member_id,
            user_id=pusher.user_id,
            store_id=pusher.store_id,
            detail={"fields": changed, "mutation": mutation_id},
        )
        session.flush()
        return {"member_id": self.member_id}


OneTimeCode = Annotated[str, StringConstraints(pattern=r"^[0-9]{6}$")]
MemberCodeText = Annotated[str, StringConstraints(min_length=1, max_length=80)]


class PresenceProof(BaseModel):
    """The member is here: the one-time code on their phone, or their member code scanned.

    `taken_at` is when the tablet scanned the member code, for a redemption
    made offline (see `shopguide.server.services.member_codes`).
    """

    one_time_code: OneTimeCode | None = None
    member_code: MemberCodeText | None = None
    taken_at: AwareDatetime | None = None

    @model_validator(mode="after")
    def _one_proof(self) -> Self:
        if (self.one_time_code is None) == (self.member_code is None):
            raise ValueError("give exactly one of one_time_code or member_code")
        return self


class Redemption(BaseModel):
    """What a redemption spends and its proof: the mutation's payload and the online request."""

    order_id: UUID | None = None
    points: Annotated[int, Field(ge=1, le=MAX_INT)] | None = None
    coupon_id: Id | None = None
    proof: PresenceProof

    @model_validator(mode="after")
    def _something_to_spend(self) -> Self:
        if self.points is None and self.coupon_id is None:
            raise ValueError("give points, a coupon_id, or both")
        return self


class RedeemMember(Redemption, Mutation):
    """Points and/or a coupon spent by a member who is present, checked against the ledger.

    Everything or nothing: a coupon that was used meanwhile refuses the
    points spent with it too, and the proof stays unspent.
    """

    member_id: Id

    def apply(self, session: Session, mutation_id: str, pusher: Pusher) -> dict[str, Any]:
        member = session.get(Member, self.member_id, with_for_update=True, populate_existing=True)
        if member is None:
            raise Rejected(f"member {self.member_id} does not exist")
        key = f"redeem:{mutation_id}"
        order_id = str(self.order_id) if self.order_id else None
        coupon_code = None
        try:
            offline = member_codes.spend_proof(
                session,
                pusher.settings,
                member,
                one_time_code=self.proof.one_time_code,
                member_code=self.proof.member_code,
                taken_at=self.proof.taken_at,
                user_id=pusher.user_id,
                store_id=pusher.store_id,
            )
            if self.coupon_id is not None:
                coupon, _ = loyalty.redeem_coupon(
                    session,
                    member,
                    self.coupon_id,
                    key=key,
                    order_id=order_id,
                    store_id=pusher.store_id,
                    user_id=pusher.user_id,
                    offline=offline,
                )
                coupon_code = coupon.code
            if self.points is not None:
                loyalty.redeem_points(
                    session,
                    member,
                    self.points,
                    key=key,
                    order_id=order_id,
                    store_id=pusher.store_id,
                    user_id=pusher.user_id,
                    offline=offline,
                    offline_cap=pusher.settings.offline_points_cap,
                )
        except member_codes.ProofRefused as exc:
            raise Rejected(exc.reason, [exc.audit_entry] if exc.audit_entry else []) from exc
        except loyalty.Refused as exc:
            raise Rejected(exc.reason) from exc
        audit.record(
            session,
            action="member.redeem",
            entity="member",
            entity_id=self.member_id,
            user_id=pusher.user_id,
            store_id=pusher.store_id,
            detail={
                "points": self.points or 0,
                "coupon": self.coupon_id,
                "order": order_id,
                "offline": offline,
                "mutation": mutation_id,
            },
        )
        session.flush()
        return {
            "member_id": self.member_id,
            "points": self.points or 0,
            "coupon_id": self.coupon_id,
            "coupon_code": coupon_code,
            "balance": member.points,
            "offline": offline,
        }


# ----------------------------------------------------------------------------- holds


class RequestReservation(Mutation):
    """Hold a variant at another store for a customer of the pushing guide's store.

    The customer is named by at least one of a name, a phone (only its last
    four digits are kept) or a member id. Refused, with what is left, when
    the holding store cannot promise the quantity any more.
    """

    reservation_id: UUID
    from_store_id: Id
    at_store_id: Id
    variant_id: Id
    quantity: int = Field(default=1, ge=1, le=20)
    hours: int = Field(default=24, ge=1, le=168)
    customer_name: PersonName = ""
    customer_phone: Phone | None = None
    member_id: Id | None = None

    @model_validator(mode="after")
    def _customer_named(self) -> Self:
        if not (self.customer_name or self.customer_phone or self.member_id):
            raise ValueError("name the customer: customer_name, customer_phone or member_id")
        return self

    def apply(self, session: Session, mutation_id: str, pusher: Pusher) -> dict[str, Any]:
        with _as_rejection():
            reservation, left = holds.request_reservation(
                session,
                pusher.actor,
                reservation_id=str(self.reservation_id),
                from_store_id=self.from_store_id,
                at_store_id=self.at_store_id,
                variant_id=self.variant_id,
                quantity=self.quantity,
                hours=self.hours,
                customer_name=self.customer_name,
                customer_phone=self.customer_phone,
                member_id=self.member_id,
            )
        return {
            "reservation_id": reservation.id,
            "status": reservation.status,
            "expires_at": reservation.expires_at.isoformat(),
            "left": left,
        }


class AnswerReservation(Mutation):
    """The holding store confirms the hold, or refuses it with a reason."""

    reservation_id: UUID
    answer: Literal["confirm", "refuse"]
    reason: Reason = ""

    @model_validator(mode="after")
    def _refusal_explained(self) -> Self:
        if self.answer == "refuse" and not self.reason:
            raise ValueError("say why the reservation is refused")
        return self

    def apply(self, session: Session, mutation_id: str, pusher: Pusher) -> dict[str, Any]:
        with _as_rejection():
            reservation = holds.answer_reservation(
                session,
                pusher.actor,
                str(self.reservation_id),
                confirm=self.answer == "confirm",
                reason=self.reason,
            )
        return {"reservation_id": reservation.id, "status": reservation.status}


class CancelReservation(Mutation):
    """Either store lets the hold go."""

    reservation_id: UUID
    reason: Reason = ""

    def apply(self, session: Session, mutation_id: str, pusher: Pusher) -> dict[str, Any]:
        with _as_rejection():
            reservation = holds.cancel_reservation(
                session, pusher.actor, str(self.reservation_id), reason=self.reason
            )
        return {"reservation_id": reservation.id, "status": reservation.status}


class CollectReservation(Mutation):
    """The customer took the held units at the holding store (the sale itself is an order)."""

    reservation_id: UUID

    def apply(self, session: Session, mutation_id: str, pusher: Pusher) -> dict[str, Any]:
        with _as_rejection():
            reservation = holds.collect_reservation(session, pusher.actor, str(self.reservation_id))
        return {"reservation_id": reservation.id, "status": reservation.status}


class ShipToIn(BaseModel):
    name: PersonName = Field(min_length=1)
    phone: Phone
    address: Annotated[
        str,
        StringConstraints(strip_whitespace=True, min_length=5, max_length=300),
        NoControlCharacters,
    ]


class RequestTransfer(Mutation):
    """Ask another store to send units to this store, or (`ship_to`) to the customer.

    With `order_id` it fulfils that order's line (push it before the order);
    without, it restocks this store for a customer who will come back.
    """

    transfer_id: UUID
    from_store_id: Id
    to_store_id: Id
    variant_id: Id
    quantity: int = Field(default=1, ge=1, le=100)
    order_id: UUID | None = None
    ship_to: ShipToIn | None = None

    def apply(self, session: Session, mutation_id: str, pusher: Pusher) -> dict[str, Any]:
        ship_to = (
            holds.ShipTo(self.ship_to.name, self.ship_to.phone, self.ship_to.address)
            if self.ship_to
            else None
        )
        with _as_rejection():
            transfer, left = holds.request_transfer(
                session,
                pusher.actor,
                transfer_id=str(self.transfer_id),
                from_store_id=self.from_store_id,
                to_store_id=self.to_store_id,
                variant_id=self.variant_id,
                quantity=self.quantity,
                order_id=str(self.order_id) if self.order_id else None,
                ship_to=ship_to,
            )
        return {"transfer_id": transfer.id, "status": transfer.status, "left": left}


class AnswerTransfer(Mutation):
    """The sending store accepts, or refuses with a reason."""

    transfer_id: UUID
    answer: Literal["accept", "refuse"]
    reason: Reason = ""

    @model_validator(mode="after")
    def _refusal_explained(self) -> Self:
        if self.answer == "refuse" and not self.reason:
            raise ValueError("say why the transfer is refused")
        return self

    def apply(self, session: Session, mutation_id: str, pusher: Pusher) -> dict[str, Any]:
        with _as_rejection():
            transfer = holds.answer_transfer(
                session,
                pusher.actor,
                str(self.transfer_id),
                accept=self.answer == "accept",
                reason=self.reason,
            )
        return {"transfer_id": transfer.id, "status": transfer.status}


class TransferStep(Mutation):
    """A transfer id, for the steps that need nothing else."""

    transfer_id: UUID


class ShipTransfer(TransferStep):
    """The sending store sent the parcel: its stock goes down."""

    def apply(self, session: Session, mutation_id: str, pusher: Pusher) -> dict[str, Any]:
        with _as_rejection():
            transfer = holds.ship_transfer(session, pusher.actor, str(self.transfer_id))
        return {"transfer_id": transfer.id, "status": transfer.status}


class ReceiveTransfer(TransferStep):
    """The requesting store has the parcel (its stock goes up unless the goods are sold)."""

    def apply(self, session: Session, mutation_id: str, pusher: Pusher) -> dict[str, Any]:
        with _as_rejection():
            transfer = holds.receive_transfer(session, pusher.actor, str(self.transfer_id))
        return {"transfer_id": transfer.id, "status": transfer.status}


class CancelTransfer(TransferStep):
    """Either store calls the transfer off before it ships."""

    reason: Reason = ""

    def apply(self, session: Session, mutation_id: str, pusher: Pusher) -> dict[str, Any]:
        with _as_rejection():
            transfer = holds.cancel_transfer(
                session, pusher.actor, str(self.transfer_id), reason=self.reason
            )
        return {"transfer_id": transfer.id, "status": transfer.status}


class RecordLostDemand(Mutation):
    """One tap: a customer wanted this (a variant, or a style in a size) and the store had none.

    Recorded once per `demand_id`, however often and by whichever mutation it arrives.
    """

    demand_id: UUID
    store_id: Id
    variant_id: Id | None = None
    style_id: Id | None = None
    size: SizeValue | None = None
    at: AwareDatetime

    @model_validator(mode="after")
    def _something_wanted(self) -> Self:
        if self.variant_id is None and (self.style_id is None or self.size is None):
            raise ValueError("give variant_id, or style_id and size")
        return self

    def apply(self, session: Session, mutation_id: str, pusher: Pusher) -> dict[str, Any]:
        with _as_rejection():
            demand, new = holds.record_lost_demand(
                session,
                pusher.actor,
                demand_id=str(self.demand_id),
                store_id=self.store_id,
                variant_id=self.variant_id,
                style_id=self.style_id,
                size=self.size,
                at=self.at,
            )
        return {"demand_id": demand.id, "recorded": new}


TYPES: dict[str, type[Mutation]] = {
    "order.place": PlaceOrder,
    "payment.record": RecordPayment,
    "member.update": UpdateMember,
    "member.redeem": RedeemMember,
    "reservation.request": RequestReservation,
    "reservation.answer": AnswerReservation,
    "reservation.cancel": CancelReservation,
    "reservation.collect": CollectReservation,
    "transfer.request": RequestTransfer,
    "transfer.answer": AnswerTransfer,
    "transfer.ship": ShipTransfer,
    "transfer.receive": ReceiveTransfer,
    "transfer.cancel": CancelTransfer,
    "demand.lost": RecordLostDemand,
}


def parse(type_: str, payload: Any) -> Mutation:
    """The payload as its type's model, or `Rejected` with the first problem."""
    model = TYPES.get(type_)
    if model is None:
        raise Rejected(f"unknown mutation type {type_[:64]!r}; known: {', '.join(sorted(TYPES))}")
    try:
        return model.model_validate(payload)
    except ValidationError as exc:
        raise Rejected(_reason(exc)) from exc


def _reason(exc: ValidationError) -> str:
    first = exc.errors()[0]
    cause = first.get("ctx", {}).get("error")
    message = str(cause) if isinstance(cause, ValueError) else first["msg"]
    where = ".".join(str(part) for part in first["loc"])
    return f"payload.{where}: {message}" if where else f"payload: {message}"
