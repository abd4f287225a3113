"""Document references: a file under ``content/`` or a link."""

from __future__ import annotations

from pathlib import PurePosixPath
from typing import Annotated

from pydantic import AfterValidator, BeforeValidator, model_validator

from localoffer.core.models.base import Flag, StrictModel, Text, Url, _as_list


def _check_file(value: str) -> str:
    if value.lower().startswith(("http://", "https://", "www.")):
        raise ValueError(f"'{value}' is a web address: write it as 'url:' rather than 'file:'")
    # "/documents/x.pdf" is how a path from the site's root is often written: it means the same.
    path = PurePosixPath(value.replace("\\", "/").lstrip("/"))
    if ".." in path.parts or not path.parts or ":" in path.parts[0]:
        raise ValueError(f"'{value}' must be a path inside content/, such as documents/report.pdf")
    return path.as_posix()


ContentPath = Annotated[str, AfterValidator(_check_file)]


class DocumentRef(StrictModel):
    """A document: exactly one of ``file`` (under content/) or ``url``."""

    title: Text
    file: ContentPath | None = None
    url: Url | None = None
    easy_read: Flag = False
    accessible: Flag = False

    @model_validator(mode="after")
    def _one_source(self) -> DocumentRef:
        if (self.file is None) == (self.url is None):
            raise ValueError(
                "a document needs exactly one of 'file:' (a path under content/) or 'url:' "
                "(a web address)"
            )
        return self

    @property
    def is_file(self) -> bool:
        return self.file is not None


Documents = Annotated[list[DocumentRef], BeforeValidator(_as_list)]
