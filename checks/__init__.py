"""Checks on the built site, each returning a list of messages for the educator (empty = pass)."""
