"""Checks on the guide and its set-up; each returns a list of messages saying what to fix (empty: passed)."""
