"""A console sends cases to the central server: created once, numbered, routed, followed up."""

from __future__ import annotations

import re
from typing import Any

import requests

from tests.server.harness import UNIT_A, Server, key, new_case


def create(
    http: requests.Session, server: Server, body: dict[str, Any], idem: str | None = None
) -> requests.Response:
    headers = {"Idempotency-Key": idem or key()}
    return http.post(server.api("/cases"), json=body, headers=headers, timeout=30)


def test_a_new_case_gets_a_yearly_number_and_the_unit_of_its_ward(server: Server) -> None:
    http = server.session("operator")
    answer = create(http, server, new_case())
    assert answer.status_code == 201, answer.text
    case = answer.json()
    assert re.fullmatch(r"1022-\d{4}-\d{6,}", case["case_number"])
    assert case["handling_unit"] == UNIT_A
    assert case["handling_unit_name"] == "UBND Phường Sài Gòn"
    assert case["status"] == "dispatched"
    assert case["caller_phone"] == "0903123456"
    assert answer.headers["Location"].endswith(case["id"])
    second = create(http, server, new_case()).json()
    first_n, second_n = int(case["case_number"][-6:]), int(second["case_number"][-6:])
    assert second_n > first_n


def test_policy_support_goes_to_the_social_affairs_department(server: Server) -> None:
    case = create(
        server.session("operator"), server, new_case(category="policy_support/covid_package")
    ).json()
    assert case["handling_unit"] == "so-ldtbxh"


def test_a_case_without_a_ward_goes_to_triage_never_nowhere(server: Server) -> None:
    case = create(server.session("operator"), server, new_case(ward="", address="gần chợ")).json()
    assert case["handling_unit"] == "1022-triage"
    assert case["ward_needs_check"] is True


def test_the_same_key_and_body_again_gives_the_first_answer_back(server: Server) -> None:
    http = server.session("operator")
    idem = key()
    first = create(http, server, new_case(), idem)
    again = http.post(
        server.api("/cases"), json=new_case(), headers={"Idempotency-Key": f'"{idem}"'}, timeout=30
    )
    assert again.status_code == 201
    assert again.json() == first.json()
    assert again.headers["Idempotent-Replayed"] == "true"
    assert "Idempotent-Replayed" not in first.headers


def test_the_same_key_with_another_body_is_refused(server: Server) -> None:
    http = server.session("operator")
    idem = key()
    create(http, server, new_case(), idem)
    other = create(http, server, new_case(description="Một nhu cầu khác"), idem)
    assert other.status_code == 422
    assert other.headers["Content-Type"] == "application/problem+json"
    assert other.json()["code"] == "idempotency_key_reused"


def test_a_post_without_a_key_is_refused(server: Server) -> None:
    answer = server.session("operator").post(server.api("/cases"), json=new_case(), timeout=30)
    assert answer.status_code == 400
    assert answer.json()["code"] == "idempotency_key_missing"


def test_keys_belong_to_the_desk_so_another_case_under_a_used_key_is_refused(server: Server) -> None:
    idem = key()
    mine = create(server.session("operator"), server, new_case(), idem)
    assert mine.status_code == 201
    other = create(server.session("operator2"), server, new_case(caller_name="Người khác"), idem)
    assert other.status_code == 422 and other.json()["code"] == "idempotency_key_reused"


def test_a_refused_case_releases_its_key_so_the_corrected_one_goes_through(server: Server) -> None:
    http = server.session("operator")
    idem = key()
    bad = create(http, server, new_case(caller_phone="0903 12"), idem)
    assert bad.status_code == 422
    good = create(http, server, new_case(), idem)
    assert good.status_code == 201


def test_a_wrong_field_is_named_and_explained_in_vietnamese_or_english(server: Server) -> None:
    http = server.session("operator")
    vi = create(http, server, new_case(caller_phone="0903 12"))
    assert vi.status_code == 422
    problem = vi.json()
    assert problem["code"] == "validation"
    assert problem["errors"][0]["field"] == "caller_phone"
    assert "quá ngắn" in problem["errors"][0]["message"]
    http.headers["Accept-Language"] = "en-GB,en;q=0.9"
    en = create(http, server, new_case(caller_phone="0903 12")).json()
    assert "too short" in en["errors"][0]["message"]
    unknown = create(http, server, new_case(favourite_colour="blue")).json()
    assert unknown["errors"][0]["field"] == "favourite_colour"
    category = create(http, server, new_case(category="pizza")).json()
    assert category["errors"][0]["field"] == "category"


