"""Members on the tablet: finding them, opening their card, and a guide's edits to it.

`Members` is what the member panel calls (on a worker thread). Online, the
server answers, audits the lookup and counts it against the account's
limit. Offline, the answer comes from the store's member snapshot in the
cache, marked "as of last sync", and what the cache does not hold (recent
purchases, the lifetime points behind the tier progress) is left out rather
than guessed. A member code scanned offline is checked as far as a tablet
can (its shape, member id and expiry: `shopguide.core.member_code`), and the
member it names is opened as "offline, not verified".

The cache holds the store's member snapshot with each phone as a salted hash
(`shopguide.core.phone.phone_hash`), so a typed phone is hashed with the
brand's salt and compared; a card number is compared as is. Nothing here
ever needs a phone number in clear.

Edits (sizes, note) are `member.update` mutations in the outbox, like every
write from the tablet; they are also written into the cached row, and a
profile shows the edits still waiting to be pushed over whatever the server
or the cache says, so the guide sees the change at once and keeps seeing it.
"""

from __future__ import annotations

import json
import re
import sqlite3
import uuid
from collections.abc import Mapping
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime, timedelta
from enum import StrEnum
from typing import Any, Final

from shopguide.client.api import ApiClient, ApiError, OfflineError
from shopguide.client.cache import Cache
from shopguide.client.outbox import PENDING, Outbox
from shopguide.client.sync_engine import SyncEngine
from shopguide.core.loyalty import TierProgress
from shopguide.core.member_code import printed_card_number, read_member_code
from shopguide.core.money import Money
from shopguide.core.phone import CHINA_MOBILE_DIGITS, normalise_phone, phone_hash

CARD_DIGITS = 16
_COLUMNS = "id, card_number, name, tier, points, phone_last4, sizes, note, home_store_id, birthday"
UPDATE_MUTATION: Final = "member.update"
EXPIRING_SOON: Final = timedelta(days=7)  # as the server marks a coupon `expiring_soon`
# The server's words, for the same refusals made here when it cannot be asked.
EXPIRED_CODE: Final = "this member code has expired; ask the customer to refresh it"
NOT_A_MEMBER_CODE: Final = "not a member code"
SPENDING_NEEDS_NETWORK: Final = (
    "coupons and points are spent only with the server reachable; "
    "take the coupon off the cart or try again when online"
)
COUPON_NOT_ON_TABLET: Final = "this coupon is not among the member's coupons on this tablet"
_REDEMPTION_NAMESPACE: Final = uuid.UUID("0f5a3c1e-2b7d-4e8a-9c41-7d2e6b9a1c55")
# What `member.update` accepts (shopguide.server.sync.mutations.UpdateMember).
MAX_SIZES: Final = 20
MAX_SIZE_LABEL: Final = 32
MAX_SIZE_VALUE: Final = 16
MAX_NOTE: Final = 500
_LOOKUP_DIGITS: Final = range(4, 21)  # what the lookup endpoint takes as a phone or a card
_CONTROL: Final = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


class Source(StrEnum):
    ONLINE = "online"  # the server's answer, just now
    OFFLINE = "offline"  # the store's member snapshot, as of its last sync


class MemberRefused(Exception):
    """The server refused, or offline the tablet applied the server's own rule.

    `reason` is the server's sentence ("this member code has expired; ask
    the customer to refresh it", "more than 30 member lookups in 60 s; wait
    a moment"), meant to be shown to the guide as it is.
    """

    def __init__(self, reason: str, status: int | None = None) -> None:
        super().__init__(reason)
        self.reason = reason
        self.status = status


class MemberCodeExpired(MemberRefused):
    """The member code is past its minute; the customer's page already shows a fresh one."""


class MemberNotOnTablet(LookupError):
    """No network, and the member is not in this tablet's snapshot (another store's member)."""

    def __init__(self, member_id: int) -> None:
        super().__init__(f"member {member_id} is not on this tablet")
        self.member_id = member_id


class MemberNotFound(LookupError):
    """No member holds the printed card that was scanned."""

    def __init__(self, card_number: str) -> None:
        super().__init__(f"no member has card {card_number}")
        self.card_number = card_number


class MemberEditError(ValueError):
    """An edit the server would refuse; nothing was queued."""


