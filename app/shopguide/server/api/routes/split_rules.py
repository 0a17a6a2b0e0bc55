"""Revenue split rules: the brand's and each store's, read by managers, set by admins.

A rule is never edited in place: a new one takes over from its
`active_from`, so the split of orders paid earlier stays explained by the
rule each entry names (`split_entry.rule_id`).
"""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Any, Self

from fastapi import APIRouter, Query
from pydantic import AwareDatetime, BaseModel, Field, model_validator
from sqlmodel import col, or_, select

from shopguide.core.split import Party, Share, ShareKind, SplitRule
from shopguide.server.api.deps import MAX_ID, CurrentUser, SessionDep
from shopguide.server.models import Role, Store
from shopguide.server.models import SplitRule as StoredRule
from shopguide.server.models.types import utcnow
from shopguide.server.services.errors import Forbidden, NotFound, Unprocessable

router = APIRouter(prefix="/split-rules", tags=["revenue split"])


class ShareIn(BaseModel):
    party: Party
    kind: ShareKind
    value: int = Field(default=0, ge=0, le=2**31 - 1, description="basis points or minor units")


class SplitRuleIn(BaseModel):
    """A rule for the brand (`brand_id`) or one store (`store_id`), in force from `active_from`."""

    brand_id: int | None = Field(default=None, ge=1, le=MAX_ID)
    store_id: int | None = Field(default=None, ge=1, le=MAX_ID)
    parties: list[ShareIn] = Field(min_length=1, max_length=len(Party))
    active_from: AwareDatetime | None = Field(default=None, description="default: now")

    @model_validator(mode="after")
    def _adds_up(self) -> Self:
        if (self.brand_id is None) == (self.store_id is None):
            raise ValueError("give exactly one of brand_id or store_id")
        SplitRule(tuple(Share(s.party, s.kind, s.value) for s in self.parties))  # or ValueError
        return self


class SplitRulePublic(BaseModel):
    id: int
    brand_id: int | None
    store_id: int | None
    parties: list[dict[str, Any]]
    active_from: datetime
    created_at: datetime


@router.get("", responses={403: {}, 404: {}})
def list_rules(
    user: CurrentUser,
    session: SessionDep,
    store_id: Annotated[int, Query(ge=1, le=MAX_ID, description="the store whose rules apply")],
) -> list[SplitRulePublic]:
    """The rules that can apply to a store's orders (its own and its brand's), newest first."""
    user.require_role(Role.MANAGER)
    if not user.is_admin and user.store_id != store_id:
        raise Forbidden("managers see their own store's rules only")
    store = session.get(Store, store_id)
    if store is None:
        raise NotFound(f"no store with id {store_id}")
    rules = session.exec(
        select(StoredRule)
        .where(
            or_(col(StoredRule.store_id) == store_id, col(StoredRule.brand_id) == store.brand_id)
        )
        .order_by(col(StoredRule.active_from).desc(), col(StoredRule.id).desc())
    ).all()
    return [SplitRulePublic.model_validate(rule, from_attributes=True) for rule in rules]


@router.post("", status_code=201, responses={403: {}, 404: {}, 422: {}})
def add_rule(body: SplitRuleIn, user: CurrentUser, session: SessionDep) -> SplitRulePublic:
    """A new rule, taking over from `active_from` (admins only: it moves everyone's money)."""
    if not user.is_admin:
        raise Forbidden("only an admin sets split rules")
    if body.store_id is not None and session.get(Store, body.store_id) is None:
        raise NotFound(f"no store with id {body.store_id}")
    if (
        body.brand_id is not None
        and session.exec(select(Store.id).where(Store.brand_id == body.brand_id)).first() is None
    ):
        raise Unprocessable(f"brand {body.brand_id} has no stores")
    rule = StoredRule(
        brand_id=body.brand_id,
        store_id=body.store_id,
        parties=[s.model_dump(mode="json") for s in body.parties],
        active_from=body.active_from or utcnow(),
        created_by=user.user_id,
    )
    session.add(rule)
    session.commit()
    return SplitRulePublic.model_validate(rule, from_attributes=True)
