"""The console's HTTP client against the real server, and against servers that misbehave.

The misbehaving ones are real sockets on 127.0.0.1: one that answers garbage, one that accepts the
connection and never answers, one that answers 503 with Retry-After.
"""

from __future__ import annotations

import socket
import threading
import uuid
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from operator_console.client.api import AuthenticationNeeded, Refused, ServerClient, Unreachable
from operator_console.client.payload import case_body
from tests.server.harness import PASSWORD, UNIT_A, Server, free_port
from tests.server.test_outbox import a_case


def _case() -> dict[str, object]:
    """A neighbour reporting a lone elderly woman with no food, as the console sends it."""
    return case_body(
        a_case(
            "Lê Thị Mai",
            caller_phone="0168 912 3456",
            caller_relation="neighbour",
            subject_name="Bà Tư",
            household_size="1",
            vulnerable={"lone_elderly"},
            no_food_today=True,
            description="Bà cụ sống một mình, hết gạo",
        )
    )


def test_a_console_logs_in_and_sends_a_case_once_however_often_it_retries(server: Server) -> None:
    client = ServerClient(server.url)
    login = client.login("op", PASSWORD)
    assert (login.role, login.username) == ("operator", "op")
    body, key = _case(), str(uuid.uuid4())
    first = client.create_case(body, key)
    again = client.create_case(body, key)
    assert first == again
    assert first["handling_unit"] == UNIT_A
    assert first["caller_phone"] == "0389123456"  # the old 0168 number, today's form
    assert first["priority"] == "critical"  # lone elderly with no food: the console's rule, kept
    assert first["vulnerable"] == ["lone_elderly"]
    client.close()


def test_what_the_server_refuses_comes_back_with_its_field_and_message(server: Server) -> None:
    client = ServerClient(server.url, language="vi")
    client.login("op", PASSWORD)
    with pytest.raises(Refused) as refused:
        client.create_case(_case() | {"category": "pizza"}, str(uuid.uuid4()))
    assert refused.value.status == 422
    assert refused.value.errors[0].field == "category"
    assert "pizza" in refused.value.errors[0].message


def test_a_wrong_password_and_a_revoked_token_ask_for_a_login(server: Server) -> None:
    client = ServerClient(server.url)
    with pytest.raises(AuthenticationNeeded):
        client.login("op", "not-the-password")
    client.login("op", PASSWORD)
    client.logout()
    client.token = "a-token-no-longer-valid"
    with pytest.raises(AuthenticationNeeded):
        client.changes(0)


def test_only_https_leaves_this_machine() -> None:
    with pytest.raises(ValueError, match="https"):
        ServerClient("http://1022.example.vn")
    ServerClient("https://1022.example.vn").close()
    ServerClient("http://127.0.0.1:8022").close()


def test_no_server_at_all_is_unreachable_in_the_operators_language() -> None:
    client = ServerClient(f"http://127.0.0.1:{free_port()}", language="vi")
    with pytest.raises(Unreachable, match="Không kết nối được"):
        client.login("op", PASSWORD)


class _Misbehaving(BaseHTTPRequestHandler):
    mode = "garbage"

    def do_POST(self) -> None:
        if self.mode == "garbage":
            body = b"<html>Proxy error</html>"
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
        elif self.mode == "in flight":
            body = b'{"title": "in flight", "status": 409, "code": "idempotency_in_flight"}'
            self.send_response(409)
            self.send_header("Retry-After", "1")
        else:
            body = b'{"title": "busy", "status": 503, "detail": "busy", "code": "unavailable"}'
            self.send_response(503)
            self.send_header("Retry-After", "7")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture
def misbehaving() -> Iterator[tuple[str, type[_Misbehaving]]]:
    handler = type("Handler", (_Misbehaving,), {})
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}", handler
    httpd.shutdown()
    httpd.server_close()


def test_garbage_and_a_busy_server_are_retried_later_not_taken_for_answers(
    misbehaving: tuple[str, type[_Misbehaving]],
) -> None:
    url, handler = misbehaving
    client = ServerClient(url, language="en")
    client.token = "t"
    with pytest.raises(Unreachable, match="not what was expected"):
        client.create_case(_case(), str(uuid.uuid4()))
    handler.mode = "busy"
    with pytest.raises(Unreachable) as busy:
        client.create_case(_case(), str(uuid.uuid4()))
    assert busy.value.retry_after == 7.0
    # The first try outlived the console's read timeout and is still running on the server: the
    # retry is told "in flight, later", which must not be taken for a refusal of the case.
    handler.mode = "in flight"
    with pytest.raises(Unreachable) as in_flight:
        client.create_case(_case(), str(uuid.uuid4()))
    assert in_flight.value.retry_after == 1.0


def test_a_server_that_never_answers_times_out() -> None:
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(5)  # accepts connections (the kernel does), never reads or answers
    try:
        client = ServerClient(
            f"http://127.0.0.1:{listener.getsockname()[1]}", language="en", read_timeout=0.5
        )
        with pytest.raises(Unreachable, match="did not answer in time"):
            client.login("op", PASSWORD)
    finally:
        listener.close()