@dataclass(frozen=True, slots=True)
class CachedMember:
    """A member as of the last sync: what a guide needs, and no phone number."""

    id: int
    card_number: str
    name: str
    tier: str
    points: int
    phone_last4: str
    sizes: dict[str, str]
    note: str
    home_store_id: int
    birthday: date | None


@dataclass(frozen=True, slots=True)
class MemberSummary:
    """One row of a lookup's results: enough to tell two members on one phone apart."""

    id: int
    name: str
    card_number: str
    phone_masked: str
    tier: str
    points: int


@dataclass(frozen=True, slots=True)
class MemberMatches:
    members: tuple[MemberSummary, ...]
    source: Source
    as_of: datetime | None  # offline: when the member snapshot last synced (None: never)


@dataclass(frozen=True, slots=True)
class MemberCoupon:
    id: int
    code: str
    title: str
    valid_from: datetime
    valid_to: datetime  # exclusive
    state: str  # issued, redeemed, expired
    usable: bool  # issued and valid now
    expiring_soon: bool  # usable, and ends within EXPIRING_SOON

    def days_left(self, now: datetime) -> int:
        """Whole days until it ends, 0 on its last day."""
        return max((self.valid_to - now).days, 0)


@dataclass(frozen=True, slots=True)
class Purchase:
    """One line of a paid order, in any store."""

    order_id: str
    at: datetime
    store_name: str
    style_name: str
    colour: str
    size: str
    quantity: int
    net: Money


@dataclass(frozen=True, slots=True)
class MemberProfile:
    """Everything the member panel shows, from the server or from the cache.

    Offline, `progress` is None (lifetime points are not on the tablet) and
    `purchases` is empty (they are not either): the panel says so instead
    of showing a guess. `verified` is False only for a member opened offline
    from a scanned code whose signature the tablet cannot check.
    """

    id: int
    name: str
    card_number: str
    phone_masked: str
    birthday: date | None
    tier: str
    progress: TierProgress | None
    points: int
    coupons: tuple[MemberCoupon, ...]  # usable first, each group soonest ending first
    sizes: dict[str, str]  # category -> size, e.g. {"jeans": "M", "running shoes": "38"}
    note: str
    purchases: tuple[Purchase, ...]  # newest first
    source: Source
    as_of: datetime | None  # online: when the server answered; offline: the snapshot's sync
    verified: bool = True


def _member(row: tuple[Any, ...]) -> CachedMember:
    return CachedMember(
        id=int(row[0]),
        card_number=str(row[1]),
        name=str(row[2]),
        tier=str(row[3]),
        points=int(row[4] or 0),
        phone_last4=str(row[5] or ""),
        sizes=dict(json.loads(row[6])) if row[6] else {},
        note=str(row[7] or ""),
        home_store_id=int(row[8]),
        birthday=date.fromisoformat(row[9]) if row[9] else None,
    )


def looks_like_card(typed: str) -> bool:
    digits = normalise_phone(typed)
    return len(digits) == CARD_DIGITS and digits == "".join(typed.split())


class MemberDirectory:
    def __init__(self, cache: Cache) -> None:
        self._cache = cache

    def find(self, typed: str) -> list[CachedMember]:
        """Members whose card number or phone is `typed`; empty when none is cached."""
        digits = normalise_phone(typed)
        if not digits:
            return []

        def query(conn: sqlite3.Connection) -> list[CachedMember]:
            if looks_like_card(typed):
                rows = conn.execute(
                    f"SELECT {_COLUMNS} FROM member WHERE card_number = ?",  # noqa: S608
                    (digits,),
                ).fetchall()
                return [_member(r) for r in rows]
            salt = conn.execute("SELECT phone_salt FROM brand LIMIT 1").fetchone()
            if salt is None:
                return []
            rows = conn.execute(
                f"SELECT {_COLUMNS} FROM member WHERE phone_hash = ? ORDER BY id",  # noqa: S608
                (phone_hash(str(salt[0]), digits),),
            ).fetchall()
            return [_member(r) for r in rows]

        return self._cache.read(query)

    def get(self, member_id: int) -> CachedMember | None:
        row = self._cache.read(
            lambda c: c.execute(
                f"SELECT {_COLUMNS} FROM member WHERE id = ?",  # noqa: S608
                (member_id,),
            ).fetchone()
        )
        return None if row is None else _member(row)

    def coupons(self, member_id: int, now: datetime) -> list[MemberCoupon]:
        rows = self._cache.read(
            lambda c: c.execute(
                "SELECT id, code, title, valid_from, valid_to, state FROM coupon "
                "WHERE member_id = ?",
                (member_id,),
            ).fetchall()
        )
        return [_cached_coupon(row, now) for row in rows]


