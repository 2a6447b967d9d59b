"""The web form, the Zalo bot, the app and any civic app post to 1022 and follow their requests by Open311.

Read as a third-party app would: with ``georeport`` (a maintained GeoReport v2 client from PyPI,
Apache-2.0) for every read it has, in JSON and in XML, and with form posts exactly as the spec
shows them. XML answers are parsed, never compared as text.
"""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path
from typing import Any
from xml.etree import ElementTree

import pytest
import requests
from georeport import GeoReport

from operator_console.server.db import open_engine, session_factory
from operator_console.server.idempotency import body_hash, request_identity, run_once
from operator_console.server.schemas import CaseIn
from tests.server.harness import UNIT_A, Server, fresh_database, key, running_server
from tests.server.test_server_cli import cli

JURISDICTION = "1022.tphcm.gov.vn"
TRIAGE = "1022-triage"
FORM = {
    "service_code": "essential_supplies.food",
    "address_string": "45 Nguyễn Trãi, Phường Sài Gòn",
    "first_name": "Thị Lan",
    "last_name": "Phạm",
    "phone": "0909 888 777",
    "description": "Nhà có 2 cháu nhỏ, hết sữa",
}
PERSONAL = ("Phạm", "Thị Lan", "0909", "888 777", "Nguyễn Trãi", "hết sữa", "lan@example.vn", "device-77")


def endpoint(server: Server) -> str:
    return f"{server.url}/open311/v2"


def post(server: Server, form: dict[str, str], fmt: str = "json", **kwargs: Any) -> requests.Response:
    return requests.post(f"{endpoint(server)}/requests.{fmt}", data=form, timeout=30, **kwargs)


def created_number(answer: requests.Response) -> str:
    assert answer.status_code == 201, answer.text
    number = answer.json()[0]["service_request_id"]
    assert isinstance(number, str)
    return number


def case_of(server: Server, number: str) -> dict[str, Any]:
    """The case as the desk sees it (a supervisor's read of the API)."""
    http = server.session("supervisor")
    found = http.get(server.api("/cases"), params={"limit": 500}, timeout=30).json()["items"]
    case = next(c for c in found if c["case_number"] == number)
    detail = http.get(server.api(f"/cases/{case['id']}"), timeout=30).json()
    assert isinstance(detail, dict)
    return detail


def xml(answer: requests.Response) -> ElementTree.Element:
    assert answer.headers["content-type"].startswith("text/xml"), answer.headers["content-type"]
    return ElementTree.fromstring(answer.content)


# --- the real client ------------------------------------------------------------------------------


@pytest.mark.parametrize("fmt", ["json", "xml"])
def test_a_civic_app_reads_every_resource_with_the_georeport_client(server: Server, fmt: str) -> None:
    client = GeoReport(endpoint(server), jurisdiction=JURISDICTION, output_format=fmt)
    services = client.get_service_list()
    assert len(services) == 22
    by_code = {s["service_code"]: s for s in services}
    assert by_code["essential_supplies.food"]["group"] == "Nhu yếu phẩm"
    assert str(by_code["essential_supplies.food"]["metadata"]).lower() == "true"

    definition = client.get_service_definition("essential_supplies.food")
    attributes = definition["attributes"] if fmt == "json" else definition["attributes"]["attribute"]
    codes = [a["code"] for a in attributes]
    assert codes[:3] == ["ward_code", "household_size", "vulnerable"] and "subject_age" in codes
    wards = attributes[0]["values"] if fmt == "json" else attributes[0]["values"]["value"]
    assert len(wards) == 168 and {"key": "26740", "name": "Phường Sài Gòn"} in [dict(w) for w in wards]

    number = created_number(post(server, FORM | {"api_key": server.keys["app"]}))
    one = client.get_service_request(number)
    assert one["service_request_id"] == number
    assert one["status"] == "open"
    assert one["agency_responsible"] == "UBND Phường Sài Gòn"
    assert one["address"] == "Phường Sài Gòn"  # the ward, not the street
    assert one["service_code"] == "essential_supplies.food"
    assert one["expected_datetime"]
    listed = client.get_service_requests(status="open,closed", service_code="essential_supplies.food,other")
    listed = listed if isinstance(listed, list) else [listed]
    assert number in {r["service_request_id"] for r in listed}
    both = client.get_service_requests(service_request_id=f"{number},1022-2000-999999", status="closed")
    both = both if isinstance(both, list) else [both]
    assert [r["service_request_id"] for r in both] == [number], "an id list overrides the other filters"


