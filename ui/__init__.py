"""Qt Designer forms (installed as operator_console.ui_forms); compiled into operator_console.gui.forms."""
