"""GitHub Actions: zizmor, a security linter, finds nothing in any workflow or in the Dependabot settings.

It catches, among others, an action used by a movable tag instead of a commit (`unpinned-uses`), a
checkout that leaves its token on disk (`artipacked`) and `${{ ... }}` pasted into a shell script
(`template-injection`). tests/fixtures/workflow-unsafe/ holds one of each, to prove it.
"""

from checks.workflows import github_files, zizmor_findings
from conftest import FIXTURES, ROOT


def test_workflows_and_dependabot_settings_have_no_zizmor_finding():
    assert any(path.parts[1] == "workflows" for path in github_files(ROOT)), "no workflow found in .github/workflows/"
    problems = zizmor_findings(ROOT)
    assert not problems, "zizmor found these in .github/:\n" + "\n".join(problems)


def test_zizmor_catches_an_unpinned_action_a_kept_token_and_a_pasted_expression():
    problems = zizmor_findings(FIXTURES / "workflow-unsafe")
    for line, finding in ((9, "unpinned-uses"), (9, "artipacked"), (11, "template-injection")):
        assert any(p.startswith(f".github/workflows/unsafe.yml, line {line}: {finding}:") for p in problems), problems
