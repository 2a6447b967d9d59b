# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'caller_history.ui'
##
## Created by: Qt User Interface Compiler version 6.11.3
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
from PySide6.QtWidgets import (QApplication, QHeaderView, QLabel, QSizePolicy,
    QTableView, QVBoxLayout, QWidget)

class Ui_CallerHistory(object):
    def setupUi(self, CallerHistory):
        if not CallerHistory.objectName():
            CallerHistory.setObjectName(u"CallerHistory")
        CallerHistory.resize(600, 200)
        self.layout = QVBoxLayout(CallerHistory)
        self.layout.setObjectName(u"layout")
        self.layout.setContentsMargins(0, -1, 0, -1)
        self.titleLabel = QLabel(CallerHistory)
        self.titleLabel.setObjectName(u"titleLabel")

        self.layout.addWidget(self.titleLabel)

        self.summaryLabel = QLabel(CallerHistory)
        self.summaryLabel.setObjectName(u"summaryLabel")
        self.summaryLabel.setWordWrap(True)

        self.layout.addWidget(self.summaryLabel)

        self.historyTable = QTableView(CallerHistory)
        self.historyTable.setObjectName(u"historyTable")
        self.historyTable.setMaximumSize(QSize(16777215, 125))

        self.layout.addWidget(self.historyTable)


        self.retranslateUi(CallerHistory)

        QMetaObject.connectSlotsByName(CallerHistory)
    # setupUi

    def retranslateUi(self, CallerHistory):
        self.titleLabel.setText(QCoreApplication.translate("CallerHistory", u"Earlier calls from this number", None))
#if QT_CONFIG(accessibility)
        self.summaryLabel.setAccessibleName(QCoreApplication.translate("CallerHistory", u"What this number called about before", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.historyTable.setAccessibleName(QCoreApplication.translate("CallerHistory", u"Earlier cases of this caller", None))
#endif // QT_CONFIG(accessibility)
        pass
    # retranslateUi

