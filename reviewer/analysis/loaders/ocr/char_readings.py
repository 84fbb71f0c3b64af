"""What the recognizer saw at each character of a line, beyond the character it chose.

The recognizer (CTC) scores every character of its alphabet, and a blank, at each column of the line image
(a column is 8 pixels of the line scaled to 48 pixels high: about a third of a Chinese character). Its
decoder keeps the best-scored entry of each column and drops blanks and repeats, so it says nothing of how
close the race was. Kept here, for each character read:

- its best probability over its columns (the decoder reports the first column's, often a weaker edge);
- where it stands: the columns between the midpoints to its neighbours, as a share of the line's width;
- the runner-up: the best other character over its columns, and its probability (a ``6`` that also scored
  0.3 as ``8``: the shapes the recognizer confuses are the ones it scores together);
- the dropped reading before it: the best character in the blank columns between it and the character before
  it (a decimal point scored 0.3 under a blank's 0.7 is a point the decoder lost).
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np

BLANK = 0
"""Index of the CTC blank in the recognizer's alphabet (rapidocr puts it first)."""


@dataclass(frozen=True)
class CharReading:
    """One character of a line as the recognizer read it; positions as shares (0..1) of the line's width."""

    start: float
    end: float
    probability: float  # the character's best probability over its columns
    runner_up: str  # "" when every other character scored 0
    runner_up_probability: float
    dropped: str  # the best character in the blank columns just before this one; "" when none
    dropped_probability: float


class ReadingDecoder:
    """rapidocr's CTC decoder, with the :class:`CharReading` of each character of each line attached to its
    word result (``word_results[i].readings``); everything else as the decoder gives it."""

    def __init__(self, decoder: Any) -> None:
        self._decoder = decoder

    def __getattr__(self, name: str) -> Any:
        return getattr(self._decoder, name)

    def __call__(self, preds: np.ndarray, return_word_box: bool = False, **kwargs: Any) -> Any:
        lines, words = self._decoder(preds, return_word_box, **kwargs)
        ratios = kwargs.get("wh_ratio_list", (1.0,) * len(words))
        widest = kwargs.get("max_wh_ratio", 1.0)
        for row, ratio, info in zip(preds, ratios, words):
            used = max(1, min(len(row), round(len(row) * ratio / widest)))  # columns holding the line, not padding
            info.readings = char_readings(row[:used], self._decoder.character)
        return lines, words


def char_readings(probabilities: np.ndarray, alphabet: list[str]) -> list[CharReading]:
    """The readings of the characters the CTC decoder keeps from ``probabilities`` (columns × alphabet):
    the best entry of each column, blanks and repeats dropped."""
    best = probabilities.argmax(axis=1)
    columns = len(best)
    runs: list[tuple[int, int]] = []  # first and last column of each character kept
    for column in range(columns):
        if best[column] == BLANK:
            continue
        if runs and runs[-1][1] == column - 1 and best[column - 1] == best[column]:
            runs[-1] = (runs[-1][0], column)
        else:
            runs.append((column, column))
    centres = [(first + last + 1) / 2 for first, last in runs]
    readings = []
    for index, (first, last) in enumerate(runs):
        token = int(best[first])
        left = (centres[index - 1] + centres[index]) / 2 if index else max(0.0, centres[0] - _half_pitch(centres))
        right = (centres[index] + centres[index + 1]) / 2 if index + 1 < len(runs) \
            else min(float(columns), centres[index] + _half_pitch(centres))
        own = probabilities[first:last + 1].copy()
        probability = float(own[:, token].max())
        own[:, [BLANK, token]] = 0.0
        runner, runner_probability = _best(own, alphabet)
        gap_start = runs[index - 1][1] + 1 if index else 0
        gap = probabilities[gap_start:first].copy()
        excluded = [BLANK, token] + ([int(best[runs[index - 1][0]])] if index else [])
        gap[:, excluded] = 0.0  # a character's own tail in the blank beside it is no lost character
        dropped, dropped_probability = _best(gap, alphabet)
        readings.append(CharReading(left / columns, right / columns, probability, runner, runner_probability, dropped,
                                    dropped_probability))
    return readings


def _half_pitch(centres: list[float]) -> float:
    """Half the distance between neighbouring characters (half a column for a single one)."""
    return (centres[-1] - centres[0]) / (len(centres) - 1) / 2 if len(centres) > 1 else 0.5


def _best(probabilities: np.ndarray, alphabet: list[str]) -> tuple[str, float]:
    if probabilities.size == 0:
        return "", 0.0
    column, entry = np.unravel_index(int(probabilities.argmax()), probabilities.shape)
    probability = float(probabilities[column, entry])
    return (alphabet[int(entry)], probability) if probability > 0 else ("", 0.0)
