"""What every request handler shares: the database, the reference data, the settings."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import Engine
from sqlalchemy.orm import Session, sessionmaker

from operator_console.domain.gazetteer import default_gazetteer
from operator_console.domain.taxonomy import default_taxonomy
from operator_console.paths import resource
from operator_console.server import accounts
from operator_console.server.cases import Reference
from operator_console.server.config import ServerConfig, deadlines_in_force
from operator_console.server.db import insert_for, open_engine, session_factory, transaction
from operator_console.server.models import ServerStateRow
from operator_console.server.routing import RoutingTable


@dataclass(frozen=True)
class Runtime:
    config: ServerConfig
    engine: Engine
    factory: sessionmaker[Session]
    reference: Reference
    reads: sessionmaker[Session]
    """For requests that only read: on SQLite they do not queue behind writers."""


def build_runtime(config: ServerConfig, engine: Engine | None = None) -> Runtime:
    engine = engine or open_engine(config.database_url)
    factory = session_factory(engine)
    reads = session_factory(engine, read_only=True)

    def known_units() -> set[str]:
        with transaction(reads) as session:
            return accounts.unit_codes(session)

    gazetteer = default_gazetteer()
    routing = RoutingTable(
        Path(config.routing_rules),
        known_units,
        DatabaseRulesKeeper(factory),
        resource("data", "routing_rules.json").read_text(encoding="utf-8"),
        gazetteer,
    )
    reference = Reference(
        gazetteer=gazetteer,
        taxonomy=default_taxonomy(),
        routing=routing,
        deadlines=deadlines_in_force(config),
    )
    return Runtime(
        config=config,
        engine=engine,
        factory=factory,
        reference=reference,
        reads=reads,
    )


class DatabaseRulesKeeper:
    """The last routing rules that parsed, in the database: the same for every worker."""

    KEY = "routing_rules"

    def __init__(self, factory: sessionmaker[Session]) -> None:
        self._factory = factory

    def last_good(self) -> str | None:
        with transaction(self._factory) as session:
            row = session.get(ServerStateRow, self.KEY)
            return row.value if row else None

    def keep(self, text: str) -> None:
        with transaction(self._factory) as session:
            upsert = insert_for(session, ServerStateRow).values(key=self.KEY, value=text)
            session.execute(upsert.on_conflict_do_update(index_elements=["key"], set_={"value": text}))
