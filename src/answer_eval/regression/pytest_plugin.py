"""pytest plugin: golden set files become test items; a configured evaluator as a fixture.

Loaded through the ``pytest11`` entry point ``answer_eval`` (or
``-p answer_eval.regression.pytest_plugin``).
Importing it is cheap: answer-eval's own modules, the judges and vcrpy load inside hooks and
fixtures, only when a golden file or the fixture is used.

* Files named ``golden_*.yaml`` anywhere pytest looks, and the ``*.yaml`` files directly inside
  a folder given with ``--golden-dir`` or the ini option ``answer_eval_golden``, are collected;
  each golden answer is one test item, marked ``answer_eval``, whose failure shows the failed
  expectations and the quotes behind them.
* ``answer_eval_evaluator``: a session-wide ``Evaluator`` with the judge chosen by
  ``--answer-eval-judge offline|openai`` (ini ``answer_eval_judge``, default offline) and the
  rubric library of ``--answer-eval-rubrics`` (default: the shipped one).
* With the openai judge, the judge's HTTP calls are recorded and replayed with vcrpy: one
  cassette per golden file (``<cassette dir>/<file stem>.yaml``; default dir: ``cassettes/``
  beside the golden file), and one per test for tests marked ``answer_eval``.
  ``--answer-eval-record-mode`` defaults to ``none``: replay only, fail on a call that was not
  recorded and on a cassette not fully played. Record on purpose: ``once`` (files without a
  cassette), ``new_episodes`` (add what is missing) or ``all`` (re-record from scratch).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

if TYPE_CHECKING:
    from answer_eval.evaluator import Evaluator
    from answer_eval.regression.golden import GoldenAnswer, GoldenSet
    from answer_eval.regression.run import AnswerOutcome

__all__ = ["GoldenFile", "GoldenItem", "answer_eval_evaluator"]

RECORD_MODES = (
    "none",
    "once",
    "new_episodes",
    "all",
)  # as answer_eval.regression.recording (cheap import)
_EVALUATOR = pytest.StashKey["Evaluator"]()


def pytest_addoption(parser: pytest.Parser) -> None:
    group = parser.getgroup("answer-eval", "answer-eval golden sets")
    group.addoption(
        "--golden-dir",
        action="append",
        default=[],
        metavar="DIR",
        help="collect every *.yaml directly in DIR as a golden set (repeatable)",
    )
    group.addoption(
        "--answer-eval-judge",
        choices=("offline", "openai"),
        help="judge for golden items and answer_eval_evaluator (default: ini, else offline)",
    )
    group.addoption("--answer-eval-rubrics", metavar="DIR", help="rubric library folder")
    group.addoption(
        "--answer-eval-record-mode",
        choices=RECORD_MODES,
        help="vcrpy record mode for the openai judge's cassettes (default: none, replay only)",
    )
    group.addoption("--answer-eval-cassette-dir", metavar="DIR", help="where cassettes live")
    parser.addini("answer_eval_golden", "folders of golden set files", type="paths", default=[])
    parser.addini("answer_eval_judge", "offline or openai", default="offline")
    parser.addini("answer_eval_rubrics", "rubric library folder (default: shipped)", default="")
    parser.addini("answer_eval_record_mode", "vcrpy record mode", default="none")
    parser.addini("answer_eval_cassette_dir", "cassette folder", default="")


def _option(config: pytest.Config, name: str) -> str:
    value = config.getoption(f"answer_eval_{name}") or config.getini(f"answer_eval_{name}")
    return str(value or "")


def _golden_dirs(config: pytest.Config) -> list[Path]:
    given = [Path(d).resolve() for d in config.getoption("golden_dir")]
    return given + [Path(p).resolve() for p in config.getini("answer_eval_golden")]


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers", "answer_eval: uses the answer-eval judge (golden items carry it)"
    )
    mode = _option(config, "record_mode")
    if mode not in RECORD_MODES:
        raise pytest.UsageError(f"answer_eval_record_mode must be one of {RECORD_MODES}")
    if _option(config, "judge") not in ("offline", "openai"):
        raise pytest.UsageError("answer_eval_judge must be offline or openai")
    # Folders from --golden-dir are always collected; those from the ini file only when no
    # paths were given on the command line (as with testpaths).
    explicit = config.args_source == pytest.Config.ArgsSource.ARGS
    wanted = [Path(d).resolve() for d in config.getoption("golden_dir")]
    if not explicit:
        wanted += [Path(p).resolve() for p in config.getini("answer_eval_golden")]
    roots = [Path(a.split("::")[0]).resolve() for a in config.args]
    for folder in wanted:
        if not any(folder == r or r in folder.parents for r in roots):
            config.args.append(str(folder))
            roots.append(folder)


def pytest_collect_file(file_path: Path, parent: pytest.Collector) -> GoldenFile | None:
    if file_path.suffix not in (".yaml", ".yml"):
        return None
    root = parent.config.rootpath
    folders = file_path.parent.relative_to(root).parts if file_path.is_relative_to(root) else ()
    if "cassettes" in folders:  # recorded judge calls, not golden sets
        return None
    named = file_path.name.startswith("golden_")
    if named or file_path.parent.resolve() in _golden_dirs(parent.config):
        return GoldenFile.from_parent(parent, path=file_path)
    return None


def _evaluator(config: pytest.Config) -> Evaluator:
    """The session's evaluator, built on first use."""
    if _EVALUATOR not in config.stash:
        from answer_eval.evaluator import Evaluator
        from answer_eval.judges.choice import choose_judge
        from answer_eval.rubrics.loading import load_rubric_set

        rubrics = _option(config, "rubrics")
        judge = choose_judge("openai" if _option(config, "judge") == "openai" else "offline")
        rubric_set = load_rubric_set(Path(config.rootpath, rubrics) if rubrics else None)
        config.stash[_EVALUATOR] = Evaluator(judge=judge, rubric_set=rubric_set)
    return config.stash[_EVALUATOR]


