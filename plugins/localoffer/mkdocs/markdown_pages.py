"""Converting many pages' Markdown with one Markdown instance, exactly as MkDocs would.

MkDocs' ``Page.render`` builds a new ``markdown.Markdown``, with every extension, for each page.
For thousands of short record bodies that set-up costs more than the conversion, so one
instance is reset between pages instead. Everything else is what ``Page.render`` does in MkDocs
1.6 (pinned below 2, and no longer changing): the same extensions and settings, and MkDocs' own
processors for raw HTML anchors, relative links (``.md`` links become page URLs, and a broken
link is a warning, so ``--strict`` still fails on it) and the title.
"""

from __future__ import annotations

import markdown
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import (
    Page,
    _ExtractAnchorsTreeprocessor,
    _ExtractTitleTreeprocessor,
    _RawHTMLPreprocessor,
    _RelativePathTreeprocessor,
)
from mkdocs.structure.toc import get_toc


class MarkdownConverter:
    """Converts pages' Markdown to HTML with one Markdown instance; one per build."""

    def __init__(self, config: MkDocsConfig, files: Files) -> None:
        self.config = config
        self.files = files
        self.md = markdown.Markdown(
            extensions=config.markdown_extensions,
            extension_configs=config.mdx_configs or {},
        )

    def render(self, page: Page) -> None:
        """Set ``page.content``, ``page.toc`` and the page's anchors from ``page.markdown``."""
        md = self.md
        md.reset()
        raw_html = _RawHTMLPreprocessor()
        raw_html._register(md)
        anchors = _ExtractAnchorsTreeprocessor(page.file, self.files, self.config)
        anchors._register(md)
        _RelativePathTreeprocessor(page.file, self.files, self.config)._register(md)
        title = _ExtractTitleTreeprocessor()
        title._register(md)
        page.content = md.convert(page.markdown or "")
        page.toc = get_toc(getattr(md, "toc_tokens", []))
        page._title_from_render = title.title
        page.present_anchor_ids = anchors.present_anchor_ids | raw_html.present_anchor_ids