def _cached_coupon(row: tuple[Any, ...], now: datetime) -> MemberCoupon:
    """A coupon from the snapshot, judged usable by the server's rule at `now`."""
    coupon_id, code, title, valid_from, valid_to, state = row
    starts, ends = _moment(valid_from), _moment(valid_to)
    usable = state == "issued" and starts <= now < ends
    return MemberCoupon(
        id=int(coupon_id),
        code=str(code),
        title=str(title),
        valid_from=starts,
        valid_to=ends,
        state=str(state),
        usable=usable,
        expiring_soon=usable and ends - now <= EXPIRING_SOON,
    )


def _moment(wire: object) -> datetime:
    moment = datetime.fromisoformat(str(wire).replace("Z", "+00:00"))
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def _ordered(coupons: list[MemberCoupon]) -> tuple[MemberCoupon, ...]:
    return tuple(sorted(coupons, key=lambda c: (not c.usable, c.valid_to, c.id)))


def clean_sizes(sizes: Mapping[str, str]) -> dict[str, str]:
    """Sizes as `member.update` takes them: trimmed, empty rows dropped, within its limits."""
    cleaned = {
        _clean(label): _clean(value)
        for label, value in sizes.items()
        if _clean(label) and _clean(value)
    }
    if len(cleaned) > MAX_SIZES:
        raise MemberEditError(f"at most {MAX_SIZES} sizes per member")
    for label, value in cleaned.items():
        if len(label) > MAX_SIZE_LABEL or len(value) > MAX_SIZE_VALUE:
            raise MemberEditError(
                f"a category has at most {MAX_SIZE_LABEL} characters and a size "
                f"{MAX_SIZE_VALUE}: {label!r} {value!r}"
            )
    return dict(sorted(cleaned.items()))


def clean_note(note: str) -> str:
    cleaned = _CONTROL.sub("", note).strip()
    if len(cleaned) > MAX_NOTE:
        raise MemberEditError(f"a note has at most {MAX_NOTE} characters")
    return cleaned


def _clean(text: str) -> str:
    return _CONTROL.sub("", text).strip()


