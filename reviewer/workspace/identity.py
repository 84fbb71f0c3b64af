"""Who reviews: the reviewer's name, the reviewing office (审阅单位) and the prefix of the sheets' document
numbers, kept in the workspace's settings table so every printed sheet and recorded decision names them."""
from __future__ import annotations

from dataclasses import dataclass

IDENTITY_KEYS = ("reviewer_name", "office_name", "document_prefix")
"""The settings keys, in the order of the fields of :class:`ReviewIdentity`."""


@dataclass(frozen=True)
class ReviewIdentity:
    reviewer_name: str = ""
    """The name recorded on decisions and printed as 审阅人; "" until set (the OS login is used then)."""
    office_name: str = ""
    """审阅单位 printed on the sheets and the batch table; "" prints none."""
    document_prefix: str = ""
    """Prefix of each sheet's document number (e.g. 司法审); "" prints no number."""

    def stored(self) -> dict[str, str | None]:
        """The settings rows: stripped values, None (row removed) for blank ones."""
        values = (self.reviewer_name, self.office_name, self.document_prefix)
        return {key: (value.strip() or None) for key, value in zip(IDENTITY_KEYS, values, strict=True)}


def document_number(prefix: str, year: int, report_id: int) -> str:
    """A sheet's document number in the usual form 前缀〔年份〕号: 司法审〔2026〕12号."""
    return f"{prefix}〔{year}〕{report_id}号"
