"""The reference central server (its own issue). Never imported by the console's other layers."""
