"""Draws the console's icon (``operator-console.png`` 256 px, ``operator-console.ico`` for the Windows
executable) with Qt, so that it needs no image editor and no font outside the system's DejaVu.

    QT_QPA_PLATFORM=offscreen python resources/icons/make_icon.py
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QFont, QGuiApplication, QImage, QPainter, QPainterPath, QPen

HERE = Path(__file__).resolve().parent


def draw(size: int) -> QImage:
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    frame = QRectF(size * 0.04, size * 0.04, size * 0.92, size * 0.92)
    path = QPainterPath()
    path.addRoundedRect(frame, size * 0.18, size * 0.18)
    painter.fillPath(path, QColor("#b3261e"))  # the hotline's red, as on the city's 1022 posters
    painter.setPen(QPen(QColor("#ffffff")))
    font = QFont("DejaVu Sans", 1)
    font.setBold(True)
    font.setPixelSize(int(size * 0.27))
    painter.setFont(font)
    painter.drawText(frame.adjusted(0, -size * 0.08, 0, -size * 0.08), Qt.AlignmentFlag.AlignCenter, "1022")
    # A line under the number: the switchboard's desk.
    painter.fillRect(QRectF(size * 0.22, size * 0.70, size * 0.56, size * 0.06), QColor("#ffffff"))
    painter.end()
    return image


def main() -> None:
    app = QGuiApplication([])
    draw(256).save(str(HERE / "operator-console.png"))
    draw(256).save(str(HERE / "operator-console.ico"))
    del app


if __name__ == "__main__":
    main()
