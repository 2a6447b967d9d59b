"""People change a case at the same time, from several consoles, some of them offline for a while:
nothing is overwritten unseen, a change sent twice is made once, and the history says who changed
what from what to what. (SQLite and PostgreSQL, over HTTP.)"""

from __future__ import annotations

from typing import Any

import requests

from tests.server.harness import UNIT_A, UNIT_B, Server, key, new_case


def _create(server: Server, **fields: Any) -> dict[str, Any]:
    answer = server.session("operator").post(
        server.api("/cases"), json=new_case(**fields), headers={"Idempotency-Key": key()}, timeout=30
    )
    assert answer.status_code == 201, answer.text
    return dict(answer.json())


def _patch(
    http: requests.Session,
    url: str,
    body: dict[str, Any],
    *,
    etag: str | None = None,
    idem: str | None = None,
) -> requests.Response:
    headers = {}
    if etag is not None:
        headers["If-Match"] = etag
    if idem is not None:
        headers["Idempotency-Key"] = idem
    return http.patch(url, json=body, headers=headers, timeout=30)


def test_two_people_change_one_case_and_the_second_is_told_instead_of_overwriting(server: Server) -> None:
    case = _create(server)
    url = server.api(f"/cases/{case['id']}")
    unit, supervisor = server.session("unit"), server.session("supervisor")
    opened_by_unit = unit.get(url, timeout=30)
    opened_by_supervisor = supervisor.get(url, timeout=30)
    assert opened_by_unit.headers["ETag"] == opened_by_supervisor.headers["ETag"] == f'"v{case["version"]}"'

    accepted = _patch(unit, url, {"status": "accepted"}, etag=opened_by_unit.headers["ETag"])
    assert accepted.status_code == 200, accepted.text
    assert accepted.headers["ETag"] != opened_by_unit.headers["ETag"]

    late = _patch(
        supervisor,
        url,
        {"priority": "urgent", "note": "Cụ ở một mình"},
        etag=opened_by_supervisor.headers["ETag"],
    )
    assert late.status_code == 412
    assert late.json()["code"] == "stale"
    assert "người khác thay đổi" in late.json()["title"]  # in Vietnamese by default
    assert late.headers["ETag"] == accepted.headers["ETag"]
    now = supervisor.get(url, timeout=30).json()
    assert now["priority"] == case["priority"]  # nothing of the late change was applied
    assert [(e["kind"], e["by"], e["from_status"], e["status"]) for e in now["history"][1:]] == [
        ("status", "unit-a", "dispatched", "accepted")  # what the other person did
    ]
    # Any tag of the list may match (RFC 9110): the old one and the one just read.
    either = f"{opened_by_supervisor.headers['ETag']}, {late.headers['ETag']}"
    again = _patch(supervisor, url, {"priority": "urgent", "note": "Cụ ở một mình"}, etag=either)
    assert again.status_code == 200, again.text
    assert again.json()["priority"] == "urgent"


def test_a_change_sent_again_after_an_outage_is_made_once(server: Server) -> None:
    case = _create(server)
    url = server.api(f"/cases/{case['id']}")
    unit = server.session("unit")
    etag, idem = f'"v{case["version"]}"', key()
    first = _patch(unit, url, {"status": "accepted", "note": "Tổ dân phố đang đến"}, etag=etag, idem=idem)
    assert first.status_code == 200, first.text
    # The answer was lost on the way back: the console's outbox sends the same change again.
    again = _patch(unit, url, {"status": "accepted", "note": "Tổ dân phố đang đến"}, etag=etag, idem=idem)
    assert again.status_code == 200, again.text
    assert again.headers["Idempotent-Replayed"] == "true"
    assert again.json()["version"] == first.json()["version"]
    assert [e["kind"] for e in again.json()["history"]] == ["created", "status"]
    other = _patch(unit, url, {"note": "Khác"}, etag=etag, idem=idem)
    assert other.status_code == 422 and other.json()["code"] == "idempotency_key_reused"


def test_every_change_says_who_changed_what_from_what_to_what(server: Server) -> None:
    case = _create(server)
    url = server.api(f"/cases/{case['id']}")
    supervisor, unit_b = server.session("supervisor"), server.session("unit_b")
    assert _patch(supervisor, url, {"handling_unit": UNIT_B, "note": "Nhà ở Tân Bình"}).status_code == 200
    assert _patch(supervisor, url, {"priority": "critical"}).status_code == 200
    assert _patch(unit_b, url, {"status": "accepted"}).status_code == 200
    called = _patch(server.session("operator"), url, {"callback": "not_reached", "note": "Máy bận"})
    assert called.status_code == 200, called.text
    done = _patch(unit_b, url, {"status": "not_eligible", "reason": "Đã nhận hỗ trợ đợt 2"}).json()
    said = (
        "kind",
        "by",
        "from_unit",
        "unit",
        "from_priority",
        "priority",
        "from_status",
        "status",
        "outcome",
    )
    changes = [tuple(e[name] for name in (*said, "note")) for e in done["history"][1:]]
    assert changes == [
        ("routed", "sup", UNIT_A, UNIT_B, None, None, None, None, None, "Nhà ở Tân Bình"),
        ("priority", "sup", None, None, case["priority"], "critical", None, None, None, ""),
        ("status", "unit-b", None, None, None, None, "dispatched", "accepted", None, ""),
        ("callback", "op", None, None, None, None, None, None, "not_reached", "Máy bận"),
        (
            "status",
            "unit-b",
            None,
            None,
            None,
            None,
            "accepted",
            "not_eligible",
            None,
            "Đã nhận hỗ trợ đợt 2",
        ),
    ]
    versions = [c["version"] for c in (case, done)]
    assert versions[1] >= versions[0] + 5


