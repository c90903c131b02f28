"""Impact ratios against a worked example computed by hand, edge cases, and properties.

The worked example (results and demographics below) is small enough to check on paper; every
expected figure carries its arithmetic in a comment. It has ties at the median, a category with
nobody scored, unknown categories, a repeated id (the last record wins), an unscored and an
error result, a result without demographics and demographics without a result.
"""

from __future__ import annotations

import json
import random
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from answer_eval.audit.demographics import join, read_demographics, read_results
from answer_eval.audit.impact import Assessed, ImpactReport, impact_report
from answer_eval.audit.impact_report import impact_json, render_impact_html, render_impact_text
from answer_eval.audit.stats import fisher_exact, percentile
from answer_eval.cli import main

# (id, status, overall, recommendation)
RESULTS = [
    ("c02", "scored", 4.9, "strong_yes"),  # superseded by the later c02 record below
    ("c01", "scored", 4.0, "yes"),
    ("c02", "scored", 3.0, "mixed"),
    ("c03", "scored", 4.5, "strong_yes"),
    ("c04", "scored", 3.0, "mixed"),
    ("c05", "scored", 3.5, "yes"),
    ("c06", "scored", 2.0, "no"),
    ("c07", "scored", 3.0, "mixed"),
    ("c08", "scored", 5.0, "strong_yes"),
    ("c09", "scored", 3.0, "yes"),
    ("c10", "scored", 1.5, "definitely_not"),
    ("c11", "scored", 4.0, "yes"),
    ("c12", "scored", 2.5, "no"),
    ("c13", "unscored", None, None),
    ("c14", "error", None, None),
    ("c16", "scored", 3.0, "mixed"),  # no demographics row: Unknown in every table
]
DEMOGRAPHICS = """id,sex,race_ethnicity
c01,Female,Black
c02,Female,Black
c03,Female,White
c04,Female,White
c05,Female,Asian
c06,Male,Black
c07,Male,Black
c08,Male,White
c09,Male,White
c10,Male,Asian
c11,Prefer not to say,White
c12,Female,
c13,Male,Native American or Alaska Native
c14,Female,White
c15,Female,Asian
"""
NATIVE = "Native American or Alaska Native"


def _record(ident: str, status: str, overall: float | None, rec: str | None) -> dict[str, Any]:
    if status == "error":
        return {"id": ident, "row": 1, "status": "error", "error": "row 1: missing field"}
    evaluation: dict[str, Any] = {"question_id": "q", "status": status}
    if status == "scored":
        evaluation.update(overall=overall, recommendation=rec)
    else:
        evaluation.update(unscored_reason="refusal")
    return {"id": ident, "row": 1, "status": status, "evaluation": evaluation}


@pytest.fixture
def files(tmp_path: Path) -> tuple[Path, Path]:
    results = tmp_path / "results.jsonl"
    lines = [json.dumps(_record(*r)) for r in RESULTS]
    results.write_text("\n".join(lines) + '\n{"id": "torn", "sta', encoding="utf-8")
    demographics = tmp_path / "demographics.csv"
    demographics.write_text(DEMOGRAPHICS, encoding="utf-8")
    return results, demographics


def _report(files: tuple[Path, Path], **options: Any) -> ImpactReport:
    results, unreadable = read_results(files[0])
    joined = join(results, read_demographics(files[1]), unreadable)
    return impact_report(
        joined.people, sexes=joined.sexes, races=joined.races, resamples=0, **options
    )


def _rows(report: ImpactReport, table: str) -> dict[str, Any]:
    return {r.category: r for t in report.tables if t.by == table for r in t.rows}


def test_the_join(files: tuple[Path, Path]) -> None:
    results, unreadable = read_results(files[0])
    joined = join(results, read_demographics(files[1]), unreadable)
    assert unreadable == 1  # the torn last line
    assert len(joined.people) == 15  # 16 records, c02 twice
    assert joined.without_demographics == 1  # c16
    assert joined.demographics_without_result == 1  # c15
    assert joined.sexes == {"Female", "Male"}  # "Prefer not to say" is unknown
    assert joined.races == {"Asian", "Black", "White", NATIVE}  # "" is unknown


def test_an_input_row_without_an_id_counts_as_an_error(tmp_path: Path) -> None:
    results = tmp_path / "results.jsonl"
    lines = [_record("c01", "scored", 4.0, "yes"), {"id": None, "row": 7, "status": "error"}]
    results.write_text("".join(json.dumps(r) + "\n" for r in lines), encoding="utf-8")
    found, unreadable = read_results(results)
    joined = join(found, {"c01": ("Female", "White")}, unreadable)
    report = impact_report(joined.people, resamples=0)
    assert (unreadable, report.sample, report.errors) == (0, 1, 1)
    assert _rows(report, "sex")["Unknown"].not_scored == 1


