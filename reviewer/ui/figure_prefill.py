"""First values for a figure the reviewer adds from selected text, read by the analysis's own rules."""
from __future__ import annotations

from dataclasses import replace

from reviewer.workspace.values import FigureValues, figure_values


def figure_prefill(quote: str) -> FigureValues:
    """The first figure the analysis reads in ``quote``, with ``quote`` as its text (only the text when it
    reads none: the reviewer fills the form in)."""
    from reviewer.analysis.figures import extract_figures

    figures = extract_figures(quote, [])
    if not figures:
        return FigureValues(quote)
    return replace(figure_values(figures[0]), text=quote)
