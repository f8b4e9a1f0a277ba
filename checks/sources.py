"""The checks of the Markdown sources and of the educators' data files, run before every build by
`make check` and `make test`: the data files, each page's front matter, editors' slips, citations,
clinical numbers (docs/ against tests/data/facts.yml) and the translations' records.

They run in one process, in that order, and the first that finds a mistake stops the rest, as a
failed build stops the tests: the educator reads only the lines that matter. Each can also be run on
its own (`python -m checks.front_matter`, for example).
"""

import sys

from checks import citations, data_files, facts, front_matter, markdown_slips, translation

CHECKS = (
    data_files.main,
    lambda: front_matter.main([]),
    markdown_slips.main,
    citations.main,
    lambda: facts.main(["docs"]),
    lambda: translation.main([]),
)


def main() -> int:
    for check in CHECKS:
        status = check()
        if status:
            return status
    return 0


if __name__ == "__main__":
    sys.exit(main())
