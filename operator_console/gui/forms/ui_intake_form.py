# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'intake_form.ui'
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
from PySide6.QtWidgets import (QApplication, QCheckBox, QComboBox, QFormLayout,
    QGridLayout, QHBoxLayout, QLabel, QLineEdit,
    QListWidget, QListWidgetItem, QPlainTextEdit, QPushButton,
    QSizePolicy, QSpacerItem, QVBoxLayout, QWidget)

class Ui_IntakeForm(object):
    def setupUi(self, IntakeForm):
        if not IntakeForm.objectName():
            IntakeForm.setObjectName(u"IntakeForm")
        IntakeForm.resize(620, 640)
        self.outer = QVBoxLayout(IntakeForm)
        self.outer.setObjectName(u"outer")
        self.form = QFormLayout()
        self.form.setObjectName(u"form")
        self.form.setFieldGrowthPolicy(QFormLayout.ExpandingFieldsGrow)
        self.form.setLabelAlignment(Qt.AlignRight|Qt.AlignVCenter)
        self.phoneLabel = QLabel(IntakeForm)
        self.phoneLabel.setObjectName(u"phoneLabel")

        self.form.setWidget(0, QFormLayout.ItemRole.LabelRole, self.phoneLabel)

        self.phoneEdit = QLineEdit(IntakeForm)
        self.phoneEdit.setObjectName(u"phoneEdit")

        self.form.setWidget(0, QFormLayout.ItemRole.FieldRole, self.phoneEdit)

        self.phoneHint = QLabel(IntakeForm)
        self.phoneHint.setObjectName(u"phoneHint")
        self.phoneHint.setWordWrap(True)

        self.form.setWidget(1, QFormLayout.ItemRole.FieldRole, self.phoneHint)

        self.phoneError = QLabel(IntakeForm)
        self.phoneError.setObjectName(u"phoneError")
        self.phoneError.setWordWrap(True)
        self.phoneError.setVisible(False)

        self.form.setWidget(2, QFormLayout.ItemRole.FieldRole, self.phoneError)

        self.callerNameLabel = QLabel(IntakeForm)
        self.callerNameLabel.setObjectName(u"callerNameLabel")

        self.form.setWidget(3, QFormLayout.ItemRole.LabelRole, self.callerNameLabel)

        self.callerNameEdit = QLineEdit(IntakeForm)
        self.callerNameEdit.setObjectName(u"callerNameEdit")

        self.form.setWidget(3, QFormLayout.ItemRole.FieldRole, self.callerNameEdit)

        self.relationLabel = QLabel(IntakeForm)
        self.relationLabel.setObjectName(u"relationLabel")

        self.form.setWidget(4, QFormLayout.ItemRole.LabelRole, self.relationLabel)

        self.relationCombo = QComboBox(IntakeForm)
        self.relationCombo.setObjectName(u"relationCombo")

        self.form.setWidget(4, QFormLayout.ItemRole.FieldRole, self.relationCombo)

        self.subjectNameLabel = QLabel(IntakeForm)
        self.subjectNameLabel.setObjectName(u"subjectNameLabel")

        self.form.setWidget(5, QFormLayout.ItemRole.LabelRole, self.subjectNameLabel)

        self.subjectBlock = QVBoxLayout()
        self.subjectBlock.setSpacing(2)
        self.subjectBlock.setObjectName(u"subjectBlock")
        self.subjectNameEdit = QLineEdit(IntakeForm)
        self.subjectNameEdit.setObjectName(u"subjectNameEdit")

        self.subjectBlock.addWidget(self.subjectNameEdit)

        self.subjectRow = QHBoxLayout()
        self.subjectRow.setObjectName(u"subjectRow")
        self.subjectAgeLabel = QLabel(IntakeForm)
        self.subjectAgeLabel.setObjectName(u"subjectAgeLabel")

        self.subjectRow.addWidget(self.subjectAgeLabel)

        self.subjectAgeEdit = QLineEdit(IntakeForm)
        self.subjectAgeEdit.setObjectName(u"subjectAgeEdit")
        self.subjectAgeEdit.setMaximumWidth(56)

        self.subjectRow.addWidget(self.subjectAgeEdit)

        self.subjectPhoneLabel = QLabel(IntakeForm)
        self.subjectPhoneLabel.setObjectName(u"subjectPhoneLabel")

        self.subjectRow.addWidget(self.subjectPhoneLabel)

        self.subjectPhoneEdit = QLineEdit(IntakeForm)
        self.subjectPhoneEdit.setObjectName(u"subjectPhoneEdit")
        self.subjectPhoneEdit.setMaximumWidth(150)

        self.subjectRow.addWidget(self.subjectPhoneEdit)

        self.subjectRowEnd = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.subjectRow.addItem(self.subjectRowEnd)


        self.subjectBlock.addLayout(self.subjectRow)

        self.subjectError = QLabel(IntakeForm)
        self.subjectError.setObjectName(u"subjectError")
        self.subjectError.setWordWrap(True)
        self.subjectError.setVisible(False)

        self.subjectBlock.addWidget(self.subjectError)


        self.form.setLayout(5, QFormLayout.ItemRole.FieldRole, self.subjectBlock)

        self.addressLabel = QLabel(IntakeForm)
        self.addressLabel.setObjectName(u"addressLabel")

        self.form.setWidget(6, QFormLayout.ItemRole.LabelRole, self.addressLabel)

        self.addressEdit = QLineEdit(IntakeForm)
        self.addressEdit.setObjectName(u"addressEdit")

        self.form.setWidget(6, QFormLayout.ItemRole.FieldRole, self.addressEdit)

        self.wardLabel = QLabel(IntakeForm)
        self.wardLabel.setObjectName(u"wardLabel")

        self.form.setWidget(7, QFormLayout.ItemRole.LabelRole, self.wardLabel)

        self.wardEdit = QLineEdit(IntakeForm)
        self.wardEdit.setObjectName(u"wardEdit")

        self.form.setWidget(7, QFormLayout.ItemRole.FieldRole, self.wardEdit)

        self.wardRow = QVBoxLayout()
        self.wardRow.setObjectName(u"wardRow")
        self.wardHint = QLabel(IntakeForm)
        self.wardHint.setObjectName(u"wardHint")
        self.wardHint.setWordWrap(True)

        self.wardRow.addWidget(self.wardHint)

        self.wardChoices = QListWidget(IntakeForm)
        self.wardChoices.setObjectName(u"wardChoices")
        self.wardChoices.setVisible(False)
        self.wardChoices.setHorizontalScrollBarPolicy(Qt.ScrollBarAlwaysOff)
        self.wardChoices.setUniformItemSizes(True)

        self.wardRow.addWidget(self.wardChoices)


        self.form.setLayout(8, QFormLayout.ItemRole.FieldRole, self.wardRow)

        self.categoryLabel = QLabel(IntakeForm)
        self.categoryLabel.setObjectName(u"categoryLabel")

        self.form.setWidget(9, QFormLayout.ItemRole.LabelRole, self.categoryLabel)

        self.categoryCombo = QComboBox(IntakeForm)
        self.categoryCombo.setObjectName(u"categoryCombo")

        self.form.setWidget(9, QFormLayout.ItemRole.FieldRole, self.categoryCombo)

        self.categoryError = QLabel(IntakeForm)
        self.categoryError.setObjectName(u"categoryError")
        self.categoryError.setWordWrap(True)
        self.categoryError.setVisible(False)

        self.form.setWidget(10, QFormLayout.ItemRole.FieldRole, self.categoryError)

        self.householdLabel = QLabel(IntakeForm)
        self.householdLabel.setObjectName(u"householdLabel")

        self.form.setWidget(11, QFormLayout.ItemRole.LabelRole, self.householdLabel)

        self.householdRow = QHBoxLayout()
        self.householdRow.setObjectName(u"householdRow")
        self.householdEdit = QLineEdit(IntakeForm)
        self.householdEdit.setObjectName(u"householdEdit")
        self.householdEdit.setMaximumWidth(80)

        self.householdRow.addWidget(self.householdEdit)

        self.noFoodCheck = QCheckBox(IntakeForm)
        self.noFoodCheck.setObjectName(u"noFoodCheck")

        self.householdRow.addWidget(self.noFoodCheck)

        self.householdSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.householdRow.addItem(self.householdSpacer)


        self.form.setLayout(11, QFormLayout.ItemRole.FieldRole, self.householdRow)

        self.householdError = QLabel(IntakeForm)
        self.householdError.setObjectName(u"householdError")
        self.householdError.setWordWrap(True)
        self.householdError.setVisible(False)

        self.form.setWidget(12, QFormLayout.ItemRole.FieldRole, self.householdError)

        self.vulnerableLabel = QLabel(IntakeForm)
        self.vulnerableLabel.setObjectName(u"vulnerableLabel")

        self.form.setWidget(13, QFormLayout.ItemRole.LabelRole, self.vulnerableLabel)

        self.vulnerableGrid = QGridLayout()
        self.vulnerableGrid.setObjectName(u"vulnerableGrid")
        self.loneElderlyCheck = QCheckBox(IntakeForm)
        self.loneElderlyCheck.setObjectName(u"loneElderlyCheck")

        self.vulnerableGrid.addWidget(self.loneElderlyCheck, 0, 0, 1, 1)

        self.childrenCheck = QCheckBox(IntakeForm)
        self.childrenCheck.setObjectName(u"childrenCheck")

        self.vulnerableGrid.addWidget(self.childrenCheck, 0, 1, 1, 1)

        self.disabledCheck = QCheckBox(IntakeForm)
        self.disabledCheck.setObjectName(u"disabledCheck")

        self.vulnerableGrid.addWidget(self.disabledCheck, 1, 0, 1, 1)

        self.pregnantCheck = QCheckBox(IntakeForm)
        self.pregnantCheck.setObjectName(u"pregnantCheck")

        self.vulnerableGrid.addWidget(self.pregnantCheck, 1, 1, 1, 1)

        self.sickCheck = QCheckBox(IntakeForm)
        self.sickCheck.setObjectName(u"sickCheck")

        self.vulnerableGrid.addWidget(self.sickCheck, 2, 0, 1, 1)


        self.form.setLayout(13, QFormLayout.ItemRole.FieldRole, self.vulnerableGrid)

        self.descriptionLabel = QLabel(IntakeForm)
        self.descriptionLabel.setObjectName(u"descriptionLabel")

        self.form.setWidget(14, QFormLayout.ItemRole.LabelRole, self.descriptionLabel)

        self.descriptionEdit = QPlainTextEdit(IntakeForm)
        self.descriptionEdit.setObjectName(u"descriptionEdit")
        self.descriptionEdit.setMaximumSize(QSize(16777215, 130))
        self.descriptionEdit.setTabChangesFocus(True)

        self.form.setWidget(14, QFormLayout.ItemRole.FieldRole, self.descriptionEdit)

        self.priorityLabel = QLabel(IntakeForm)
        self.priorityLabel.setObjectName(u"priorityLabel")

        self.form.setWidget(15, QFormLayout.ItemRole.LabelRole, self.priorityLabel)

        self.priorityRow = QHBoxLayout()
        self.priorityRow.setObjectName(u"priorityRow")
        self.priorityCombo = QComboBox(IntakeForm)
        self.priorityCombo.setObjectName(u"priorityCombo")

        self.priorityRow.addWidget(self.priorityCombo)

        self.priorityHint = QLabel(IntakeForm)
        self.priorityHint.setObjectName(u"priorityHint")

        self.priorityRow.addWidget(self.priorityHint)

        self.prioritySpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.priorityRow.addItem(self.prioritySpacer)


        self.form.setLayout(15, QFormLayout.ItemRole.FieldRole, self.priorityRow)

        self.callbackCheck = QCheckBox(IntakeForm)
        self.callbackCheck.setObjectName(u"callbackCheck")

        self.form.setWidget(16, QFormLayout.ItemRole.FieldRole, self.callbackCheck)


        self.outer.addLayout(self.form)

        self.bottomSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.outer.addItem(self.bottomSpacer)

        self.buttons = QHBoxLayout()
        self.buttons.setObjectName(u"buttons")
        self.buttonSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.buttons.addItem(self.buttonSpacer)

        self.clearButton = QPushButton(IntakeForm)
        self.clearButton.setObjectName(u"clearButton")
        self.clearButton.setAutoDefault(False)

        self.buttons.addWidget(self.clearButton)

        self.saveButton = QPushButton(IntakeForm)
        self.saveButton.setObjectName(u"saveButton")
        self.saveButton.setAutoDefault(False)

        self.buttons.addWidget(self.saveButton)


        self.outer.addLayout(self.buttons)

