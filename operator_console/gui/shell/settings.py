"""The console's settings, declared once with their type and default, stored with QSettings.

Every setting lives here; widgets read and write them through :class:`Settings`, never through
string keys of their own. ``VERSION`` and ``_UPGRADES`` carry older stored settings forward.

Two files, read in this order (docs/configuration.md):

- the machine's, written by IT (``/etc/xdg/1022/operator-console.ini`` on Linux,
  ``%ProgramData%\\1022\\operator-console.ini`` on Windows; ``OPERATOR_CONSOLE_MACHINE_CONFIG``
  names another), never written by the console;
- the user's (``~/.config/1022/operator-console.ini``, ``%APPDATA%\\1022\\…``), written by the
  settings dialog.

A value the user set wins over the machine's, which wins over the default; but with
``[policy] locked=true`` in the machine's file, every value that file sets wins and the settings
dialog shows it greyed out. Secrets never go in either file: the server's token lives in the OS
keyring.
"""

from __future__ import annotations

import configparser
import os
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Generic, Literal, TypeVar
from urllib.parse import urlsplit

from PySide6.QtCore import QSettings

from operator_console.client.api import secure_address
from operator_console.logs import LEVELS
from operator_console.paths import APP_AUTHOR, APP_NAME

T = TypeVar("T", str, int, bool)


@dataclass(frozen=True)
class Setting(Generic[T]):
    key: str
    default: T
    description: str
    normalize: Callable[[T], T] | None = None
    """How a value as written (by IT, by hand) is read: ``str.upper`` for ``info``."""


LANGUAGE = Setting("ui/language", "vi", "Language of the interface: vi or en")
FONT_SIZE = Setting("ui/font_size", 11, "Font size in points (large-font mode for long shifts: 14 or more)")
OPERATOR = Setting("operator/name", "", "The operator's name or login, stamped on each case")
SERVER_URL = Setting(
    "server/url", "", "The central server's address (https://…); empty: this workstation only"
)
SERVER_USER = Setting(
    "server/username", "", "The account last logged in to the server (its token: in the OS keyring)"
)
SERVER_ROLE = Setting(
    "server/role",
    "",
    "That account's role, unit and duties as the server last said (a monitor's console opens "
    "read-only at once, a unit's on its worklist)",
)
CA_BUNDLE = Setting(
    "server/ca_bundle",
    "",
    "A PEM file of the CA certificates to trust for the server (a city's own PKI);"
    " empty: the public CAs the console ships (Mozilla's list, from certifi)",
)
READ_TIMEOUT_S = Setting(
    "server/read_timeout_s", 15, "Seconds to wait for the server's answer before trying again later"
)
PROXY = Setting(
    "server/proxy",
    "",
    "An HTTP(S) proxy to reach the server (http://proxy.example:3128); empty: the system's proxy settings",
)
REPLICA_DAYS = Setting(
    "server/replica_days", 90, "Days of the city's cases kept here from the server's feed (7 to 365)"
)
LOG_LEVEL = Setting(
    "logging/level", "INFO", "How much the log files say: DEBUG, INFO, WARNING or ERROR", str.upper
)
CONSOLE_ID = Setting(
    "console/id", "", "This console's id in its heartbeats to the server (made at first start)"
)

# What IT sets for a machine, and what the settings dialog shows under "Connection (IT)".
MACHINE_SETTINGS: tuple[Setting[str] | Setting[int], ...] = (
    SERVER_URL,
    CA_BUNDLE,
    PROXY,
    READ_TIMEOUT_S,
    REPLICA_DAYS,
    LOG_LEVEL,
)
LOCKED = "policy/locked"
MACHINE_CONFIG_ENV = "OPERATOR_CONSOLE_MACHINE_CONFIG"

VERSION = 2


def _drop_empty_machine_settings(store: QSettings) -> None:
    """The first release's dialog wrote ``server/url`` (often empty) on every save: an empty value
    there meant "not set", and must not hide the machine's address now. (Builds of the day the
    machine file came, still at version 1, could hold a deliberately empty proxy or CA: those read
    as "not set" too, which is what an empty value means anyway.)"""
    for setting in MACHINE_SETTINGS:
        if store.contains(setting.key) and str(store.value(setting.key, "")).strip() == "":
            store.remove(setting.key)


_UPGRADES: dict[int, Callable[[QSettings], None]] = {1: _drop_empty_machine_settings}


def machine_config_path() -> Path:
    """Where IT's file for this machine is read from (it need not exist).

    A fixed path, not Qt's system scope: on Linux that follows the first entry of
    ``XDG_CONFIG_DIRS``, which desktop sessions change (``/etc/xdg/xdg-ubuntu``, KDE's folder in
    the user's home), so IT's file would be missed, or be writable by the user."""
    named = os.environ.get(MACHINE_CONFIG_ENV)
    if named:
        return Path(named)
    if sys.platform == "win32":
        return Path(os.environ.get("PROGRAMDATA", r"C:\ProgramData")) / APP_AUTHOR / f"{APP_NAME}.ini"
    if sys.platform == "darwin":
        return Path("/Library/Preferences") / APP_AUTHOR / f"{APP_NAME}.ini"
    return Path("/etc/xdg") / APP_AUTHOR / f"{APP_NAME}.ini"


def user_settings() -> QSettings:
    store = QSettings(QSettings.Format.IniFormat, QSettings.Scope.UserScope, APP_AUTHOR, APP_NAME)
    store.setFallbacksEnabled(False)  # the machine's file is read by Settings, with its lock
    return store


