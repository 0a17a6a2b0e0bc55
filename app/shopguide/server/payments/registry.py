"""The providers this server offers, built once from its settings."""

from __future__ import annotations

from collections.abc import Mapping

from shopguide.server.config import Settings
from shopguide.server.payments.alipay import AlipayProvider
from shopguide.server.payments.emv_provider import EmvProvider
from shopguide.server.payments.providers import Provider, SandboxProvider


def build_providers(settings: Settings) -> dict[str, Provider]:
    """Sandbox where asked for (its Pay button moves no money); EMV always; Alipay if set up."""
    providers: list[Provider] = [
        EmvProvider(secret_key=settings.secret_key, acquirer_secret=settings.emv_acquirer_secret)
    ]
    if settings.alipay_app_id:
        providers.append(AlipayProvider.from_settings(settings))
    if settings.sandbox_payments:
        providers.append(SandboxProvider())
    return {provider.name: provider for provider in providers}


PREFERENCE = ("sandbox", "alipay", "emv")


def default_provider(settings: Settings, providers: Mapping[str, Provider]) -> str:
    """The configured provider, else the first offered in `PREFERENCE` order."""
    if settings.payment_provider:
        return settings.payment_provider
    return next(name for name in PREFERENCE if name in providers)