def test_a_repeat_call_becomes_a_contact_and_raises_the_repeat_count(server: Server) -> None:
    http = server.session("operator")
    case = create(http, server, new_case()).json()
    contact = {
        "caller_phone": "0912 000 111",
        "caller_name": "Trần Văn Bình",
        "relation": "neighbour",
        "note": "Chưa ai đến",
    }
    idem = key()
    url = server.api(f"/cases/{case['id']}/contacts")
    first = http.post(url, json=contact, headers={"Idempotency-Key": idem}, timeout=30)
    again = http.post(url, json=contact, headers={"Idempotency-Key": idem}, timeout=30)
    assert first.status_code == again.status_code == 201
    assert again.json()["repeat_count"] == 1
    detail = http.get(server.api(f"/cases/{case['id']}"), timeout=30).json()
    assert [c["caller_name"] for c in detail["contacts"]] == ["Trần Văn Bình"]
    assert detail["contacts"][0]["caller_phone"] == "0912000111"


def test_merging_closes_the_case_into_the_other_and_keeps_both_histories(server: Server) -> None:
    http = server.session("operator")
    older = create(http, server, new_case()).json()
    newer = create(http, server, new_case(caller_name="Lê Văn Tám", caller_relation="neighbour")).json()
    answer = http.post(
        server.api(f"/cases/{newer['id']}/links"),
        json={"target_id": older["id"], "kind": "merged", "note": "cùng hộ"},
        headers={"Idempotency-Key": key()},
        timeout=30,
    )
    assert answer.status_code == 201, answer.text
    assert answer.json()["status"] == "merged"
    assert answer.json()["merged_into"] == older["id"]
    target = http.get(server.api(f"/cases/{older['id']}"), timeout=30).json()
    assert target["repeat_count"] == 1
    assert [(link["case_id"], link["kind"]) for link in target["links"]] == [(newer["id"], "merged")]
    related = http.post(
        server.api(f"/cases/{older['id']}/links"),
        json={"target_id": newer["id"], "kind": "related"},
        headers={"Idempotency-Key": key()},
        timeout=30,
    )
    assert related.status_code == 201


def test_a_unit_accepts_notes_and_resolves_and_the_history_says_who_and_when(server: Server) -> None:
    case = create(server.session("operator"), server, new_case()).json()
    unit = server.session("unit")
    url = server.api(f"/cases/{case['id']}")
    assert unit.patch(url, json={"status": "accepted"}, timeout=30).status_code == 200
    assert unit.patch(url, json={"note": "Đã gọi lại, hẹn chiều nay"}, timeout=30).status_code == 200
    refused = unit.patch(url, json={"status": "rejected"}, timeout=30)
    assert refused.status_code == 422
    assert refused.json()["errors"][0]["field"] == "reason"
    done = unit.patch(url, json={"status": "resolved", "note": "Đã trao 10 kg gạo"}, timeout=30).json()
    assert done["status"] == "resolved"
    assert done["closed_at"] is not None
    history = [(e["kind"], e["status"], e["by"]) for e in done["history"]]
    assert history == [
        ("created", "dispatched", "op"),
        ("status", "accepted", "unit-a"),
        ("note", None, "unit-a"),
        ("status", "resolved", "unit-a"),
    ]
    assert done["history"][2]["note"] == "Đã gọi lại, hẹn chiều nay"
    backwards = unit.patch(url, json={"status": "accepted"}, timeout=30)
    assert backwards.status_code == 422
    assert backwards.json()["code"] == "transition"


def test_a_supervisor_reroutes_a_case_and_the_new_unit_sees_it(server: Server) -> None:
    case = create(server.session("operator"), server, new_case(ward="", address="không rõ")).json()
    assert case["handling_unit"] == "1022-triage"
    url = server.api(f"/cases/{case['id']}")
    moved = server.session("supervisor").patch(
        url, json={"handling_unit": UNIT_A, "note": "Phường Sài Gòn"}, timeout=30
    )
    assert moved.status_code == 200
    assert server.session("unit").get(url, timeout=30).json()["handling_unit"] == UNIT_A


