"""The intake: the form an operator fills during a call, the duplicate candidates beside it, the
calls put aside, and the questions asked before a save."""
