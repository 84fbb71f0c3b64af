"""The band keys that index passages: MinHash over character trigrams, computed for all of a report's passages at
once with numpy (the per-trigram loop in Python was half of a report's analysis time).

Keys are stored in the workspace, so what this computes is fixed: a change of it needs a schema migration that
rekeys the stored passages. tests/analysis/test_copy_keys.py holds the definition written out in plain Python and
checks this against it.

One permutation in :data:`ROUNDS` rounds: in each round every trigram's hash times the round's multiplier (mod
2⁶⁴) falls in one of 16 bins by its top 4 bits and a bin keeps its least value; an empty bin takes the next filled
bin's value (cyclically) plus the distance (rotation densification). The 96 values make :data:`BANDS` bands of
two, each mixed into one 63-bit number whose top :data:`KEY_BITS` bits, as a signed number, are the band's key.
Rounds of few bins keep bins filled, so that densified copies seldom make two unrelated passages collide twice.
Arithmetic is modulo 2⁶⁴ (numpy's unsigned wrap-around); only the low 63 bits of the mix are kept, and those do
not depend on the wrap. numpy is imported when keys are first computed (not when the window starts).
"""
from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import numpy as np

SHINGLE = 3
BANDS = 48
ROWS = 2
KEY_BITS = 32
"""Bits of a band key; keys are signed (−2³¹ … 2³¹ − 1), which SQLite stores in 4 bytes."""
ROUNDS = 6
ROUND_BITS = 4
"""16 bins a round: a 40-trigram passage leaves few bins empty."""
ROUND_MULTIPLIERS = (0x9E3779B97F4A7C15, 0xC2B2AE3D27D4EB4F, 0x165667B19E3779F9, 0xD6E8FEB86659FD93,
                     0xFF51AFD7ED558CCD, 0xC4CEB9FE1A85EC53)
SHINGLE_MULTIPLIER = 0x9E3779B97F4A7C15
BAND_MULTIPLIER = 0xBF58476D1CE4E5B9

_BINS = 1 << ROUND_BITS
_BAND_OFFSETS = [band * BAND_MULTIPLIER % (1 << 64) for band in range(BANDS)]
_MIX_BITS = (1 << 63) - 1


def band_keys_of(normalized: Sequence[str]) -> list[tuple[int, ...]]:
    """The :data:`BANDS` keys of each normalised passage (of at least :data:`SHINGLE` characters; a shorter one
    gets no keys), in the order given."""
    import numpy as np

    u64 = np.uint64
    trigrams, owner = _trigram_hashes(normalized)
    count = len(normalized)
    values = np.empty((count, ROUNDS, _BINS), dtype=u64)
    groups = owner * _BINS
    with np.errstate(over="ignore"):
        for round_number, multiplier in enumerate(ROUND_MULTIPLIERS[:ROUNDS]):
            hashed = trigrams * u64(multiplier)
            slot = groups + (hashed >> u64(64 - ROUND_BITS)).astype(np.int64)
            least = np.full(count * _BINS, np.iinfo(u64).max, dtype=u64)
            np.minimum.at(least, slot, hashed)
            filled = np.zeros(count * _BINS, dtype=bool)
            filled[slot] = True
            values[:, round_number, :] = _densified(least.reshape(count, _BINS), filled.reshape(count, _BINS))
        flat = values.reshape(count, BANDS * ROWS)
        mixed = ((flat[:, 0::2] * u64(SHINGLE_MULTIPLIER)) ^ (flat[:, 1::2] + np.array(_BAND_OFFSETS, dtype=u64))
                 ) & u64(_MIX_BITS)
    keys = (mixed >> u64(63 - KEY_BITS)).astype(np.int64) - (1 << (KEY_BITS - 1))
    has_trigrams = np.bincount(owner, minlength=count) > 0
    return [tuple(row) if present else () for row, present in zip(keys.tolist(), has_trigrams.tolist())]


def _trigram_hashes(normalized: Sequence[str]) -> tuple[np.ndarray, np.ndarray]:
    """The hash of every character trigram of every passage and the passage it belongs to."""
    import numpy as np

    u64 = np.uint64
    joined = "".join(normalized)
    codes = np.frombuffer(joined.encode("utf-32-le", "surrogatepass"), dtype=np.uint32).astype(u64)
    lengths = np.array([len(text) for text in normalized], dtype=np.int64)
    ends = np.cumsum(lengths)
    owner_of_char = np.repeat(np.arange(len(normalized), dtype=np.int64), lengths)
    first = np.arange(max(len(codes) - SHINGLE + 1, 0), dtype=np.int64)
    first = first[first + SHINGLE <= ends[owner_of_char[first]]] if len(first) else first
    with np.errstate(over="ignore"):
        mixed = (codes[first] << u64(42) | codes[first + 1] << u64(21) | codes[first + 2]) * u64(SHINGLE_MULTIPLIER)
    return mixed ^ (mixed >> u64(31)), owner_of_char[first]


def _densified(least: np.ndarray, filled: np.ndarray) -> np.ndarray:
    """Each bin's least value, an empty bin taking the next filled bin's (cyclically) plus the distance."""
    import numpy as np

    result = least.copy()
    taken = filled.copy()
    with np.errstate(over="ignore"):
        for distance in range(1, _BINS):
            if taken.all():
                break
            fill = ~taken & np.roll(filled, -distance, axis=1)
            result[fill] = np.roll(least, -distance, axis=1)[fill] + np.uint64(distance)
            taken |= fill
    return result
