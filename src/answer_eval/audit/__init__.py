"""Fairness and audit: impact ratios, counterfactual checks, a tamper-evident log.

* ``impact_report`` (``impact``): scoring and selection rates and impact ratios by sex,
  race/ethnicity and both, as NYC's rule for automated employment decision tools defines them;
  ``render_impact_html`` gives the ``<section>`` a report page includes;
* ``run_counterfactual`` (``counterfactual``, ``rewriting``): answers judged again with names,
  pronouns or spelling swapped, and what moved;
* ``AuditLog`` / ``verify_log`` (``log``): one hash-chained line per evaluation;
  ``Evaluator(audit_log=...)``.

Redaction of personal data before text leaves the machine is in ``answer_eval.privacy``.

These inform people; they do not make hiring decisions or establish legal compliance.
"""

from typing import TYPE_CHECKING

from answer_eval._lazy import lazy_face

if TYPE_CHECKING:
    from answer_eval.audit.counterfactual import (
        Case,
        CounterfactualReport,
        arun_counterfactual,
        run_counterfactual,
    )
    from answer_eval.audit.impact import Assessed, ImpactReport, impact_report
    from answer_eval.audit.impact_report import render_impact_html
    from answer_eval.audit.log import AuditLog, verify_log

_FACE = {
    "Assessed": "answer_eval.audit.impact",
    "AuditLog": "answer_eval.audit.log",
    "Case": "answer_eval.audit.counterfactual",
    "CounterfactualReport": "answer_eval.audit.counterfactual",
    "ImpactReport": "answer_eval.audit.impact",
    "arun_counterfactual": "answer_eval.audit.counterfactual",
    "impact_report": "answer_eval.audit.impact",
    "render_impact_html": "answer_eval.audit.impact_report",
    "run_counterfactual": "answer_eval.audit.counterfactual",
    "verify_log": "answer_eval.audit.log",
}
__getattr__, __dir__ = lazy_face(__name__, _FACE, globals())
__all__ = [
    "Assessed",
    "AuditLog",
    "Case",
    "CounterfactualReport",
    "ImpactReport",
    "arun_counterfactual",
    "impact_report",
    "render_impact_html",
    "run_counterfactual",
    "verify_log",
]
