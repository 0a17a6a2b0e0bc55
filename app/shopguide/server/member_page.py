"""The member's own page, from their pass link: name, tier, the member code and spending code.

`GET /m/<pass>` shows the dynamic member code as a QR (drawn here as an SVG:
the server has no Qt) and the one-time code for spending, and reloads
itself every 20 seconds, so what the guide scans is always fresh and a
screenshot stops working within a minute. The page only reads; nothing is
stored per view. Everything shown is HTML-escaped, and the page asks not
to be cached, indexed or passed on as a referrer: its address is the
member's secret.

Element ids for tests and the demo: `#member-name`, `#member-tier`,
`#member-points`, `#member-qr` (an img whose `data-code` holds the code's
text), `#one-time-code` (six digits; `data-state="used"` and no digits once
it has paid for a redemption, until the next minute brings a new one).
"""

from __future__ import annotations

import base64
import html

import qrcode
import qrcode.constants
from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse
from qrcode.image.svg import SvgPathImage
from sqlmodel import Session

from shopguide.server.models import Brand, Member, MemberProof, Store
from shopguide.server.models.types import utcnow
from shopguide.server.services import member_codes
from shopguide.server.services.errors import NotFound
from shopguide.server.web_page import page

router = APIRouter(prefix="/m", include_in_schema=False)

REFRESH_SECONDS = 20
_HEADERS = {
    "Cache-Control": "no-store",
    "Referrer-Policy": "no-referrer",
    "X-Robots-Tag": "noindex",
    "Content-Security-Policy": "default-src 'none'; img-src data:; style-src 'unsafe-inline'",
}

_CSS = """
main { max-width: 420px; margin: 0 auto; padding: 24px 20px; }
.card { text-align: center; }
.brand { font-size: 16px; color: #4a5462; }
h1 { font-size: 26px; margin: 8px 0 4px; }
.tier { font-size: 18px; color: #8a6d1c; font-weight: 600; }
#member-qr { width: 260px; height: 260px; margin: 16px auto 4px; display: block; }
.meta { color: #4a5462; font-size: 14px; }
.otp-label { margin-top: 20px; font-size: 15px; color: #4a5462; }
#one-time-code { font-size: 40px; font-weight: 700; letter-spacing: 6px;
                  font-variant-numeric: tabular-nums; margin: 4px 0; }
#one-time-code[data-state="used"] { font-size: 18px; letter-spacing: 0; color: #4a5462; }
"""


def _page(title: str, body: str, status: int = 200, refresh: bool = False) -> HTMLResponse:
    return page(
        title,
        body,
        css=_CSS,
        status=status,
        headers=_HEADERS,
        refresh_seconds=REFRESH_SECONDS if refresh else None,
    )


def qr_data_uri(text: str) -> str:
    """`text` as a QR code in an SVG data URI (error correction M, the standard quiet zone)."""
    qr = qrcode.QRCode(
        error_correction=qrcode.constants.ERROR_CORRECT_M, border=4, image_factory=SvgPathImage
    )
    qr.add_data(text)
    qr.make(fit=True)
    svg = qr.make_image().to_string(encoding="unicode")
    return "data:image/svg+xml;base64," + base64.b64encode(svg.encode()).decode()


@router.get("/{pass_token}", response_class=HTMLResponse)
def member_page(pass_token: str, request: Request) -> HTMLResponse:
    secret: str = request.app.state.settings.secret_key
    with Session(request.app.state.engine) as session:
        try:
            member = member_codes.member_for_pass(session, secret, pass_token)
        except NotFound as exc:
            return _page("Member card", f'<p class="meta">{html.escape(exc.reason)}</p>', 404)
        assert member.id is not None
        store = session.get(Store, member.home_store_id)
        brand = session.get(Brand, store.brand_id) if store else None
        now = utcnow()
        slot = member_codes.otp_slot(now)
        used = session.get(MemberProof, member_codes.otp_proof_key(member.id, slot)) is not None
    return _page(
        f"{member.name} · member card", _body(member, brand, secret, slot, used), refresh=True
    )


def _body(member: Member, brand: Brand | None, secret: str, slot: int, used: bool) -> str:
    assert member.id is not None
    code = member_codes.make_member_code(secret, member.id)
    if used:
        renews = member_codes.otp_slot_start(slot + 1)
        otp = (
            '<div id="one-time-code" data-state="used">'
            f"Used. A new code comes at {renews:%H:%M:%S} UTC.</div>"
        )
    else:
        digits = member_codes.one_time_code(secret, member, slot)
        valid = member_codes.otp_valid_until(slot)
        otp = (
            f'<div id="one-time-code" data-state="fresh">{digits}</div>'
            f'<p class="meta">valid until {valid:%H:%M:%S} UTC, once</p>'
        )
    return (
        f'<div class="brand">{html.escape(brand.name if brand else "")} member card</div>'
        f'<h1 id="member-name">{html.escape(member.name)}</h1>'
        f'<div class="tier"><span id="member-tier">{html.escape(member.tier.title())}</span>'
        f' · <span id="member-points">{member.points:,}</span> points</div>'
        f'<img id="member-qr" alt="member code" data-code="{html.escape(code)}"'
        f' src="{qr_data_uri(code)}">'
        f'<p class="meta">Show this code to the guide. It renews every {REFRESH_SECONDS} s.</p>'
        '<div class="otp-label">Code to spend points or coupons</div>'
        f"{otp}"
    )
