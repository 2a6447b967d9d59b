"""``/changes``: every case change in commit order, which the consoles' replicas follow."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query

from operator_console.server import feed
from operator_console.server.db import transaction
from operator_console.server.deps import API, AUTH_ERRORS, Anyone, RuntimeDep
from operator_console.server.problems import responses
from operator_console.server.schemas import ChangesPage

router = APIRouter(tags=["cases"])


@router.get(f"{API}/changes", response_model=ChangesPage, responses=responses(*AUTH_ERRORS))
def changes(
    rt: RuntimeDep,
    who: Anyone,
    after: Annotated[
        int, Query(ge=0, le=2**53, description="The last seq seen; 0 or left out: from the start")
    ] = 0,
    limit: Annotated[int, Query(ge=1, le=1000)] = 500,
) -> ChangesPage:
    """Every case change in commit order, for the consoles' replicas. Never skips one."""
    with transaction(rt.reads) as session:
        return feed.changes_after(
            session, rt.reference, who, after, min(limit, rt.config.limits.max_changes_page)
        )
