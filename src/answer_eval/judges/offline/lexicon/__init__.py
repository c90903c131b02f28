"""The offline judge's lexicons; ``catalogue`` says which speak for which dimension or red flag.

``entries`` (entries and folding), ``index`` (one-pass matching), ``signals`` (job sentences,
negation, injection), ``star`` (situation/task/action/result markers, specifics, vagueness),
``dimensions`` (evidence for a dimension) and ``warnings`` (evidence against one).
"""
