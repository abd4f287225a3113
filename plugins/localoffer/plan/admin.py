"""The editors' CMS at ``/admin/``: its page and its configuration, generated on every build.

The CMS itself (Decap CMS's prebuilt bundle, installed from npm by ``scripts/setup``) is copied
beside them by the MkDocs layer (``mkdocs/admin_bundle.py``); nothing is loaded from another host.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from html import escape

from localoffer.core.site import Site
from localoffer.export.cms_config import CmsSettings, cms_config_yaml
from localoffer.plan.model import Embed, OutputFile, PlanItem

EMBEDS: dict[str, Embed] = {}
BUNDLE = "decap-cms.js"


def repo_of(repository: str) -> str:
    """``OWNER/NAME`` from ``https://github.com/OWNER/NAME``; "" for anything else."""
    prefix = "https://github.com/"
    if repository.startswith(prefix):
        parts = repository[len(prefix) :].strip("/").split("/")
        if len(parts) == 2 and all(parts):
            return "/".join(parts)
    return ""


def cms_settings(site: Site) -> CmsSettings:
    settings = site.settings
    backend = dict(settings.cms_backend)
    if not backend and repo_of(settings.repository):
        repo = repo_of(settings.repository)
        backend = {"name": "github", "repo": repo, "branch": settings.branch}
    return CmsSettings(
        backend=backend,
        local_backend=settings.cms_local_backend or True,
        site_url=settings.site_url,
        site_name=settings.site_name,
    )


def admin_page(site_name: str) -> str:
    """The page the CMS runs in: its script, our preview styles and templates, no other host."""
    title = escape(f"Edit the {site_name}")
    return f"""<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>{title}</title>
<link rel="cms-config-url" type="text/yaml" href="config.yml">
<link rel="stylesheet" href="admin.css">
</head>
<body>
<noscript><p>The editor needs JavaScript. You can still edit the files on GitHub: see the
editor guide.</p></noscript>
<script src="{BUNDLE}"></script>
<script src="preview.js"></script>
</body>
</html>
"""


def plan(site: Site) -> Iterator[PlanItem]:
    yield OutputFile(
        "admin/config.yml",
        cms_config_yaml(site.settings.vocabularies, cms_settings(site)).encode("utf-8"),
    )
    yield OutputFile("admin/index.html", admin_page(site.settings.site_name).encode("utf-8"))
    # The preview shows each vocabulary term by its label ("Parents and carers"), as the site does.
    terms = {name: dict(labels) for name, labels in site.settings.vocabularies.terms.items()}
    yield OutputFile("admin/terms.json", json.dumps(terms, ensure_ascii=False).encode("utf-8"))
