"""A member's pass link, the dynamic member code their phone shows, and the one-time spending code.

Three secrets, each an HMAC-SHA256 under `secret_key` with its own domain
prefix, so none can stand in for another or for a payment reference:

- The pass: `<member id>.<pass version>.<mac>`, the long-lived link a member
  keeps (`/m/<pass>`, sent by SMS or put in a wallet pass). It is derived,
  not stored: bumping `member.pass_version` revokes every earlier link.
  (Rotating `secret_key` revokes all of them.)
- The member code, what the QR on the member page holds:
  `SGM1.<member id>.<expiry, unix seconds>.<nonce>.<mac>`, valid 60 seconds.
  Only capitals, digits and dots, so it fits a small alphanumeric QR; the
  prefix tells a tablet's scanner it is no product barcode, and the id and
  expiry are in clear so an offline tablet can at least check those.
- The one-time code: 6 digits derived from the member, their pass version and
  the minute; a code is accepted in its minute and the next (so for one to
  two minutes) and is spent by the first redemption it proves.

Spending needs a proof of the member's presence (a member code scanned from
their phone, or the one-time code read off it). A proof pays for one
redemption only: `spend_proof` records it in `member_proof`. A proof is
judged when the server applies the redemption; only a member code that a
tablet scanned offline (`taken_at`) and that has expired since is judged at
`taken_at` instead, which `loyalty` then limits to the offline points cap.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import math
import re
import secrets
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from sqlalchemy import func
from sqlmodel import Session, col, select

from shopguide.server.config import Settings
from shopguide.server.models import AuditLog, Member, MemberProof
from shopguide.server.models.types import utcnow
from shopguide.server.services import audit
from shopguide.server.services.errors import Conflict, Gone, NotFound, Unprocessable

CODE_PREFIX = "SGM1."
CODE_SECONDS = 60
OTP_SLOT_SECONDS = 60
OTP_DIGITS = 6
OFFLINE_PROOF_MAX_AGE = timedelta(days=7)  # an offline redemption older than this is refused
CLOCK_SKEW = timedelta(minutes=5)  # how far ahead of the server a tablet's clock may run
PROOF_REFUSED = "member.proof_refused"  # the audit action a wrong code leaves

_CODE = re.compile(r"^SGM1\.([1-9][0-9]{0,9})\.([0-9]{1,11})\.([A-Z2-7]{8})\.([A-Z2-7]{24})$")
_PASS = re.compile(r"^([1-9][0-9]{0,9})\.([0-9]{1,9})\.([A-Za-z0-9_-]{22})$")


class NotAMemberCode(Unprocessable):
    def __init__(self) -> None:
        super().__init__("not a member code")


class ExpiredMemberCode(Gone):
    def __init__(self) -> None:
        super().__init__("this member code has expired; ask the customer to refresh it")


class ProofRefused(Conflict):
    """The proof does not show the member is present; `audit_entry` if it was a wrong guess."""

    def __init__(self, reason: str, audit_entry: AuditLog | None = None) -> None:
        super().__init__(reason)
        self.audit_entry = audit_entry


@dataclass(frozen=True, slots=True)
class MemberCode:
    member_id: int
    expires_at: datetime
    nonce: str


def _mac(secret: str, domain: str, body: str) -> bytes:
    return hmac.new(f"{domain}:{secret}".encode(), body.encode(), hashlib.sha256).digest()


# ----------------------------------------------------------------------------- member codes


def make_member_code(secret: str, member_id: int, *, now: datetime | None = None) -> str:
    expires = math.floor((now or utcnow()).timestamp()) + CODE_SECONDS
    nonce = base64.b32encode(secrets.token_bytes(5)).decode()
    body = f"{CODE_PREFIX}{member_id}.{expires}.{nonce}"
    return f"{body}.{base64.b32encode(_mac(secret, 'member-code', body)[:15]).decode()}"


def read_member_code(secret: str, token: str, *, now: datetime | None = None) -> MemberCode:
    """What a genuine, unexpired member code says; NotAMemberCode or ExpiredMemberCode otherwise."""
    match = _CODE.match(token.strip())
    if match is None:
        raise NotAMemberCode
    body = token.strip().rsplit(".", 1)[0]
    expected = base64.b32encode(_mac(secret, "member-code", body)[:15]).decode()
    if not hmac.compare_digest(expected, match[4]):
        raise NotAMemberCode
    expires_at = datetime.fromtimestamp(int(match[2]), UTC)
    if (now or utcnow()) > expires_at:
        raise ExpiredMemberCode
    return MemberCode(int(match[1]), expires_at, match[3])


# ----------------------------------------------------------------------------- pass links


def pass_token(secret: str, member_id: int, version: int) -> str:
    body = f"{member_id}.{version}"
    mac = base64.urlsafe_b64encode(_mac(secret, "member-pass", body)[:16]).decode().rstrip("=")
    return f"{body}.{mac}"


def pass_url(base_url: str, secret: str, member: Member) -> str:
    assert member.id is not None
    return f"{base_url.rstrip('/')}/m/{pass_token(secret, member.id, member.pass_version)}"


def member_for_pass(session: Session, secret: str, token: str) -> Member:
    """The member whose current pass this is; NotFound for anything else (forged, revoked)."""
    match = _PASS.match(token)
    if match is not None:
        member = session.get(Member, int(match[1]))
        if (
            member is not None
            and member.pass_version == int(match[2])
            and hmac.compare_digest(pass_token(secret, int(match[1]), int(match[2])), token)
        ):
            return member
    raise NotFound("this member link is not valid (any more); ask the store for a new one")


def reissue_pass(session: Session, member: Member) -> None:
    """Revoke the member's pass link: the next one derived is new (caller commits)."""
    member.pass_version += 1
    session.add(member)