def test_the_xml_answers_are_the_specs_documents(server: Server) -> None:
    services = xml(requests.get(f"{endpoint(server)}/services.xml", timeout=30))
    assert services.tag == "services" and len(services.findall("service")) == 22
    assert services.find("service/service_code") is not None
    definition = xml(
        requests.get(f"{endpoint(server)}/services/vulnerable_person.lone_elderly.xml", timeout=30)
    )
    assert definition.tag == "service_definition"
    assert definition.findtext("service_code") == "vulnerable_person.lone_elderly"
    vulnerable = next(a for a in definition.iter("attribute") if a.findtext("code") == "vulnerable")
    assert vulnerable.findtext("datatype") == "multivaluelist"
    assert {v.findtext("key") for v in vulnerable.iter("value")} >= {"lone_elderly", "children"}

    created = xml(post(server, FORM | {"api_key": server.keys["web"]}, fmt="xml"))
    assert created.tag == "service_requests"
    number = created.findtext("request/service_request_id")
    assert number and number.startswith("1022-")
    read = xml(requests.get(f"{endpoint(server)}/requests/{number}.xml", timeout=30))
    assert read.findtext("request/status") == "open"
    assert read.find("request/description") is None  # not public: left out, not empty

    for where in (f"{endpoint(server)}/discovery.xml", f"{server.url}/open311/discovery.xml"):
        discovery = xml(requests.get(where, timeout=30))
        assert discovery.findtext("endpoints/endpoint/url") == endpoint(server)
        assert (
            discovery.findtext("endpoints/endpoint/specification") == "http://wiki.open311.org/GeoReport_v2"
        )
        assert {f.text for f in discovery.iter("format")} == {"text/xml", "application/json"}
    assert requests.get(f"{endpoint(server)}/discovery.json", timeout=30).json()["endpoints"][0]["url"]


# --- posting --------------------------------------------------------------------------------------


def test_everything_a_form_posts_is_kept_for_the_desk(server: Server) -> None:
    body = (
        f"api_key={server.keys['zalo']}&jurisdiction_id={JURISDICTION}&service_code=essential_supplies.food"
        "&lat=10.7731&long=106.7004&address_string=45%20Nguy%E1%BB%85n%20Tr%C3%A3i%2C%20Ph%C6%B0%E1%BB%9Dng"
        "%20S%C3%A0i%20G%C3%B2n&email=lan%40example.vn&device_id=device-77&account_id=acct-9"
        "&first_name=Lan&last_name=Ph%E1%BA%A1m&phone=0909888401&description=H%E1%BA%BFt+g%E1%BA%A1o"
        "&media_url=https%3A%2F%2Fzalo.example%2Fp%2F1.jpg&attribute[household_size]=4"
        "&attribute[vulnerable][]=children&attribute[vulnerable][]=lone_elderly&attribute[no_food_today]=yes"
        "&attribute[subject_age]=82"
        "&attribute[app_version]=2.1"
    )
    answer = requests.post(
        f"{endpoint(server)}/requests.json",
        data=body,
        headers={"Content-Type": "application/x-www-form-urlencoded"},
        timeout=30,
    )
    number = created_number(answer)
    assert answer.json()[0]["account_id"] == "acct-9"
    case = case_of(server, number)
    assert case["channel"] == "zalo"
    assert case["caller_name"] == "Phạm Lan" and case["caller_email"] == "lan@example.vn"
    assert (case["lat"], case["long"]) == (10.7731, 106.7004)
    assert case["media_url"] == "https://zalo.example/p/1.jpg"
    assert case["household_size"] == 4 and sorted(case["vulnerable"]) == ["children", "lone_elderly"]
    assert case["no_food_today"] is True and case["priority"] == "critical" and case["subject_age"] == 82
    assert case["channel_refs"] == {
        "device_id": "device-77",
        "account_id": "acct-9",
        "address_id": "",
        "attributes": [["app_version", "2.1"]],
    }
    assert case["description"] == "Hết gạo" and case["handling_unit"] == UNIT_A