@pytest.fixture(scope="session")
def answer_eval_evaluator(pytestconfig: pytest.Config) -> Evaluator:
    """An ``Evaluator`` with the judge and rubrics the answer-eval options configure."""
    return _evaluator(pytestconfig)


def _cassette(config: pytest.Config, path: Path) -> Any:
    """A vcrpy cassette context for ``path`` (the openai judge only), or None."""
    if _option(config, "judge") != "openai":
        return None
    from answer_eval.errors import JudgeConfigError
    from answer_eval.regression.recording import use_cassette

    try:
        return use_cassette(path, _option(config, "record_mode") or "none")
    except JudgeConfigError as exc:
        raise pytest.UsageError(str(exc)) from exc


def _cassette_path(config: pytest.Config, near: Path, name: str) -> Path:
    folder = _option(config, "cassette_dir")
    base = Path(config.rootpath, folder) if folder else near / "cassettes"
    return base / f"{name}.yaml"


@pytest.fixture(autouse=True)
def _answer_eval_cassette(request: pytest.FixtureRequest) -> Iterator[None]:
    """Record/replay the judge's HTTP calls of a test marked ``answer_eval`` (openai judge)."""
    node = request.node
    if node.get_closest_marker("answer_eval") is None or isinstance(node, GoldenItem):
        yield
        return
    name = f"{node.path.stem}/{node.name}".replace("[", "-").replace("]", "")
    context = _cassette(request.config, _cassette_path(request.config, node.path.parent, name))
    if context is None:
        yield
        return
    with context:
        yield


class GoldenMismatchError(AssertionError):
    """A golden answer's expectations did not hold."""

    def __init__(self, outcome: AnswerOutcome) -> None:
        self.outcome = outcome
        super().__init__(f"{len(outcome.failures())} expectation(s) failed")


class GoldenFile(pytest.File):
    """A golden set file: one item per golden answer; one cassette for the file."""

    answer_ids: frozenset[str] = frozenset()
    _context: Any = None

    def collect(self) -> Iterator[GoldenItem]:
        from answer_eval.errors import AnswerEvalError
        from answer_eval.regression.golden import golden_set_from_file

        try:
            golden = golden_set_from_file(self.path, _evaluator(self.config).rubric_set)
        except AnswerEvalError as exc:
            raise self.CollectError(str(exc)) from exc
        self.answer_ids = frozenset(a.id for a in golden.answers)
        self.ran: set[str] = set()
        for answer in golden.answers:
            item = GoldenItem.from_parent(self, name=answer.id, golden=golden, answer=answer)
            item.add_marker("answer_eval")
            yield item

    def setup(self) -> None:
        path = _cassette_path(self.config, self.path.parent, self.path.stem)
        self._context = _cassette(self.config, path)
        if self._context is not None:
            self._cassette = self._context.__enter__()

    def teardown(self) -> None:
        context, self._context = self._context, None
        if context is None:
            return
        context.__exit__(None, None, None)
        cassette = self._cassette
        complete = self.answer_ids <= self.ran  # not when -k deselected some answers
        if cassette.record_mode == "none" and complete and not cassette.all_played:
            raise AssertionError(
                f"cassette {cassette._path} was not fully played: the judge made fewer calls "
                "than were recorded; re-record with --answer-eval-record-mode=all"
            )


class GoldenItem(pytest.Item):
    """One golden answer: judge it and check its expectations."""

    def __init__(self, *, golden: GoldenSet, answer: GoldenAnswer, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.golden = golden
        self.answer = answer

    def runtest(self) -> None:
        from answer_eval.regression.run import run_answer

        assert isinstance(self.parent, GoldenFile)
        self.parent.ran.add(self.name)
        outcome = run_answer(_evaluator(self.config), self.path, self.golden, self.answer)
        if not outcome.passed:
            raise GoldenMismatchError(outcome)

    def repr_failure(
        self, excinfo: pytest.ExceptionInfo[BaseException], style: Any = None
    ) -> str | Any:
        if type(excinfo.value).__name__ == "CannotOverwriteExistingCassetteException":
            return (
                "the judge made a call that its cassette has not recorded (record mode "
                f"{_option(self.config, 'record_mode') or 'none'}); if the answer or the rubric "
                "changed on purpose, re-record with --answer-eval-record-mode=once or all\n"
                f"{excinfo.value}"
            )
        if not isinstance(excinfo.value, GoldenMismatchError):
            return super().repr_failure(excinfo, style=style)
        outcome = excinfo.value.outcome
        ev = outcome.runs[0]
        lines = [
            f"golden answer {outcome.key} ({self.answer.kind}) failed",
            f"overall {ev.overall}, recommendation {ev.recommendation}, judge "
            f"{ev.provenance.judge} {ev.provenance.model}",
        ]
        for _, check in outcome.failures():
            lines.append(f"  x {check.name}: expected {check.expected}, got {check.actual}")
            lines += [f"      {e}" for e in check.evidence]
        return "\n".join(lines)

    def reportinfo(self) -> tuple[Path, int | None, str]:
        return self.path, None, f"{self.golden.question_id}::{self.answer.id}"
