"""``operator-console-server``: serve the API, or manage units, users and keys.

    operator-console-server [--host H] [--port P] [--database-url URL] [--demo] [--workers N]
    operator-console-server create-unit CODE NAME [--kind K] [--ward-code N]
    operator-console-server create-user NAME --role ROLE [--unit CODE]   (password from stdin)
    operator-console-server disable-user NAME | set-password NAME (password from stdin)
    operator-console-server set-duties NAME [--duty triage]   (none: the duties taken away)
    operator-console-server create-key NAME --kind channel|exchange [--channel web|zalo|app] [--full-reads]
    operator-console-server revoke-key NAME
    operator-console-server key-reads NAME full|public
    operator-console-server openapi [--out FILE]

Exit codes: 0 done, 2 bad usage or input, 3 the database could not be reached.
"""

from __future__ import annotations

import argparse
import getpass
import logging
import os
import shutil
import signal
import sys
import threading
import time
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from pydantic import ValidationError
from sqlalchemy.exc import ArgumentError, NoSuchModuleError, OperationalError

import operator_console
from operator_console.domain.deadlines import DeadlinesError
from operator_console.paths import resource
from operator_console.server import accounts
from operator_console.server.config import (
    CONFIG_VARIABLE,
    DATABASE_VARIABLE,
    DEFAULT_HOST,
    DEFAULT_PORT,
    PUBLIC_FIELDS,
    Limits,
    Open311Config,
    ServerConfig,
    deadlines_in_force,
    demo_database_url,
)
from operator_console.server.db import migrate, open_engine, session_factory, transaction
from operator_console.server.idempotency import release_leases
from operator_console.server.problems import ProblemError
from operator_console.server.routing import replace_unedited_default
from operator_console.server.schemas import UnitIn, UserIn

