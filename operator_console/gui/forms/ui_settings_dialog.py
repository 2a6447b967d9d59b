# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'settings_dialog.ui'
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
from PySide6.QtWidgets import (QAbstractButton, QApplication, QComboBox, QDialog,
    QDialogButtonBox, QFormLayout, QGroupBox, QLabel,
    QLineEdit, QSizePolicy, QSpinBox, QVBoxLayout,
    QWidget)

class Ui_SettingsDialog(object):
    def setupUi(self, SettingsDialog):
        if not SettingsDialog.objectName():
            SettingsDialog.setObjectName(u"SettingsDialog")
        SettingsDialog.resize(760, 480)
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

        self.itGroup = QGroupBox(SettingsDialog)
        self.itGroup.setObjectName(u"itGroup")
        self.itForm = QFormLayout(self.itGroup)
        self.itForm.setObjectName(u"itForm")
        self.caLabel = QLabel(self.itGroup)
        self.caLabel.setObjectName(u"caLabel")

        self.itForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.caLabel)

        self.caEdit = QLineEdit(self.itGroup)
        self.caEdit.setObjectName(u"caEdit")

        self.itForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.caEdit)

        self.proxyLabel = QLabel(self.itGroup)
        self.proxyLabel.setObjectName(u"proxyLabel")

        self.itForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.proxyLabel)

        self.proxyEdit = QLineEdit(self.itGroup)
        self.proxyEdit.setObjectName(u"proxyEdit")

        self.itForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.proxyEdit)

        self.timeoutLabel = QLabel(self.itGroup)
        self.timeoutLabel.setObjectName(u"timeoutLabel")

        self.itForm.setWidget(2, QFormLayout.ItemRole.LabelRole, self.timeoutLabel)

        self.timeoutSpin = QSpinBox(self.itGroup)
        self.timeoutSpin.setObjectName(u"timeoutSpin")
        self.timeoutSpin.setMinimum(3)
        self.timeoutSpin.setMaximum(300)

        self.itForm.setWidget(2, QFormLayout.ItemRole.FieldRole, self.timeoutSpin)

        self.replicaLabel = QLabel(self.itGroup)
        self.replicaLabel.setObjectName(u"replicaLabel")

        self.itForm.setWidget(3, QFormLayout.ItemRole.LabelRole, self.replicaLabel)

        self.replicaSpin = QSpinBox(self.itGroup)
        self.replicaSpin.setObjectName(u"replicaSpin")
        self.replicaSpin.setMinimum(7)
        self.replicaSpin.setMaximum(365)

        self.itForm.setWidget(3, QFormLayout.ItemRole.FieldRole, self.replicaSpin)

        self.logLabel = QLabel(self.itGroup)
        self.logLabel.setObjectName(u"logLabel")

        self.itForm.setWidget(4, QFormLayout.ItemRole.LabelRole, self.logLabel)

        self.logCombo = QComboBox(self.itGroup)
        self.logCombo.setObjectName(u"logCombo")

        self.itForm.setWidget(4, QFormLayout.ItemRole.FieldRole, self.logCombo)


        self.layout.addWidget(self.itGroup)

        self.lockNote = QLabel(SettingsDialog)
        self.lockNote.setObjectName(u"lockNote")
        self.lockNote.setWordWrap(True)

        self.layout.addWidget(self.lockNote)

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
        self.caLabel.setBuddy(self.caEdit)
        self.proxyLabel.setBuddy(self.proxyEdit)
        self.timeoutLabel.setBuddy(self.timeoutSpin)
        self.replicaLabel.setBuddy(self.replicaSpin)
        self.logLabel.setBuddy(self.logCombo)
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
        self.itGroup.setTitle(QCoreApplication.translate("SettingsDialog", u"Connection and logs (set by IT)", None))
        self.caLabel.setText(QCoreApplication.translate("SettingsDialog", u"&CA certificates", None))
        self.caEdit.setPlaceholderText(QCoreApplication.translate("SettingsDialog", u"a PEM file (empty: the public CAs)", None))
#if QT_CONFIG(accessibility)
        self.caEdit.setAccessibleName(QCoreApplication.translate("SettingsDialog", u"CA certificates file for the server", None))
#endif // QT_CONFIG(accessibility)
        self.proxyLabel.setText(QCoreApplication.translate("SettingsDialog", u"&Proxy", None))
        self.proxyEdit.setPlaceholderText(QCoreApplication.translate("SettingsDialog", u"http://proxy:3128 (empty: the system's proxy settings)", None))
#if QT_CONFIG(accessibility)
        self.proxyEdit.setAccessibleName(QCoreApplication.translate("SettingsDialog", u"Proxy to reach the server", None))
#endif // QT_CONFIG(accessibility)
        self.timeoutLabel.setText(QCoreApplication.translate("SettingsDialog", u"Server &timeout", None))
        self.timeoutSpin.setSuffix(QCoreApplication.translate("SettingsDialog", u" s", None))
#if QT_CONFIG(accessibility)
        self.timeoutSpin.setAccessibleName(QCoreApplication.translate("SettingsDialog", u"Seconds to wait for the server's answer", None))
#endif // QT_CONFIG(accessibility)
        self.replicaLabel.setText(QCoreApplication.translate("SettingsDialog", u"&Keep the city's cases for", None))
        self.replicaSpin.setSuffix(QCoreApplication.translate("SettingsDialog", u" days", None))
#if QT_CONFIG(accessibility)
        self.replicaSpin.setAccessibleName(QCoreApplication.translate("SettingsDialog", u"Days of the city's cases kept on this workstation", None))
#endif // QT_CONFIG(accessibility)
        self.logLabel.setText(QCoreApplication.translate("SettingsDialog", u"Log l&evel", None))
#if QT_CONFIG(accessibility)
        self.logCombo.setAccessibleName(QCoreApplication.translate("SettingsDialog", u"How much the log files say", None))
#endif // QT_CONFIG(accessibility)
        self.lockNote.setText(QCoreApplication.translate("SettingsDialog", u"IT has locked the greyed-out settings on this workstation.", None))
        self.note.setText(QCoreApplication.translate("SettingsDialog", u"A new language and a new log level apply at the next start. The font size applies at once; 14 or more is the large-font mode for long shifts.", None))
    # retranslateUi

