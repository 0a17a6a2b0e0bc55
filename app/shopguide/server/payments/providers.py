"""What each payment provider puts in the QR. One interface, chosen per intent.

Only the sandbox exists yet: its QR is the address of the wallet page this
server serves. The EMVCo and Alipay providers arrive with the rest of
issue 6 behind the same interface.
"""

from __future__ import annotations

from typing import Protocol

from shopguide.server.models import Payment


class Provider(Protocol):
    name: str

    def qr_content(self, payment: Payment, *, reference: str, base_url: str) -> str: ...


class SandboxProvider:
    """A wallet page on this server: opening the QR's address and pressing Pay pays."""

    name = "sandbox"

    def qr_content(self, payment: Payment, *, reference: str, base_url: str) -> str:
        return f"{base_url.rstrip('/')}/pay/{reference}"


PROVIDERS: dict[str, Provider] = {p.name: p for p in (SandboxProvider(),)}
