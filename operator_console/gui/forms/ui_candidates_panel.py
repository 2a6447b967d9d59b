# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'candidates_panel.ui'
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

class Ui_CandidatesPanel(object):
    def setupUi(self, CandidatesPanel):
        if not CandidatesPanel.objectName():
            CandidatesPanel.setObjectName(u"CandidatesPanel")
        CandidatesPanel.resize(600, 200)
        self.layout = QVBoxLayout(CandidatesPanel)
        self.layout.setObjectName(u"layout")
        self.layout.setContentsMargins(0, -1, 0, -1)
        self.titleLabel = QLabel(CandidatesPanel)
        self.titleLabel.setObjectName(u"titleLabel")

        self.layout.addWidget(self.titleLabel)

        self.summaryLabel = QLabel(CandidatesPanel)
        self.summaryLabel.setObjectName(u"summaryLabel")
        self.summaryLabel.setWordWrap(True)

        self.layout.addWidget(self.summaryLabel)

        self.candidatesTable = QTableView(CandidatesPanel)
        self.candidatesTable.setObjectName(u"candidatesTable")
        self.candidatesTable.setMaximumSize(QSize(16777215, 235))

        self.layout.addWidget(self.candidatesTable)


        self.retranslateUi(CandidatesPanel)

        QMetaObject.connectSlotsByName(CandidatesPanel)
    # setupUi

    def retranslateUi(self, CandidatesPanel):
        self.titleLabel.setText(QCoreApplication.translate("CandidatesPanel", u"Probably the same need (Ctrl+1\u20265 opens one)", None))
#if QT_CONFIG(accessibility)
        self.summaryLabel.setAccessibleName(QCoreApplication.translate("CandidatesPanel", u"What the duplicate search found", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.candidatesTable.setAccessibleName(QCoreApplication.translate("CandidatesPanel", u"Earlier cases that may be the same need, best first", None))
#endif // QT_CONFIG(accessibility)
        pass
    # retranslateUi