def test_worked_example_scoring_rates(files: tuple[Path, Path]) -> None:
    report = _report(files)
    # scored: c01-c12 and c16 = 13. Sorted overall scores: 1.5 2.0 2.5 3.0 3.0 3.0 3.0 3.0 3.5
    # 4.0 4.0 4.5 5.0; the 7th of 13 is the median: 3.0. Five scores equal it (c02, c04, c07,
    # c09, c16) and are not above it; above it: c01 4.0, c03 4.5, c05 3.5, c08 5.0, c11 4.0.
    assert (report.sample, report.median, report.at_median) == (13, 3.0, 5)
    assert (report.unscored, report.errors) == (1, 1)  # c13, c14

    sex = _rows(report, "sex")
    # Female: c01 c02 c03 c04 c05 c12 = 6 assessed; above: c01 c03 c05 = 3; rate 3/6 = 0.5;
    # c14 (error) is Female but not scored. Highest rated rate: the reference.
    female = sex["Female"]
    assert (female.assessed, female.not_scored, female.scoring.count) == (6, 1, 3)
    assert female.scoring.rate == 0.5
    assert female.scoring.impact_ratio == 1.0
    assert female.scoring.p_value is None
    assert female.share == pytest.approx(6 / 13)
    # Male: c06 c07 c08 c09 c10 = 5; above: c08 = 1; rate 1/5; ratio (1/5)/(1/2) = 2/5 = 0.4.
    male = sex["Male"]
    assert (male.assessed, male.not_scored, male.scoring.count) == (5, 1, 1)
    assert male.scoring.impact_ratio == pytest.approx(0.4)
    assert male.scoring.below_four_fifths
    # Fisher, Male vs Female, [[1, 4], [3, 3]]: tables with these margins have C(4,x)C(7,5-x)
    # = 21, 140, 210, 84, 7 (x = 0..4) of C(11,5) = 462; those no likelier than x=1 (140):
    # 21 + 140 + 84 + 7 = 252; p = 252/462 = 6/11.
    assert male.scoring.p_value == pytest.approx(6 / 11)
    # Unknown: c11 ("Prefer not to say") and c16 (no row) = 2; counted, not rated.
    unknown = sex["Unknown"]
    assert (unknown.assessed, unknown.scoring.count, unknown.excluded) == (2, 1, "unknown")
    assert unknown.scoring.impact_ratio is None

    race = _rows(report, "race_ethnicity")
    # White: c03 c04 c08 c09 c11 = 5; above c03 c08 c11 = 3; 3/5 is the highest rate.
    assert race["White"].scoring.rate == pytest.approx(0.6)
    assert race["White"].scoring.impact_ratio == 1.0
    # Asian: c05 c10 = 2; above c05; (1/2)/(3/5) = 5/6, not under four-fifths.
    assert race["Asian"].scoring.impact_ratio == pytest.approx(5 / 6)
    assert not race["Asian"].scoring.below_four_fifths
    # Fisher, Asian vs White, [[1, 1], [3, 2]]: C(4,x)C(3,2-x) = 3, 12, 6 of 21; all are no
    # likelier than 12: p = 21/21 = 1.
    assert race["Asian"].scoring.p_value == pytest.approx(1.0)
    # Black: c01 c02 c06 c07 = 4; above c01; (1/4)/(3/5) = 5/12.
    assert race["Black"].scoring.impact_ratio == pytest.approx(5 / 12)
    assert race["Black"].scoring.below_four_fifths
    # Fisher, Black vs White, [[1, 3], [3, 2]]: C(4,x)C(5,4-x) = 5, 40, 60, 20, 1 of 126;
    # no likelier than 40: 5 + 40 + 20 + 1 = 66; p = 66/126 = 11/21.
    assert race["Black"].scoring.p_value == pytest.approx(11 / 21)
    # Native American or Alaska Native: only c13, unscored: an empty category, shown, not rated.
    native = race[NATIVE]
    assert (native.assessed, native.not_scored, native.excluded) == (0, 1, "none assessed")
    assert native.scoring.rate is None
    # Unknown race: c12 ("") and c16 = 2, neither above.
    assert (race["Unknown"].assessed, race["Unknown"].scoring.count) == (2, 0)


