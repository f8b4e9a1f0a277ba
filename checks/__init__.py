"""Checks an educator runs on the guide: each returns a list of messages naming the file and what to fix."""