log = logging.getLogger("operator_console.server")
COMMANDS = (
    "serve",
    "create-unit",
    "create-user",
    "disable-user",
    "set-password",
    "set-duties",
    "create-key",
    "revoke-key",
    "key-reads",
    "openapi",
)


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="operator-console-server", description="The 1022 central server.")
    parser.add_argument(
        "--database-url", default=None, help="SQLAlchemy URL (default: a SQLite file in the data folder)"
    )
    parser.add_argument(
        "--version", action="version", version=f"operator-console-server {operator_console.__version__}"
    )
    sub = parser.add_subparsers(dest="command")
    serve = sub.add_parser("serve", help="serve the API (the default)")
    serve.add_argument("--host", default=DEFAULT_HOST, help=f"address to listen on (default {DEFAULT_HOST})")
    serve.add_argument(
        "--port", type=int, default=DEFAULT_PORT, help=f"port (default {DEFAULT_PORT}, for 1022)"
    )
    serve.add_argument("--workers", type=int, default=1, help="worker processes; one per core (default 1)")
    serve.add_argument("--demo", action="store_true", help="create the demo accounts and cases")
    serve.add_argument(
        "--routing-rules", type=Path, default=None, help="the rules file (default: in the data folder)"
    )
    serve.add_argument(
        "--deadlines",
        type=Path,
        default=None,
        help="how long cases may stay open, by category and priority (default: the shipped table)",
    )
    serve.add_argument(
        "--open311-jurisdiction",
        default=Open311Config.jurisdiction_id,
        metavar="ID",
        help=f"the Open311 jurisdiction_id served (default {Open311Config.jurisdiction_id})",
    )
    serve.add_argument(
        "--open311-public",
        action="append",
        choices=list(PUBLIC_FIELDS),
        default=[],
        metavar="FIELD",
        help="publish this field of every request in Open311's public reads (repeatable; "
        f"{', '.join(PUBLIC_FIELDS)}); none by default",
    )
    serve.add_argument(
        "--open311-url",
        default="",
        metavar="URL",
        help="the Open311 endpoint's public address for discovery, behind a proxy "
        "(default: the address each request came to)",
    )
    serve.add_argument(
        "--writes-in-flight",
        type=int,
        default=Limits.writes_in_flight,
        metavar="N",
        help="writes one worker takes at once; past it, 503 with Retry-After "
        f"(default {Limits.writes_in_flight})",
    )
    serve.add_argument("--log-level", default="info", choices=["debug", "info", "warning", "error"])
    serve.add_argument(
        "--exit-with-parent",
        type=int,
        default=None,
        metavar="PID",
        help="stop when process PID (the console that started this server) is gone",
    )
    unit = sub.add_parser("create-unit", help="add a handling unit")
    unit.add_argument("code")
    unit.add_argument("name")
    unit.add_argument("--kind", default="other", choices=["ward", "department", "triage", "other"])
    unit.add_argument("--ward-code", type=int, default=None)
    user = sub.add_parser("create-user", help="add a user; the password is read from stdin")
    user.add_argument("username")
    user.add_argument("--role", required=True, choices=["operator", "supervisor", "unit", "monitor", "admin"])
    user.add_argument("--unit", default=None)
    user.add_argument("--display-name", default="")
    user.add_argument(
        "--duty", action="append", default=[], choices=["triage"], help="triage: an operator who routes"
    )
    duties = sub.add_parser(
        "set-duties", help="give an operator duties (repeat --duty; none: take them away)"
    )
    duties.add_argument("username")
    duties.add_argument("--duty", action="append", default=[], choices=["triage"])
    disable = sub.add_parser("disable-user", help="stop an account (a person who left, a leaked password)")
    disable.add_argument("username")
    reset = sub.add_parser("set-password", help="give a user a new password (read from stdin)")
    reset.add_argument("username")
    reads = sub.add_parser(
        "key-reads",
        help="full: a channel's key reads back in full what it posted (a backend's key); "
        "public: it posts and reads what Open311 makes public (a key in a page or an app)",
    )
    reads.add_argument("name")
    reads.add_argument("reads", choices=["full", "public"])
    revoke = sub.add_parser("revoke-key", help="stop a channel's or an exchange's key")
    revoke.add_argument("name")
    key = sub.add_parser("create-key", help="add a key for a channel (Open311) or a telephone exchange")
    key.add_argument("name")
    key.add_argument("--kind", required=True, choices=["channel", "exchange"])
    key.add_argument("--channel", choices=list(accounts.CHANNELS_FOR_KEYS), default=None)
    key.add_argument(
        "--full-reads",
        action="store_true",
        help="a channel's key that reads back in full what it posted (a server-side integration); "
        "without it the key posts and reads only what Open311 makes public",
    )
    spec = sub.add_parser("openapi", help="print the OpenAPI document")
    spec.add_argument("--out", type=Path, default=None)
    return parser


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if not any(a in COMMANDS for a in argv) and not {"-h", "--help", "--version"} & set(argv):
        argv = ["serve", *argv] if not argv or argv[0].startswith("-") else argv
    # --database-url may come before or after the command.
    if "--database-url" in argv[1:] and argv[0] in COMMANDS:
        i = argv.index("--database-url")
        argv = [argv[i], argv[i + 1], *argv[:i], *argv[i + 2 :]]
    args = _parser().parse_args(argv)
    logging.basicConfig(
        level=getattr(logging, str(getattr(args, "log_level", "info")).upper()),
        format="%(asctime)s %(levelname)s %(name)s: %(message)s",
    )
    if args.command != "serve":
        logging.getLogger("alembic").setLevel(logging.WARNING)  # an admin command's output is its own
    demo = bool(getattr(args, "demo", False))
    defaults = ServerConfig()
    # The URL (which may hold a password) can come from the environment, out of `ps` and history.
    # A demo has its own database by default: its published accounts never reach a real one.
    url = args.database_url or os.environ.get(DATABASE_VARIABLE) or (demo_database_url() if demo else None)
    config = ServerConfig(
        database_url=url or defaults.database_url,
        routing_rules=str(getattr(args, "routing_rules", None) or defaults.routing_rules),
        demo=demo,
        deadlines=str(getattr(args, "deadlines", None) or ""),
        limits=Limits(writes_in_flight=max(1, getattr(args, "writes_in_flight", Limits.writes_in_flight))),
        open311=Open311Config(
            jurisdiction_id=getattr(args, "open311_jurisdiction", None) or Open311Config.jurisdiction_id,
            public_fields=tuple(dict.fromkeys(getattr(args, "open311_public", None) or ())),
            endpoint_url=getattr(args, "open311_url", None) or "",
        ),
    )
    try:
        if args.command == "openapi":
            return _openapi(args.out)
        engine = open_engine(config.database_url)
        migrate(engine)
        factory = session_factory(engine)
        with transaction(factory) as session:
            accounts.seed_units(session)
        if args.command == "serve":
            return _serve(config, args)
        return _manage(factory, args)
    except OperationalError as exc:
        reason = str(exc.orig or exc).strip().splitlines()[0] if str(exc.orig or exc).strip() else ""
        print(f"operator-console-server: the database cannot be reached: {reason}", file=sys.stderr)
        return 3
    except (ArgumentError, NoSuchModuleError) as exc:
        print(
            f"operator-console-server: not a database URL this server can use ({exc}); "
            "use sqlite:///PATH or postgresql+psycopg://USER@HOST/DATABASE",
            file=sys.stderr,
        )
        return 2