def test_a_closed_case_takes_a_call_back_and_nothing_else(server: Server) -> None:
    case = _create(server)
    url = server.api(f"/cases/{case['id']}")
    unit, supervisor = server.session("unit"), server.session("supervisor")
    assert _patch(unit, url, {"status": "resolved", "note": "Đã trao 10 kg gạo"}).status_code == 200
    for who, body, field in (
        (unit, {"note": "Thêm"}, "note"),
        (supervisor, {"handling_unit": UNIT_B}, "handling_unit"),
        (supervisor, {"priority": "urgent"}, "priority"),
    ):
        refused = _patch(who, url, body)
        assert refused.status_code == 422, (body, refused.text)
        assert refused.json()["code"] == "transition"
        assert refused.json()["errors"][0]["field"] == field
        assert "Hồ sơ đã đóng (Đã giải quyết)" in refused.json()["errors"][0]["message"]
    told = _patch(server.session("operator"), url, {"callback": "reached", "note": "Đã báo bà đã nhận gạo"})
    assert told.status_code == 200, told.text
    assert told.json()["history"][-1]["kind"] == "callback" and told.json()["status"] == "resolved"


def test_who_may_change_what(server: Server) -> None:
    case = _create(server)
    url = server.api(f"/cases/{case['id']}")
    operator, unit = server.session("operator"), server.session("unit")
    for who, body in (
        (operator, {"status": "accepted"}),
        (operator, {"note": "Chỉ ghi chú"}),  # an operator's note goes with a call back
        (operator, {"priority": "urgent", "callback": "reached"}),
        (unit, {"priority": "urgent"}),
        (unit, {"handling_unit": UNIT_B}),
        (server.session("monitor"), {"callback": "reached"}),
    ):
        assert _patch(who, url, body).status_code == 403, body
    after = unit.get(url, timeout=30).json()
    assert after["version"] == case["version"] and len(after["history"]) == 1
    # Another unit's handler does not see the case at all.
    assert _patch(server.session("unit_b"), url, {"status": "accepted"}).status_code == 404


def test_the_changes_feed_carries_each_cases_version(server: Server) -> None:
    http = server.session("operator")
    start = http.get(server.api("/changes"), params={"after": 0, "limit": 1}, timeout=30).json()
    after = start["next_after"]
    case = _create(server)
    accepted = _patch(server.session("unit"), server.api(f"/cases/{case['id']}"), {"status": "accepted"})
    page = http.get(server.api("/changes"), params={"after": after, "limit": 1000}, timeout=30).json()
    versions = {i["case"]["version"] for i in page["items"] if i["case_id"] == case["id"]}
    assert versions == {accepted.json()["version"]}
    assert accepted.headers["ETag"] == f'"v{accepted.json()["version"]}"'


def test_an_operator_on_triage_duty_routes_what_waits_at_triage_and_nothing_else(server: Server) -> None:
    admin = server.session("admin")
    waiting = _create(server, ward="", address="gần chợ")  # no ward: the triage desk routes it
    assert waiting["handling_unit"] == "1022-triage"
    url = server.api(f"/cases/{waiting['id']}")
    route = {"handling_unit": UNIT_A, "note": "Người gọi nói ở gần chợ Bến Thành"}
    assert _patch(server.session("operator2"), url, route).status_code == 403  # no duty yet

    given = admin.patch(server.api("/users/op2"), json={"duties": ["triage"]}, timeout=30)
    assert given.status_code == 200, given.text
    assert given.json()["duties"] == ["triage"]
    triager = server.session("operator2")
    assert triager.get(server.api("/me"), timeout=30).json()["duties"] == ["triage"]
    routed = _patch(triager, url, route, etag=f'"v{waiting["version"]}"')
    assert routed.status_code == 200, routed.text
    assert routed.json()["handling_unit"] == UNIT_A
    event = routed.json()["history"][-1]
    assert (event["kind"], event["by"], event["from_unit"], event["unit"]) == (
        "routed",
        "op2",
        "1022-triage",
        UNIT_A,
    )
    assert event["note"] == route["note"]
    # A second triager who had it open at the same time is told it changed (not that they may not).
    late = _patch(triager, url, {"handling_unit": UNIT_B}, etag=f'"v{waiting["version"]}"')
    assert late.status_code == 412 and late.json()["code"] == "stale"
    # Routed, it is the unit's: the duty does not re-route it, nor change anything else.
    for body in ({"handling_unit": UNIT_B}, {"priority": "urgent"}, {"status": "accepted"}):
        assert _patch(triager, url, body).status_code == 403, body
    another = server.api(f"/cases/{_create(server, ward='')['id']}")
    assert _patch(server.session("operator"), another, route).status_code == 403  # an operator without it

    # Triage is an operator's duty; a unit's focal point is refused it, at the field.
    refused = admin.patch(server.api("/users/unit-a"), json={"duties": ["triage"]}, timeout=30)
    assert refused.status_code == 422 and refused.json()["errors"][0]["field"] == "duties"
    taken_away = admin.patch(server.api("/users/op2"), json={"duties": []}, timeout=30)
    assert taken_away.json()["duties"] == []
    other = _create(server, ward="")
    assert _patch(triager, server.api(f"/cases/{other['id']}"), route).status_code == 403
