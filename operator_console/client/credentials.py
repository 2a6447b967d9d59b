"""The login token in the operating system's keyring, never in a file of ours.

The token is kept under the service ``operator-console`` and the name ``<server>|<user>``, so one
workstation can know several servers and operators; logging out forgets it.

Only a real OS keyring will do (Windows Credential Locker, macOS Keychain, the Secret Service of
GNOME or KDE). The trap: ``keyring`` falls back silently to whatever else is installed, and with
``keyrings.alt`` present and no Secret Service running it writes secrets into a plain-text file in
the home folder. :func:`check_backend` refuses such a backend (and the "fail"/"null" ones) with a
message for the operator and one for IT; the console then asks for the password at each start and
keeps the token in memory only.
"""

from __future__ import annotations

from contextlib import suppress
from dataclasses import dataclass

import keyring
from keyring.backend import KeyringBackend
from keyring.errors import KeyringError

from operator_console.domain.messages import render

SERVICE = "operator-console"
# Modules whose backends are not an OS keyring: files (plain or with a password in a file), the
# fail and null placeholders.
_NOT_A_KEYRING = ("keyrings.alt", "keyring.backends.fail", "keyring.backends.null")


class InsecureKeyring(Exception):
    def __init__(self, backend: str) -> None:
        super().__init__(backend)
        self.backend = backend

    def message(self, language: str) -> str:
        return render("keyring.insecure", "vi" if language == "vi" else "en")

    def for_it(self) -> str:
        return (
            f"keyring backend {self.backend} is not an OS keyring; install and unlock one "
            "(Secret Service: gnome-keyring or KWallet; Windows and macOS have theirs)"
        )


def _backends(backend: KeyringBackend) -> list[KeyringBackend]:
    inner = getattr(backend, "backends", None)  # the chainer: every backend it would try
    return list(inner) if inner else [backend]


def check_backend(backend: KeyringBackend | None = None) -> KeyringBackend:
    """The keyring in use, if it is a real one; else :class:`InsecureKeyring`."""
    backend = backend or keyring.get_keyring()
    chain = _backends(backend)
    for candidate in chain:
        module = type(candidate).__module__
        if module.startswith(_NOT_A_KEYRING):
            raise InsecureKeyring(f"{module}.{type(candidate).__name__}")
    if not chain:
        raise InsecureKeyring(type(backend).__name__)
    return backend


@dataclass(frozen=True)
class TokenVault:
    backend: KeyringBackend

    @classmethod
    def system(cls) -> TokenVault:
        """The OS keyring, checked (:class:`InsecureKeyring` when there is none)."""
        return cls(check_backend())

    @staticmethod
    def _name(server: str, username: str) -> str:
        return f"{server.rstrip('/')}|{username}"

    def load(self, server: str, username: str) -> str | None:
        try:
            return self.backend.get_password(SERVICE, self._name(server, username))
        except KeyringError:
            return None

    def save(self, server: str, username: str, token: str) -> None:
        self.backend.set_password(SERVICE, self._name(server, username), token)

    def forget(self, server: str, username: str) -> None:
        with suppress(KeyringError):  # nothing was kept: forgotten already
            self.backend.delete_password(SERVICE, self._name(server, username))
