"""The one shell of the small pages the server shows on phones (wallet, receipt, member, referral).

A phone-width card in the system font; each page adds its own rules after
these, so a page's look is its own while the frame stays the same. The
title is escaped here; the body is HTML the caller built (and escaped).
"""

from __future__ import annotations

import html
from collections.abc import Mapping

from fastapi.responses import HTMLResponse

_SHELL = """<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
{refresh}<title>{title}</title>
<style>
body {{ font-family: system-ui, sans-serif; margin: 0; background: #f6f7f9; color: #1f2328; }}
main {{ max-width: 420px; margin: 0 auto; padding: 32px 20px; }}
.card {{ background: #fff; border-radius: 16px; padding: 24px;
         box-shadow: 0 2px 12px rgba(0,0,0,.08); }}
{css}
</style></head>
<body><main>{body}</main></body></html>"""


def page(
    title: str,
    body: str,
    *,
    css: str = "",
    status: int = 200,
    headers: Mapping[str, str] | None = None,
    refresh_seconds: int | None = None,
    card: bool = True,
) -> HTMLResponse:
    refresh = (
        f'<meta http-equiv="refresh" content="{refresh_seconds}">\n' if refresh_seconds else ""
    )
    return HTMLResponse(
        _SHELL.format(
            title=html.escape(title),
            refresh=refresh,
            css=css,
            body=f'<div class="card">{body}</div>' if card else body,
        ),
        status_code=status,
        headers=dict(headers) if headers else None,
    )
