"""Personal data kept home: found in an answer and replaced before the text leaves the machine.

``pii`` finds emails, phone numbers, URLs, street addresses, card and account numbers; ``names``
finds the names a candidate gives (patterns plus a first-name list, no downloads); ``redaction``
replaces them with stable placeholders and maps a judge's quotes back onto the original answer;
``redaction_quality`` measures precision and recall on a labelled set.
"""

from answer_eval.privacy.redaction import Redaction, Redactor

__all__ = ["Redaction", "Redactor"]
