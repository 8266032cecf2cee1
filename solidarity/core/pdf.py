"""PDF rendering with WeasyPrint that can reach only packaged assets (SR-18).

Every document the platform prints (relay bulletins, invitation sheets) goes through `render_pdf`:
its URL fetcher serves the packaged font and refuses everything else, so text in a document can
never make WeasyPrint fetch a URL or read a file.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

FONT_PATH = Path(__file__).resolve().parent / "static" / "solidarity" / "fonts" / "Vazirmatn-Regular.ttf"
ASSET_SCHEME = "solidarity-asset"
PACKAGED_ASSETS = {f"{ASSET_SCHEME}:fonts/Vazirmatn-Regular.ttf": (FONT_PATH, "font/ttf")}
FONT_FACE = f'@font-face {{ font-family: Vazirmatn; src: url("{ASSET_SCHEME}:fonts/Vazirmatn-Regular.ttf"); }}'


class RefusedFetchError(ValueError):
    """WeasyPrint asked for a resource that is not a packaged asset."""


def safe_url_fetcher(requested: list[str] | None = None) -> Any:
    """Return a WeasyPrint URL fetcher that serves only packaged assets (and logs each request)."""
    from weasyprint.urls import URLFetcher, URLFetcherResponse

    class PackagedAssetFetcher(URLFetcher):  # type: ignore[misc]  # weasyprint ships no types
        def fetch(self, url: str, headers: Any = None) -> Any:
            if requested is not None:
                requested.append(url)
            asset = PACKAGED_ASSETS.get(url)
            if asset is None:
                raise RefusedFetchError("only packaged assets are served")
            path, mime = asset
            return URLFetcherResponse(url, path.read_bytes(), {"Content-Type": mime})

    return PackagedAssetFetcher(fail_on_errors=False)


def render_pdf(html: str, *, identifier: bytes, requested: list[str] | None = None) -> bytes:
    """Render HTML to PDF with only packaged assets reachable (no metadata that varies between runs)."""
    from weasyprint import HTML

    document = HTML(string=html, base_url=f"{ASSET_SCHEME}:", url_fetcher=safe_url_fetcher(requested))
    pdf: bytes = document.write_pdf(pdf_identifier=identifier, uncompressed_pdf=False, custom_metadata=False)
    return pdf
