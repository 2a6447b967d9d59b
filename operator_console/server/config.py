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

    def to_environment(self) -> str:
        return json.dumps(asdict(self))

    @classmethod
    def from_environment(cls) -> ServerConfig:
        raw = os.environ.get(CONFIG_VARIABLE)
        if not raw:
            return cls()
        data = json.loads(raw)
        data["limits"] = Limits(**data.get("limits", {}))
        return cls(**data)


def deadlines_in_force(config: ServerConfig) -> Deadlines:
    """The deadlines table the server starts with; :class:`DeadlinesError` names a bad entry."""
    return load_deadlines(
        Path(config.deadlines) if config.deadlines else None,
        {c.code for c in default_taxonomy().categories},
    )
