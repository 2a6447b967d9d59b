import sys

from operator_console.admin.cli import main

sys.exit(main())
