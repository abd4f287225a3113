"""Rendering many pages of one template with the page frame rendered once per folder.

mkdocs-material's ``base.html`` wraps every page in a frame: the stylesheets, the header, the
site navigation, the footer, the configuration script, the scripts. For a page out of the nav
the frame depends on the site, the folder the page is in (its links are relative) and the
page's title, and nothing else. Rendering it for each of 14,000 record pages was most of a
build's template time, so it is rendered once per template and folder, with markers where the
page's own blocks go (``PAGE_BLOCKS``: the head's meta, title, data and extras, the content,
and the scripts only some pages of a template need) and a placeholder for its title. Each page
then renders only its own blocks, through a stand-in ``base.html`` that prints just those, and
they are put into the frame.

This must give exactly what rendering the whole template gives, so it checks itself: the first
two pages of each template and folder are rendered both ways, and if they differ (a council's
own templates printing something else of the page in the frame, such as its address) that
template and folder are rendered in full for every page. If the frame reads the page's table
of contents, pages with different tables of contents get different frames.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterator, Mapping
from typing import Any

from jinja2 import ChoiceLoader, DictLoader, Environment
from jinja2.runtime import Context

# The blocks of base.html that print something of the page itself, rendered for each page.
# Anything else of the page printed outside these blocks makes every page of its template be
# rendered in full, which ``mkdocs build -v`` reports (``_give_up``).
PAGE_BLOCKS = ("site_meta", "htmltitle", "lo_page_data", "extrahead", "content", "lo_page_scripts")
MARK = "\ue001"  # private-use characters, which no escaping changes and no page contains
TITLE = "\ue002localoffer-page-title\ue002"
CHECKED_PAGES = 2  # pages of each template and folder rendered both ways before sharing
_SLOT = re.compile(f"{MARK}(\\w+){MARK}")
log = logging.getLogger("mkdocs.plugins.localoffer")

# The stand-in base.html: the page's own blocks, with what base.html defines before them.
_STANDIN = (
    '{% import "partials/language.html" as lang with context %}'
    "{% set features = config.theme.features or [] %}"
    # What a template prints outside its blocks (before the first marker) is the frame's.
    + MARK
    + MARK.join(f"{{% block {name} %}}{{% endblock %}}" for name in PAGE_BLOCKS)
)


class _Frame:
    def __init__(self, text: str) -> None:
        parts = _SLOT.split(text)
        self.literals = parts[0::2]  # text around the slots
        self.slots = parts[1::2]  # block names, in order

    def fill(self, blocks: Mapping[str, str], title: str) -> str:
        out = [self.literals[0].replace(TITLE, title)]
        for name, literal in zip(self.slots, self.literals[1:], strict=True):
            out.append(blocks[name])
            out.append(literal.replace(TITLE, title))
        return "".join(out)


class _WatchedToc(list[Any]):
    """A page's table of contents that notes whether the frame looked at it."""

    looked = False

    def __iter__(self) -> Iterator[Any]:
        type(self).looked = True
        return super().__iter__()

    def __len__(self) -> int:
        type(self).looked = True
        return super().__len__()


