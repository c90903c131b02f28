"""Fairness and audit: impact ratios, counterfactual checks, redaction, a tamper-evident log.

The face: ``Redactor`` (personal data out of what a judge sees, quotes mapped back) and
``AuditLog`` / ``verify_log`` (one hash-chained line per evaluation), both taken by
``Evaluator(redact=..., audit_log=...)``.
"""

from typing import TYPE_CHECKING

from answer_eval._lazy import lazy_face

if TYPE_CHECKING:
    from answer_eval.audit.log import AuditLog, verify_log
    from answer_eval.audit.redaction import Redaction, Redactor

_FACE = {
    "AuditLog": "answer_eval.audit.log",
    "Redaction": "answer_eval.audit.redaction",
    "Redactor": "answer_eval.audit.redaction",
    "verify_log": "answer_eval.audit.log",
}
__getattr__, __dir__ = lazy_face(__name__, _FACE, globals())
__all__ = ["AuditLog", "Redaction", "Redactor", "verify_log"]
