"""The shell: the window and its pages, the start and the stop, the actions and their keys, the
login and the connection, the settings, background work, the crash guard."""
