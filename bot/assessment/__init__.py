"""The assessment conversation: what to ask, how to read the answers, and when to stop asking."""