def test_the_list_filters_and_pages_without_repeating_a_case(server: Server) -> None:
    http = server.session("operator")
    phone = "0987 654 321"
    made = {create(http, server, new_case(caller_phone=phone)).json()["id"] for _ in range(5)}
    seen: list[str] = []
    cursor = None
    while True:
        params: dict[str, str | int] = {"phone": "+84987654321", "limit": 2}
        if cursor:
            params["cursor"] = cursor
        page = http.get(server.api("/cases"), params=params, timeout=30).json()
        seen += [c["id"] for c in page["items"]]
        cursor = page["next_cursor"]
        if not cursor:
            break
    assert set(seen) == made
    assert len(seen) == len(made)
    too_many = http.get(server.api("/cases"), params={"limit": 5000}, timeout=30)
    assert too_many.status_code == 422
    assert too_many.json()["errors"][0]["field"] == "limit"


def test_the_changes_feed_gives_every_change_in_order_from_any_cursor(server: Server) -> None:
    http = server.session("operator")
    start = http.get(server.api("/changes"), params={"after": 0, "limit": 1}, timeout=30).json()
    assert start["items"] and start["items"][0]["seq"] >= 1
    case = create(http, server, new_case()).json()
    server.session("unit").patch(server.api(f"/cases/{case['id']}"), json={"status": "accepted"}, timeout=30)
    after = 0
    mine = []
    while True:
        page = http.get(server.api("/changes"), params={"after": after, "limit": 1000}, timeout=30).json()
        if not page["items"]:
            break
        seqs = [item["seq"] for item in page["items"]]
        assert seqs == sorted(seqs) and seqs[0] > after
        mine += [(i["kind"], i["case"]["status"]) for i in page["items"] if i["case_id"] == case["id"]]
        after = page["next_after"]
    assert mine == [("created", "accepted"), ("status", "accepted")]


def test_reference_data_units_categories_and_rules(server: Server) -> None:
    http = server.session("unit")
    units = {u["code"]: u for u in http.get(server.api("/units"), timeout=30).json()}
    assert len([u for u in units.values() if u["kind"] == "ward"]) == 168
    assert {"so-ldtbxh", "1022-triage"} <= set(units)
    categories = [c["code"] for c in http.get(server.api("/categories"), timeout=30).json()]
    assert "essential_supplies" in categories and "policy_support/covid_package" in categories
    rules = http.get(server.api("/routing-rules"), timeout=30).json()
    assert rules["fallback_unit"] == "1022-triage"
    assert len(rules["rules"]) == 169


def test_a_note_given_with_a_status_or_an_unchanged_unit_is_kept(server: Server) -> None:
    case = create(server.session("operator"), server, new_case()).json()
    url = server.api(f"/cases/{case['id']}")
    supervisor = server.session("supervisor")
    supervisor.patch(
        url, json={"handling_unit": case["handling_unit"], "note": "Giữ nguyên đơn vị"}, timeout=30
    )
    done = supervisor.patch(
        url,
        json={"status": "not_eligible", "reason": "Đã nhận đợt 2", "note": "Đã gọi báo cho người dân"},
        timeout=30,
    ).json()
    notes = [(e["kind"], e["note"]) for e in done["history"][1:]]
    assert notes == [
        ("note", "Giữ nguyên đơn vị"),
        ("status", "Đã nhận đợt 2"),
        ("note", "Đã gọi báo cho người dân"),
    ]
    nothing = supervisor.patch(url, json={"handling_unit": case["handling_unit"]}, timeout=30)
    assert nothing.status_code == 422


def test_a_case_rerouted_away_leaves_the_old_units_feed_as_a_removal(server: Server) -> None:
    unit = server.session("unit")
    start = _feed_end(unit, server)
    case = create(server.session("operator"), server, new_case()).json()
    page = unit.get(server.api("/changes"), params={"after": start, "limit": 1000}, timeout=30).json()
    assert [(i["kind"], i["case"]["id"]) for i in page["items"] if i["case_id"] == case["id"]] == [
        ("created", case["id"])
    ]
    url = server.api(f"/cases/{case['id']}")
    server.session("supervisor").patch(url, json={"handling_unit": "so-ldtbxh"}, timeout=30)
    items = unit.get(server.api("/changes"), params={"after": page["next_after"]}, timeout=30).json()["items"]
    # The case left the unit: the unit hears it (with no case data: it is no longer theirs).
    assert [(i["kind"], i["case"]) for i in items if i["case_id"] == case["id"]] == [("routed", None)]


