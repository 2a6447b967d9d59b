"""``operator-console-server``: the reference central server's entry point.

The server itself is the subject of its own issue ("The reference central server"); until it
lands, this command says so plainly instead of pretending to serve.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence

EXIT_NOT_AVAILABLE = 2


def main(argv: Sequence[str] | None = None) -> int:
    del argv
    print(
        "operator-console-server: the reference server is not part of this release yet; "
        "the console works on its local store meanwhile.",
        file=sys.stderr,
    )
    return EXIT_NOT_AVAILABLE


if __name__ == "__main__":
    sys.exit(main())
