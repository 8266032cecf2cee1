"""Printable invitation sheets (PDF, one per venue) and the export of invitation links (CSV).

The PDF goes through `core.pdf.render_pdf`, whose URL fetcher reaches only the packaged font
(SR-18): names are escaped text and QR codes inline SVG, so nothing on a sheet fetches anything.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from html import escape

import segno

from solidarity.assemblies.selectors import SheetRow
from solidarity.core.pdf import FONT_FACE, render_pdf
from solidarity.core.spreadsheet import spreadsheet_safe

LABELS = {
    "en": {"code": "Short code", "id": "ID", "role": "Role", "sheet": "Invitations", "capacity": "capacity"},
    "fa": {"code": "کد کوتاه", "id": "شناسه", "role": "نقش", "sheet": "دعوت‌نامه‌ها", "capacity": "ظرفیت"},
}


def _qr_svg(token: str) -> str:
    return str(segno.make(token, error="m").svg_inline(scale=2, omitsize=False, dark="#000", light="#fff", border=2))


def sheet_html(*, title: str, venue_name: str, capacity: int, rows: Sequence[SheetRow], language: str) -> str:
    """Return the sheet as HTML: one card per invitee with name, organization, short id, QR and code."""
    labels = LABELS.get(language, LABELS["en"])
    direction = "rtl" if language == "fa" else "ltr"
    cards = []
    for row in rows:
        cards.append(
            '<div class="card">'
            f'<div class="qr">{_qr_svg(row.token)}</div>'
            f'<div class="who"><p class="name"><bdi>{escape(row.name)}</bdi></p>'
            f"<p><bdi>{escape(row.organization)}</bdi></p>"
            f"<p>{escape(labels['id'])}: <bdi>{escape(row.short_id)}</bdi> · {escape(labels['role'])}: "
            f"{escape(str(row.invitation.get_role_display()))}</p>"
            f'<p>{escape(labels["code"])}: <span class="code" dir="ltr">{escape(row.code)}</span></p></div>'
            "</div>"
        )
    css = f"""{FONT_FACE}
@page {{ size: A4; margin: 1.2cm; }}
body {{ font-family: Vazirmatn; font-size: 10pt; }}
h1 {{ font-size: 15pt; margin: 0 0 .4cm; }}
.card {{ display: flex; gap: .4cm; border: 1px solid #999; padding: .25cm; margin-block-end: .25cm;
  break-inside: avoid; }}
.qr svg {{ width: 3.4cm; height: 3.4cm; }}
.who p {{ margin: 0 0 .1cm; }} .name {{ font-size: 13pt; font-weight: bold; }}
.code {{ font-family: monospace; font-size: 12pt; letter-spacing: .05em; }}"""
    heading = (
        f"{escape(labels['sheet'])}: {escape(title)} · {escape(venue_name)} ({escape(labels['capacity'])} {capacity})"
    )
    return (
        f'<!doctype html><html lang="{escape(language)}" dir="{direction}"><head><meta charset="utf-8">'
        f"<style>{css}</style></head><body><h1>{heading}</h1>{''.join(cards)}</body></html>"
    )


def sheet_pdf(*, title: str, venue_name: str, capacity: int, rows: Sequence[SheetRow], language: str) -> bytes:
    html = sheet_html(title=title, venue_name=venue_name, capacity=capacity, rows=rows, language=language)
    return render_pdf(html, identifier=b"solidarity-invitation-sheet")


def links_csv(rows: Sequence[tuple[str, SheetRow, str, str]]) -> str:
    """Return the export of links: one line per invitee (venue name, row, public link, onion link or "")."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(
        ["invitation", "name", "organization", "short_id", "venue", "role", "state", "short_code", "link", "onion_link"]
    )
    for venue_name, row, link, onion in rows:
        writer.writerow(
            [
                row.invitation.pk,
                spreadsheet_safe(row.name),
                spreadsheet_safe(row.organization),
                row.short_id,
                spreadsheet_safe(venue_name),
                row.invitation.get_role_display(),
                row.invitation.state,
                row.code,
                link,
                onion,
            ]
        )
    return out.getvalue()
