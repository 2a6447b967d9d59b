"""``operator-console-admin``: the command line for IT and supervisors."""

from operator_console.admin.cli import main

__all__ = ["main"]
