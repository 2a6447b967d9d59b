"""``operator-console-admin``: import, export, list and count cases in a store.

Exit status: 0 when everything went in; 3 when an import rejected some rows (the others are in);
2 when the command could not run (no such file, unknown format, missing columns).
"""

from __future__ import annotations

import argparse
import json
import os
import sqlite3
import sys
import time
from collections.abc import Sequence
from pathlib import Path
from typing import TextIO

from alembic.util.exc import CommandError
from sqlalchemy.exc import DatabaseError

from operator_console import __version__
from operator_console.admin.files import (
    FileFormatError,
    FileTooLarge,
    FileUnreadable,
    file_format,
    write_rows,
)
from operator_console.admin.importer import MissingColumns, import_file
from operator_console.dedupe.finder import DuplicateFinder
from operator_console.domain.case import Case, Status, label
from operator_console.domain.gazetteer import default_gazetteer
from operator_console.domain.intake import CaseDraft
from operator_console.domain.interchange import EXPORT_COLUMNS, HCMC_TIME, row_from_case
from operator_console.domain.messages import LANGUAGES, Language, Message, language_from_environment, render
from operator_console.domain.phones import PhoneError, parse_phone
from operator_console.domain.taxonomy import default_taxonomy
from operator_console.paths import default_store_path
from operator_console.store.case_store import CaseFilter, CaseStore
from operator_console.store.search import CandidateIndex

EXIT_OK, EXIT_USAGE, EXIT_REJECTED = 0, 2, 3


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="operator-console-admin",
        description="1022 Operator Console: import, export and count cases (for IT and supervisors).",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    lang_help = "language of messages: vi or en (default: from the locale)"
    parser.add_argument("--lang", choices=LANGUAGES, default=None, help=lang_help)
    commands = parser.add_subparsers(dest="command", required=True)

    def with_db(sub: argparse.ArgumentParser) -> None:
        sub.add_argument("--db", type=Path, default=None, help="the store file (default: this user's store)")
        # SUPPRESS: "--lang" may come before or after the command without one hiding the other.
        sub.add_argument("--lang", choices=LANGUAGES, default=argparse.SUPPRESS, help=lang_help)

    imp = commands.add_parser("import", help="import cases from CSV, XLSX or JSON Lines")
    with_db(imp)
    imp.add_argument("file", type=Path)
    imp.add_argument("--rejects", type=Path, help="also write the rejected rows and why to this file")
    imp.add_argument("--quiet", action="store_true", help="no progress")

    exp = commands.add_parser("export", help="export every case, in the format the file's extension names")
    with_db(exp)
    exp.add_argument("file", type=Path)

    st = commands.add_parser("stats", help="count cases by status, category and ward")
    with_db(st)

    ls = commands.add_parser("list", help="list cases, newest first")
    with_db(ls)
    ls.add_argument("--status", choices=[s.value for s in Status])
    ls.add_argument("--category", help="a category code; a top-level code includes its sub-categories")
    ls.add_argument("--ward", help="a ward as people write it (today's or former name)")
    ls.add_argument("--text", default="", help="words in names or street, diacritics ignored")
    ls.add_argument("--phone", help="any spoken form of a phone number")
    ls.add_argument("--limit", type=int, default=50)

    dup = commands.add_parser(
        "find-duplicates",
        help="for each draft in a JSON Lines file, the earlier cases most likely the same need",
    )
    with_db(dup)
    dup.add_argument("--queries", type=Path, required=True, help="one draft per line: interchange columns")
    dup.add_argument("--limit", type=int, default=5, help="candidates per draft (default 5)")
    return parser


def main(argv: Sequence[str] | None = None, out: TextIO | None = None, err: TextIO | None = None) -> int:
    try:
        return _main(argv, out, err)
    except BrokenPipeError:
        # "operator-console-admin list | head": the reader has gone, which is not an error.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_OK
    except Exception as exc:  # the documented exit code, never a traceback
        # The error's type only: its text may hold the SQL and its parameters (callers' words).
        lang = language_from_environment()
        print(render("cli.failed", lang, reason=type(exc).__name__), file=err or sys.stderr)
        return EXIT_USAGE


def _main(argv: Sequence[str] | None, out: TextIO | None, err: TextIO | None) -> int:
    out = out or sys.stdout
    err = err or sys.stderr
    args = build_parser().parse_args(argv)
    lang: Language = args.lang or language_from_environment()
    db: Path = args.db or default_store_path()
    if args.command != "import" and not db.exists():
        print(render("db.missing", lang, path=db), file=err)
        return EXIT_USAGE
    if args.command == "import":
        return _import(args, db, lang, out, err)
    store = _open_store(db, lang, err)
    if store is None:
        return EXIT_USAGE
    try:
        if args.command == "export":
            return _export(store, args.file, lang, out, err)
        if args.command == "list":
            return _list(store, args, lang, out, err)
        if args.command == "find-duplicates":
            return _find_duplicates(store, args, lang, out, err)
        return _stats(store, lang, out)
    finally:
        store.close()


