"""Every weight and threshold of the offline judge, read once from ``tuning.yaml``.

The file sits next to this module, so it ships inside the wheel. ``load_tuning()`` returns the
shipped tuning (cached); ``Tuning.from_dict`` builds one from any mapping, so a fitting script
or an experiment can try other numbers without touching code.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any, Literal, cast

import yaml

__all__ = ["TUNING_PATH", "Tuning", "load_tuning"]

TUNING_PATH = Path(__file__).with_name("tuning.yaml")
Verdict = Literal["met", "partial", "not_met"]


def _floats(data: dict[str, Any]) -> dict[str, float]:
    return {str(k): float(v) for k, v in data.items()}


@dataclass(frozen=True)
class Tuning:
    """The numbers the judge uses; ``tuning.yaml`` says what each one means."""

    version: str
    saturation: dict[str, float]
    brevity_words: float
    full_answer_words: int
    relevance_min_words: int
    min_sentence_words: int
    relevance_private: float
    warning_cap: int
    vague_cap: int
    latent_bias: float
    latent_weights: dict[str, float]
    behavioural_weights: dict[str, float]
    knots: tuple[tuple[float, float], ...]
    uncertain: tuple[float, float]
    no_credit_quality: float
    dimensions: dict[str, float]
    no_evidence: dict[str, float]
    fallback_points: float
    fallback_warnings: frozenset[str]
    vague_points: dict[str, float]
    vague_fallback: float
    vague_all: float
    warning_caps: dict[str, dict[str, float]]
    criteria: dict[str, float]
    stuffing: dict[str, float]
    stuffing_cap_dimension: int
    stuffing_cap_verdict: Verdict

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Tuning:
        """A tuning from a decoded ``tuning.yaml``."""
        latent, quality, dims = data["latent"], data["quality"], dict(data["dimensions"])
        stuffing = dict(data["stuffing"])
        low, high = quality["uncertain"]
        return cls(
            version=str(data["version"]),
            saturation=_floats(data["saturation"]),
            brevity_words=float(data["brevity_words"]),
            full_answer_words=int(data["criteria"]["full_answer_words"]),
            relevance_min_words=int(data["relevance"]["min_words"]),
            min_sentence_words=int(data["min_sentence_words"]),
            relevance_private=float(data["relevance"]["private"]),
            warning_cap=int(data["warning_cap"]),
            vague_cap=int(data["vague_cap"]),
            latent_bias=float(latent["bias"]),
            latent_weights=_floats(latent["weights"]),
            behavioural_weights=_floats(latent.get("behavioural") or {}),
            knots=tuple((float(x), float(y)) for x, y in quality["knots"]),
            uncertain=(float(low), float(high)),
            no_credit_quality=float(quality["no_credit"]),
            no_evidence=_floats(dims.pop("no_evidence")),
            fallback_points=float(dims.pop("fallback_points")),
            fallback_warnings=frozenset(dims.pop("fallback_warnings")),
            vague_points=_floats(dims.pop("vague_points")),
            vague_fallback=float(dims.pop("vague_fallback")),
            vague_all=float(dims.pop("vague_all")),
            warning_caps={w: _floats(caps) for w, caps in dims.pop("warning_caps").items()},
            dimensions=_floats(dims),
            criteria=_floats(data["criteria"]),
            stuffing_cap_dimension=int(stuffing.pop("cap_dimension")),
            stuffing_cap_verdict=cast(Verdict, stuffing.pop("cap_verdict")),
            stuffing=_floats(stuffing),
        )


@cache
def load_tuning(path: Path = TUNING_PATH) -> Tuning:
    """The tuning in ``path`` (the shipped ``tuning.yaml`` by default), read once."""
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    return Tuning.from_dict(data)
