"""One module per resource; `api_router` mounts them all under /api/v1."""

from fastapi import APIRouter

from shopguide.server.api.routes import (
    auth,
    catalog,
    members,
    orders,
    payments,
    stock,
    stores,
    sync,
    users,
)

api_router = APIRouter(prefix="/api/v1")
for module in (auth, users, stores, catalog, stock, members, sync, orders, payments):
    api_router.include_router(module.router)
