"""Checks on the guide and its set-up, run by the tests, `make check` and the release check: each
returns a list of messages naming the file and what to fix (empty: passed)."""


def report(problems: list[str], summary: str) -> int:
    """What a command-line check prints and returns: each problem on its line, then the summary, with
    `{count}` filled in (nothing when there are none); 1 if there are problems, else 0."""
    if problems:
        print("\n".join(problems))
        print(summary.format(count=len(problems)))
    return 1 if problems else 0
