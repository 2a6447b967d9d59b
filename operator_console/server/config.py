"""The server's settings: from the command line, handed to each worker process through one variable."""

from __future__ import annotations

import json
import os
from dataclasses import asdict, dataclass, field
from pathlib import Path

from operator_console.domain.deadlines import Deadlines, load_deadlines
from operator_console.domain.taxonomy import default_taxonomy
from operator_console.paths import data_dir

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 8022
"""The documented default port: 8022, for 1022."""
CONFIG_VARIABLE = "OPERATOR_CONSOLE_SERVER_CONFIG"


DATABASE_VARIABLE = "OPERATOR_CONSOLE_DATABASE_URL"
"""The database URL from the environment (keeps a password out of the command line)."""


def default_database_url() -> str:
    return f"sqlite:///{data_dir() / 'server.sqlite3'}"


def demo_database_url() -> str:
    return f"sqlite:///{data_dir() / 'demo.sqlite3'}"


def default_routing_rules() -> Path:
    return data_dir() / "routing_rules.json"


@dataclass(frozen=True)
class Limits:
    max_body_bytes: int = 256 * 1024
    """A case is a few kilobytes. The largest one the schema allows (10,000 characters of
    description, each of which JSON may escape to 12 bytes) still fits; much more is a mistake or
    an attack."""
    max_page: int = 500
    max_changes_page: int = 1000
    requests_per_minute: int = 6000
    """Per token or exchange key (per worker process): far above a console's needs."""
    requests_per_minute_per_address: int = 30_000
    """Per client address (per worker): a whole call centre behind one NAT address fits."""
    logins_per_minute: int = 300
    """Per client address (per worker), on top of the per-name throttle kept in the database: a
    shift of a hundred operators behind one NAT address logs in at once."""
    writes_in_flight: int = 64
    """Writes (case creations, changes, posts from the channels) one worker takes at once; past it
    a write is answered 503 with ``Retry-After`` at once instead of waiting in line. In a surge (a
    flood, a lockdown announcement) a worker makes some 50 to 65 cases a second on two cores: 64
    in flight is about a second of work, so what is taken is answered in seconds, and what is not
    is told to come back (a console's outbox does by itself) rather than timing out after having
    been made, which a client that retries would make twice. With 400, a fifth of a surge's posts
    were made after their client had given up (``benchmarks/README.md``, the surge)."""


PUBLIC_FIELDS = ("description", "address", "location", "media_url")
"""What the city may choose to publish in Open311's public reads, beside what is always public."""


@dataclass(frozen=True)
class Open311Config:
    jurisdiction_id: str = "1022.tphcm.gov.vn"
    """The ``jurisdiction_id`` this endpoint serves; a request naming another is answered 404."""
    public_fields: tuple[str, ...] = ()
    """Fields of a request that anyone may read (``PUBLIC_FIELDS``). None by default: the public
    reads carry the service, the status and its reason, the unit, the times and the ward only."""
    endpoint_url: str = ""
    """The endpoint's public address for discovery (``https://1022.example.vn/open311/v2``), when the
    server sits behind a proxy; empty: the address each request came to."""


@dataclass(frozen=True)
class ServerConfig:
    database_url: str = field(default_factory=default_database_url)
    routing_rules: str = field(default_factory=lambda: str(default_routing_rules()))
    demo: bool = False
    deadlines: str = ""
    """A deadlines file (``domain/deadlines.py``); empty: the shipped ``resources/data/deadlines.json``."""
    token_ttl_s: int = 12 * 3600
    """A token lasts a shift; then the console asks for the password again."""
    limits: Limits = field(default_factory=Limits)
    open311: Open311Config = field(default_factory=Open311Config)

    def to_environment(self) -> str:
        return json.dumps(asdict(self))

    @classmethod
    def from_environment(cls) -> ServerConfig:
        raw = os.environ.get(CONFIG_VARIABLE)
        if not raw:
            return cls()
        data = json.loads(raw)
        data["limits"] = Limits(**data.get("limits", {}))
        open311 = data.get("open311", {})
        data["open311"] = Open311Config(
            jurisdiction_id=open311.get("jurisdiction_id", Open311Config.jurisdiction_id),
            public_fields=tuple(open311.get("public_fields", ())),
            endpoint_url=open311.get("endpoint_url", ""),
        )
        return cls(**data)


def deadlines_in_force(config: ServerConfig) -> Deadlines:
    """The deadlines table the server starts with; :class:`DeadlinesError` names a bad entry."""
    return load_deadlines(
        Path(config.deadlines) if config.deadlines else None,
        {c.code for c in default_taxonomy().categories},
    )
