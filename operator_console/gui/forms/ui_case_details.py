# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'case_details.ui'
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
from PySide6.QtWidgets import (QAbstractButton, QApplication, QDialog, QDialogButtonBox,
    QSizePolicy, QTextBrowser, QVBoxLayout, QWidget)

class Ui_CaseDetails(object):
    def setupUi(self, CaseDetails):
        if not CaseDetails.objectName():
            CaseDetails.setObjectName(u"CaseDetails")
        CaseDetails.resize(720, 620)
        self.layout = QVBoxLayout(CaseDetails)
        self.layout.setObjectName(u"layout")
        self.details = QTextBrowser(CaseDetails)
        self.details.setObjectName(u"details")
        self.details.setOpenLinks(False)

        self.layout.addWidget(self.details)

        self.buttons = QDialogButtonBox(CaseDetails)
        self.buttons.setObjectName(u"buttons")
        self.buttons.setStandardButtons(QDialogButtonBox.Close)

        self.layout.addWidget(self.buttons)


        self.retranslateUi(CaseDetails)
        self.buttons.rejected.connect(CaseDetails.reject)

        QMetaObject.connectSlotsByName(CaseDetails)
    # setupUi

    def retranslateUi(self, CaseDetails):
        CaseDetails.setWindowTitle(QCoreApplication.translate("CaseDetails", u"Case", None))
#if QT_CONFIG(accessibility)
        self.details.setAccessibleName(QCoreApplication.translate("CaseDetails", u"The case, its contacts and its history", None))
#endif // QT_CONFIG(accessibility)
    # retranslateUi