def _manage(factory: Any, args: argparse.Namespace) -> int:
    now = datetime.now(UTC)
    try:
        with transaction(factory) as session:
            if args.command == "create-unit":
                accounts.create_unit(
                    session, UnitIn(code=args.code, name=args.name, kind=args.kind, ward_code=args.ward_code)
                )
                print(f"unit {args.code} created")
            elif args.command == "create-user":
                password = sys.stdin.readline().rstrip("\n") if not sys.stdin.isatty() else getpass.getpass()
                body = UserIn(
                    username=args.username,
                    password=password,
                    role=args.role,
                    unit_code=args.unit,
                    display_name=args.display_name,
                    duties=args.duty,
                )
                accounts.create_user(session, body, now)
                print(f"user {args.username} ({args.role}) created")
            elif args.command == "create-key":
                secret = accounts.create_client_key(
                    session, args.name, args.kind, args.channel, now, full_reads=args.full_reads
                )
                print(f"key for {args.name} ({args.kind}); it is shown only once:\n{secret}")
            elif args.command == "disable-user":
                accounts.disable_user(session, args.username)
                print(f"user {args.username} disabled; their tokens no longer work")
            elif args.command == "set-password":
                password = sys.stdin.readline().rstrip("\n") if not sys.stdin.isatty() else getpass.getpass()
                accounts.set_password(session, args.username, password)
                print(f"password of {args.username} changed; their tokens no longer work")
            elif args.command == "set-duties":
                accounts.set_duties(session, args.username, args.duty)
                print(f"duties of {args.username}: {', '.join(sorted(set(args.duty))) or 'none'}")
            elif args.command == "key-reads":
                accounts.set_key_reads(session, args.name, full=args.reads == "full")
                what = "in full what it posted" if args.reads == "full" else "what is public"
                print(f"key {args.name} now reads {what}")
            elif args.command == "revoke-key":
                accounts.revoke_client_key(session, args.name)
                print(f"key {args.name} revoked")
    except ValidationError as exc:
        for error in exc.errors():
            print(
                f"operator-console-server: {'.'.join(map(str, error['loc']))}: {error['msg']}",
                file=sys.stderr,
            )
        return 2
    except (ProblemError, ValueError) as exc:
        detail = exc.detail if isinstance(exc, ProblemError) else str(exc)
        fields = (
            "; ".join(f"{e.field}: {e.message}" for e in exc.errors) if isinstance(exc, ProblemError) else ""
        )
        print(f"operator-console-server: {fields or detail or exc}", file=sys.stderr)
        return 2
    return 0


class _NoExceptionText(logging.Filter):
    """uvicorn logs an unhandled exception with its message, which can quote a request's data; the
    server's own handler has logged the traceback's frames already (``app._unexpected``)."""

    def filter(self, record: logging.LogRecord) -> bool:
        if record.exc_info and record.getMessage().startswith("Exception in ASGI application"):
            record.exc_info = None
            record.exc_text = None
        return True


def quiet_uvicorn_errors() -> None:
    logging.getLogger("uvicorn.error").addFilter(_NoExceptionText())


