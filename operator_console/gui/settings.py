"""The console's settings, declared once with their type and default, stored with QSettings.

Every setting lives here; widgets read and write them through :class:`Settings`, never through
string keys of their own. ``VERSION`` and ``_UPGRADES`` carry older stored settings forward.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Generic, TypeVar

from PySide6.QtCore import QSettings

T = TypeVar("T", str, int, bool)


@dataclass(frozen=True)
class Setting(Generic[T]):
    key: str
    default: T
    description: str


LANGUAGE = Setting("ui/language", "vi", "Language of the interface: vi or en")
FONT_SIZE = Setting("ui/font_size", 11, "Font size in points (large-font mode for long shifts: 14 or more)")
OPERATOR = Setting("operator/name", "", "The operator's name or login, stamped on each case")
SERVER_URL = Setting(
    "server/url", "", "The central server's address (https://…); empty: this workstation only"
)
SERVER_USER = Setting(
    "server/username", "", "The account last logged in to the server (its token: in the OS keyring)"
)
CA_BUNDLE = Setting(
    "server/ca_bundle",
    "",
    "A PEM file of the CA certificates to trust for the server (a city's own PKI); empty: the system's",
)
READ_TIMEOUT_S = Setting(
    "server/read_timeout_s", 15, "Seconds to wait for the server's answer before trying again later"
)
CONSOLE_ID = Setting(
    "console/id", "", "This console's id in its heartbeats to the server (made at first start)"
)

VERSION = 1
_UPGRADES: dict[int, Callable[[QSettings], None]] = {}


class Settings:
    def __init__(self, store: QSettings) -> None:
        self._store = store
        self._upgrade()

    def get(self, setting: Setting[T]) -> T:
        """The stored value, or the default when it is missing or not of the setting's type."""
        value = self._store.value(setting.key, setting.default)
        default = setting.default
        result: str | int | bool
        try:
            if isinstance(default, bool):
                result = value.lower() == "true" if isinstance(value, str) else bool(value)
            elif isinstance(default, int):
                result = int(str(value))
            else:
                result = str(value)
        except ValueError:
            return default
        return result

    def set(self, setting: Setting[T], value: T) -> None:
        self._store.setValue(setting.key, value)

    def sync(self) -> None:
        self._store.sync()

    def _upgrade(self) -> None:
        stored = int(str(self._store.value("settings/version", VERSION)))
        for version in range(stored, VERSION):
            _UPGRADES[version](self._store)
        self._store.setValue("settings/version", VERSION)
