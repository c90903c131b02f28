"""The pytest plugin, run inside pytest with pytester: golden items, fixture, marker, options,
collection errors, cassettes for the openai judge, and a cheap import."""

from __future__ import annotations

import json
import subprocess
import sys
from importlib.metadata import entry_points
from pathlib import Path

import pytest

from batch_servers import StubServer, small_library

pytest_plugins = ["pytester"]

QUESTION = "difficult-customer-issue"
# The cue check reports these red flags whatever the judge says, so the expectations below
# hold for any judge: the strong answer has no red-flag phrase, the other has two.
GOLDEN = f"""\
question_id: {QUESTION}
answers:
  - id: strong
    kind: strong
    answer: Last spring a customer was double-billed. I listened, found the root cause and
      refunded her within 4 hours.
    expect:
      red_flags:
        absent: [harsh-blame, immediate-escalation]
  - id: blame
    kind: red_flag
    answer: It was their fault, they typed the wrong address. I passed it to my manager and
      moved on.
    expect:
      red_flags:
        present: [harsh-blame, immediate-escalation]
"""


def _plugin() -> list[str]:
    """``-p answer_eval.regression.pytest_plugin`` unless the entry point already loads it."""
    installed = any(
        ep.value == "answer_eval.regression.pytest_plugin" for ep in entry_points(group="pytest11")
    )
    return [] if installed else ["-p", "answer_eval.regression.pytest_plugin"]


