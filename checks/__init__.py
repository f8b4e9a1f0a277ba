"""Checks on the guide's Markdown and built pages; each returns messages for the educator (empty = pass)."""
