"""The web form, the Zalo bot and the app post through Open311 into the same queue."""

from __future__ import annotations

import requests

from tests.server.harness import UNIT_A, Server, key

FORM = {
    "service_code": "essential_supplies/food",
    "address_string": "45 Nguyễn Trãi, Phường Sài Gòn",
    "first_name": "Thị Lan",
    "last_name": "Phạm",
    "phone": "0909 888 777",
    "description": "Nhà có 2 cháu nhỏ, hết sữa",
}


def test_services_are_our_categories(server: Server) -> None:
    services = requests.get(f"{server.url}/open311/v2/services.json", timeout=30).json()
    codes = {s["service_code"]: s for s in services}
    assert codes["essential_supplies"]["service_name"] == "Nhu yếu phẩm"
    assert codes["essential_supplies/food"]["group"] == "Nhu yếu phẩm"


def test_a_web_request_becomes_a_routed_case_with_its_channel_and_its_status_comes_back(
    server: Server,
) -> None:
    url = f"{server.url}/open311/v2/requests.json"
    created = requests.post(url, data=FORM | {"api_key": server.keys["web"]}, timeout=30)
    assert created.status_code == 201, created.text
    number = created.json()[0]["service_request_id"]
    cases = (
        server.session("supervisor")
        .get(server.api("/cases"), params={"phone": "0909888777"}, timeout=30)
        .json()
    )
    case = next(c for c in cases["items"] if c["case_number"] == number)
    assert case["channel"] == "web"
    assert case["caller_name"] == "Phạm Thị Lan"
    assert case["handling_unit"] == UNIT_A
    one = f"{server.url}/open311/v2/requests/{number}.json"
    status = requests.get(one, params={"api_key": server.keys["web"]}, timeout=30).json()[0]
    assert status["status"] == "open"
    assert status["agency_responsible"] == "UBND Phường Sài Gòn"
    server.session("unit").patch(
        server.api(f"/cases/{case['id']}"),
        json={"status": "not_eligible", "reason": "Đã nhận đợt 2"},
        timeout=30,
    )
    status = requests.get(one, params={"api_key": server.keys["web"]}, timeout=30).json()[0]
    assert status["status"] == "closed"
    assert status["status_notes"] == "Chưa đủ điều kiện: Đã nhận đợt 2"
    listed = requests.get(url, params={"api_key": server.keys["web"], "status": "closed"}, timeout=30).json()
    assert number in {r["service_request_id"] for r in listed}


def test_a_channel_reads_back_only_its_own_requests(server: Server) -> None:
    created = requests.post(
        f"{server.url}/open311/v2/requests.json", data=FORM | {"api_key": server.keys["web"]}, timeout=30
    ).json()
    number = created[0]["service_request_id"]
    other = requests.get(
        f"{server.url}/open311/v2/requests/{number}.json", params={"api_key": server.keys["zalo"]}, timeout=30
    )
    assert other.status_code == 404
    assert other.json() == [{"code": 404, "description": "no such request for this channel"}]


def test_without_a_valid_key_or_a_required_field_the_answer_is_an_open311_error(server: Server) -> None:
    url = f"{server.url}/open311/v2/requests.json"
    no_key = requests.post(url, data=FORM, timeout=30)
    assert no_key.status_code == 403
    assert no_key.json()[0]["code"] == 403
    exchange_key = requests.post(url, data=FORM | {"api_key": server.keys["exchange"]}, timeout=30)
    assert exchange_key.status_code == 403
    missing = requests.post(url, data={"api_key": server.keys["web"], "address_string": "x"}, timeout=30)
    assert missing.status_code == 400
    assert "service_code" in missing.json()[0]["description"]
    bad_phone = requests.post(url, data=FORM | {"api_key": server.keys["web"], "phone": "12"}, timeout=30)
    assert bad_phone.status_code == 400
    assert "caller_phone" in bad_phone.json()[0]["description"]


def test_a_retried_post_with_an_idempotency_key_creates_one_request(server: Server) -> None:
    url = f"{server.url}/open311/v2/requests.json"
    headers = {"Idempotency-Key": key()}
    first = requests.post(
        url, data=FORM | {"api_key": server.keys["zalo"]}, headers=headers, timeout=30
    ).json()
    again = requests.post(
        url, data=FORM | {"api_key": server.keys["zalo"]}, headers=headers, timeout=30
    ).json()
    assert first == again


def test_a_form_sent_as_raw_utf8_keeps_its_vietnamese(server: Server) -> None:
    raw = (
        "api_key={}&service_code=essential_supplies&address_string=45 Nguyễn Trãi, Phường Sài Gòn"
        "&last_name=Phạm&first_name=Lan"
    )
    created = requests.post(
        f"{server.url}/open311/v2/requests.json",
        data=raw.format(server.keys["web"]).encode("utf-8"),
        headers={"Content-Type": "application/x-www-form-urlencoded"},
        timeout=30,
    )
    assert created.status_code == 201, created.text
    number = created.json()[0]["service_request_id"]
    one = requests.get(
        f"{server.url}/open311/v2/requests/{number}.json", params={"api_key": server.keys["web"]}, timeout=30
    ).json()[0]
    assert one["address"] == "45 Nguyễn Trãi, Phường Sài Gòn"
    assert one["agency_responsible"] == "UBND Phường Sài Gòn"


def test_a_percent_encoded_name_with_a_no_break_space_is_stored_as_typed(server: Server) -> None:
    """ "LÊ" then a no-break space is Latin-1 too: it must not be read again as UTF-8 ("Lʠ")."""
    form = FORM | {"api_key": server.keys["web"], "last_name": "LÊ\u00a0", "phone": "0909 888 301"}
    created = requests.post(f"{server.url}/open311/v2/requests.json", data=form, timeout=30)
    assert created.status_code == 201, created.text
    number = created.json()[0]["service_request_id"]
    cases = server.session("supervisor").get(server.api("/cases"), params={"phone": "0909888301"}, timeout=30)
    case = next(c for c in cases.json()["items"] if c["case_number"] == number)
    assert case["caller_name"] == "LÊ Thị Lan"  # mixed case is left as typed; no "Lʠ"


def test_a_raw_form_that_is_not_utf8_is_refused_with_the_field_named(server: Server) -> None:
    raw = f"api_key={server.keys['web']}&service_code=other&address_string=1 Lê Lợi&last_name=".encode()
    refused = requests.post(
        f"{server.url}/open311/v2/requests.json",
        data=raw + b"\xff\xfe",
        headers={"Content-Type": "application/x-www-form-urlencoded"},
        timeout=30,
    )
    assert refused.status_code == 400 and "last_name" in refused.text and "UTF-8" in refused.text


def test_a_multipart_form_keeps_its_vietnamese(server: Server) -> None:
    """Apps post their photo forms as multipart/form-data: the parser reads those fields as UTF-8."""
    fields = FORM | {"api_key": server.keys["zalo"], "last_name": "Lê", "phone": "0909 888 302"}
    created = requests.post(
        f"{server.url}/open311/v2/requests.json",
        files={name: (None, value) for name, value in fields.items()},
        timeout=30,
    )
    assert created.status_code == 201, created.text
    number = created.json()[0]["service_request_id"]
    cases = server.session("supervisor").get(server.api("/cases"), params={"phone": "0909888302"}, timeout=30)
    case = next(c for c in cases.json()["items"] if c["case_number"] == number)
    assert case["caller_name"] == "Lê Thị Lan" and case["address"] == FORM["address_string"]
