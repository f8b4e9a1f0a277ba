"""Checks on the built site and its pages, each returning messages for the educator (empty list = pass)."""
