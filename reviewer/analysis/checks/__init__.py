"""Checks: each module looks at one kind of problem and returns findings pointing at text."""
from __future__ import annotations

from collections.abc import Sequence

from reviewer.analysis.checks.arithmetic import check_arithmetic
from reviewer.analysis.checks.damage import check_damage
from reviewer.analysis.checks.revisions import check_revisions
from reviewer.analysis.checks.structure import check_structure
from reviewer.analysis.model import Figure, Finding, Metadata, RequiredPart, Section


def run_checks(
    text: str,
    metadata: Metadata,
    sections: list[Section],
    figures: list[Figure],
    required: dict[str, RequiredPart],
    revision_offsets: Sequence[int] = (),
) -> list[Finding]:
    """Every finding, in text order; ``revision_offsets`` are where unaccepted tracked changes stand in ``text``."""
    findings = [
        *check_structure(text, metadata, sections, required),
        *check_arithmetic(text, figures),
        *check_damage(text),
        *check_revisions(text, revision_offsets),
    ]
    findings.sort(key=lambda f: (f.start, f.end, f.code))
    return findings
