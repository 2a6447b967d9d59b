"""One console per user: a second start hands its request to the running one over a local socket.

This is how caller ID arrives: the workstation's telephony client (a softphone, a CTI agent, an
Asterisk AGI script run on the desktop) runs ``operator-console --incoming-call NUMBER``; that
process finds the running console, hands it the number and exits. The socket's name is private to
the user's data folder (two users, or a test's own folder, never meet).
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from enum import Enum
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtNetwork import QLocalServer, QLocalSocket

WAIT_MS = 2000


def socket_name(data_dir: Path) -> str:
    digest = hashlib.sha256(str(data_dir.resolve()).encode()).hexdigest()[:16]
    return f"operator-console-{digest}"


class Handover(Enum):
    DELIVERED = "delivered"
    NO_CONSOLE = "no console"
    NO_ANSWER = "no answer"
    """A console listens but did not confirm: it is busy or hung; starting another would take its place."""
    REFUSED = "refused"
    """The running console cannot take it: its account takes no calls (a monitor's)."""


def hand_over(name: str, message: dict[str, Any]) -> Handover:
    """Give ``message`` to the running console."""
    socket = QLocalSocket()
    socket.connectToServer(name)
    if not socket.waitForConnected(WAIT_MS):
        return Handover.NO_CONSOLE
    socket.write((json.dumps(message) + "\n").encode())
    socket.waitForBytesWritten(WAIT_MS)  # False when flushed already: the answer below is what counts
    answer = bytes(socket.readAll().data()) if socket.waitForReadyRead(WAIT_MS) else b""
    socket.disconnectFromServer()
    if answer.startswith(b"ok"):
        return Handover.DELIVERED
    return Handover.REFUSED if answer.startswith(b"refused") else Handover.NO_ANSWER


Judge = Callable[[dict[str, Any]], bool]
"""Whether the running console takes a message (a call, on an account that takes calls)."""


class InstanceServer(QObject):
    message = Signal(dict)

    def __init__(self, name: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.judge: Judge = lambda _message: True
        self._server = QLocalServer(self)
        self._server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        # A console that was killed leaves its socket file behind: take its place.
        QLocalServer.removeServer(name)
        if not self._server.listen(name):
            raise OSError(self._server.errorString())
        self._server.newConnection.connect(self._accept)

    def close(self) -> None:
        self._server.close()

    def _accept(self) -> None:
        while (socket := self._server.nextPendingConnection()) is not None:
            socket.readyRead.connect(lambda s=socket: self._read(s))

    def _read(self, socket: QLocalSocket) -> None:
        if not socket.canReadLine():
            return
        line = bytes(socket.readLine().data()).decode(errors="replace")
        try:
            message = json.loads(line)
        except ValueError:
            message = None
        taken = isinstance(message, dict) and self.judge(message)
        # Refused, the sender says so and exits non-zero (the telephony hook's log shows why); the
        # console still shows the message (a monitor sees that a call came and was not taken).
        socket.write(b"ok\n" if taken or not isinstance(message, dict) else b"refused\n")
        socket.flush()
        if isinstance(message, dict):
            self.message.emit(message)