def test_a_map_pin_alone_goes_to_the_triage_desk_with_its_point(server: Server) -> None:
    pin = {"api_key": server.keys["app"], "service_code": "vulnerable_person.lone_elderly"}
    number = created_number(
        post(server, pin | {"lat": "10.762622", "long": "106.660172", "phone": "0909888402"})
    )
    case = case_of(server, number)
    assert case["handling_unit"] == TRIAGE and case["address"] == ""
    assert (case["lat"], case["long"]) == (10.762622, 106.660172)
    # An address id alone, and an e-mail as the only way to reach the citizen, are enough too.
    number = created_number(post(server, pin | {"address_id": "hcm-addr-8812", "email": "an@example.vn"}))
    case = case_of(server, number)
    assert case["channel_refs"]["address_id"] == "hcm-addr-8812" and case["caller_email"] == "an@example.vn"
    # A ward chosen from the service's list routes it, pin or not.
    number = created_number(post(server, pin | {"lat": "10.77", "long": "106.70", "phone": "0909888403",
                                                 "attribute[ward_code]": "26740"}))  # fmt: skip
    assert case_of(server, number)["handling_unit"] == UNIT_A


def test_what_cannot_be_a_request_is_refused_with_the_field_named(server: Server) -> None:
    base = FORM | {"api_key": server.keys["web"]}
    cases = [
        ({k: v for k, v in base.items() if k != "address_string"}, 400, "location"),
        (base | {"lat": "10.7"}, 400, "lat and long"),
        (base | {"lat": "91", "long": "106"}, 400, "lat"),
        (base | {"email": "not-an-address"}, 400, "email"),
        (base | {"media_url": "file:///etc/passwd"}, 400, "media_url"),
        (base | {"phone": "12"}, 400, "phone"),
        ({k: v for k, v in base.items() if k not in ("first_name", "last_name", "phone")}, 400, "reach"),
        (base | {"service_code": "no_such"}, 404, "service_code no_such"),
        (base | {"attribute[household_size]": "many"}, 400, "attribute[household_size]"),
        (base | {"attribute[ward_code]": "99999"}, 400, "attribute[ward_code]"),
        (base | {"attribute[household_size]": "²"}, 400, "attribute[household_size]"),
        (base | {"lat": "1_0", "long": "106"}, 400, "lat"),
        (base | {"lat": "1e1", "long": "106"}, 400, "lat"),
        (base | {"first_name": "A" * 100, "last_name": "B" * 100}, 400, "first_name and last_name"),
        (base | {"jurisdiction_id": "nowhere"}, 404, "jurisdiction_id"),
        ({k: v for k, v in base.items() if k != "api_key"}, 403, "api_key"),
        (base | {"api_key": server.keys["exchange"]}, 403, "api_key"),
    ]
    for form, status, named in cases:
        answer = post(server, form)
        assert answer.status_code == status, (form, answer.text)
        assert answer.json()[0]["code"] == status and named in answer.json()[0]["description"], answer.text


def test_a_field_the_spec_does_not_have_is_kept_as_sent(server: Server) -> None:
    """Earlier releases ignored fields that are not GeoReport's; now they stay with the case."""
    number = created_number(post(server, FORM | {"api_key": server.keys["web"], "app_version": "3.2"}))
    assert case_of(server, number)["channel_refs"]["attributes"] == [["app_version", "3.2"]]


