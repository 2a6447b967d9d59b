"""The console's HTTP client for the central server (``requests``), and what its answers mean.

Every call has connect and read timeouts, TLS verification is on (a city's own CA bundle can be
given), and nothing is retried here: a POST is only ever retried by the outbox worker, with its
Idempotency-Key, after a pause it decides. Each failure is classified for that worker:

- :class:`Unreachable`: no connection, a timeout, a TLS failure, 5xx, 408/425/429, a 409 for the
  same key still in flight, any answer with ``Retry-After``, or an answer that is not what the
  server sends (garbage): try again later (``retry_after`` when the server said);
- :class:`AuthenticationNeeded`: 401, the token is missing, expired or revoked: log in again;
- :class:`Refused`: any other 4xx: retrying cannot fix it; the server's message is shown.
"""

from __future__ import annotations

import json
from collections.abc import Collection
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any
from urllib.parse import urlsplit

import requests

from operator_console.client.queue_figures import QueueFigures, parse_queue_figures
from operator_console.domain.messages import render

CONNECT_TIMEOUT_S = 5.0
READ_TIMEOUT_S = 20.0
_LOOPBACK = {"127.0.0.1", "localhost", "::1"}
_LATER = {408, 425, 429}


class ServerError(Exception):
    """Something went wrong talking to the server; ``message`` is for the operator."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class Unreachable(ServerError):
    def __init__(self, message: str, retry_after: float | None = None) -> None:
        super().__init__(message)
        self.retry_after = retry_after


class AuthenticationNeeded(ServerError):
    pass


@dataclass(frozen=True)
class FieldError:
    field: str
    message: str


class Refused(ServerError):
    def __init__(self, status: int, code: str, message: str, errors: tuple[FieldError, ...] = ()) -> None:
        super().__init__(message)
        self.status = status
        self.code = code
        self.errors = errors


@dataclass(frozen=True)
class Login:
    """A logged-in account: its token and what it may do."""

    token: str = field(repr=False)
    username: str
    role: str
    unit_code: str | None
    expires_in: int
    duties: frozenset[str] = frozenset()

    @property
    def account(self) -> Account:
        return Account(self.role, self.unit_code, self.duties)


@dataclass(frozen=True)
class ChangeAnswer:
    """The server's answer to a change: the case as it is now, and the versions the change was
    made on and made (None from servers that do not say)."""

    case: dict[str, Any]
    applied_from: int | None
    applied_to: int | None


@dataclass(frozen=True)
class Account:
    """What the server says an account is: its role, its unit (a unit's focal point) and its
    duties on top of the role (``triage``). The console shows the pages that go with it."""

    role: str = ""
    unit_code: str | None = None
    duties: frozenset[str] = frozenset()

    @property
    def routes_triage(self) -> bool:
        """The triage desk is theirs: supervisors and admins, and operators on triage duty."""
        return self.role in ("supervisor", "admin") or (self.role == "operator" and "triage" in self.duties)

    def as_text(self) -> str:
        """Kept in the settings, so that a console started offline opens the right pages."""
        return json.dumps({"role": self.role, "unit_code": self.unit_code, "duties": sorted(self.duties)})

    @classmethod
    def from_text(cls, text: str) -> Account:
        """What :meth:`as_text` wrote; a bare role (what releases before units' worklists kept) is
        read as that role alone."""
        try:
            data = json.loads(text)
            return cls(str(data["role"]), data.get("unit_code"), frozenset(map(str, data.get("duties", ()))))
        except (ValueError, KeyError, TypeError):
            return cls(text) if text.isalpha() else cls()


def _duties(value: object) -> frozenset[str]:
    return frozenset(str(d) for d in value) if isinstance(value, list) else frozenset()


@dataclass(frozen=True)
class CaseListPage:
    items: list[dict[str, Any]]
    """The server's cases as it sends them (``CaseOut``)."""
    next_cursor: str | None


def secure_address(url: str) -> bool:
    """TLS always: personal data goes to the server. Plain HTTP only to this very machine (the
    embedded demo server); and an address names a host."""
    parts = urlsplit(url)
    secure = parts.scheme == "https" or (parts.scheme == "http" and parts.hostname in _LOOPBACK)
    return bool(parts.netloc) and secure


@dataclass
class ServerClient:
    """One server, one ``requests.Session`` (connections kept alive), one language for messages."""

    base_url: str
    ca_bundle: str | None = None
    language: str = "vi"
    token: str | None = field(default=None, repr=False)
    connect_timeout: float = CONNECT_TIMEOUT_S
    read_timeout: float = READ_TIMEOUT_S
    proxy: str | None = None
    """An HTTP(S) proxy for every request; None: the system's (environment, Windows settings)."""
    _http: requests.Session = field(default_factory=requests.Session, repr=False)

    def __post_init__(self) -> None:
        if not secure_address(self.base_url):
            raise ValueError("the server address must start with https:// (http:// only for this machine)")
        self.base_url = self.base_url.rstrip("/")
        self._http.verify = self.ca_bundle or True
        self._http.headers["Accept-Language"] = self.language

    def close(self) -> None:
        self._http.close()

    def login(self, username: str, password: str) -> Login:
        answer = self._call("POST", "/api/v1/auth/token", data={"username": username, "password": password})
        body = self._json(answer)
        try:
            session = Login(
                token=str(body["access_token"]),
                username=str(body["username"]),
                role=str(body["role"]),
                unit_code=body.get("unit_code"),
                expires_in=int(body["expires_in"]),
                duties=_duties(body.get("duties")),
            )
        except (KeyError, TypeError, ValueError) as exc:
            raise Unreachable(_garbage(self.language)) from exc
        self.token = session.token
        return session

    def logout(self) -> None:
        if self.token:
            try:
                self._call("DELETE", "/api/v1/auth/token")
            finally:
                self.token = None

    def create_case(self, body: dict[str, Any], idempotency_key: str) -> dict[str, Any]:
        """The server's case (``id``, ``case_number``, ``handling_unit``…); the same again for a retry."""
        answer = self._call("POST", "/api/v1/cases", json=body, headers={"Idempotency-Key": idempotency_key})
        case = self._json(answer)
        if not all(isinstance(case.get(k), str) for k in ("id", "case_number", "handling_unit")):
            raise Unreachable(_garbage(self.language))
        return case

    def add_contact(self, server_case_id: str, body: dict[str, Any], idempotency_key: str) -> dict[str, Any]:
        """A repeat call about a case the server has (by the server's id)."""
        return self._post_to_case(server_case_id, "contacts", body, idempotency_key)

    def add_link(self, server_case_id: str, body: dict[str, Any], idempotency_key: str) -> dict[str, Any]:
        """Link a case the server has to another (``related``: the same household, another need)."""
        return self._post_to_case(server_case_id, "links", body, idempotency_key)

    def update_case(
        self,
        server_case_id: str,
        body: dict[str, Any],
        idempotency_key: str,
        if_match: Collection[int] | int | None = None,
    ) -> ChangeAnswer:
        """``PATCH /cases/{id}``: a change made once for its key; ``if_match``: the case's version(s)
        it may be made on (the server's is none of them: :class:`Refused` with code ``stale``)."""
        headers = {"Idempotency-Key": idempotency_key}
        if if_match is not None:
            versions = [if_match] if isinstance(if_match, int) else sorted(if_match)
            headers["If-Match"] = ", ".join(f'"v{v}"' for v in versions)
        answer = self._call("PATCH", f"/api/v1/cases/{server_case_id}", json=body, headers=headers)
        case = self._json(answer)
        applied = (answer.headers.get("Applied-From-Version"), answer.headers.get("Applied-To-Version"))
        if all(v is not None and v.isdigit() for v in applied):
            return ChangeAnswer(case, int(applied[0] or 0), int(applied[1] or 0))
        return ChangeAnswer(case, None, None)  # a server before these headers

    def case_detail(self, server_case_id: str) -> dict[str, Any]:
        """``GET /cases/{id}``: the case with its contacts, links and whole history."""
        return self._json(self._call("GET", f"/api/v1/cases/{server_case_id}"))

    def _post_to_case(
        self, server_case_id: str, what: str, body: dict[str, Any], idempotency_key: str
    ) -> dict[str, Any]:
        answer = self._call(
            "POST",
            f"/api/v1/cases/{server_case_id}/{what}",
            json=body,
            headers={"Idempotency-Key": idempotency_key},
        )
        return self._json(answer)

    def changes(self, after: int, limit: int = 500) -> dict[str, Any]:
        page = self._json(self._call("GET", "/api/v1/changes", params={"after": after, "limit": limit}))
        if not isinstance(page.get("items"), list) or not isinstance(page.get("next_after"), int):
            raise Unreachable(_garbage(self.language))
        return page

    def me(self) -> Account:
        """The logged-in account's role, unit and duties (a kept token does not say them)."""
        body = self._json(self._call("GET", "/api/v1/me"))
        role, unit = body.get("role"), body.get("unit_code")
        if not isinstance(role, str) or not isinstance(unit, str | None):
            raise Unreachable(_garbage(self.language))
        return Account(role, unit, _duties(body.get("duties")))

    def queue_figures(self) -> QueueFigures:
        """The supervisor's figures (supervisor, monitor and admin accounts)."""
        body = self._json(self._call("GET", "/api/v1/stats/queue"))
        try:
            return parse_queue_figures(body)
        except (KeyError, TypeError, ValueError) as exc:
            raise Unreachable(_garbage(self.language)) from exc

    def cases(self, filters: dict[str, Any], cursor: str | None = None, limit: int = 200) -> CaseListPage:
        """One page of the server's cases for these filters (``GET /cases``), newest first."""
        params = {**filters, "limit": limit} | ({"cursor": cursor} if cursor else {})
        page = self._json(self._call("GET", "/api/v1/cases", params=params))
        items, after = page.get("items"), page.get("next_cursor")
        if (
            not isinstance(items, list)
            or not all(isinstance(i, dict) and _listable(i) for i in items)
            or not (after is None or isinstance(after, str))
        ):
            raise Unreachable(_garbage(self.language))
        return CaseListPage(items, after)

    def heartbeat(
        self, console_id: str, operator: str, version: str, outbox_size: int, oldest_s: int | None
    ) -> None:
        body = {
            "console_id": console_id,
            "operator": operator,
            "version": version,
            "outbox_size": outbox_size,
            "oldest_waiting_s": oldest_s,
        }
        self._call("POST", "/api/v1/heartbeat", json=body)

    def _call(self, method: str, path: str, **kwargs: Any) -> requests.Response:
        headers = dict(kwargs.pop("headers", {}) or {})
        if self.token:
            headers["Authorization"] = f"Bearer {self.token}"
        try:
            answer = self._http.request(
                method,
                self.base_url + path,
                headers=headers,
                timeout=(self.connect_timeout, self.read_timeout),
                # Given with each request: requests lets REQUESTS_CA_BUNDLE / CURL_CA_BUNDLE in the
                # environment override the session's own ``verify`` (psf/requests#3829), which would
                # silently drop the city's CA bundle configured here.
                verify=self._http.verify,
                # Per request too: the environment's proxy would otherwise win over the session's.
                proxies={"http": self.proxy, "https": self.proxy} if self.proxy else None,
                allow_redirects=False,
                **kwargs,
            )
        except requests.exceptions.SSLError as exc:
            raise Unreachable(_text("tls", self.language)) from exc
        except requests.exceptions.Timeout as exc:
            raise Unreachable(_text("timeout", self.language)) from exc
        except requests.exceptions.RequestException as exc:
            raise Unreachable(_text("offline", self.language)) from exc
        if answer.status_code < 300:
            return answer
        problem = _problem(answer)
        message = problem.get("detail") or problem.get("title") or _text("refused", self.language)
        if answer.status_code == 401:
            raise AuthenticationNeeded(str(message))
        # Busy, not wrong: rate-limited, the server's own trouble, a request timeout, or this very
        # key still in flight on the server (the first try outlived our read timeout). Any answer
        # with Retry-After says "later" too. Retrying these with the same key is safe.
        if (
            answer.status_code in _LATER
            or answer.status_code >= 500
            or (answer.status_code == 409 and problem.get("code") == "idempotency_in_flight")
            or "Retry-After" in answer.headers
        ):
            raise Unreachable(str(message), _retry_after(answer))
        if 300 <= answer.status_code < 400:
            raise Unreachable(_garbage(self.language))
        errors = tuple(
            FieldError(str(e.get("field", "")), str(e.get("message", "")))
            for e in problem.get("errors", [])
            if isinstance(e, dict)
        )
        raise Refused(answer.status_code, str(problem.get("code", "")), str(message), errors)

    def _json(self, answer: requests.Response) -> dict[str, Any]:
        try:
            body = answer.json()
        except (ValueError, json.JSONDecodeError) as exc:
            raise Unreachable(_garbage(self.language)) from exc
        if not isinstance(body, dict):
            raise Unreachable(_garbage(self.language))
        return body


def _listable(case: dict[str, Any]) -> bool:
    """What a list of cases shows of each needs to be there: its id, number and time received."""
    try:
        received = datetime.fromisoformat(str(case["received_at"]))
    except (KeyError, ValueError):
        return False
    return (
        isinstance(case.get("id"), str)
        and isinstance(case.get("case_number"), str)
        and received.tzinfo is not None
    )


def _problem(answer: requests.Response) -> dict[str, Any]:
    try:
        body = answer.json()
    except ValueError:
        return {}
    return body if isinstance(body, dict) else {}


def _retry_after(answer: requests.Response) -> float | None:
    value = answer.headers.get("Retry-After", "")
    try:
        return max(0.0, float(value)) if value else None
    except ValueError:
        return None  # an HTTP date: the worker's own backoff will do


def _text(key: str, language: str) -> str:
    return render(f"server.{key}", "vi" if language == "vi" else "en")


def _garbage(language: str) -> str:
    return _text("garbage", language)
