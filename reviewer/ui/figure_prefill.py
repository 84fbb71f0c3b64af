"""First values for a figure the reviewer adds from selected text, read by the analysis's own rules."""
from __future__ import annotations


def figure_prefill(quote: str) -> dict:
    """Value, unit, approximation and subject of the first figure the analysis reads in ``quote``
    (empty when it reads none: the reviewer fills the form in)."""
    from reviewer.analysis.figures import extract_figures

    figures = extract_figures(quote, [])
    if not figures:
        return {}
    figure = figures[0]
    return {"value": figure.value, "unit": figure.unit, "approx": figure.approx, "subject": figure.subject}