def test_worked_example_intersections(files: tuple[Path, Path]) -> None:
    both = _rows(_report(files), "intersection")
    # every sex x race pair is a row, even with nobody in it: 2 x 4 + Unknown
    assert len(both) == 9
    # Female / Asian: c05, above: rate 1/1, the highest.
    assert both["Female / Asian"].scoring.impact_ratio == 1.0
    # Female / Black c01 c02 (c01 above) and Female / White c03 c04 (c03 above): 1/2 / 1.
    assert both["Female / Black"].scoring.impact_ratio == 0.5
    assert both["Female / White"].scoring.impact_ratio == 0.5
    # Male / Black c06 c07: none above: 0. Fisher vs Female / Asian, [[0, 2], [1, 0]]:
    # C(1,x)C(2,2-x) = 1, 2 of C(3,2) = 3; no likelier than x=0 (1): p = 1/3.
    assert both["Male / Black"].scoring.impact_ratio == 0.0
    assert both["Male / Black"].scoring.p_value == pytest.approx(1 / 3)
    assert both[f"Male / {NATIVE}"].excluded == "none assessed"
    # Unknown: c11 (sex unknown), c12 (race unknown), c16 (neither known) = 3.
    assert both["Unknown"].assessed == 3


def test_small_categories_are_named_and_not_rated(files: tuple[Path, Path]) -> None:
    both = _rows(_report(files, min_share=0.10), "intersection")
    # 1/13 = 7.7% < 10%: Female / Asian and Male / Asian are counted but not rated.
    assert both["Female / Asian"].excluded == "under 10% of the sample"
    assert both["Female / Asian"].scoring.impact_ratio is None
    # 2/13 = 15.4%: rated. The highest rate is now 1/2, shared by Female / Black, Female /
    # White and Male / White (2 assessed each): the first by name is the reference.
    assert both["Female / Black"].scoring.p_value is None
    assert both["Female / White"].scoring.impact_ratio == 1.0
    assert both["Male / White"].scoring.impact_ratio == 1.0
    assert both["Male / Black"].scoring.impact_ratio == 0.0


def test_worked_example_selection_rates(files: tuple[Path, Path]) -> None:
    report = _report(files, selected="yes")
    sex = _rows(report, "sex")
    # "yes or better": Female c01 c03 c05 of 6 = 1/2; Male c08 c09 of 5 = 2/5.
    assert (sex["Female"].selection.count, sex["Male"].selection.count) == (3, 2)
    # (2/5)/(1/2) = 4/5 exactly: on the line, so not under four-fifths.
    assert sex["Male"].selection.impact_ratio == pytest.approx(0.8)
    assert not sex["Male"].selection.below_four_fifths
    # Fisher [[2, 3], [3, 3]]: C(5,x)C(6,5-x) = 6, 75, 200, 150, 30, 1 of 462: all no likelier
    # than x=2 (200): p = 1.
    assert sex["Male"].selection.p_value == pytest.approx(1.0)
    race = _rows(report, "race_ethnicity")
    # White c03 c08 c09 c11 = 4/5; Asian c05 = 1/2 -> 5/8; Black c01 = 1/4 -> 5/16.
    assert race["Asian"].selection.impact_ratio == pytest.approx(5 / 8)
    assert race["Black"].selection.impact_ratio == pytest.approx(5 / 16)
    assert race["Asian"].selection.below_four_fifths


def test_when_no_one_scores_above_the_median_no_ratio_is_defined() -> None:
    people = [
        Assessed(f"p{i}", "scored", 3.0, "mixed", sex, "X")
        for i, sex in enumerate(["A", "A", "B", "B"])
    ]
    report = impact_report(people, resamples=50)
    sex = report.tables[0]
    # every score equals the median 3.0, so no one is above it: every rate is 0/2
    assert all(r.scoring.rate == 0.0 for r in sex.rows if r.assessed)
    assert all(r.scoring.impact_ratio is None for r in sex.rows)
    assert not any(r.scoring.below_four_fifths for r in sex.rows)
    assert sex.scoring_reference is None
    assert "impact ratios are undefined" in sex.notes[0]


def test_bootstrap_intervals_are_seeded(files: tuple[Path, Path]) -> None:
    results, unreadable = read_results(files[0])
    joined = join(results, read_demographics(files[1]), unreadable)

    def run(seed: int) -> dict[str, Any]:
        report = impact_report(joined.people, sexes=joined.sexes, races=joined.races,
                               resamples=200, seed=seed)  # fmt: skip
        return impact_json(report)

    assert run(3) == run(3)
    male = _rows(impact_report(joined.people, resamples=200, seed=3), "sex")["Male"].scoring
    assert male.ci_low is not None
    assert male.ci_high is not None
    assert male.ci_low <= male.impact_ratio <= male.ci_high
    assert run(3) != run(4)


