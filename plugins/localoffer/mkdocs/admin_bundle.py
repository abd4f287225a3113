"""Copies the CMS bundle (Decap CMS from npm, ``cms/node_modules``) into ``/admin/``.

The bundle is installed by ``scripts/setup`` from ``cms/package-lock.json``. It is looked for
beside the site's ``mkdocs.yml`` and then beside this package's source (for sites built from a
checkout of localoffer). Without it the build still succeeds, with a warning, and ``/admin/``
then says how to install it.
"""

from __future__ import annotations

import logging
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files

log = logging.getLogger("mkdocs.plugins.localoffer")
DIST = Path("cms", "node_modules", "decap-cms", "dist")
PACKAGE_CHECKOUT = Path(__file__).resolve().parents[3]


def bundle_dir(site_root: Path) -> Path | None:
    for root in (site_root, PACKAGE_CHECKOUT):
        candidate = root / DIST
        if (candidate / "decap-cms.js").is_file():
            return candidate
    return None


def bundle_files(dist: Path) -> list[Path]:
    """The script, the chunks it loads on demand and its WebAssembly; no source maps."""
    return sorted(
        path
        for path in dist.iterdir()
        if path.is_file()
        and (
            path.name.endswith("decap-cms.js")
            or path.suffix == ".wasm"
            or path.name == "decap-cms.js.LICENSE.txt"
        )
    )


def add_bundle(files: Files, config: MkDocsConfig) -> None:
    dist = bundle_dir(Path(config.config_file_path).parent)
    if dist is None:
        log.warning(
            "The editors' CMS is not installed, so /admin/ will not work: run scripts/setup "
            "(it installs cms/package-lock.json with npm)."
        )
        return
    for path in bundle_files(dist):
        file = File(
            f"admin/{path.name}", src_dir=None, dest_dir=config.site_dir, use_directory_urls=False
        )
        file.abs_src_path = str(path)
        files.append(file)
