"""Open a store as the console does at start, and die (as a power cut would) right after its N-th
SQL statement: the upgrade test runs this once per statement of a migration.

    python -m tests.migration_killer STORE N

Exits 0 if the migrations finished before the N-th statement; otherwise the process ends with
``os._exit(9)`` the moment the N-th statement has run (nothing flushed, nothing closed), having
printed ``killed after <statement>`` so that the test knows where it landed.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, event

from operator_console.store.database import migrate, open_engine


def main() -> None:
    path, limit = Path(sys.argv[1]), int(sys.argv[2])
    engine = open_engine(path)
    seen = 0

    # On every engine: the migrations run on one of their own (store.database.migrate).
    @event.listens_for(Engine, "after_cursor_execute")
    def _count(_conn: Any, _cursor: Any, statement: str, *_args: Any) -> None:
        nonlocal seen
        seen += 1
        if seen == limit:
            print(f"killed after {' '.join(statement.split())[:80]}", flush=True)
            os._exit(9)

    migrate(engine)
    print(f"finished after {seen} statements", flush=True)


if __name__ == "__main__":
    main()
