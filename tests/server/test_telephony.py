"""The telephone exchange reports calls; the console learns who is calling, the supervisor the queue."""

from __future__ import annotations

import requests

from tests.server.harness import Server, key


def event(server: Server, **fields: str) -> requests.Response:
    return requests.post(
        server.api("/telephony/events"),
        data=fields,
        headers={"X-Exchange-Key": server.keys["exchange"]},
        timeout=30,
    )


def test_an_answered_call_tells_the_operators_console_who_is_calling(scratch_server: Server) -> None:
    server = scratch_server
    call = key()
    assert event(server, event="newCall", callId=call, **{"from": "0903123456"}, to="1022", direction="in").ok
    assert event(server, event="answer", callId=call, user="op").ok
    current = server.session("operator").get(server.api("/telephony/calls/current"), timeout=30).json()
    assert current["from_phone"] == "0903123456"
    assert server.session("operator2").get(server.api("/telephony/calls/current"), timeout=30).json() is None
    assert event(server, event="hangup", callId=call, cause="normalClearing").ok
    assert server.session("operator").get(server.api("/telephony/calls/current"), timeout=30).json() is None


def test_the_queue_figures_count_waiting_answered_and_abandoned_calls(scratch_server: Server) -> None:
    server = scratch_server
    answered, abandoned, waiting = key(), key(), key()
    for call in (answered, abandoned, waiting):
        event(server, event="newCall", callId=call, **{"from": "0903000000"}, direction="in")
    event(server, event="answer", callId=answered, user="op")
    event(server, event="hangup", callId=answered, cause="normalClearing")
    event(server, event="hangup", callId=abandoned, cause="cancel")
    # A late duplicate answer after the hang-up changes nothing.
    event(server, event="answer", callId=abandoned, user="op")
    calls = server.session("supervisor").get(server.api("/stats/queue"), timeout=30).json()["calls"]
    assert calls["offered_today"] == 3
    assert calls["waiting"] == 1
    assert calls["answered_today"] == 1
    assert calls["answered_within_20s"] == 1
    assert calls["abandoned_today"] == 1
    assert calls["abandon_rate"] == round(1 / 3, 4)
    assert calls["average_answer_s"] is not None and calls["average_answer_s"] < 20


def test_an_exchange_without_its_key_is_refused(server: Server) -> None:
    answer = requests.post(
        server.api("/telephony/events"), data={"event": "newCall", "callId": "1"}, timeout=30
    )
    assert answer.status_code == 401
    person = server.session("admin").post(
        server.api("/telephony/events"), data={"event": "newCall", "callId": "1"}, timeout=30
    )
    assert person.status_code == 401


def test_a_ringing_call_tells_the_operators_whose_phones_ring_before_anyone_answers(
    scratch_server: Server,
) -> None:
    server = scratch_server
    call = key()
    answer = requests.post(
        server.api("/telephony/events"),
        data={
            "event": "newCall",
            "callId": call,
            "from": "0283 822 4567",
            "direction": "in",
            "user": ["op", "op2"],
        },
        headers={"X-Exchange-Key": server.keys["exchange"]},
        timeout=30,
    )
    assert answer.ok
    for who in ("operator", "operator2"):
        current = server.session(who).get(server.api("/telephony/calls/current"), timeout=30).json()
        assert current["from_phone"] == "0283 822 4567" and current["answered_at"] is None
    event(server, event="answer", callId=call, user="op2")
    assert server.session("operator").get(server.api("/telephony/calls/current"), timeout=30).json() is None
    assert (
        server.session("operator2").get(server.api("/telephony/calls/current"), timeout=30).json()["operator"]
        == "op2"
    )