class MachineConfig:
    """IT's file, read as written: with ``configparser``, not QSettings, because QSettings reads a
    backslash as an escape and would turn ``C:\\ProgramData\\1022\\city-ca.pem`` into garbage."""

    def __init__(self, values: dict[str, str], path: Path | None = None, problem: str = "") -> None:
        self._values, self.path, self.problem = values, path, problem

    @classmethod
    def read(cls, path: Path | None = None) -> MachineConfig:
        """The file at ``path`` (default: :func:`machine_config_path`); empty when there is none."""
        path = path or machine_config_path()
        # Lenient as QSettings was: a key given twice takes the last value, a section twice merges.
        parser = configparser.ConfigParser(interpolation=None, strict=False)
        try:
            with path.open(encoding="utf-8-sig") as handle:  # Notepad writes a byte-order mark
                parser.read_file(handle)
        except FileNotFoundError:
            return cls({}, path)
        except (OSError, UnicodeDecodeError, configparser.Error) as error:
            return cls({}, path, f"{type(error).__name__}: {error}")
        values = {
            f"{section.strip().lower()}/{option}": _unquoted(value.strip())
            for section in parser.sections()
            for option, value in parser.items(section)
        }
        return cls(values, path)

    @property
    def found(self) -> bool:
        return bool(self._values)

    def contains(self, key: str) -> bool:
        return key in self._values

    def value(self, key: str, default: object = None) -> object:
        return self._values.get(key, default)


class Settings:
    def __init__(self, store: QSettings, machine: MachineConfig | None = None) -> None:
        self._store = store
        self._machine = machine
        self._upgrade()

    @property
    def locked_by_it(self) -> bool:
        return self._machine is not None and _true(self._machine.value(LOCKED, False))

    def locked(self, setting: Setting[Any]) -> bool:
        """IT's file sets this value and locks it: the user's value is ignored and cannot be set."""
        return self.locked_by_it and self.from_machine(setting)

    def user_set(self, setting: Setting[Any]) -> bool:
        return self._store.contains(setting.key)

    def from_machine(self, setting: Setting[Any]) -> bool:
        return self._machine is not None and self._machine.contains(setting.key)

    def machine_value(self, setting: Setting[T]) -> T | None:
        if self._machine is None or not self._machine.contains(setting.key):
            return None
        return _typed(setting, self._machine.value(setting.key, setting.default))

    def get(self, setting: Setting[T]) -> T:
        """The value that applies (see the module's note), or the default when it is missing or not
        of the setting's type."""
        machine = self.machine_value(setting)
        if machine is not None and (self.locked(setting) or not self.user_set(setting)):
            return machine
        return _typed(setting, self._store.value(setting.key, setting.default))

    def set(self, setting: Setting[T], value: T) -> None:
        if self.locked(setting):
            return  # IT's value wins; the dialog does not offer the field
        self._store.setValue(setting.key, value)

    def keep(self, setting: Setting[T], value: T) -> None:
        """The user's choice of a value IT may also set: written only where it differs from the
        machine's; equal to the machine's, the user's own value is forgotten, so that IT's later
        changes reach this user too."""
        if self.locked(setting):
            return
        if self.from_machine(setting) and value == self.machine_value(setting):
            self.reset(setting)
        elif value != self.get(setting) or self.user_set(setting):
            self.set(setting, value)

    def reset(self, setting: Setting[T]) -> None:
        """Forget the user's own value: the machine's (or the default) applies again."""
        self._store.remove(setting.key)

    def sync(self) -> None:
        self._store.sync()

    def _upgrade(self) -> None:
        try:
            stored = int(str(self._store.value("settings/version", VERSION)))
        except ValueError:  # a hand-edited file: take it as it is
            stored = VERSION
        for version in range(stored, VERSION):
            _UPGRADES[version](self._store)
        self._store.setValue("settings/version", VERSION)


def proxy_problem(proxy: str) -> Literal["format", "credentials"] | None:
    """``format``: not http(s)://host[:port]; ``credentials``: a user or password in it (settings
    files are plain text: no password goes in them)."""
    if not proxy:
        return None
    parts = urlsplit(proxy)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        return "format"
    if parts.username or parts.password:
        return "credentials"
    return None


def configuration_problems(settings: Settings) -> list[str]:
    """What is wrong with the configuration that applies, for IT (the log, the self-check)."""
    problems = []
    server = settings.get(SERVER_URL)
    if server and not secure_address(server):
        problems.append(f"{SERVER_URL.key}: not an https:// address")
    ca_bundle = settings.get(CA_BUNDLE)
    if ca_bundle and not Path(ca_bundle).is_file():
        problems.append(f"{CA_BUNDLE.key}: no file at {ca_bundle}")
    proxy = proxy_problem(settings.get(PROXY))
    if proxy == "format":
        problems.append(f"{PROXY.key}: not written http://host:port")
    elif proxy == "credentials":
        problems.append(f"{PROXY.key}: holds a user name or password (not allowed in a settings file)")
    if settings.get(LOG_LEVEL) not in LEVELS:
        problems.append(f"{LOG_LEVEL.key}: not DEBUG, INFO, WARNING or ERROR")
    return problems


def _unquoted(value: str) -> str:
    """``"true"`` as ``true``: QSettings read quoted values so, and IT's files have them."""
    if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'":
        return value[1:-1]
    return value


def _true(value: object) -> bool:
    return value.strip().lower() in ("true", "1", "yes") if isinstance(value, str) else bool(value)


def _typed(setting: Setting[T], value: object) -> T:
    default = setting.default
    result: str | int | bool
    try:
        if isinstance(default, bool):
            result = _true(value)
        elif isinstance(default, int):
            result = int(str(value))
        else:
            result = str(value)
    except ValueError:
        return default
    if setting.normalize is not None:
        result = setting.normalize(result)
    return result
