"""The Python lock files: every package the installs use, at an exact version with its sha256 hashes.

requirements*.txt hold the direct pins, each with its reason; `make lock` (uv pip compile) writes the
matching lock file, and the installs read only the lock (`pip install --require-hashes`). A pin
changed by hand or by Dependabot without `make lock` would never be installed: these checks say so.
"""

import re
from pathlib import Path

# Each list of direct pins and the lock file `make lock` writes from it.
LOCKS = {
    "requirements.txt": "requirements.lock",
    "requirements-test.txt": "requirements-test.lock",
    "requirements-zensical.txt": "requirements-zensical.lock",
}
PIN = re.compile(r"^(?P<name>[A-Za-z0-9][A-Za-z0-9._-]*)\s*(?P<operator>[=<>!~]=?|===)\s*(?P<version>[^\s;#]+)")
INCLUDE = re.compile(r"^-r\s+(?P<file>\S+)")


def normal_name(name: str) -> str:
    """The name as PyPI compares names: 'PyYAML' and 'pyyaml', 'mkdocs_material' and 'mkdocs-material' match."""
    return re.sub(r"[-_.]+", "-", name).lower()


def direct_pins(project: Path, file: str) -> list[tuple[str, int, str, str, str, str]]:
    """(file, line number, name, operator, version, reason) for each package a list names, following `-r`."""
    pins = []
    for number, line in enumerate((project / file).read_text(encoding="utf-8").splitlines(), 1):
        if include := INCLUDE.match(line):
            pins += direct_pins(project, include["file"])
        elif pin := PIN.match(line):
            reason = line.partition("#")[2].strip()
            pins.append((file, number, pin["name"], pin["operator"], pin["version"], reason))
    return pins


def locked_versions(lock: Path) -> dict[str, tuple[str, int]]:
    """Each locked package's normalised name -> (exact version, number of sha256 hashes)."""
    versions: dict[str, tuple[str, int]] = {}
    current = None
    for line in lock.read_text(encoding="utf-8").splitlines():
        if pin := PIN.match(line):
            current = normal_name(pin["name"])
            versions[current] = (pin["version"], 0)
        elif current and line.strip().startswith("--hash=sha256:"):
            version, hashes = versions[current]
            versions[current] = (version, hashes + 1)
    return versions


def lock_problems(project: Path) -> list[str]:
    """Pins without a reason or not exact, locks that miss a pin or disagree with it, packages without hashes."""
    problems = []
    for requirements, lock in LOCKS.items():
        if not (project / lock).is_file():
            problems.append(f"{lock} is missing: run `make lock`.")
            continue
        locked = locked_versions(project / lock)
        for file, number, name, operator, version, reason in direct_pins(project, requirements):
            where = f"{file}, line {number}: {name}{operator}{version}"
            if operator != "==":
                problems.append(f"{where}: pin one exact version with `==`.")
            if not reason:
                problems.append(f"{where} has no reason beside it. Add `# why this package, and why this version`.")
            if normal_name(name) not in locked:
                problems.append(f"{where} is not in {lock}: run `make lock`.")
            elif locked[normal_name(name)][0] != version:
                problems.append(f"{where}, but {lock} holds {locked[normal_name(name)][0]}: run `make lock`.")
        problems += [
            f"{lock}: {name}=={version} has no sha256 hash: run `make lock`."
            for name, (version, hashes) in sorted(locked.items())
            if hashes == 0
        ]
    return problems