def test_a_multipart_form_that_is_not_a_flat_form_is_refused(server: Server) -> None:
    def sent(parts: bytes, boundary: str = "b1") -> requests.Response:
        return requests.post(
            f"{endpoint(server)}/requests.json",
            data=parts,
            headers={"Content-Type": f"multipart/form-data; boundary={boundary}"},
            timeout=30,
        )

    nested = b"".join(
        f'--n{i}\r\nContent-Type: multipart/mixed; boundary="n{i + 1}"\r\n\r\n'.encode() for i in range(1500)
    )
    refused = sent(b'--b1\r\nContent-Type: multipart/mixed; boundary="n0"\r\n\r\n' + nested, "b1")
    assert refused.status_code == 400, refused.text
    many = b"".join(b'--b1\r\nContent-Disposition: form-data; name="x"\r\n\r\n\r\n' for _ in range(4000))
    assert sent(many + b"--b1--\r\n").status_code == 400
    inner = (
        b'--b1\r\nContent-Disposition: form-data; name="description"\r\n'
        b'Content-Type: multipart/mixed; boundary="in"\r\n\r\n--in\r\n\r\nhidden\r\n--in--\r\n--b1--\r\n'
    )
    refused = sent(inner)
    assert refused.status_code == 400 and refused.json()[0]["description"].startswith("description")
    latin_name = b'--b1\r\nContent-Disposition: form-data; name="attribute[t\xeen]"\r\n\r\nx\r\n--b1--\r\n'
    assert sent(latin_name).status_code == 400


def test_invalid_utf8_and_control_characters_are_refused_with_the_field_named(server: Server) -> None:
    start = f"api_key={server.keys['web']}&service_code=other&address_string=1 Lê Lợi&phone=0909888404"
    for tail, field in (
        (b"&last_name=%FF%FE", "last_name"),
        (b"&last_name=\xff\xfe", "last_name"),
        (b"&description=ch%07o", "description"),
        (b"&description=a%00b", "description"),
    ):
        refused = requests.post(
            f"{endpoint(server)}/requests.json",
            data=start.encode() + tail,
            headers={"Content-Type": "application/x-www-form-urlencoded"},
            timeout=30,
        )
        assert refused.status_code == 400, (tail, refused.text)
        assert refused.json()[0]["description"].startswith(field), refused.text
    boundary = "b1022"
    multipart = (
        (
            f'--{boundary}\r\nContent-Disposition: form-data; name="api_key"\r\n\r\n{server.keys["web"]}\r\n'
            f'--{boundary}\r\nContent-Disposition: form-data; name="service_code"\r\n\r\nother\r\n'
            f'--{boundary}\r\nContent-Disposition: form-data; name="phone"\r\n\r\n0909888405\r\n'
            f'--{boundary}\r\nContent-Disposition: form-data; name="address_string"\r\n\r\n'
        ).encode()
        + b"\xff\xfe\r\n"
        + f"--{boundary}--\r\n".encode()
    )
    refused = requests.post(
        f"{endpoint(server)}/requests.json",
        data=multipart,
        headers={"Content-Type": f"multipart/form-data; boundary={boundary}"},
        timeout=30,
    )
    assert refused.status_code == 400 and refused.json()[0]["description"].startswith("address_string")


def test_vietnamese_arrives_as_typed_whichever_way_the_form_is_sent(server: Server) -> None:
    raw = (
        "api_key={}&service_code=essential_supplies&address_string=45 Nguyễn Trãi, Phường Sài Gòn"
        "&last_name=Phạm&first_name=Lan&phone=0909888406"
    )
    number = created_number(
        requests.post(
            f"{endpoint(server)}/requests.json",
            data=raw.format(server.keys["web"]).encode("utf-8"),
            headers={"Content-Type": "application/x-www-form-urlencoded"},
            timeout=30,
        )
    )
    assert case_of(server, number)["address"] == "45 Nguyễn Trãi, Phường Sài Gòn"
    # "LÊ" then a no-break space, percent-encoded: stored as typed (it was once read as "Lʠ").
    number = created_number(post(server, FORM | {"api_key": server.keys["web"], "last_name": "LÊ\u00a0"}))
    assert case_of(server, number)["caller_name"] == "LÊ Thị Lan"
    # Apps post their photo forms as multipart/form-data.
    fields = FORM | {"api_key": server.keys["zalo"], "last_name": "Lê", "phone": "0909 888 302"}
    answer = requests.post(
        f"{endpoint(server)}/requests.json", files={k: (None, v) for k, v in fields.items()}, timeout=30
    )
    assert case_of(server, created_number(answer))["caller_name"] == "Lê Thị Lan"


