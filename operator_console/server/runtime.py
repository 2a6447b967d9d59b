"""What every request handler shares: the database, the reference data, the settings."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import Engine
from sqlalchemy.orm import Session, sessionmaker

from operator_console.server.cases import Reference
from operator_console.server.config import ServerConfig


@dataclass(frozen=True)
class Runtime:
    config: ServerConfig
    engine: Engine
    factory: sessionmaker[Session]
    reference: Reference
    reads: sessionmaker[Session]
    """For requests that only read: on SQLite they do not queue behind writers."""
