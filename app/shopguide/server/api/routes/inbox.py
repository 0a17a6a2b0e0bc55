"""A store's inbox: the reservations and transfers it holds, sends or waits for.

Answering them is done by pushing mutations (`reservation.answer`,
`transfer.ship`, ...), so an answer given offline arrives exactly once;
this is the online reading. Tablets also keep it offline through the
`inbox:<store>` sync scope.
"""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, Query

from shopguide.server.api.deps import CurrentUser, IdPath, SessionDep
from shopguide.server.models import Store
from shopguide.server.services import inbox as inbox_service
from shopguide.server.services.errors import Forbidden, NotFound

router = APIRouter(tags=["inbox"])


@router.get("/stores/{store_id}/inbox", responses={403: {}, 404: {}})
def read_inbox(
    store_id: IdPath,
    user: CurrentUser,
    session: SessionDep,
    state: Annotated[
        Literal["open", "all"],
        Query(description="open: still to act on; all: the newest 200 of each, any status"),
    ] = "open",
) -> inbox_service.Inbox:
    if not user.is_admin and user.store_id != store_id:
        raise Forbidden("a store's inbox is for its own staff")
    if session.get(Store, store_id) is None:
        raise NotFound(f"no store with id {store_id}")
    return inbox_service.read_inbox(session, store_id, open_only=state == "open")
