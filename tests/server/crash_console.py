"""A console without its window, for the crash test: enters cases one after another while its sync
worker sends them, as the window does (the save on this thread, the sending on the worker's).

    python -m tests.server.crash_console STORE SERVER_URL COUNT

Each case has a fixed external id (``crash-N``): after a restart the console knows which ones it
has already saved, as an operator would see them in the list. It saves a case, wakes the
worker and prints ``saved crash-N``, then goes on; at the end it waits for the outbox to empty and
prints ``done waiting=… refused=…``. It can be killed at any instant.
"""

from __future__ import annotations

import sys
import time
from datetime import UTC, datetime
from pathlib import Path

from operator_console.client.api import ServerClient
from operator_console.client.sync_worker import SyncWorker
from operator_console.domain.gazetteer import default_gazetteer
from operator_console.domain.intake import CaseDraft, build_case
from operator_console.domain.taxonomy import default_taxonomy
from operator_console.store.case_store import CaseStore
from operator_console.store.outbox import Outbox
from tests.server.harness import PASSWORD


def main() -> None:
    store_path, url, count = Path(sys.argv[1]), sys.argv[2], int(sys.argv[3])
    store = CaseStore(store_path)
    outbox = Outbox(store.engine)
    client = ServerClient(url)
    client.login("op", PASSWORD)
    worker = SyncWorker(store, client, by="op", console_id="crash-test", version="test")
    worker.start()
    gazetteer, taxonomy = default_gazetteer(), default_taxonomy()
    for i in range(count):
        external_id = f"crash-{i:04d}"
        if store.get_by_external_id(external_id) is None:
            draft = CaseDraft(
                external_id=external_id,
                caller_phone=f"0903{i:06d}",
                caller_name=f"Người gọi {i}",
                ward="Phường Sài Gòn",
                category="essential_supplies",
                description="Thử nghiệm mất điện đột ngột",
            )
            store.add_case(build_case(draft, gazetteer=gazetteer, taxonomy=taxonomy, now=datetime.now(UTC)))
            worker.wake()
            print(f"saved {external_id}", flush=True)  # committed: the test may kill from here on
    deadline = time.monotonic() + 240
    while outbox.state().waiting and time.monotonic() < deadline:
        worker.wake()
        time.sleep(0.05)
    worker.stop()
    state = outbox.state()
    print(f"done waiting={state.waiting} refused={state.refused}", flush=True)


if __name__ == "__main__":
    main()
