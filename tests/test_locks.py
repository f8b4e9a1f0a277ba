"""Python packages: every package is locked at an exact version with its hashes, and the locks match the pins."""

import shutil

from checks.locks import LOCKS, lock_problems
from conftest import ROOT


def test_every_pin_has_a_reason_and_its_lock_holds_it_with_hashes():
    problems = lock_problems(ROOT)
    assert not problems, "\n".join(problems)


def test_lock_check_catches_a_pin_the_lock_does_not_hold_and_a_pin_without_reason(tmp_path):
    """As after a Dependabot pull request that changed requirements.txt but not the lock."""
    for file in [*LOCKS, *LOCKS.values()]:
        shutil.copy(ROOT / file, tmp_path / file)
    requirements = tmp_path / "requirements.txt"
    text = requirements.read_text()
    requirements.write_text(text.replace("mkdocs==1.6.1 ", "mkdocs==1.6.2 ") + "textstat>=0.7\n")
    added = f"line {len(text.splitlines()) + 1}"
    lock = tmp_path / "requirements-zensical.lock"
    lock.write_text("\n".join(line for line in lock.read_text().splitlines() if "sha256:" not in line or "zensical" in line))
    problems = "\n".join(lock_problems(tmp_path))
    assert "requirements.txt, line 2: mkdocs==1.6.2, but requirements.lock holds 1.6.1: run `make lock`." in problems
    assert f"requirements.txt, {added}: textstat>=0.7: pin one exact version with `==`." in problems
    assert f"requirements.txt, {added}: textstat>=0.7 has no reason beside it." in problems
    assert f"requirements.txt, {added}: textstat>=0.7 is not in requirements.lock: run `make lock`." in problems
    assert "requirements-zensical.lock: click==8.5.1 has no sha256 hash: run `make lock`." in problems
