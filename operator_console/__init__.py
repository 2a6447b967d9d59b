"""The 1022 Operator Console: call intake for Ho Chi Minh City's citizen hotline."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("operator-console")
except PackageNotFoundError:  # running from a source tree that was never installed
    __version__ = "0.0.0+source"
