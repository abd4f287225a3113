"""Content pages and files that are links leading out of the site folder (see core/source/links).

Records are checked as they are loaded (``core/source/loader.py``) and document references by
``documents.py``; this rule walks the content folder, whose every file MkDocs would publish.
"""

from __future__ import annotations

import os
from collections.abc import Iterator

from localoffer.core.problems import Problem, error
from localoffer.core.site import Site
from localoffer.core.source.links import outside_links


def check_content_links(site: Site) -> Iterator[Problem]:
    docs_dir = os.path.normpath(site.settings.docs_dir)
    if os.path.isabs(docs_dir) or docs_dir == ".." or docs_dir.startswith(f"..{os.sep}"):
        return  # not a folder of this site at all: MkDocs' own settings, not a link
    for link in outside_links(site.settings.root, docs_dir):
        yield error(link.path, 1, 1, link.message())