def test_a_retried_post_with_an_idempotency_key_creates_one_request(server: Server) -> None:
    headers = {"Idempotency-Key": key()}
    first = post(server, FORM | {"api_key": server.keys["zalo"]}, headers=headers).json()
    again = post(server, FORM | {"api_key": server.keys["zalo"]}, headers=headers).json()
    assert first == again


def test_a_post_first_sent_to_the_previous_release_is_the_same_request_when_retried(
    scratch_server: Server,
) -> None:
    """The previous release took the e-mail, the pin and the app's ids and dropped them; it kept the
    answer under the hash of what it stored. A retry after the upgrade gets that answer back."""
    server = scratch_server
    extra = {"email": "lan@example.vn", "lat": "10.77", "long": "106.70", "device_id": "d-1"}
    earlier = {"channel": "zalo", "caller_name": "Phạm Thị Lan", "caller_phone": "0909 888 777",
               "caller_relation": "self", "address": FORM["address_string"],
               "category": "essential_supplies/food", "description": FORM["description"]}  # fmt: skip
    retry_key = key()
    kept = CaseIn.model_validate(earlier)
    engine = open_engine(server.database_url)
    try:
        outcome = run_once(
            session_factory(engine),
            "channel:zalo-bot",
            "POST open311 requests",
            retry_key,
            body_hash(request_identity(kept)),
            lambda session: (
                201,
                {"service_request_id": "1022-2020-000001", "service_notice": "", "account_id": None},
            ),
        )
    finally:
        engine.dispose()
    assert outcome.status == 201
    retried = post(
        server, FORM | extra | {"api_key": server.keys["zalo"]}, headers={"Idempotency-Key": retry_key}
    )
    assert retried.status_code == 201 and retried.json()[0]["service_request_id"] == "1022-2020-000001"


# --- reading back ---------------------------------------------------------------------------------


def test_public_reads_carry_nothing_personal(server: Server) -> None:
    form = FORM | {"email": "lan@example.vn", "device_id": "device-77", "lat": "10.77", "long": "106.70"}
    number = created_number(
        post(server, form | {"api_key": server.keys["web"], "media_url": "https://x.vn/1.jpg"})
    )
    one = f"{endpoint(server)}/requests/{number}"
    for params in ({}, {"api_key": server.keys["app"]}, {"api_key": server.keys["zalo"]}):
        for fmt in ("json", "xml"):
            answer = requests.get(f"{one}.{fmt}", params=params, timeout=30)
            assert answer.status_code == 200
            for personal in (*PERSONAL, "x.vn", "10.77", "106.7"):
                assert personal not in answer.text, (params, fmt, personal)
        public = requests.get(f"{one}.json", params=params, timeout=30).json()[0]
        assert public["description"] is None and public["lat"] is None and public["media_url"] is None
        assert public["address"] == "Phường Sài Gòn"
        listed = requests.get(f"{endpoint(server)}/requests.json", params=params, timeout=30).json()
        mine = [json.dumps(r, ensure_ascii=False) for r in listed if r["service_request_id"] == number]
        # A backend's key (Zalo's) lists its own requests only; the others list every request.
        assert len(mine) == (0 if params.get("api_key") == server.keys["zalo"] else 1)
        assert not any(p in text for p in PERSONAL for text in mine), params
        if "api_key" not in params:  # nobody's description, street or pin in the public list
            assert all(r["description"] is None and r["lat"] is None for r in listed)
    # The web form's backend (a key with full reads) reads back in full what it posted.
    own = requests.get(f"{one}.json", params={"api_key": server.keys["web"]}, timeout=30).json()[0]
    assert own["description"] == FORM["description"] and own["address"] == FORM["address_string"]
    assert (own["lat"], own["long"], own["media_url"]) == (10.77, 106.70, "https://x.vn/1.jpg")
    assert not any(p in json.dumps(own, ensure_ascii=False) for p in ("Phạm", "0909", "lan@example.vn"))


