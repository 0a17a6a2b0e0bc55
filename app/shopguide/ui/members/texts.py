"""The words the member screens share: tier names, refusals, and when the data is from.

The Sell screen's cart and the Members screen both name tiers and both
report why a member could not be opened, so each is written once, here.
"""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QCoreApplication

from shopguide.client.api import LoginRequired
from shopguide.client.cache import CacheCorrupt
from shopguide.client.members import (
    MemberEditError,
    MemberNotFound,
    MemberNotOnTablet,
    MemberProfile,
    MemberRefused,
    Source,
)

TIER_LEVELS = ("classic", "silver", "gold", "platinum")  # the badge colours theme.qss knows


def tr(text: str) -> str:
    return QCoreApplication.translate("Members", text)


def tier_label(tier: str) -> str:
    return {
        "classic": tr("Classic"),
        "silver": tr("Silver"),
        "gold": tr("Gold"),
        "platinum": tr("Platinum"),
    }.get(tier, tier.title())


def points_text(points: int) -> str:
    return tr("{0} points").format(f"{points:,}")


def sentence(reason: str) -> str:
    """The server's reasons start in lower case, for use mid-sentence; alone, they get a capital."""
    return reason[:1].upper() + reason[1:]


def problem_text(error: Exception) -> str:
    """Why a member could not be found, opened or saved, as the guide reads it."""
    if isinstance(error, MemberRefused):
        return sentence(error.reason)
    if isinstance(error, MemberNotOnTablet):
        return tr(
            "No network, and this member is not on this tablet (members of other stores need "
            "the network). Ask for their phone number, or try again when online."
        )
    if isinstance(error, MemberNotFound):
        return tr("No member has card {0}.").format(error.card_number)
    if isinstance(error, MemberEditError):
        return tr("Not saved: {0}").format(error)
    if isinstance(error, LoginRequired):
        return tr("Log in again to look up members.")
    if isinstance(error, CacheCorrupt):
        return tr("The tablet's copy of the store's data was rebuilt; try again in a moment.")
    return str(error)


def source_text(profile: MemberProfile) -> str:
    """Where the card's figures come from: the server just now, or the last sync."""
    if profile.source is Source.ONLINE:
        return tr("Online · as of {0}").format(clock(profile.as_of))
    if profile.as_of is None:
        return tr("Offline · from this tablet, never synced")
    return tr("Offline · as of last sync {0}").format(clock(profile.as_of))


def clock(moment: datetime | None) -> str:
    """Today by the clock, another day with its date."""
    if moment is None:
        return ""
    local = moment.astimezone()
    today = datetime.now().astimezone().date()
    return local.strftime("%H:%M") if local.date() == today else local.strftime("%Y-%m-%d %H:%M")
