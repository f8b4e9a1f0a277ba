"""Checks an educator runs on the guide (make check, make test, the release check, make bench)."""