def test_a_citizen_follows_the_request_to_its_outcome(server: Server) -> None:
    number = created_number(post(server, FORM | {"api_key": server.keys["web"]}))
    case = case_of(server, number)
    one = f"{endpoint(server)}/requests/{number}.json"
    before = requests.get(one, timeout=30).json()[0]
    assert before["status"] == "open" and before["status_notes"] == "Đã chuyển"
    unit = server.session("unit")
    unit.patch(
        server.api(f"/cases/{case['id']}"), json={"note": "Đã liên hệ, hẹn giao gạo chiều nay"}, timeout=30
    )
    own = requests.get(one, params={"api_key": server.keys["web"]}, timeout=30).json()[0]
    assert own["status_notes"] == "Đã chuyển · Đã liên hệ, hẹn giao gạo chiều nay"
    assert "hẹn giao" not in requests.get(one, timeout=30).text, (
        "a unit's note is for the channel, not public"
    )
    unit.patch(
        server.api(f"/cases/{case['id']}"),
        json={"status": "not_eligible", "reason": "Đã nhận đợt 2"},
        timeout=30,
    )
    after = requests.get(one, timeout=30).json()[0]
    assert after["status"] == "closed" and after["status_notes"] == "Chưa đủ điều kiện: Đã nhận đợt 2"
    assert datetime.fromisoformat(after["updated_datetime"]) > datetime.fromisoformat(
        before["updated_datetime"]
    )
    # Another reason a unit types (here on resolving) is the desk's: not public.
    other = created_number(post(server, FORM | {"api_key": server.keys["web"]}))
    other_case = case_of(server, other)
    unit.patch(server.api(f"/cases/{other_case['id']}"), json={"status": "accepted"}, timeout=30)
    unit.patch(
        server.api(f"/cases/{other_case['id']}"),
        json={"status": "resolved", "reason": "Đã giao cho bà Lan, 0909 888 777"},
        timeout=30,
    )
    resolved = requests.get(f"{endpoint(server)}/requests/{other}.json", timeout=30).json()[0]
    assert resolved["status_notes"] == "Đã giải quyết"
    closed = requests.get(f"{endpoint(server)}/requests.json", params={"status": "closed"}, timeout=30).json()
    assert number in {r["service_request_id"] for r in closed}
    still_open = requests.get(
        f"{endpoint(server)}/requests.json", params={"status": "open"}, timeout=30
    ).json()
    assert number not in {r["service_request_id"] for r in still_open}


def test_filters_and_errors_follow_the_spec(server: Server) -> None:
    reads = f"{endpoint(server)}/requests.json"
    for params, status, named in (
        ({"status": "pending"}, 400, "status"),
        ({"service_code": "no_such"}, 404, "service_code"),
        ({"jurisdiction_id": "nonexistent"}, 404, "jurisdiction_id"),
        ({"start_date": "2026-01-01T00:00:00Z", "end_date": "2026-06-01T00:00:00Z"}, 400, "90 days"),
        ({"api_key": "not-a-key"}, 403, "api_key"),
    ):
        answer = requests.get(reads, params=params, timeout=30)
        assert answer.status_code == status and named in answer.json()[0]["description"], answer.text
    for where, status in (
        (f"{endpoint(server)}/nothing.json", 404),
        (f"{endpoint(server)}/services.yaml", 404),
        (f"{endpoint(server)}/services/no_such.json", 404),
        (f"{endpoint(server)}/requests/1022-2000-999999.json", 404),
    ):
        answer = requests.get(where, timeout=30)
        assert answer.status_code == status
        [error] = answer.json()
        assert error["code"] == status and len(error["description"]) > 20, error  # words, not "not_found"
    as_xml = xml(requests.get(f"{endpoint(server)}/requests/1022-2000-999999.xml", timeout=30))
    assert as_xml.tag == "errors" and as_xml.findtext("error/code") == "404"
    assert requests.get(
        f"{endpoint(server)}/services.json", params={"jurisdiction_id": JURISDICTION}, timeout=30
    ).ok


