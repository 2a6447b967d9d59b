"""The worklists: a unit's open cases, and the triage desk's cases without a unit."""
