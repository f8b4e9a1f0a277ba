"""Checks on the guide and its set-up, run by the tests, `make check` and the release check: each
returns a list of messages naming the file and what to fix (empty: passed)."""
