"""The case and the facts about Vietnamese data: pure Python, no Qt, no SQL, no HTTP."""