class FrameRenderer:
    """Renders pages out of the nav, sharing each template's frame per folder; one per build."""

    def __init__(self, env: Environment) -> None:
        self.env = env
        base = env.get_template("base.html")
        self.standin_env = env.overlay(
            loader=ChoiceLoader([DictLoader({"base.html": _STANDIN}), env.loader or DictLoader({})])
        )
        standin = self.standin_env.get_template("base.html")
        # The stand-in's blocks are base.html's own, so their defaults and super() are the same.
        for name in PAGE_BLOCKS:
            if name in base.blocks:
                standin.blocks[name] = base.blocks[name]
        self._frames: dict[tuple[str, ...], _Frame | None] = {}  # None: render in full
        self._toc_matters: dict[str, bool] = {}
        self._checked: dict[tuple[str, ...], int] = {}
        self.shared = 0
        self.full = 0

    def render(self, name: str, variables: dict[str, Any], folder: str) -> str:
        """What ``env.get_template(name).render(variables)`` gives, for a page in ``folder``."""
        page = variables.get("page")
        meta = getattr(page, "meta", None)
        title = meta.get("title") if isinstance(meta, dict) else None
        if not isinstance(meta, dict) or not isinstance(title, str) or not title:
            return self._full(name, variables)
        key: tuple[str, ...] = (name, folder)
        if self._toc_matters.get(name, False):
            key += (repr(_outline(getattr(page, "toc", []))),)
        if key not in self._frames:
            key = self._make_frame(key, name, variables, meta, title)
        frame = self._frames[key]
        if frame is None:
            return self._full(name, variables)
        blocks = self._page_blocks(name, variables)
        if blocks is None:
            return self._full(name, variables)
        if self._checked.get(key, 0) < CHECKED_PAGES:
            full = self._full(name, variables)
            filled = frame.fill(blocks, title)
            if filled == full:
                self._checked[key] = self._checked.get(key, 0) + 1
            else:
                self._give_up(key, page, full, filled)
            return full
        self.shared += 1
        return frame.fill(blocks, title)

    def _make_frame(
        self,
        key: tuple[str, ...],
        name: str,
        variables: dict[str, Any],
        meta: dict[str, Any],
        title: str,
    ) -> tuple[str, ...]:
        """Render the frame for ``key``; returns the key, longer if the frame reads the toc."""
        page = variables["page"]
        toc = page.toc
        _WatchedToc.looked = False
        page.toc = _WatchedToc(toc)
        meta["title"] = TITLE
        try:
            frame = _Frame(self._render_frame(name, variables))
        finally:
            meta["title"] = title
            page.toc = toc
        if _WatchedToc.looked and not self._toc_matters.get(name, False):
            self._toc_matters[name] = True
            key += (repr(_outline(toc)),)
        self._frames[key] = frame if frame.slots else None
        return key

    def _give_up(self, key: tuple[str, ...], page: Any, full: str, filled: str) -> None:
        """Render every page of ``key`` in full from now on, and say why (the first line that
        differs), since it makes a build of many such pages several times slower."""
        self._frames[key] = None
        line = next(
            (
                number
                for number, (a, b) in enumerate(
                    zip(full.splitlines(), filled.splitlines(), strict=False), 1
                )
                if a != b
            ),
            0,
        )
        log.debug(
            "localoffer: pages of %s in %s/ are rendered whole, frame and all: the frame prints "
            "something of the page outside its blocks (%s, line %d)",
            key[0],
            key[1],
            getattr(getattr(page, "file", None), "src_uri", "?"),
            line,
        )

    def _full(self, name: str, variables: dict[str, Any]) -> str:
        self.full += 1
        return self.env.get_template(name).render(variables)

    def _render_frame(self, name: str, variables: dict[str, Any]) -> str:
        template = self.env.get_template(name)
        context = template.new_context(dict(variables))
        for block in PAGE_BLOCKS:
            context.blocks.setdefault(block, []).insert(0, _slot(block))
        return "".join(template.root_render_func(context))

    def _page_blocks(self, name: str, variables: dict[str, Any]) -> dict[str, str] | None:
        parts = self.standin_env.get_template(name).render(variables).split(MARK)
        if len(parts) != len(PAGE_BLOCKS) + 1:  # a page printing the marker itself
            return None
        return dict(zip(PAGE_BLOCKS, parts[1:], strict=True))


def _slot(name: str) -> Any:
    def slot(context: Context) -> Iterator[str]:
        yield f"{MARK}{name}{MARK}"

    return slot


def _outline(toc: Any) -> list[tuple[Any, ...]]:
    return [(item.level, item.id, item.title, _outline(item.children)) for item in toc]
