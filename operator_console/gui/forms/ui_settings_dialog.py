# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'settings_dialog.ui'
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
from PySide6.QtWidgets import (QAbstractButton, QApplication, QComboBox, QDialog,
    QDialogButtonBox, QFormLayout, QLabel, QLineEdit,
    QSizePolicy, QSpinBox, QVBoxLayout, QWidget)

class Ui_SettingsDialog(object):
    def setupUi(self, SettingsDialog):
        if not SettingsDialog.objectName():
            SettingsDialog.setObjectName(u"SettingsDialog")
        SettingsDialog.resize(520, 260)
        self.layout = QVBoxLayout(SettingsDialog)
        self.layout.setObjectName(u"layout")
        self.form = QFormLayout()
        self.form.setObjectName(u"form")
        self.operatorLabel = QLabel(SettingsDialog)
        self.operatorLabel.setObjectName(u"operatorLabel")

        self.form.setWidget(0, QFormLayout.ItemRole.LabelRole, self.operatorLabel)

        self.operatorEdit = QLineEdit(SettingsDialog)
        self.operatorEdit.setObjectName(u"operatorEdit")

        self.form.setWidget(0, QFormLayout.ItemRole.FieldRole, self.operatorEdit)

        self.serverLabel = QLabel(SettingsDialog)
        self.serverLabel.setObjectName(u"serverLabel")

        self.form.setWidget(1, QFormLayout.ItemRole.LabelRole, self.serverLabel)

        self.serverEdit = QLineEdit(SettingsDialog)
        self.serverEdit.setObjectName(u"serverEdit")

        self.form.setWidget(1, QFormLayout.ItemRole.FieldRole, self.serverEdit)

        self.languageLabel = QLabel(SettingsDialog)
        self.languageLabel.setObjectName(u"languageLabel")

        self.form.setWidget(2, QFormLayout.ItemRole.LabelRole, self.languageLabel)

        self.languageCombo = QComboBox(SettingsDialog)
        self.languageCombo.setObjectName(u"languageCombo")

        self.form.setWidget(2, QFormLayout.ItemRole.FieldRole, self.languageCombo)

        self.fontLabel = QLabel(SettingsDialog)
        self.fontLabel.setObjectName(u"fontLabel")

        self.form.setWidget(3, QFormLayout.ItemRole.LabelRole, self.fontLabel)

        self.fontSpin = QSpinBox(SettingsDialog)
        self.fontSpin.setObjectName(u"fontSpin")
        self.fontSpin.setMinimum(9)
        self.fontSpin.setMaximum(24)

        self.form.setWidget(3, QFormLayout.ItemRole.FieldRole, self.fontSpin)


        self.layout.addLayout(self.form)

        self.serverError = QLabel(SettingsDialog)
        self.serverError.setObjectName(u"serverError")
        self.serverError.setWordWrap(True)

        self.layout.addWidget(self.serverError)

        self.note = QLabel(SettingsDialog)
        self.note.setObjectName(u"note")
        self.note.setWordWrap(True)

        self.layout.addWidget(self.note)

        self.buttons = QDialogButtonBox(SettingsDialog)
        self.buttons.setObjectName(u"buttons")
        self.buttons.setStandardButtons(QDialogButtonBox.Cancel|QDialogButtonBox.Ok)

        self.layout.addWidget(self.buttons)

#if QT_CONFIG(shortcut)
        self.operatorLabel.setBuddy(self.operatorEdit)
        self.serverLabel.setBuddy(self.serverEdit)
        self.languageLabel.setBuddy(self.languageCombo)
        self.fontLabel.setBuddy(self.fontSpin)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(SettingsDialog)
        self.buttons.rejected.connect(SettingsDialog.reject)

        QMetaObject.connectSlotsByName(SettingsDialog)
    # setupUi

    def retranslateUi(self, SettingsDialog):
        SettingsDialog.setWindowTitle(QCoreApplication.translate("SettingsDialog", u"Settings", None))
        self.operatorLabel.setText(QCoreApplication.translate("SettingsDialog", u"&Operator", None))
        self.operatorEdit.setPlaceholderText(QCoreApplication.translate("SettingsDialog", u"empty: the workstation's login", None))
#if QT_CONFIG(accessibility)
        self.operatorEdit.setAccessibleName(QCoreApplication.translate("SettingsDialog", u"Operator's name", None))
#endif // QT_CONFIG(accessibility)
        self.serverLabel.setText(QCoreApplication.translate("SettingsDialog", u"&Server address", None))
        self.serverEdit.setPlaceholderText(QCoreApplication.translate("SettingsDialog", u"https://\u2026 (empty: this workstation only)", None))
#if QT_CONFIG(accessibility)
        self.serverEdit.setAccessibleName(QCoreApplication.translate("SettingsDialog", u"Central server address", None))
#endif // QT_CONFIG(accessibility)
        self.languageLabel.setText(QCoreApplication.translate("SettingsDialog", u"&Language", None))
#if QT_CONFIG(accessibility)
        self.languageCombo.setAccessibleName(QCoreApplication.translate("SettingsDialog", u"Interface language", None))
#endif // QT_CONFIG(accessibility)
        self.fontLabel.setText(QCoreApplication.translate("SettingsDialog", u"&Font size", None))
#if QT_CONFIG(accessibility)
        self.fontSpin.setAccessibleName(QCoreApplication.translate("SettingsDialog", u"Font size in points", None))
#endif // QT_CONFIG(accessibility)
        self.note.setText(QCoreApplication.translate("SettingsDialog", u"A new language applies at the next start. The font size applies at once; 14 or more is the large-font mode for long shifts.", None))
    # retranslateUi