def _exit_with_parent(parent: int) -> None:
    """The embedded demo server: when its console is gone (even killed), it stops too.

    Polled rather than asked of the kernel (PR_SET_DEATHSIG would need code between fork and
    exec in a console that has threads, which Python warns may deadlock).
    """

    def watch() -> None:
        if sys.platform == "win32":
            _wait_for_process_windows(parent)  # Windows never re-parents: getppid() would not change
        else:
            while os.getppid() == parent:
                time.sleep(1.0)
        log.info("the console that started this server is gone: stopping")
        os.kill(os.getpid(), signal.SIGTERM)

    threading.Thread(target=watch, name="parent-watch", daemon=True).start()


def _wait_for_process_windows(pid: int) -> None:
    """Until the process ``pid`` has ended (at once if it cannot be opened: gone already)."""
    import ctypes

    synchronize, infinite = 0x00100000, 0xFFFFFFFF
    kernel32 = ctypes.windll.kernel32  # type: ignore[attr-defined, unused-ignore]
    handle = kernel32.OpenProcess(synchronize, False, pid)
    if not handle:
        return
    try:
        kernel32.WaitForSingleObject(handle, infinite)
    finally:
        kernel32.CloseHandle(handle)


def _serve(config: ServerConfig, args: argparse.Namespace) -> int:
    import uvicorn

    from operator_console.server.app import create_app
    from operator_console.server.demo import BANNER, seed_demo
    from operator_console.server.demo_desk import DemoDesk
    from operator_console.server.runtime import build_runtime

    rules = Path(config.routing_rules)
    if not rules.exists():
        rules.parent.mkdir(parents=True, exist_ok=True)
        with resource("data", "routing_rules.json").open("rb") as src, rules.open("wb") as dst:
            shutil.copyfileobj(src, dst)
        log.info("routing rules: the shipped default copied to %s, edit it there", rules)
    else:
        kept = replace_unedited_default(rules, resource("data", "routing_rules.json").read_bytes())
        if kept is not None:
            log.warning(
                "routing rules: %s was an earlier release's default (draft ward codes), never edited: "
                "replaced by this release's (official codes); the old file is kept as %s",
                rules,
                kept,
            )
    try:
        deadlines_in_force(config)
    except DeadlinesError as exc:
        log.error("deadlines file %s: %s", config.deadlines, exc)
        return 2
    quiet_uvicorn_errors()
    if args.exit_with_parent is not None:
        _exit_with_parent(args.exit_with_parent)
    runtime = build_runtime(config)
    released = release_leases(runtime.factory, datetime.now(UTC))
    if released:
        log.warning("idempotency: %d request(s) in flight when the server last stopped: let go", released)
    if config.demo:
        log.warning(BANNER)
        seed_demo(runtime.factory, runtime.reference)
        DemoDesk(runtime.factory, runtime.reference).start()  # simulated colleagues and calls
    log.info("database: %s", runtime.engine.url.render_as_string(hide_password=True))
    log.info("routing rules: %s", rules)
    log.info("deadlines: %s", config.deadlines or "the shipped table")
    log.info("serving on http://%s:%d", args.host, args.port)
    from operator_console.server.transport import NoDelayH11Protocol

    common: dict[str, Any] = {
        "host": args.host,
        "port": args.port,
        "access_log": False,
        "log_config": None,
        "http": NoDelayH11Protocol,
    }
    if args.workers > 1:
        os.environ[CONFIG_VARIABLE] = config.to_environment()
        uvicorn.run(
            "operator_console.server.cli:app_from_environment", factory=True, workers=args.workers, **common
        )
    else:
        uvicorn.run(create_app(config, runtime), **common)
    return 0


def app_from_environment() -> Any:
    """The app of one worker process (``--workers N``), configured by its parent."""
    from operator_console.server.app import create_app

    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    quiet_uvicorn_errors()
    return create_app(ServerConfig.from_environment())


def _openapi(out: Path | None) -> int:
    from operator_console.server.app import create_app
    from operator_console.server.openapi import document
    from operator_console.server.runtime import build_runtime

    # The document does not depend on the data: an empty in-memory database will do.
    config = ServerConfig(database_url="sqlite://", routing_rules=str(resource("data", "routing_rules.json")))
    engine = open_engine(config.database_url)
    migrate(engine)
    with transaction(session_factory(engine)) as session:
        accounts.seed_units(session)
    text = document(create_app(config, build_runtime(config, engine)))
    if out is None:
        print(text)
    else:
        out.write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
