"""``answer-eval rubrics list | show | validate | schema``."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

import yaml

from answer_eval.resources import rubrics_dir
from answer_eval.rubrics.loading import json_schemas, load_rubric_set, validate_paths

EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2


def register(commands: Any) -> None:
    """Add the ``rubrics`` command group."""
    group = commands.add_parser("rubrics", help="list, show and validate rubrics")
    sub = group.add_subparsers(dest="rubrics_command", metavar="ACTION", required=True)

    listing = sub.add_parser("list", help="list the questions of a rubric library")
    listing.add_argument("--rubrics", type=Path, help="rubric library folder (default: shipped)")
    listing.add_argument("--format", choices=("table", "json"), default="table")
    listing.set_defaults(run=run_list)

    show = sub.add_parser("show", help="show one question's rubric")
    show.add_argument("question_id", metavar="ID")
    show.add_argument("--rubrics", type=Path, help="rubric library folder (default: shipped)")
    show.add_argument("--format", choices=("yaml", "json"), default="yaml")
    show.set_defaults(run=run_show)

    validate = sub.add_parser(
        "validate", help="validate rubric folders or files (exit 2 with the problems if invalid)"
    )
    validate.add_argument("paths", nargs="*", type=Path, metavar="PATH")
    validate.set_defaults(run=run_validate)

    schema = sub.add_parser("schema", help="print or write the JSON Schemas for YAML editors")
    schema.add_argument("--write", type=Path, metavar="DIR", help="write the schema files into DIR")
    schema.set_defaults(run=run_schema)


def run_list(args: argparse.Namespace) -> int:
    rubric = load_rubric_set(args.rubrics)
    rows = [
        {
            "id": q.id,
            "text": q.text,
            "kind": q.kind,
            "star": q.star,
            "document": q.source.document,
            "number": q.source.question,
            "criteria": len(q.criteria),
            "red_flags": len(q.red_flags),
            "related": list(q.related),
        }
        for q in rubric.questions
    ]
    if args.format == "json":
        json.dump(rows, sys.stdout, indent=2, ensure_ascii=False)
        print()
        return EXIT_OK
    header = f"{'ID':34} {'SOURCE':12} {'KIND':12} {'STAR':15} {'C':>2} {'RF':>2}  QUESTION"
    print(header)
    for r in rows:
        source = f"{str(r['document'])[:3]} Q{r['number']}"
        text = str(r["text"])
        text = text if len(text) <= 70 else text[:67] + "..."
        print(
            f"{r['id']:34} {source:12} {r['kind']:12} {r['star']:15} "
            f"{r['criteria']:>2} {r['red_flags']:>2}  {text}"
        )
    print(f"\n{len(rows)} questions in {rubric.id}@{rubric.version}")
    return EXIT_OK


def run_show(args: argparse.Namespace) -> int:
    rubric = load_rubric_set(args.rubrics)
    question = rubric.question(args.question_id)
    data = question.model_dump(mode="json", exclude_defaults=False)
    data["content_hash"] = rubric.content_hash(question.id)
    if args.format == "json":
        json.dump(data, sys.stdout, indent=2, ensure_ascii=False)
        print()
    else:
        print(yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=100), end="")
    return EXIT_OK


def run_validate(args: argparse.Namespace) -> int:
    problems = validate_paths(args.paths)
    targets = args.paths or [rubrics_dir()]
    if problems:
        for line in problems:
            print(line, file=sys.stderr)
        print(f"{len(problems)} problem(s) found", file=sys.stderr)
        return EXIT_USAGE
    print(f"valid: {', '.join(str(t) for t in targets)}")
    return EXIT_OK


def run_schema(args: argparse.Namespace) -> int:
    schemas = json_schemas()
    if args.write is None:
        print(json.dumps({n: json.loads(t) for n, t in schemas.items()}, indent=2))
        return EXIT_OK
    for name, text in schemas.items():
        (args.write / name).write_text(text, encoding="utf-8")
        print(f"wrote {args.write / name}")
    return EXIT_OK