def test_stats_helpers() -> None:
    assert fisher_exact(3, 1, 1, 3) == pytest.approx(0.4857142857)  # Fisher's tea tasting: 34/70
    assert fisher_exact(5, 0, 0, 5) == pytest.approx(2 / 252)
    assert percentile([1.0, 2.0, 3.0, 4.0], 0.5) == 2.5
    with pytest.raises(ValueError, match="negative"):
        fisher_exact(-1, 0, 0, 0)


def test_renderings(files: tuple[Path, Path]) -> None:
    report = _report(files, selected="yes")
    text = render_impact_text(report)
    assert "13 scored results; median overall score 3 (5 at the median)" in text
    assert "under 4/5" in text
    assert "not rated:" in text
    html = render_impact_html(report)
    assert html.startswith('<section class="answer-eval-impact">')
    assert html.rstrip().endswith("</section>")
    assert html.count("<table>") == 3
    assert 'class="below-four-fifths"' in html
    hostile = [Assessed("x", "scored", 4.0, "yes", "<script>alert(1)</script>", "R"),
               Assessed("y", "scored", 2.0, "no", "B&B", "R")]  # fmt: skip
    escaped = render_impact_html(impact_report(hostile, resamples=0))
    assert "<script" not in escaped
    assert "&lt;script&gt;" in escaped
    assert "B&amp;B" in escaped


def test_audit_impact_command(
    files: tuple[Path, Path], capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    args = ["audit", "impact", str(files[0]), "--demographics", str(files[1]), "--bootstrap", "50"]
    assert main([*args, "--selected", "yes"]) == 0
    out = capsys.readouterr().out
    assert "Race/ethnicity" in out
    assert "Join: 1 result(s) without demographics" in out
    assert main([*args, "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["median"] == 3.0
    assert data["join"]["demographics_without_result"] == 1
    bad = tmp_path / "bad.csv"
    bad.write_text("who,sex\nc01,Female\n", encoding="utf-8")
    assert main(["audit", "impact", str(files[0]), "--demographics", str(bad)]) == 2
    assert "no 'id' column" in capsys.readouterr().err


# ---------------------------------------------------------------------------- properties

people_lists = st.lists(
    st.tuples(
        st.sampled_from([1.0, 2.0, 2.5, 3.0, 3.5, 4.0, 5.0]),
        st.sampled_from(["definitely_not", "no", "mixed", "yes", "strong_yes"]),
        st.sampled_from(["A", "B", "C", None]),
        st.sampled_from(["X", "Y", None]),
        st.booleans(),
    ),
    min_size=6,
    max_size=40,
)


def _people(rows: list[tuple[float, str, str | None, str | None, bool]]) -> list[Assessed]:
    return [
        Assessed(
            f"p{i}",
            "scored" if scored else "unscored",
            score if scored else None,
            rec if scored else None,
            sex,
            race,
        )
        for i, (score, rec, sex, race, scored) in enumerate(rows)
    ]


def _figures(report: ImpactReport, rename: dict[str, str] | None = None) -> dict[Any, Any]:
    """Counts, rates and ratios per category (not p-values: a tie for the highest rate is
    broken by name, so renaming may change which category the others are tested against)."""
    names = rename or {}

    def label(category: str) -> str:
        return " / ".join(names.get(part, part) for part in category.split(" / "))

    return {
        (t.by, label(r.category)): (
            r.assessed,
            r.not_scored,
            r.excluded,
            r.scoring.rate,
            r.scoring.impact_ratio,
            r.scoring.below_four_fifths,
            r.selection and r.selection.impact_ratio,
        )
        for t in report.tables
        for r in t.rows
    }


@settings(max_examples=60, deadline=None, database=None)
@given(rows=people_lists, seed=st.integers(0, 1000))
def test_row_order_does_not_change_anything(rows: list[Any], seed: int) -> None:
    people = _people(rows)
    shuffled = list(people)
    random.Random(seed).shuffle(shuffled)
    first = impact_report(people, selected="yes", resamples=20, seed=1)
    second = impact_report(shuffled, selected="yes", resamples=20, seed=1)
    assert impact_json(first) == impact_json(second)  # intervals too: resampling is ordered


@settings(max_examples=60, deadline=None, database=None)
@given(rows=people_lists)
def test_renaming_categories_only_renames_the_figures(rows: list[Any]) -> None:
    rename = {"A": "Zeta", "B": "Alpha", "C": "Mu", "X": "Omega", "Y": "Beta"}
    people = _people(rows)
    renamed = [
        Assessed(
            p.id,
            p.status,
            p.score,
            p.recommendation,
            rename[p.sex] if p.sex else None,
            rename[p.race] if p.race else None,
        )
        for p in people
    ]
    before = _figures(impact_report(people, selected="yes", resamples=0), rename)
    after = _figures(impact_report(renamed, selected="yes", resamples=0))
    assert before == after
