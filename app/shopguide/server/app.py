"""`create_app()`: the one way to build a server, for `serve`, the demo and tests."""

from __future__ import annotations

from fastapi import FastAPI

from shopguide import __version__
from shopguide.server import member_page, receipts, referral_page
from shopguide.server.api.errors import BodySizeLimit, document_errors, install_error_handlers
from shopguide.server.api.routes import api_router
from shopguide.server.config import Settings
from shopguide.server.db import make_engine
from shopguide.server.ops import http as ops
from shopguide.server.payments import wallet
from shopguide.server.payments.registry import build_providers
from shopguide.server.payments.watcher import PaymentWatcher
from shopguide.server.sync.watch import FeedWatcher


def create_app(settings: Settings | None = None) -> FastAPI:
    settings = settings or Settings()
    app = FastAPI(
        title="ShopGuide central server",
        version=__version__,
        description="Catalog, stock, members, orders and sync for ShopGuide tablets.",
    )
    app.state.settings = settings
    app.state.engine = make_engine(settings.database_url, pool_size=settings.db_pool_size)
    app.state.feed_watcher = FeedWatcher(app.state.engine)
    app.state.payment_watcher = PaymentWatcher(app.state.engine)
    app.state.providers = build_providers(settings)
    install_error_handlers(app)
    document_errors(app)
    app.add_middleware(BodySizeLimit, max_bytes=settings.max_body_bytes)
    app.include_router(api_router)
    app.include_router(wallet.router)
    app.include_router(receipts.router)
    app.include_router(member_page.router)
    app.include_router(referral_page.router)
    ops.install(app)  # last: request ids, access log and metrics around all the above
    return app