# ----------------------------------------------------------------------------- one-time codes


def otp_slot(at: datetime) -> int:
    return math.floor(at.timestamp()) // OTP_SLOT_SECONDS


def one_time_code(secret: str, member: Member, slot: int) -> str:
    digest = _mac(secret, "member-otp", f"{member.id}.{member.pass_version}.{slot}")
    return f"{int.from_bytes(digest[:8], 'big') % 10**OTP_DIGITS:0{OTP_DIGITS}d}"


def otp_slot_start(slot: int) -> datetime:
    return datetime.fromtimestamp(slot * OTP_SLOT_SECONDS, UTC)


def otp_valid_until(slot: int) -> datetime:
    """A code shown in `slot` is accepted until the end of the slot after it."""
    return otp_slot_start(slot + 2)


def otp_proof_key(member_id: int, slot: int) -> str:
    return f"otp:{member_id}:{slot}"


# ----------------------------------------------------------------------------- proofs


def spend_proof(
    session: Session,
    settings: Settings,
    member: Member,
    *,
    one_time_code: str | None,
    member_code: str | None,
    taken_at: datetime | None,
    user_id: int,
    store_id: int | None,
    now: datetime | None = None,
) -> bool:
    """Check the proof for `member` and spend it; True if it was judged at `taken_at` (offline).

    Raises ProofRefused with the reason a guide reads. Exactly one of
    `one_time_code` and `member_code` is given (the payload models check).
    """
    assert member.id is not None
    now = now or utcnow()
    if member_code is not None:
        key, offline = _member_code_proof(settings.secret_key, member, member_code, taken_at, now)
        used = "this member code was already used for a redemption; ask for a fresh one"
    else:
        assert one_time_code is not None
        key = _otp_proof(session, settings, member, one_time_code, user_id, store_id, now)
        offline = False
        used = "this one-time code was already used; ask the customer for the next one"
    if session.get(MemberProof, key) is not None:
        raise ProofRefused(used)
    session.add(MemberProof(proof=key, member_id=member.id, user_id=user_id, used_at=now))
    session.flush()  # a concurrent spend of the same proof collides here
    return offline


def _member_code_proof(
    secret: str, member: Member, token: str, taken_at: datetime | None, now: datetime
) -> tuple[str, bool]:
    try:
        code, offline = read_member_code(secret, token, now=now), False
    except NotAMemberCode as exc:
        raise ProofRefused("not a member code") from exc
    except ExpiredMemberCode as exc:
        if taken_at is None:
            raise ProofRefused(
                "the member code expired before the redemption reached the server; "
                "spending needs the network: scan a fresh code"
            ) from exc
        if not now - OFFLINE_PROOF_MAX_AGE <= taken_at <= now + CLOCK_SKEW:
            raise ProofRefused(
                f"an offline redemption is accepted for {OFFLINE_PROOF_MAX_AGE.days} days "
                "after its scan, and its scan time cannot be in the future"
            ) from exc
        try:
            code, offline = read_member_code(secret, token, now=taken_at), True
        except ExpiredMemberCode as late:
            raise ProofRefused("the member code had already expired when it was scanned") from late
    if code.member_id != member.id:
        raise ProofRefused("this member code belongs to another member")
    return f"code:{member.id}:{code.nonce}", offline


def _otp_proof(
    session: Session,
    settings: Settings,
    member: Member,
    given: str,
    user_id: int,
    store_id: int | None,
    now: datetime,
) -> str:
    assert member.id is not None
    since = now - timedelta(seconds=settings.member_proof_window_seconds)
    failures = session.exec(
        select(func.count())
        .select_from(AuditLog)
        .where(
            AuditLog.action == PROOF_REFUSED,
            AuditLog.entity_id == str(member.id),
            col(AuditLog.at) >= since,
        )
    ).one()
    if failures >= settings.member_proof_max_failures:
        raise ProofRefused(
            "too many wrong one-time codes for this member; scan the member code on their "
            f"phone instead, or try again in {settings.member_proof_window_seconds // 60} minutes"
        )
    slot = otp_slot(now)
    matched = None
    for candidate in (slot, slot - 1):  # both compared, always: no timing difference
        if hmac.compare_digest(one_time_code(settings.secret_key, member, candidate), given):
            matched = candidate
    if matched is None:
        raise ProofRefused(
            "wrong or expired one-time code; ask the customer for the code on their phone now",
            audit.entry(
                action=PROOF_REFUSED,
                entity="member",
                entity_id=member.id,
                user_id=user_id,
                store_id=store_id,
                detail={"proof": "one_time_code"},
            ),
        )
    return otp_proof_key(member.id, matched)
