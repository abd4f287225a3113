"""The MkDocs plugin: a thin adapter from the framework-free core to MkDocs events."""

from __future__ import annotations

from pathlib import Path

from mkdocs.config import config_options as c
from mkdocs.config.base import Config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import BasePlugin

THEME_DIR = Path(__file__).resolve().parent.parent / "theme"


class LocalOfferConfig(Config):
    authority = c.Type(str, default="")
    contact_email = c.Type(str, default="")
    contact_phone = c.Type(str, default="")
    vocabularies = c.Type(dict, default={})


class LocalOfferPlugin(BasePlugin[LocalOfferConfig]):
    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        # Our overrides sit after the site's own custom_dir (so a council can still override us)
        # and before mkdocs-material's templates.
        dirs = config.theme.dirs
        position = 1 if config.theme.custom_dir else 0
        if str(THEME_DIR) not in dirs:
            dirs.insert(position, str(THEME_DIR))
        return config
