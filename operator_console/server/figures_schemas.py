"""The supervisor's figures (``GET /stats/queue``) and the routing rules in force (``GET
/routing-rules``) as typed bodies: the OpenAPI document publishes them, the server's answer is
checked against them, and the console's reader is checked against the published document
(``tests/test_figures_contract.py``), so that neither side drifts from the other unseen.

Times are Ho Chi Minh City's, with their offset; counts are whole numbers; a ratio or an average
is ``null`` while there is nothing to divide.
"""

from __future__ import annotations

from typing import Literal

from pydantic import AwareDatetime, BaseModel, Field


class Received(BaseModel):
    total: int
    by_channel: dict[str, int] = Field(description="Cases received, by channel (phone, web, zalo, app, …).")


class UnitBacklog(BaseModel):
    unit: str = Field(description="The handling unit's code (the triage desk's for cases not routed yet).")
    name: str
    open: int
    oldest_received_at: AwareDatetime | None


class WardBacklog(BaseModel):
    ward_code: int | None = Field(description="Today's official ward code (null: the ward is not known).")
    ward_name: str
    open: int
    oldest_received_at: AwareDatetime | None


class AgeBar(BaseModel):
    from_h: int
    to_h: int | None = Field(description="null: the last bar, older than ``from_h`` hours.")
    open: int


class OverdueGroup(BaseModel):
    category: str
    priority: str
    deadline_h: float = Field(gt=0, description="The deadline in force for this category and priority.")
    past: int = Field(description="Open cases of the group past their deadline.")
    oldest_received_at: AwareDatetime | None


class PastDeadline(BaseModel):
    total: int
    by_category: list[OverdueGroup] = Field(description="The groups with late cases, the most late first.")


class DeadlineTable(BaseModel):
    default: dict[str, float] = Field(description="Hours by priority, for any category not listed.")
    categories: dict[str, dict[str, float]]


class Arrivals(BaseModel):
    first_hour: AwareDatetime
    by_hour: list[dict[str, int]] = Field(
        description="Cases received in each hour from ``first_hour`` on, by channel (168 hours, this last)."
    )


class AgentCounts(BaseModel):
    available: int
    on_call: int
    after_call_work: int


class OperatorLine(BaseModel):
    username: str
    operator: str
    version: str
    outbox_size: int
    last_seen: AwareDatetime | None
    state: Literal["available", "on_call", "after_call_work"]
    cases_last_hour: int
    cases_today: int
    average_handling_s: float | None


class Consoles(BaseModel):
    on_shift: int = Field(description="Consoles that sent a heartbeat in the last few minutes.")
    outbox_waiting: int
    outbox_oldest_waiting_s: int
    agents: AgentCounts
    operators: list[OperatorLine]


class PhoneFigures(BaseModel):
    """The telephone queue, from the exchange's call events (today: since midnight in the city)."""

    waiting: int
    oldest_wait_s: int
    offered_today: int
    answered_today: int
    answered_within_20s: int
    service_level: float | None = Field(description="Answered within 20 s over those counted.")
    counted_for_service_level: int = Field(description="Offered less those abandoned within 5 s.")
    abandoned_today: int
    abandon_rate: float | None
    average_answer_s: float | None
    average_handle_s: float | None
    operators_on_call: int


class QueueStats(BaseModel):
    generated_at: AwareDatetime
    received_today: Received
    received_last_hour: Received
    open_by_status: dict[str, int]
    open_total: int
    oldest_open_received_at: AwareDatetime | None
    repeat_contacts_today: int
    repeated_cases_today: int
    repeat_rate_today: float | None
    backlog_by_unit: list[UnitBacklog] = Field(description="The most open cases first.")
    backlog_by_ward: list[WardBacklog] = Field(description="The most open cases first.")
    ageing: list[AgeBar]
    past_deadline: PastDeadline
    deadlines: DeadlineTable
    arrivals: Arrivals
    consoles: Consoles
    calls: PhoneFigures


class RoutingRule(BaseModel):
    category: str | None = Field(default=None, description="null: any category.")
    ward_code: int | None = Field(default=None, description="null: any ward.")
    unit: str


class RoutingRules(BaseModel):
    fallback_unit: str = Field(description="Where a case goes that no rule takes: the triage desk.")
    rules: list[RoutingRule] = Field(description="The first rule that matches a case routes it.")
    last_error: str | None = Field(
        description="Why the rules file could not be read when it last changed (the rules before it stay)."
    )
