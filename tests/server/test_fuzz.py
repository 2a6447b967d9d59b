"""The API fuzzed from its own OpenAPI document by schemathesis: no 500, nothing the document does not say.

Checks: every one schemathesis has, except *positive data acceptance* (a schema-valid body can
still be refused by the domain's rules: a phone number of the wrong length, a category that does
not exist; that refusal is the point) and one check on one endpoint (see ``schemathesis.toml``). ``DELETE
/auth/token`` is left out: it would log the fuzzer itself out half-way. The admin's token and the
exchange's key go with every request, so the call-event endpoint is fuzzed past its key check.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from tests.server.harness import Server


def test_fuzzing_from_the_openapi_document_finds_no_server_error_and_no_schema_violation(
    scratch_server: Server, tmp_path: Path
) -> None:
    server = scratch_server
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "schemathesis.cli",
            "--config-file",
            str(Path(__file__).with_name("schemathesis.toml")),
            "run",
            server.api("/openapi.json"),
            "--header",
            f"Authorization: Bearer {server.token('admin')}",
            "--header",
            f"X-Exchange-Key: {server.keys['exchange']}",
            "--exclude-method",
            "DELETE",
            "--max-examples",
            "25",
            "--generation-deterministic",
            "--request-timeout",
            "30",
            "--report-dir",
            str(tmp_path),
        ],
        capture_output=True,
        text=True,
        timeout=900,
    )
    assert result.returncode == 0, result.stdout[-6000:] + result.stderr[-2000:]
    # The server logs "unexpected <exception>" for any error it did not foresee.
    assert "unexpected" not in server.log()
