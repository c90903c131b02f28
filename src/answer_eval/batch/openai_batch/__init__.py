"""Scoring through the OpenAI Batch API (or vLLM's batch runner).

``requests`` writes request files, ``results`` grades result lines, ``job`` submits, polls and
joins, resumable across invocations.
"""