def _import(args: argparse.Namespace, db: Path, lang: Language, out: TextIO, err: TextIO) -> int:
    path: Path = args.file
    try:
        file_format(path)
    except FileFormatError:
        print(render("import.unknown_format", lang, value=path.name), file=err)
        return EXIT_USAGE
    if not path.is_file():
        print(render("db.missing", lang, path=path), file=err)
        return EXIT_USAGE
    interactive = err.isatty()
    shown = {"at": 0.0, "rows": 0}

    def progress(rows: int) -> None:
        # A terminal gets one line rewritten twice a second; a log file a line per 100,000 rows.
        now = time.monotonic()
        due = now - shown["at"] >= 0.5 if interactive else rows - shown["rows"] >= 100_000
        if args.quiet or not due:
            return
        shown["at"], shown["rows"] = now, rows
        end = "\r" if interactive else "\n"
        print(
            render("import.progress", lang, rows=f"{rows:,}".replace(",", ".")), end=end, file=err, flush=True
        )

    def indexing() -> None:
        if not args.quiet:
            print(("\n" if interactive else "") + render("import.indexing", lang), file=err, flush=True)

    store = _open_store(db, lang, err)
    if store is None:
        return EXIT_USAGE
    try:
        report = import_file(store, path, progress=progress, indexing=indexing)
    except FileTooLarge as exc:
        print(exc.message.render(lang), file=err)
        return EXIT_USAGE
    except MissingColumns as exc:
        print(render("import.missing_columns", lang, columns=", ".join(exc.columns)), file=err)
        return EXIT_USAGE
    except FileUnreadable as exc:
        print(render("import.unreadable", lang, path=path.name, reason=exc), file=err)
        return EXIT_USAGE
    finally:
        store.close()
    if interactive and not args.quiet:
        print(file=err)
    for rejection in report.rejections:
        text = rejection.message.render(lang)
        if rejection.field:
            text = f"[{rejection.field}] {text}"
        print(render("import.row", lang, row=rejection.row, message=text), file=err)
    if args.rejects:
        write_rows(
            args.rejects,
            ("row", "field", "reason"),
            ({"row": r.row, "field": r.field, "reason": r.message.render(lang)} for r in report.rejections),
        )
    print(
        render(
            "import.summary",
            lang,
            imported=report.imported,
            skipped=report.skipped,
            rejected=report.rejected_rows,
            seconds=report.seconds,
        ),
        file=out,
    )
    return EXIT_REJECTED if report.rejections else EXIT_OK


def _open_store(db: Path, lang: Language, err: TextIO) -> CaseStore | None:
    """The store, or None with the reason said (a damaged file, one that is not a store)."""
    try:
        return CaseStore(db)
    except (DatabaseError, sqlite3.DatabaseError, OSError, CommandError) as exc:
        reason = str(exc.orig) if isinstance(exc, DatabaseError) else str(exc)
        print(render("db.unreadable", lang, path=db, reason=reason.splitlines()[0][:200]), file=err)
        return None


def _export(store: CaseStore, path: Path, lang: Language, out: TextIO, err: TextIO) -> int:
    try:
        file_format(path)
    except FileFormatError:
        print(render("import.unknown_format", lang, value=path.name), file=err)
        return EXIT_USAGE
    gazetteer = default_gazetteer()

    def ward_name(case: Case) -> str:
        ward = gazetteer.current(case.address.ward_code) if case.address.ward_code is not None else None
        return ward.name if ward else ""

    count = write_rows(path, EXPORT_COLUMNS, (row_from_case(c, ward_name(c)) for c in store.iter_cases()))
    print(render("export.summary", lang, count=count, path=path), file=out)
    return EXIT_OK


def _list(store: CaseStore, args: argparse.Namespace, lang: Language, out: TextIO, err: TextIO) -> int:
    gazetteer, taxonomy = default_gazetteer(), default_taxonomy()
    ward_code = former_code = None
    if args.ward:
        match = gazetteer.resolve(args.ward)
        if match.status == "split" and match.former is not None:
            former_code = match.former.code  # the cases said in it, whichever ward of today they got
        elif match.current is None:
            message = match.message or Message("address.ward_unknown", {"value": args.ward})
            print(message.render(lang), file=err)
            return EXIT_USAGE
        else:
            ward_code = match.current.code
    if args.category and taxonomy.get(args.category) is None:
        choices = ", ".join(c.code for c in taxonomy.top_level())
        print(render("case.category_unknown", lang, value=args.category, choices=choices), file=err)
        return EXIT_USAGE
    phone = None
    if args.phone:
        try:
            phone = parse_phone(args.phone).national or None
        except PhoneError as exc:
            print(exc.message.render(lang), file=err)
            return EXIT_USAGE
    filters = CaseFilter(
        status=Status(args.status) if args.status else None,
        ward_code=ward_code,
        former_ward_code=former_code,
        category=args.category,
        text=args.text,
        phone=phone,
    )
    for case in store.list_cases(filters, limit=args.limit):
        ward = gazetteer.current(case.ward_code) if case.ward_code is not None else None
        category = taxonomy.get(case.category)
        cells = [
            # One clock for every line, the desk's (as the console's list): a case typed here is
            # kept in UTC, one from the server in its own offset.
            case.received_at.astimezone(HCMC_TIME).strftime("%Y-%m-%d %H:%M"),
            case.reference,
            case.name,
            case.phone,
            ward.name if ward else f"{case.ward_as_said} (?)" if case.ward_as_said else "",
            category.label(lang) if category else case.category,
            label(case.status, lang),
        ]
        print("\t".join(cells), file=out)
    return EXIT_OK