@pytest.fixture(scope="module")
def library(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return small_library(tmp_path_factory.mktemp("lib") / "rubrics")


def write_ini(pytester: pytest.Pytester, library: Path, *lines: str) -> None:
    pytester.makeini("\n".join(["[pytest]", f"answer_eval_rubrics = {library}", *lines]))


@pytest.fixture
def project(pytester: pytest.Pytester, library: Path) -> pytest.Pytester:
    """A project with its own (small) rubric library and the plugin's options pointing at it."""
    write_ini(pytester, library)
    return pytester


def run(pytester: pytest.Pytester, *args: str) -> pytest.RunResult:
    return pytester.runpytest(*_plugin(), "-p", "no:cacheprovider", *args)


def test_golden_files_become_one_item_per_answer(project: pytest.Pytester) -> None:
    project.makefile(".yaml", golden_refunds=GOLDEN)
    result = run(project, "-v")
    result.assert_outcomes(passed=2)
    result.stdout.fnmatch_lines(
        ["golden_refunds.yaml::strong PASSED*", "golden_refunds.yaml::blame PASSED*"]
    )


def test_a_failure_shows_the_expectation_and_its_evidence(project: pytest.Pytester) -> None:
    project.makefile(".yaml", golden_refunds=GOLDEN.replace("present: [", "absent: ["))
    result = run(project)
    result.assert_outcomes(passed=1, failed=1)
    result.stdout.fnmatch_lines(
        [
            f"golden answer {QUESTION}/blame (red_flag) failed",
            "*x red flag harsh-blame: expected absent, got present",
            '*"It was their fault, they typed the wrong address"',
            "*found by*cue*",
            "FAILED golden_refunds.yaml::blame*",
        ]
    )
    assert "Traceback" not in result.stdout.str()


def test_other_yaml_files_are_not_collected(project: pytest.Pytester) -> None:
    project.makefile(".yaml", refunds=GOLDEN, config="a: 1")
    result = run(project)
    assert result.ret == pytest.ExitCode.NO_TESTS_COLLECTED


def test_golden_dir_option_and_ini(project: pytest.Pytester, library: Path) -> None:
    folder = project.mkdir("golden")
    (folder / "refunds.yaml").write_text(GOLDEN, encoding="utf-8")
    (folder / "cassettes").mkdir()
    (folder / "cassettes" / "refunds.yaml").write_text("interactions: []\n", encoding="utf-8")
    run(project, "--golden-dir", "golden").assert_outcomes(passed=2)
    run(project).assert_outcomes()  # not configured: not collected
    write_ini(project, library, "answer_eval_golden = golden")
    run(project).assert_outcomes(passed=2)
    # paths given on the command line win over the ini folders
    project.makepyfile(test_other="def test_one(): pass")
    run(project, "test_other.py").assert_outcomes(passed=1)


def test_invalid_golden_file_is_a_collection_error_naming_the_field(
    project: pytest.Pytester,
) -> None:
    project.makefile(".yaml", golden_bad=GOLDEN.replace("harsh-blame,", "blame,", 1))
    result = run(project)
    assert result.ret == pytest.ExitCode.INTERRUPTED
    result.stdout.fnmatch_lines(
        [
            "*ERROR collecting golden_bad.yaml*",
            "*golden_bad.yaml: answers[[]0] (id 'strong').expect.red_flags.absent[[]0]: question "
            f"'{QUESTION}' has no red flag 'blame'*",
        ]
    )


def test_fixture_marker_and_strict_markers(project: pytest.Pytester) -> None:
    project.makepyfile(
        f"""
        import pytest

        @pytest.mark.answer_eval
        def test_judged(answer_eval_evaluator):
            evaluation = answer_eval_evaluator.evaluate(
                "{QUESTION}", "It was their fault, not mine."
            )
            assert evaluation.provenance.judge == "offline"
            assert evaluation.red_flags[2].present

        def test_same_evaluator(answer_eval_evaluator, pytestconfig):
            assert answer_eval_evaluator.rubric_set.questions[0].id
        """
    )
    run(project, "--strict-markers", "--answer-eval-judge", "offline").assert_outcomes(passed=2)
    markers = run(project, "--markers")
    markers.stdout.fnmatch_lines(["@pytest.mark.answer_eval: uses the answer-eval judge*"])


def test_options_are_in_a_named_group(project: pytest.Pytester) -> None:
    result = run(project, "--help")
    result.stdout.fnmatch_lines(
        [
            "answer-eval golden sets:",
            "*--golden-dir=DIR*",
            "*--answer-eval-judge=*",
            "*--answer-eval-record-mode=*",
        ]
    )
    result.stdout.fnmatch_lines(["*answer_eval_golden*", "*answer_eval_record_mode*"])


def test_bad_ini_value_is_a_usage_error(project: pytest.Pytester, library: Path) -> None:
    write_ini(project, library, "answer_eval_record_mode = sometimes")
    result = run(project)
    assert result.ret == pytest.ExitCode.USAGE_ERROR


def test_openai_judge_records_then_replays_offline(
    project: pytest.Pytester, monkeypatch: pytest.MonkeyPatch
) -> None:
    project.makefile(".yaml", golden_refunds=GOLDEN)
    monkeypatch.setenv("ANSWER_EVAL_MODEL", "stub-model")
    monkeypatch.setenv("OPENAI_API_KEY", "test-key-do-not-record-7f3a")
    with StubServer() as server:
        monkeypatch.setenv("OPENAI_BASE_URL", server.base_url)
        record = ("--answer-eval-judge", "openai", "--answer-eval-record-mode", "once")
        run(project, *record).assert_outcomes(passed=2)
        calls = server.requests
    assert calls >= 2
    cassette = project.path / "cassettes" / "golden_refunds.yaml"
    text = cassette.read_text(encoding="utf-8")
    assert "chat/completions" in text
    assert "test-key-do-not-record" not in text
    assert "authorization" not in text.lower()
    # The server is gone: the default record mode (none) replays the cassette.
    run(project, "--answer-eval-judge", "openai").assert_outcomes(passed=2)
    # An answer with no recorded exchange cannot reach the network: it fails, saying why.
    extra = GOLDEN.replace("id: strong", "id: new-answer").replace("Last spring", "Last summer")
    extra = extra.split("answers:\n")[1].split("  - id: blame")[0]
    project.makefile(".yaml", golden_refunds=GOLDEN + extra)
    failed = run(project, "--answer-eval-judge", "openai")
    failed.assert_outcomes(passed=2, failed=1)
    failed.stdout.fnmatch_lines(
        ["the judge made a call that its cassette has not recorded (record mode none)*"]
    )
    # Fewer answers than recorded: the cassette was not fully played.
    project.makefile(".yaml", golden_refunds=GOLDEN.split("  - id: blame")[0])
    partial = run(project, "--answer-eval-judge", "openai")
    partial.assert_outcomes(passed=1, errors=1)
    partial.stdout.fnmatch_lines(["*was not fully played*"])
    # Re-recording with `all` starts the cassette afresh: then it plays fully again.
    with StubServer() as server:
        monkeypatch.setenv("OPENAI_BASE_URL", server.base_url)
        again = ("--answer-eval-judge", "openai", "--answer-eval-record-mode", "all")
        run(project, *again).assert_outcomes(passed=1)
    assert cassette.read_text(encoding="utf-8").count("chat/completions") == 1
    run(project, "--answer-eval-judge", "openai").assert_outcomes(passed=1)


def test_marked_tests_get_a_cassette_each(
    project: pytest.Pytester, monkeypatch: pytest.MonkeyPatch
) -> None:
    project.makepyfile(
        test_own=f"""
        import pytest

        @pytest.mark.answer_eval
        @pytest.mark.parametrize("n", [1])
        def test_judged(answer_eval_evaluator, n):
            evaluation = answer_eval_evaluator.evaluate("{QUESTION}", "I listened to her.")
            assert evaluation.status == "scored"
        """
    )
    monkeypatch.setenv("ANSWER_EVAL_MODEL", "stub-model")
    with StubServer() as server:
        monkeypatch.setenv("OPENAI_BASE_URL", server.base_url)
        record = ("--answer-eval-judge", "openai", "--answer-eval-record-mode", "once")
        run(project, *record).assert_outcomes(passed=1)
    assert (project.path / "cassettes" / "test_own" / "test_judged-1.yaml").is_file()
    run(project, "--answer-eval-judge", "openai").assert_outcomes(passed=1)


def test_importing_the_plugin_is_cheap() -> None:
    """Loading the plugin adds nothing to ``import answer_eval``: no judge, no vcrpy, no SDK."""
    code = (
        "import sys, answer_eval; before = set(sys.modules); "
        "import answer_eval.regression.pytest_plugin; "
        "import json; print(json.dumps(sorted(set(sys.modules) - before)))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout
    added = json.loads(out)
    assert "answer_eval.regression.pytest_plugin" in added
    assert not [m for m in added if m.split(".")[0] in ("openai", "vcr", "httpx", "httpx2")]
    # Only the plugin and the package faces on its path (lazy: they import nothing of ours).
    faces = {"answer_eval._lazy", "answer_eval.regression", "answer_eval.regression.pytest_plugin"}
    assert not [m for m in added if m.startswith("answer_eval.") and m not in faces]


def test_entry_point_name_and_value_expected_by_pyproject() -> None:
    """Documents the wiring the lead adds to pyproject.toml (skipped until it is installed)."""
    found = [ep for ep in entry_points(group="pytest11") if ep.name == "answer_eval"]
    if not found:
        pytest.skip("the pytest11 entry point is not installed yet")
    assert found[0].value == "answer_eval.regression.pytest_plugin"
