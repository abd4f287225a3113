"""Screenshots of the main registers on a phone and a desktop, for the issue's figures and the
docs: ``LOCALOFFER_SCREENSHOTS=DIR`` keeps them (otherwise they go to a temporary folder).

Each is checked to be a real picture of the page: a PNG as wide as the screen, showing the
page's heading and its first result."""

from __future__ import annotations

import os
import struct
from pathlib import Path
from typing import Any

import pytest

from .conftest import Site

pytestmark = pytest.mark.browser

PAGES = {
    "events": ("events/", "[data-lo-item]"),
    "consultations": ("consultations/", "[data-lo-item]"),
    "you-said-we-did": ("you-said-we-did/", ".lo-round"),
}


def png_size(path: Path) -> tuple[int, int]:
    header = path.read_bytes()[:24]
    assert header[:8] == b"\x89PNG\r\n\x1a\n", f"{path} is not a PNG"
    width, height = struct.unpack(">II", header[16:24])
    return int(width), int(height)


@pytest.mark.parametrize("width", [390, 1280])
@pytest.mark.parametrize("name", sorted(PAGES))
def test_screenshot(
    site: Site, open_page: Any, tmp_path: Path, name: str, width: int
) -> None:
    path, first = PAGES[name]
    folder = Path(os.environ.get("LOCALOFFER_SCREENSHOTS") or tmp_path)
    folder.mkdir(parents=True, exist_ok=True)
    height = 844 if width == 390 else 800
    page = open_page(site.url(path), width=width, height=height)
    page.locator("h1").first.wait_for()
    assert page.locator(first).first.is_visible(), f"/{path} shows no result"
    shot = folder / f"{name}-{width}.png"
    page.screenshot(path=str(shot), full_page=False)
    assert png_size(shot) == (width, height)
    full = folder / f"{name}-{width}-full.png"
    page.screenshot(path=str(full), full_page=True)
    full_width, full_height = png_size(full)
    assert full_width == width and full_height >= height
