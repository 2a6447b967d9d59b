"""The login token goes to a real OS keyring or nowhere.

No OS keyring runs here (no Secret Service on a headless CI machine), so the tests choose their
backend explicitly: a small in-memory one standing in for the OS keyring, and the real
``keyrings.alt`` plain-text backend that must be refused. The developer's own keyring is never
touched.
"""

from __future__ import annotations

import pytest
from keyring.backend import KeyringBackend
from keyring.backends.chainer import ChainerBackend
from keyring.backends.fail import Keyring as FailKeyring
from keyrings.alt.file import PlaintextKeyring

from operator_console.client.credentials import InsecureKeyring, TokenVault, check_backend
from tests.keyring_stand_in import MemoryKeyring


def test_the_token_is_kept_per_server_and_user_and_logout_forgets_it() -> None:
    vault = TokenVault(check_backend(MemoryKeyring()))
    vault.save("https://1022.example.vn/", "lan", "token-a")
    vault.save("https://1022.example.vn", "minh", "token-b")
    assert vault.load("https://1022.example.vn", "lan") == "token-a"
    assert vault.load("https://other.example.vn", "lan") is None
    vault.forget("https://1022.example.vn", "lan")
    vault.forget("https://1022.example.vn", "lan")  # twice: no error
    assert vault.load("https://1022.example.vn", "lan") is None
    assert vault.load("https://1022.example.vn", "minh") == "token-b"


@pytest.mark.parametrize("backend", [PlaintextKeyring(), FailKeyring()], ids=["plain-text file", "fail"])
def test_a_file_or_placeholder_backend_is_refused_with_a_message_for_the_operator_and_it(
    backend: KeyringBackend,
) -> None:
    with pytest.raises(InsecureKeyring) as refused:
        check_backend(backend)
    assert "Báo bộ phận CNTT" in refused.value.message("vi")
    assert "not an OS keyring" in refused.value.for_it()


def test_a_chain_that_would_fall_back_to_a_file_is_refused() -> None:
    chain = ChainerBackend()
    chain.__dict__["backends"] = [MemoryKeyring(), PlaintextKeyring()]
    with pytest.raises(InsecureKeyring):
        check_backend(chain)