def test_the_feed_read_from_a_middle_cursor_gives_exactly_what_follows_it(server: Server) -> None:
    http = server.session("monitor")
    for _ in range(3):
        create(server.session("operator"), server, new_case())
    everything = _all_seqs(http, server, 0)
    middle = everything[len(everything) // 2]
    assert _all_seqs(http, server, middle) == [s for s in everything if s > middle]


def test_times_outside_the_years_2000_to_2099_are_refused_by_field(server: Server) -> None:
    http = server.session("operator")
    old = create(http, server, new_case(received_at="0001-01-01T00:00:00+07:00"))
    assert old.status_code == 422 and old.json()["errors"][0]["field"] == "received_at"
    listed = http.get(server.api("/cases"), params={"received_from": "9999-12-31T23:59:59-10:00"}, timeout=30)
    assert listed.status_code == 422 and listed.json()["errors"][0]["field"] == "received_from"


def _all_seqs(http: requests.Session, server: Server, after: int) -> list[int]:
    out: list[int] = []
    while True:
        page = http.get(server.api("/changes"), params={"after": after, "limit": 1000}, timeout=30).json()
        if not page["items"]:
            return out
        out += [i["seq"] for i in page["items"]]
        after = page["next_after"]


def _feed_end(http: requests.Session, server: Server) -> int:
    seqs = _all_seqs(server.session("monitor"), server, 0)
    return seqs[-1] if seqs else 0


def test_a_case_sent_again_under_the_next_shifts_login_is_answered_again_not_made_twice(
    server: Server,
) -> None:
    # Operator op saved it; the console never heard the answer; op went off shift and op2 logged in.
    body, k = new_case(caller_name="Đổi ca"), key()
    first = server.session("operator").post(
        server.api("/cases"), json=body, headers={"Idempotency-Key": k}, timeout=30
    )
    again = server.session("operator2").post(
        server.api("/cases"), json=body, headers={"Idempotency-Key": k}, timeout=30
    )
    assert first.status_code == again.status_code == 201
    assert again.headers.get("Idempotent-Replayed") == "true"
    assert again.json()["id"] == first.json()["id"]


def test_filters_match_exactly_and_an_unknown_value_is_refused(server: Server) -> None:
    """% and _ are not wildcards, codes are not case-blind, and a filter value that does not exist
    is a mistake said as such (422), not an empty list."""
    http = server.session("supervisor")
    made = http.post(
        server.api("/cases"),
        json=new_case(category="essential_supplies/food"),
        headers={"Idempotency-Key": key()},
        timeout=30,
    ).json()
    query: dict[str, str | int] = {"category": "essential_supplies", "limit": 500}
    found = http.get(server.api("/cases"), params=query, timeout=30)
    assert made["id"] in {c["id"] for c in found.json()["items"]}  # a top level holds its sub-categories
    for name, value in (
        ("category", "%"),
        ("category", "essential%"),
        ("category", "ESSENTIAL_SUPPLIES"),
        ("category", "essential_supplie_"),
        ("status", "nope"),
        ("channel", "fax"),
        ("priority", "urgentissimo"),
    ):
        answer = http.get(server.api("/cases"), params={name: value}, timeout=30)
        assert answer.status_code == 422, (name, value, answer.text)
        assert name in answer.text


def test_a_method_a_path_does_not_take_is_answered_405_with_the_methods_it_does(server: Server) -> None:
    """RFC 9110: a 405 names what the resource takes (each route module adds its own methods)."""
    http = server.session("admin")
    for path, allowed in (("/cases", "GET, POST"), ("/units", "GET, POST"), ("/auth/token", "DELETE, POST")):
        answer = http.put(server.api(path), json={}, timeout=30)
        assert answer.status_code == 405, path
        assert answer.headers["Allow"] == allowed, path
        assert answer.json()["code"] == "http_405"
