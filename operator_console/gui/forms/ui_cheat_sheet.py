# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'cheat_sheet.ui'
##
## Created by: Qt User Interface Compiler version 6.12.0
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, QDate, QDateTime, QLocale,
    QMetaObject, QObject, QPoint, QRect,
    QSize, QTime, QUrl, Qt)
from PySide6.QtGui import (QBrush, QColor, QConicalGradient, QCursor,
    QFont, QFontDatabase, QGradient, QIcon,
    QImage, QKeySequence, QLinearGradient, QPainter,
    QPalette, QPixmap, QRadialGradient, QTransform)
from PySide6.QtWidgets import (QAbstractButton, QAbstractItemView, QApplication, QDialog,
    QDialogButtonBox, QHeaderView, QSizePolicy, QTableWidget,
    QTableWidgetItem, QVBoxLayout, QWidget)

class Ui_CheatSheet(object):
    def setupUi(self, CheatSheet):
        if not CheatSheet.objectName():
            CheatSheet.setObjectName(u"CheatSheet")
        CheatSheet.resize(560, 640)
        self.layout = QVBoxLayout(CheatSheet)
        self.layout.setObjectName(u"layout")
        self.keysTable = QTableWidget(CheatSheet)
        self.keysTable.setObjectName(u"keysTable")
        self.keysTable.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.keysTable.setColumnCount(2)

        self.layout.addWidget(self.keysTable)

        self.buttons = QDialogButtonBox(CheatSheet)
        self.buttons.setObjectName(u"buttons")
        self.buttons.setStandardButtons(QDialogButtonBox.Close)

        self.layout.addWidget(self.buttons)


        self.retranslateUi(CheatSheet)
        self.buttons.rejected.connect(CheatSheet.reject)

        QMetaObject.connectSlotsByName(CheatSheet)
    # setupUi

    def retranslateUi(self, CheatSheet):
        CheatSheet.setWindowTitle(QCoreApplication.translate("CheatSheet", u"Keys", None))
#if QT_CONFIG(accessibility)
        self.keysTable.setAccessibleName(QCoreApplication.translate("CheatSheet", u"Every key of the console", None))
#endif // QT_CONFIG(accessibility)
    # retranslateUi

