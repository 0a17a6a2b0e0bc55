"""`GET /r/<code>`: where a guide's share QR lands, naming the guide and the store.

The customer scans the guide's QR (made from the address
`POST /api/v1/users/{id}/referral-code` returns) and sees whose
recommendation it is and the code to give at the till or with an online
order; an order pushed with that `referral_code` counts for the guide
(channel "referral"). The page only reads and stores nothing per view; an
unknown code is a plain 404 page. Everything shown is HTML-escaped.
"""

from __future__ import annotations

import html

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse
from sqlmodel import Session

from shopguide.server.services import referrals
from shopguide.server.web_page import page

router = APIRouter(prefix="/r", include_in_schema=False)

_HEADERS = {
    "Cache-Control": "no-store",
    "X-Robots-Tag": "noindex",
    "Content-Security-Policy": "default-src 'none'; style-src 'unsafe-inline'",
}
_CSS = """
main { max-width: 420px; margin: 0 auto; padding: 32px 20px; text-align: center; }
#referral-code { font-size: 36px; font-weight: 700; letter-spacing: 4px; margin: 12px 0; }
.meta { color: #4a5462; }
"""


@router.get("/{code}")
def landing(code: str, request: Request) -> HTMLResponse:
    with Session(request.app.state.engine) as session:
        found = referrals.resolve(session, code[:32])
        if found is None:
            body = "<h1>Unknown code</h1><p class='meta'>Ask your shopping guide for a new one.</p>"
            return page("Unknown code", body, css=_CSS, status=404, headers=_HEADERS, card=False)
        guide, store = found
    shown = referrals.normalise(code)
    where = store.name if store else ""
    body = (
        f"<p class='meta'>Recommended by</p><h1 id='guide-name'>{html.escape(guide.full_name)}</h1>"
        f"<p id='store-name' class='meta'>{html.escape(where)}</p>"
        "<p>Give this code at the till, or with your online order:</p>"
        f"<div id='referral-code'>{html.escape(shown)}</div>"
    )
    return page(where or "Referral", body, css=_CSS, headers=_HEADERS, card=False)
