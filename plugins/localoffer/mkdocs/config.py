"""The plugin's options in mkdocs.yml. The core reads and checks them (localoffer.core.settings)."""

from __future__ import annotations

from mkdocs.config import config_options as c
from mkdocs.config.base import Config


class LocalOfferConfig(Config):  # type: ignore[no-untyped-call]
    enabled = c.Type(bool, default=True)
    # "direct": pages out of the nav and out of full-text search are rendered by the plugin
    # (mkdocs/direct_pages.py); "mkdocs": every page goes through MkDocs' page loop (slower).
    record_pages = c.Choice(("direct", "mkdocs"), default="direct")
    # `mkdocs build` keeps record pages here (relative to mkdocs.yml) for the next build.
    build_cache = c.Type(bool, default=True)
    cache_dir = c.Type(str, default=".cache/localoffer")
    authority = c.Type(str, default="")
    contact_email = c.Type(str, default="")
    contact_phone = c.Type(str, default="")
    vocabularies = c.Type(dict, default={})
    accessibility = c.Type(dict, default={})
    repository = c.Type(str, default="")
    branch = c.Type(str, default="main")
    email_updates = c.Type(str, default="")
    cms_backend = c.Type(dict, default={})
    cms_local_backend = c.Type(str, default="")
    # [{name, from, to}]: the school holidays term-time series skip (core/holidays.py).
    school_holidays = c.Type(list, default=[])
