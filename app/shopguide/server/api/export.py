"""CSV downloads of the manager's reports, made for Excel as much as for scripts.

UTF-8 with a byte-order mark (without it Excel reads Chinese names as
mojibake), one header row, CRLF line ends as RFC 4180 has them. A text cell
that starts like a formula (`=`, `+`, `-`, `@`) gets a leading apostrophe,
so a name typed into the app cannot run as a formula in a manager's sheet.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence

from fastapi.responses import Response

BOM = "\ufeff"
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def _cell(value: object) -> object:
    if isinstance(value, str) and value.startswith(_FORMULA_STARTS):
        return "'" + value
    return value


def csv_response(
    header: Sequence[str], rows: Iterable[Sequence[object]], *, filename: str
) -> Response:
    buffer = io.StringIO()
    buffer.write(BOM)
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(header)
    writer.writerows([_cell(value) for value in row] for row in rows)
    return Response(
        buffer.getvalue(),
        media_type="text/csv; charset=utf-8",
        headers={"Content-Disposition": f'attachment; filename="{filename}"'},
    )
