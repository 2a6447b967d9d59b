"""The supervisor's dashboard: the figures, their charts and tables, the drill-downs, the daily
report."""
