"""A workstation that reaches the server only through the city's HTTP proxy (the proxy setting of
the machine's configuration file). The proxy here is a small forwarding proxy of the test's own on
127.0.0.1 (a stand-in for the city's: Squid is not installed here); the server is the real one."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
import requests
from pytestqt.qtbot import QtBot

from operator_console.client.credentials import SERVICE
from operator_console.gui.shell import settings as S
from tests.keyring_stand_in import MemoryKeyring
from tests.server.harness import PASSWORD, Server
from tests.server.test_console_window import (
    WAIT_MS,
    Open,
    desk_server,
    enter_a_call,
    log_in_with_the_dialog,
    open_console,
    save,
)

__all__ = ["desk_server", "open_console"]  # the fixtures, shared with the window tests

pytestmark = pytest.mark.gui


class _Forwarding(BaseHTTPRequestHandler):
    seen: list[str]

    def _forward(self) -> None:
        self.seen.append(f"{self.command} {self.path}")
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length) if length else None
        headers = {k: v for k, v in self.headers.items() if k.lower() not in ("host", "proxy-connection")}
        answer = requests.request(self.command, self.path, headers=headers, data=body, timeout=30)
        self.send_response(answer.status_code)
        for name, value in answer.headers.items():
            if name.lower() not in ("transfer-encoding", "connection", "content-encoding", "content-length"):
                self.send_header(name, value)
        self.send_header("Content-Length", str(len(answer.content)))
        self.end_headers()
        self.wfile.write(answer.content)

    do_GET = do_POST = do_DELETE = do_PUT = do_PATCH = _forward

    def log_message(self, *_args: object) -> None:
        pass


@pytest.fixture
def proxy() -> Iterator[tuple[str, list[str]]]:
    seen: list[str] = []
    handler = type("Handler", (_Forwarding,), {"seen": seen})
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}", seen
    httpd.shutdown()
    httpd.server_close()


def test_a_console_behind_the_citys_proxy_sends_its_cases_through_it(
    desk_server: Server,
    open_console: Open,
    qtbot: QtBot,
    keyring_stand_in: MemoryKeyring,
    proxy: tuple[str, list[str]],
) -> None:
    address, seen = proxy
    keyring_stand_in.set_password(SERVICE, f"{desk_server.url}|op", desk_server.token_for("op", PASSWORD))
    console = open_console(desk_server.url, "op", **{S.PROXY.key: address})
    enter_a_call(qtbot, console, "0389 222 431", "Đinh Văn Tâm")
    save(qtbot, console)
    qtbot.waitUntil(lambda: console.window.saved_banner.text().startswith("Đã gửi"), timeout=WAIT_MS)
    assert f"POST {desk_server.url}/api/v1/cases" in seen


def test_a_login_behind_the_citys_proxy_goes_through_it(
    desk_server: Server,
    open_console: Open,
    qtbot: QtBot,
    keyring_stand_in: MemoryKeyring,
    proxy: tuple[str, list[str]],
) -> None:
    address, seen = proxy
    console = open_console(desk_server.url, "", **{S.PROXY.key: address})
    log_in_with_the_dialog(qtbot, console, "op", PASSWORD)
    qtbot.waitUntil(lambda: console.connection.logged_in, timeout=WAIT_MS)
    assert f"POST {desk_server.url}/api/v1/auth/token" in seen, "the password went round IT's proxy"