#if QT_CONFIG(shortcut)
        self.phoneLabel.setBuddy(self.phoneEdit)
        self.callerNameLabel.setBuddy(self.callerNameEdit)
        self.relationLabel.setBuddy(self.relationCombo)
        self.subjectNameLabel.setBuddy(self.subjectNameEdit)
        self.subjectAgeLabel.setBuddy(self.subjectAgeEdit)
        self.subjectPhoneLabel.setBuddy(self.subjectPhoneEdit)
        self.addressLabel.setBuddy(self.addressEdit)
        self.wardLabel.setBuddy(self.wardEdit)
        self.categoryLabel.setBuddy(self.categoryCombo)
        self.householdLabel.setBuddy(self.householdEdit)
        self.descriptionLabel.setBuddy(self.descriptionEdit)
        self.priorityLabel.setBuddy(self.priorityCombo)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.phoneEdit, self.callerNameEdit)
        QWidget.setTabOrder(self.callerNameEdit, self.relationCombo)
        QWidget.setTabOrder(self.relationCombo, self.subjectNameEdit)
        QWidget.setTabOrder(self.subjectNameEdit, self.subjectAgeEdit)
        QWidget.setTabOrder(self.subjectAgeEdit, self.subjectPhoneEdit)
        QWidget.setTabOrder(self.subjectPhoneEdit, self.addressEdit)
        QWidget.setTabOrder(self.addressEdit, self.wardEdit)
        QWidget.setTabOrder(self.wardEdit, self.wardChoices)
        QWidget.setTabOrder(self.wardChoices, self.categoryCombo)
        QWidget.setTabOrder(self.categoryCombo, self.householdEdit)
        QWidget.setTabOrder(self.householdEdit, self.noFoodCheck)
        QWidget.setTabOrder(self.noFoodCheck, self.loneElderlyCheck)
        QWidget.setTabOrder(self.loneElderlyCheck, self.childrenCheck)
        QWidget.setTabOrder(self.childrenCheck, self.disabledCheck)
        QWidget.setTabOrder(self.disabledCheck, self.pregnantCheck)
        QWidget.setTabOrder(self.pregnantCheck, self.sickCheck)
        QWidget.setTabOrder(self.sickCheck, self.descriptionEdit)
        QWidget.setTabOrder(self.descriptionEdit, self.priorityCombo)
        QWidget.setTabOrder(self.priorityCombo, self.callbackCheck)
        QWidget.setTabOrder(self.callbackCheck, self.saveButton)
        QWidget.setTabOrder(self.saveButton, self.clearButton)

        self.retranslateUi(IntakeForm)

        QMetaObject.connectSlotsByName(IntakeForm)
    # setupUi

    def retranslateUi(self, IntakeForm):
        IntakeForm.setWindowTitle(QCoreApplication.translate("IntakeForm", u"New request", None))
        self.phoneLabel.setText(QCoreApplication.translate("IntakeForm", u"&Phone", None))
        self.phoneEdit.setPlaceholderText(QCoreApplication.translate("IntakeForm", u"as the caller says it: 0389 123 456, +84\u2026, 0168\u2026", None))