class Members:
    """Finding and opening members for the member panel, online first, the cache offline."""

    def __init__(
        self,
        *,
        api: ApiClient | None,
        cache: Cache,
        outbox: Outbox,
        store_id: int,
        engine: SyncEngine | None = None,
    ) -> None:
        self._api = api
        self._cache = cache
        self._outbox = outbox
        self._store_id = store_id
        self._engine = engine
        self._directory = MemberDirectory(cache)
        self._releases: dict[str, int] = {}

    # -- opening a member ---------------------------------------------------

    def open_scan(self, scanned: str) -> MemberProfile:
        """The member a scanned code names: a phone's member code or a printed card."""
        card = printed_card_number(scanned)
        if card is None:
            return self.resolve_code(scanned)
        found = self.find(card).members
        if not found:
            raise MemberNotFound(card)
        return self.detail(found[0].id)

    def resolve_code(self, code: str) -> MemberProfile:
        """The member whose phone shows `code`; MemberCodeExpired once its minute is over.

        Offline the tablet checks what it can (the shape, the expiry) and opens
        the cached member marked not verified; the server checks the rest
        whenever the code is used to spend.
        """
        if self._api is not None:
            try:
                body = self._api.post("/members/resolve", {"code": code.strip()})
            except OfflineError:
                pass
            except ApiError as exc:
                raise _refusal(exc) from exc
            else:
                return self._with_pending_edits(self._profile(body))
        read = read_member_code(code)
        if read is None:
            raise MemberRefused(NOT_A_MEMBER_CODE)
        if read.expired(datetime.now(UTC)):
            raise MemberCodeExpired(EXPIRED_CODE)
        return replace(self._offline_detail(read.member_id), verified=False)

    def find(self, typed: str) -> MemberMatches:
        """Members with this phone (however it is typed) or card number; at most 5 online."""
        digits = normalise_phone(typed)
        if len(digits) not in _LOOKUP_DIGITS:
            return MemberMatches((), Source.ONLINE if self._api else Source.OFFLINE, None)
        if self._api is not None:
            params = {"card": digits} if looks_like_card(typed) else {"phone": digits}
            try:
                body = self._api.get("/members/lookup", params)
            except OfflineError:
                pass
            except ApiError as exc:
                raise _refusal(exc) from exc
            else:
                return MemberMatches(
                    tuple(_summary(m) for m in body), Source.ONLINE, datetime.now(UTC)
                )
        cached = self._directory.find(typed)
        summaries = tuple(
            MemberSummary(
                id=m.id,
                name=m.name,
                card_number=m.card_number,
                phone_masked=_masked_last4(m.phone_last4),
                tier=m.tier,
                points=m.points,
            )
            for m in cached
        )
        return MemberMatches(summaries, Source.OFFLINE, self._synced_at(self._store_id))

    def detail(self, member_id: int) -> MemberProfile:
        """The member's full profile: the server's when it answers, else the cache's."""
        if self._api is not None:
            try:
                body = self._api.get(f"/members/{member_id}")
            except OfflineError:
                pass
            except ApiError as exc:
                raise _refusal(exc) from exc
            else:
                return self._with_pending_edits(self._profile(body))
        return self._offline_detail(member_id)

    # -- a guide's edits --------------------------------------------------------

    def save_sizes(self, member_id: int, sizes: Mapping[str, str]) -> dict[str, str]:
        """Replace the member's sizes (as the server does); returns them as saved."""
        cleaned = clean_sizes(sizes)
        self._outbox.enqueue(UPDATE_MUTATION, {"member_id": member_id, "sizes": cleaned})
        self._cache.edit_member(member_id, sizes=cleaned)
        self._queued()
        return cleaned

    def save_note(self, member_id: int, note: str) -> str:
        """Replace the member's note; returns it as saved (trimmed, as the server keeps it)."""
        cleaned = clean_note(note)
        self._outbox.enqueue(UPDATE_MUTATION, {"member_id": member_id, "note": cleaned})
        self._cache.edit_member(member_id, note=cleaned)
        self._queued()
        return cleaned

    # -- spending -------------------------------------------------------------------

    def redeem_coupon(
        self, member_id: int, coupon_code: str, *, order_id: str, one_time_code: str
    ) -> None:
        """Spend the member's coupon on this order, proved by the code on their phone.

        Spending needs the server (it alone knows whether the coupon was used on
        another tablet a minute ago), so offline this refuses.
        """
        coupon = next(
            (
                c
                for c in self._directory.coupons(member_id, datetime.now(UTC))
                if c.code == coupon_code
            ),
            None,
        )
        if coupon is None:
            raise MemberRefused(COUPON_NOT_ON_TABLET)
        if self._api is None:
            raise MemberRefused(SPENDING_NEEDS_NETWORK)
        # One key per order, coupon and code: resending after a lost answer repeats the
        # same redemption, while a newly typed code is a new try (the server keeps each
        # key's answer, refusals too).
        attempt = self._releases.get(order_id, 0)
        proof = one_time_code.strip()
        key = uuid.uuid5(_REDEMPTION_NAMESPACE, f"{order_id}:{coupon.id}:{attempt}:{proof}")
        try:
            self._api.post(
                f"/members/{member_id}/redeem",
                {
                    "idempotency_key": str(key),
                    "order_id": order_id,
                    "coupon_id": coupon.id,
                    "proof": {"one_time_code": proof},
                },
            )
        except OfflineError as exc:
            raise MemberRefused(SPENDING_NEEDS_NETWORK) from exc
        except ApiError as exc:
            raise _refusal(exc) from exc

    def release(self, member_id: int, order_id: str) -> None:
        """Give back what the member spent on an order that will not be paid."""
        if self._api is None:
            raise MemberRefused(SPENDING_NEEDS_NETWORK)
        try:
            self._api.post(f"/members/{member_id}/release", {"order_id": order_id})
        except OfflineError as exc:
            raise MemberRefused(SPENDING_NEEDS_NETWORK) from exc
        except ApiError as exc:
            raise _refusal(exc) from exc
        # A released redemption's key would be answered "applied" again: spend anew.
        self._releases[order_id] = self._releases.get(order_id, 0) + 1

    def _queued(self) -> None:
        if self._engine is not None:
            self._engine.notify_queued()

    # -- building profiles ----------------------------------------------------------

    def _profile(self, body: Mapping[str, Any]) -> MemberProfile:
        now = datetime.now(UTC)
        progress = body["tier_progress"]
        birthday = body.get("birthday")
        return MemberProfile(
            id=int(body["id"]),
            name=str(body["name"]),
            card_number=str(body["card_number"]),
            phone_masked=str(body["phone_masked"]),
            birthday=date.fromisoformat(birthday) if birthday else None,
            tier=str(body["tier"]),
            progress=TierProgress(
                tier=str(progress["tier"]),
                lifetime_points=int(progress["lifetime_points"]),
                next_tier=progress.get("next_tier"),
                next_tier_from=progress.get("next_tier_from"),
                points_to_next=progress.get("points_to_next"),
            ),
            points=int(body["points"]),
            coupons=_ordered([_coupon(c) for c in body["coupons"]]),
            sizes={str(k): str(v) for k, v in (body.get("sizes") or {}).items()},
            note=str(body.get("note") or ""),
            purchases=tuple(_purchase(p) for p in body["recent_purchases"]),
            source=Source.ONLINE,
            as_of=now,
        )

    def _offline_detail(self, member_id: int) -> MemberProfile:
        member = self._directory.get(member_id)
        if member is None:
            raise MemberNotOnTablet(member_id)
        now = datetime.now(UTC)
        profile = MemberProfile(
            id=member.id,
            name=member.name,
            card_number=member.card_number,
            phone_masked=_masked_last4(member.phone_last4),
            birthday=member.birthday,
            tier=member.tier,
            progress=None,
            points=member.points,
            coupons=_ordered(self._directory.coupons(member_id, now)),
            sizes=member.sizes,
            note=member.note,
            purchases=(),
            source=Source.OFFLINE,
            as_of=self._synced_at(member.home_store_id),
        )
        return self._with_pending_edits(profile)

    def _with_pending_edits(self, profile: MemberProfile) -> MemberProfile:
        """The profile with the guide's edits not yet pushed, oldest first, laid over it."""
        for mutation in self._outbox.unsettled(UPDATE_MUTATION):
            payload = mutation.payload
            if mutation.state != PENDING or payload.get("member_id") != profile.id:
                continue
            if "sizes" in payload:
                profile = replace(profile, sizes=dict(payload["sizes"]))
            if "note" in payload:
                profile = replace(profile, note=str(payload["note"]))
        return profile

    def _synced_at(self, store_id: int) -> datetime | None:
        return self._cache.synced_at(f"members:{store_id}")


