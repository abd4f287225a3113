"""GOV.UK file sizes: "366 KB", "1.2 MB" (1 KB = 1024 bytes, as GOV.UK publishes them)."""

from __future__ import annotations


def govuk_filesize(size: int) -> str:
    if size < 1024:
        return f"{size} bytes" if size != 1 else "1 byte"
    kb = size / 1024
    if round(kb) < 1024:
        return f"{round(kb)} KB"
    mb = kb / 1024
    if mb < 10:
        text = f"{mb:.1f}".rstrip("0").rstrip(".")
        return f"{text} MB"
    return f"{round(mb)} MB"


FILTERS = {"govuk_filesize": govuk_filesize}
