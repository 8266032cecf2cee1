"""The row every benchmark returns, and the table `python -m bench` prints."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Row:
    """One measured figure, beside the reference it is compared with (measured in the same run)."""

    benchmark: str
    metric: str
    value: float
    unit: str
    reference: str = ""
    reference_value: float | None = None


def render(rows: list[Row]) -> str:
    headers = ("benchmark", "metric", "value", "unit", "reference", "ref. value")
    cells = [
        (
            row.benchmark,
            row.metric,
            f"{row.value:,.2f}",
            row.unit,
            row.reference,
            "" if row.reference_value is None else f"{row.reference_value:,.2f}",
        )
        for row in rows
    ]
    widths = [max(len(str(item)) for item in column) for column in zip(headers, *cells, strict=False)]
    line = "  ".join("-" * width for width in widths)
    out = ["  ".join(h.ljust(w) for h, w in zip(headers, widths, strict=True)), line]
    out += ["  ".join(str(c).ljust(w) for c, w in zip(cell, widths, strict=True)) for cell in cells]
    return "\n".join(out)