def _refusal(exc: ApiError) -> MemberRefused:
    if exc.status == 410:
        return MemberCodeExpired(exc.reason, exc.status)
    return MemberRefused(exc.reason, exc.status)


def _masked_last4(last4: str) -> str:
    """How the server masks a guide's view of a phone: stars, then the last four digits."""
    return "*" * (CHINA_MOBILE_DIGITS - len(last4)) + last4


def _summary(wire: Mapping[str, Any]) -> MemberSummary:
    return MemberSummary(
        id=int(wire["id"]),
        name=str(wire["name"]),
        card_number=str(wire["card_number"]),
        phone_masked=str(wire["phone_masked"]),
        tier=str(wire["tier"]),
        points=int(wire["points"]),
    )


def _coupon(wire: Mapping[str, Any]) -> MemberCoupon:
    return MemberCoupon(
        id=int(wire["id"]),
        code=str(wire["code"]),
        title=str(wire["title"]),
        valid_from=_moment(wire["valid_from"]),
        valid_to=_moment(wire["valid_to"]),
        state=str(wire["state"]),
        usable=bool(wire["usable"]),
        expiring_soon=bool(wire["expiring_soon"]),
    )


def _purchase(wire: Mapping[str, Any]) -> Purchase:
    return Purchase(
        order_id=str(wire["order_id"]),
        at=_moment(wire["at"]),
        store_name=str(wire["store_name"]),
        style_name=str(wire["style_name"]),
        colour=str(wire["colour"]),
        size=str(wire["size"]),
        quantity=int(wire["quantity"]),
        net=Money(int(wire["net"]), str(wire["currency"])),
    )
