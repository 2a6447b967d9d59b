"""The local SQLite store: the only code that writes SQL in the console."""
