"""Text accepted from requests: no NUL or other control characters.

PostgreSQL refuses NUL in text, and control characters have no business in
names, notes or search boxes; refusing them at the edge keeps a bad request
a 422 instead of a database error.
"""

from __future__ import annotations

import re
from typing import Annotated

from pydantic import AfterValidator

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def reject_control_characters(value: str | None) -> str | None:
    if value is not None and _CONTROL.search(value):
        raise ValueError("must not contain control characters")
    return value


NoControlCharacters = AfterValidator(reject_control_characters)
CleanText = Annotated[str, NoControlCharacters]
