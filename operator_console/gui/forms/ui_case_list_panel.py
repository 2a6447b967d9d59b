# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'case_list_panel.ui'
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
from PySide6.QtWidgets import (QApplication, QComboBox, QHBoxLayout, QHeaderView,
    QLabel, QLineEdit, QSizePolicy, QTableView,
    QVBoxLayout, QWidget)

class Ui_CaseListPanel(object):
    def setupUi(self, CaseListPanel):
        if not CaseListPanel.objectName():
            CaseListPanel.setObjectName(u"CaseListPanel")
        CaseListPanel.resize(800, 500)
        self.layout = QVBoxLayout(CaseListPanel)
        self.layout.setObjectName(u"layout")
        self.layout.setContentsMargins(0, -1, 0, -1)
        self.titleLabel = QLabel(CaseListPanel)
        self.titleLabel.setObjectName(u"titleLabel")

        self.layout.addWidget(self.titleLabel)

        self.filters = QHBoxLayout()
        self.filters.setObjectName(u"filters")
        self.textFilter = QLineEdit(CaseListPanel)
        self.textFilter.setObjectName(u"textFilter")
        self.textFilter.setClearButtonEnabled(True)

        self.filters.addWidget(self.textFilter)

        self.wardFilter = QLineEdit(CaseListPanel)
        self.wardFilter.setObjectName(u"wardFilter")
        self.wardFilter.setClearButtonEnabled(True)

        self.filters.addWidget(self.wardFilter)

        self.statusFilter = QComboBox(CaseListPanel)
        self.statusFilter.setObjectName(u"statusFilter")

        self.filters.addWidget(self.statusFilter)

        self.categoryFilter = QComboBox(CaseListPanel)
        self.categoryFilter.setObjectName(u"categoryFilter")

        self.filters.addWidget(self.categoryFilter)

        self.filters.setStretch(0, 3)
        self.filters.setStretch(1, 2)
        self.filters.setStretch(2, 1)
        self.filters.setStretch(3, 1)

        self.layout.addLayout(self.filters)

        self.filterHint = QLabel(CaseListPanel)
        self.filterHint.setObjectName(u"filterHint")

        self.layout.addWidget(self.filterHint)

        self.caseTable = QTableView(CaseListPanel)
        self.caseTable.setObjectName(u"caseTable")

        self.layout.addWidget(self.caseTable)

        self.matchedLine = QLabel(CaseListPanel)
        self.matchedLine.setObjectName(u"matchedLine")
        self.matchedLine.setWordWrap(True)

        self.layout.addWidget(self.matchedLine)

        QWidget.setTabOrder(self.textFilter, self.wardFilter)
        QWidget.setTabOrder(self.wardFilter, self.statusFilter)
        QWidget.setTabOrder(self.statusFilter, self.categoryFilter)
        QWidget.setTabOrder(self.categoryFilter, self.caseTable)

        self.retranslateUi(CaseListPanel)

        QMetaObject.connectSlotsByName(CaseListPanel)
    # setupUi

    def retranslateUi(self, CaseListPanel):
        self.titleLabel.setText(QCoreApplication.translate("CaseListPanel", u"Recent cases", None))
        self.textFilter.setPlaceholderText(QCoreApplication.translate("CaseListPanel", u"Find\u2026 (Ctrl+F)", None))
#if QT_CONFIG(accessibility)
        self.textFilter.setAccessibleName(QCoreApplication.translate("CaseListPanel", u"Find in the case list", None))
#endif // QT_CONFIG(accessibility)
        self.wardFilter.setPlaceholderText(QCoreApplication.translate("CaseListPanel", u"Ward", None))
#if QT_CONFIG(accessibility)
        self.wardFilter.setAccessibleName(QCoreApplication.translate("CaseListPanel", u"Show the cases of this ward", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.statusFilter.setAccessibleName(QCoreApplication.translate("CaseListPanel", u"Show the cases of this status", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.categoryFilter.setAccessibleName(QCoreApplication.translate("CaseListPanel", u"Show the cases of this category", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.filterHint.setAccessibleName(QCoreApplication.translate("CaseListPanel", u"What the filter found", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.caseTable.setAccessibleName(QCoreApplication.translate("CaseListPanel", u"Recent cases", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.matchedLine.setAccessibleName(QCoreApplication.translate("CaseListPanel", u"Why the selected case was found", None))
#endif // QT_CONFIG(accessibility)
        pass
    # retranslateUi