#if QT_CONFIG(accessibility)
        self.phoneEdit.setAccessibleName(QCoreApplication.translate("IntakeForm", u"Caller's phone", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.phoneHint.setAccessibleName(QCoreApplication.translate("IntakeForm", u"Phone number as understood", None))
#endif // QT_CONFIG(accessibility)
        self.callerNameLabel.setText(QCoreApplication.translate("IntakeForm", u"Caller's &name", None))
#if QT_CONFIG(accessibility)
        self.callerNameEdit.setAccessibleName(QCoreApplication.translate("IntakeForm", u"Caller's name", None))
#endif // QT_CONFIG(accessibility)
        self.relationLabel.setText(QCoreApplication.translate("IntakeForm", u"&Relation", None))
#if QT_CONFIG(accessibility)
        self.relationCombo.setAccessibleName(QCoreApplication.translate("IntakeForm", u"Caller's relation to the person in need", None))
#endif // QT_CONFIG(accessibility)
        self.subjectNameLabel.setText(QCoreApplication.translate("IntakeForm", u"Person in n&eed", None))
        self.subjectNameEdit.setPlaceholderText(QCoreApplication.translate("IntakeForm", u"when it is someone else", None))
#if QT_CONFIG(accessibility)
        self.subjectNameEdit.setAccessibleName(QCoreApplication.translate("IntakeForm", u"Name of the person in need", None))
#endif // QT_CONFIG(accessibility)
        self.subjectAgeLabel.setText(QCoreApplication.translate("IntakeForm", u"A&ge", None))
#if QT_CONFIG(accessibility)
        self.subjectAgeEdit.setAccessibleName(QCoreApplication.translate("IntakeForm", u"Age of the person in need", None))
#endif // QT_CONFIG(accessibility)
        self.subjectPhoneLabel.setText(QCoreApplication.translate("IntakeForm", u"Their phone/&Zalo", None))
#if QT_CONFIG(accessibility)
        self.subjectPhoneEdit.setAccessibleName(QCoreApplication.translate("IntakeForm", u"Phone of the person in need", None))
#endif // QT_CONFIG(accessibility)
        self.addressLabel.setText(QCoreApplication.translate("IntakeForm", u"&Address", None))
        self.addressEdit.setPlaceholderText(QCoreApplication.translate("IntakeForm", u"house/alley and street, e.g. 12/3/45 L\u00ea V\u0103n S\u1ef9", None))
#if QT_CONFIG(accessibility)
        self.addressEdit.setAccessibleName(QCoreApplication.translate("IntakeForm", u"Address", None))
#endif // QT_CONFIG(accessibility)
        self.wardLabel.setText(QCoreApplication.translate("IntakeForm", u"&Ward/commune", None))
        self.wardEdit.setPlaceholderText(QCoreApplication.translate("IntakeForm", u"today's or former name: T\u00e2n \u0110\u1ecbnh, P.5 Q.8\u2026", None))
#if QT_CONFIG(accessibility)
        self.wardEdit.setAccessibleName(QCoreApplication.translate("IntakeForm", u"Ward or commune", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.wardChoices.setAccessibleName(QCoreApplication.translate("IntakeForm", u"Today's wards to choose from (digit keys)", None))
#endif // QT_CONFIG(accessibility)
        self.categoryLabel.setText(QCoreApplication.translate("IntakeForm", u"Categor&y", None))
#if QT_CONFIG(accessibility)
        self.categoryCombo.setAccessibleName(QCoreApplication.translate("IntakeForm", u"Category", None))
#endif // QT_CONFIG(accessibility)
        self.householdLabel.setText(QCoreApplication.translate("IntakeForm", u"&Household size", None))
#if QT_CONFIG(accessibility)
        self.householdEdit.setAccessibleName(QCoreApplication.translate("IntakeForm", u"Household size", None))
#endif // QT_CONFIG(accessibility)
        self.noFoodCheck.setText(QCoreApplication.translate("IntakeForm", u"No &food today", None))
        self.vulnerableLabel.setText(QCoreApplication.translate("IntakeForm", u"Vulnerable", None))
        self.loneElderlyCheck.setText(QCoreApplication.translate("IntakeForm", u"&Lone elderly", None))
        self.childrenCheck.setText(QCoreApplication.translate("IntakeForm", u"Yo&ung children", None))
        self.disabledCheck.setText(QCoreApplication.translate("IntakeForm", u"D&isabled", None))
        self.pregnantCheck.setText(QCoreApplication.translate("IntakeForm", u"Pregnant", None))
        self.sickCheck.setText(QCoreApplication.translate("IntakeForm", u"Sic&k", None))
        self.descriptionLabel.setText(QCoreApplication.translate("IntakeForm", u"&Description", None))
#if QT_CONFIG(accessibility)
        self.descriptionEdit.setAccessibleName(QCoreApplication.translate("IntakeForm", u"Description", None))
#endif // QT_CONFIG(accessibility)
        self.priorityLabel.setText(QCoreApplication.translate("IntakeForm", u"Priori&ty", None))
#if QT_CONFIG(accessibility)
        self.priorityCombo.setAccessibleName(QCoreApplication.translate("IntakeForm", u"Priority", None))
#endif // QT_CONFIG(accessibility)
        self.callbackCheck.setText(QCoreApplication.translate("IntakeForm", u"Caller agrees to be called &back", None))
        self.clearButton.setText(QCoreApplication.translate("IntakeForm", u"&Clear (Esc)", None))
        self.saveButton.setText(QCoreApplication.translate("IntakeForm", u"&Save (Ctrl+Enter)", None))
    # retranslateUi

