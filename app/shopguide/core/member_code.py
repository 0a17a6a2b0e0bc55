"""What a tablet can read from a scanned member code without the server's secret.

The member's phone shows `SGM1.<member id>.<expiry, unix seconds>.<nonce>.<mac>`
(the server makes and checks it: `shopguide.server.services.member_codes`).
The id and the expiry are in clear on purpose: a tablet with no network can
still refuse an expired code and open the member it names from its cache.
Only the server can check the MAC, so whatever is read here is unverified
and must never be enough to spend points or coupons. A printed plastic card
carries `SGM:<card number>`, which never expires.

Scanners hand over both kinds in the same ways as product barcodes (wedge
scanner, camera, a picture), so `is_member_scan` is how the Sell screen
tells a member from a product.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Final

MEMBER_CODE_PREFIX: Final = "SGM1."
PRINTED_CARD_PREFIX: Final = "SGM:"
# The member's phone's code; same shape as the server checks, MAC included (unchecked here).
_CODE: Final = re.compile(
    r"^SGM1\.([1-9][0-9]{0,9})\.([0-9]{1,11})\.([A-Z2-7]{8})\.([A-Z2-7]{24})$"
)
_CARD: Final = re.compile(r"^SGM:([0-9]{6,20})$")


@dataclass(frozen=True, slots=True)
class UnverifiedMemberCode:
    """The clear part of a member code: whose it is and until when; its MAC is not checked."""

    member_id: int
    expires_at: datetime

    def expired(self, now: datetime) -> bool:
        """As the server judges it: a code is good up to and including its expiry second."""
        return now > self.expires_at


def is_member_scan(text: str) -> bool:
    """A phone's member code or a printed card's code, rather than a product barcode."""
    cleaned = text.strip()
    return cleaned.startswith(MEMBER_CODE_PREFIX) or cleaned.startswith(PRINTED_CARD_PREFIX)


def read_member_code(text: str) -> UnverifiedMemberCode | None:
    """The member id and expiry of a phone's member code; None for anything else."""
    match = _CODE.match(text.strip())
    if match is None:
        return None
    return UnverifiedMemberCode(int(match[1]), datetime.fromtimestamp(int(match[2]), UTC))


def printed_card_number(text: str) -> str | None:
    """The card number on a printed card's `SGM:<card number>` code; None for anything else."""
    match = _CARD.match(text.strip())
    return match[1] if match else None
