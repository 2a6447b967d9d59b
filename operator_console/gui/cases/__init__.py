"""The cases: the list and its search, a case's details and the server's history of it, the call
back."""
