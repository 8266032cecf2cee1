"""The log says what the platform does, not each step of a library's work."""

from __future__ import annotations

import logging

import pytest

from solidarity.relay.channels import bulletin


def test_a_pdf_bulletin_writes_no_progress_lines(caplog: pytest.LogCaptureFixture) -> None:
    # WeasyPrint logs every step of every PDF at INFO: 75 lines in a demo build before the setting.
    with caplog.at_level(logging.INFO):
        pdf = bulletin.bulletin_pdf([], language="fa", day="2026-03-02", key_words=("لاله", "طلا"))
    assert pdf.startswith(b"%PDF")
    assert not [record.getMessage() for record in caplog.records if record.name.startswith("weasyprint")]
