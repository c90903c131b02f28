"""Reports for people: the per-answer text table and the one-answer summary."""
