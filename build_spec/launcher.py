"""The bundle's entry point: PyInstaller needs a script; the console's ``main`` does the rest."""

import sys

from operator_console.gui.shell.main import main

if __name__ == "__main__":
    sys.exit(main())
