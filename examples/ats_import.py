"""Example: send answer-eval's ATS scorecards to an applicant-tracking system.

    answer-eval batch examples/answers.jsonl -o results.jsonl
    answer-eval export results.jsonl --to ats -o scorecards/
    python examples/ats_import.py scorecards/ --dry-run              # print what would be sent
    ATS_TOKEN=... python examples/ats_import.py scorecards/ --url https://ats.example/api/v1

Each ``*.scorecard.json`` becomes one POST to ``<url>/scorecards`` in the shape most ATS
scorecard APIs take (Greenhouse-style names: ``overall_recommendation`` one of
``definitely_not / no / yes / strong_yes / no_decision``, ``attributes`` rated 1-4, a note). It
is a starting point: map ``candidate.key`` to your ATS's application id, and rename fields to
your ATS's API. Scorecards with an answer to review, an answer not scored, or scores from the
offline baseline judge are sent as drafts (``submitted: false``) for a recruiter to confirm.
Standard library only.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import urllib.request
from pathlib import Path
from typing import Any


def payload(card: dict[str, Any]) -> dict[str, Any]:
    """The request body for one candidate's scorecard."""
    lines = [f"{card['generated_by']} ({', '.join(card['judges'])})"]
    for answer in card["answers"]:
        if answer["status"] != "scored":
            lines.append(f"- {answer['question_id']}: not scored ({answer['not_scored_because']})")
            continue
        flags = ", ".join(f["id"] for f in answer["red_flags"]) or "none"
        lines.append(
            f"- {answer['question_id']}: {answer['source_recommendation']} "
            f"({answer['overall']:.2f}/5), red flags: {flags}"
        )
        lines += [f"    review: {r['message']}" for r in answer["review_reasons"]]
    return {
        "application_key": card["candidate"]["key"],
        "candidate_name": card["candidate"]["name"],
        "overall_recommendation": card["overall_recommendation"],
        "attributes": [
            {"name": a["name"], "rating": a["rating"], "note": f"{a['source_score']}/5"}
            for a in card["attributes"]
        ],
        "notes": "\n".join(lines),
        # a baseline judge, a gap or a reason to review: a draft for a recruiter to confirm
        "submitted": card["complete"]
        and not card["needs_review"]
        and not any(j.startswith("offline:") for j in card["judges"]),
    }


def send(url: str, token: str, body: dict[str, Any]) -> int:
    """POST one scorecard; returns the HTTP status."""
    request = urllib.request.Request(
        f"{url.rstrip('/')}/scorecards",
        data=json.dumps(body).encode(),
        headers={"Content-Type": "application/json", "Authorization": f"Bearer {token}"},
        method="POST",
    )
    with urllib.request.urlopen(request, timeout=30) as response:
        return int(response.status)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Send ATS scorecards written by answer-eval.")
    parser.add_argument("folder", type=Path, help="the folder 'answer-eval export --to ats' wrote")
    target = parser.add_mutually_exclusive_group(required=True)
    target.add_argument("--dry-run", action="store_true", help="print the requests, send none")
    target.add_argument("--url", help="the ATS API base URL (token in $ATS_TOKEN)")
    args = parser.parse_args(argv)
    cards = sorted(args.folder.glob("*.scorecard.json"))
    if not cards:
        print(f"no *.scorecard.json in {args.folder}", file=sys.stderr)
        return 2
    token = os.environ.get("ATS_TOKEN", "")
    if args.url and not token:
        print("set ATS_TOKEN to the ATS API token", file=sys.stderr)
        return 2
    for path in cards:
        body = payload(json.loads(path.read_text(encoding="utf-8")))
        if args.dry_run:
            print(json.dumps(body, ensure_ascii=False))
        else:
            print(f"{path.name}: HTTP {send(args.url, token, body)}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
