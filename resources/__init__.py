"""Shipped data, stylesheets, icons and translations (installed as operator_console.resources)."""
