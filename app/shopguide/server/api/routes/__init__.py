"""One module per resource; `api_router` mounts them all under /api/v1."""

from fastapi import APIRouter

from shopguide.server.api.routes import (
    auth,
    catalog,
    diagnostics,
    inbox,
    manager,
    members,
    orders,
    payments,
    split_rules,
    stock,
    stores,
    sync,
    users,
)

api_router = APIRouter(prefix="/api/v1")
for module in (
    auth,
    users,
    stores,
    catalog,
    stock,
    members,
    sync,
    orders,
    payments,
    inbox,
    manager,
    split_rules,
    diagnostics,
):
    api_router.include_router(module.router)