_DRAFT_FIELDS = (
    "caller_phone",
    "caller_name",
    "subject_name",
    "subject_phone",
    "address",
    "ward",
    "district",
)


def _find_duplicates(
    store: CaseStore, args: argparse.Namespace, lang: Language, out: TextIO, err: TextIO
) -> int:
    """One JSON line out per line in, in order (the console's candidates panel runs the same code)."""
    if not args.queries.is_file():
        print(render("file.missing", lang, path=args.queries), file=err)
        return EXIT_USAGE
    finder = DuplicateFinder(CandidateIndex(store.engine), default_gazetteer(), lang)
    status = EXIT_OK
    with args.queries.open(encoding="utf-8-sig") as lines:
        for number, line in enumerate(lines, start=1):
            if not line.strip():
                continue
            try:
                row = json.loads(line)
                if not isinstance(row, dict):
                    raise ValueError("not an object")
            except ValueError:
                print(
                    json.dumps(
                        {"candidates": [], "error": render("dup.bad_line", lang, line=number)},
                        ensure_ascii=False,
                    ),
                    file=out,
                )
                status = EXIT_REJECTED
                continue
            draft = CaseDraft()
            for name in _DRAFT_FIELDS:
                if row.get(name) not in (None, ""):
                    setattr(draft, name, str(row[name]))
            if isinstance(row.get("ward_code"), int) and not isinstance(row.get("ward_code"), bool):
                draft.ward_code = row["ward_code"]
            own = store.get_by_external_id(str(row["external_id"])) if row.get("external_id") else None
            try:
                found = finder.find(draft, limit=args.limit, exclude=own.id if own else None)
            except Exception as exc:  # one draft the search cannot take must not stop the others
                problem = render("dup.search_failed", lang, line=number, error=type(exc).__name__)
                print(json.dumps({"candidates": [], "error": problem}, ensure_ascii=False), file=out)
                status = EXIT_REJECTED
                continue
            candidates = [
                {
                    "external_id": c.row.external_id,
                    "case_id": c.row.id,
                    "case_number": c.row.case_number,
                    "score": c.score,
                    "likely": c.likely,
                    "reasons": list(c.reasons),
                }
                for c in found
            ]
            print(json.dumps({"candidates": candidates}, ensure_ascii=False), file=out)
    return status


def _stats(store: CaseStore, lang: Language, out: TextIO) -> int:
    stats = store.stats()
    gazetteer = default_gazetteer()
    taxonomy = default_taxonomy()
    titles = {
        "vi": (
            "Tổng số hồ sơ",
            "Theo trạng thái",
            "Theo lĩnh vực",
            "Theo phường/xã",
            "Chưa xác định phường/xã",
        ),
        "en": ("Cases", "By status", "By category", "By ward/commune", "Ward not resolved"),
    }[lang]
    print(f"{titles[0]}: {stats.total}", file=out)

    def section(title: str, counts: dict[str, int]) -> None:
        print(f"\n{title}", file=out)
        width = max((len(k) for k in counts), default=0)
        for key, count in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])):
            print(f"  {key:<{width}}  {count:>9}", file=out)

    section(titles[1], {label(Status(k), lang): v for k, v in stats.by_status.items()})
    categories: dict[str, int] = {}
    for code, count in stats.by_category.items():
        category = taxonomy.get(code)
        parent = taxonomy.get(category.parent) if category and category.parent else None
        name = category.label(lang) if category else code
        if parent is not None:
            name = f"{parent.label(lang)} › {name}"
        categories[name] = categories.get(name, 0) + count
    section(titles[2], categories)
    wards: dict[str, int] = {}
    for ward_code, count in stats.by_ward.items():
        ward = gazetteer.current(ward_code) if ward_code is not None else None
        name = ward.name if ward else titles[4]
        wards[name] = wards.get(name, 0) + count
    section(titles[3], wards)
    return EXIT_OK