def test_the_city_publishes_only_the_fields_it_chooses(backend: str, tmp_path: Path) -> None:
    url = fresh_database(backend, tmp_path)
    extra = ("--open311-public", "description", "--open311-jurisdiction", "1022.example")
    with running_server(backend, tmp_path / "public", extra_args=extra, database_url=url) as server:
        number = created_number(
            post(server, FORM | {"api_key": server.keys["app"], "jurisdiction_id": "1022.example"})
        )
        public = requests.get(f"{endpoint(server)}/requests/{number}.json", timeout=30).json()[0]
        assert public["description"] == FORM["description"] and public["address"] == "Phường Sài Gòn"
        assert (
            requests.get(
                f"{endpoint(server)}/services.json?jurisdiction_id={JURISDICTION}", timeout=30
            ).status_code
            == 404
        )


def test_the_demos_web_zalo_and_app_keys_post_and_read_as_a_third_party_app(
    backend: str, tmp_path: Path
) -> None:
    url = fresh_database(backend, tmp_path)
    with running_server(
        backend, tmp_path / "demo", extra_args=("--demo",), database_url=url, prepared=True
    ) as server:
        for secret, full in (("demo-web-1022", False), ("demo-zalo-1022", True), ("demo-app-1022", True)):
            number = created_number(post(server, FORM | {"api_key": secret}))
            read = GeoReport(endpoint(server)).get_service_request(number)
            assert read["status"] == "open" and read["description"] is None
            own = requests.get(
                f"{endpoint(server)}/requests/{number}.json", params={"api_key": secret}, timeout=30
            ).json()[0]
            assert (own["description"] == FORM["description"]) is full, secret


def test_a_backends_key_lists_its_own_requests_and_an_admin_sets_what_a_key_reads(
    scratch_server: Server,
) -> None:
    server = scratch_server
    theirs = created_number(post(server, FORM | {"api_key": server.keys["app"]}))
    mine = created_number(post(server, FORM | {"api_key": server.keys["zalo"]}))
    listed = requests.get(
        f"{endpoint(server)}/requests.json", params={"api_key": server.keys["zalo"]}, timeout=30
    )
    assert [r["service_request_id"] for r in listed.json()] == [mine]
    public = requests.get(f"{endpoint(server)}/requests.json", timeout=30).json()
    assert {theirs, mine} <= {r["service_request_id"] for r in public}
    assert cli("--database-url", server.database_url, "key-reads", "zalo-bot", "public").returncode == 0
    one = f"{endpoint(server)}/requests/{mine}.json"
    assert (
        requests.get(one, params={"api_key": server.keys["zalo"]}, timeout=30).json()[0]["description"]
        is None
    )
    assert cli("--database-url", server.database_url, "key-reads", "city-app", "full").returncode == 0
    again = requests.get(
        f"{endpoint(server)}/requests/{theirs}.json", params={"api_key": server.keys["app"]}, timeout=30
    )
    assert again.json()[0]["description"] == FORM["description"]
    missing = cli("--database-url", server.database_url, "key-reads", "no-such-key", "full")
    assert missing.returncode == 2 and "no channel key named no-such-key" in missing.stderr


def test_a_service_code_with_a_slash_still_names_its_service(server: Server) -> None:
    for path in ("services/essential_supplies/food.json", "services/essential_supplies%2Ffood.json"):
        answer = requests.get(f"{endpoint(server)}/{path}", timeout=30)
        assert answer.status_code == 200 and answer.json()["service_code"] == "essential_supplies.food"
