"""The reference data every console reads: the units, the categories, the routing rules in force."""

from __future__ import annotations

from fastapi import APIRouter
from sqlalchemy import select

from operator_console.server.db import transaction
from operator_console.server.deps import API, AUTH_ERRORS, Anyone, RuntimeDep
from operator_console.server.figures_schemas import RoutingRules
from operator_console.server.models import UnitRow
from operator_console.server.problems import responses
from operator_console.server.schemas import CategoryOut, UnitOut

router = APIRouter(tags=["reference"])


@router.get(f"{API}/units", response_model=list[UnitOut], responses=responses(*AUTH_ERRORS))
def units(rt: RuntimeDep, _who: Anyone) -> list[UnitOut]:
    with transaction(rt.reads) as session:
        return [
            UnitOut(code=u.code, name=u.name, kind=u.kind, ward_code=u.ward_code, active=u.active)
            for u in session.scalars(select(UnitRow).order_by(UnitRow.code))
        ]


@router.get(f"{API}/routing-rules", response_model=RoutingRules, responses=responses(*AUTH_ERRORS))
def routing_rules(rt: RuntimeDep, _who: Anyone) -> RoutingRules:
    """The rules in force (reloaded from their file when it changes), and the last reload error."""
    rules = rt.reference.routing.current()
    return RoutingRules.model_validate(rules.as_json() | {"last_error": rt.reference.routing.last_error})


@router.get(f"{API}/categories", response_model=list[CategoryOut], responses=responses(*AUTH_ERRORS))
def categories(rt: RuntimeDep, _who: Anyone) -> list[CategoryOut]:
    return [
        CategoryOut(code=c.code, name_vi=c.label("vi"), name_en=c.label("en"), parent=c.parent)
        for c in rt.reference.taxonomy.categories  # each top level followed by its sub-categories
    ]
