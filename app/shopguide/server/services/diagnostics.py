"""Keeping the diagnostics zips tablets send, and handing them to admins."""

from __future__ import annotations

import re

from sqlalchemy.orm import defer
from sqlmodel import Session, col, select

from shopguide.server.models.diagnostics import DiagnosticReport, DiagnosticReportPublic
from shopguide.server.services.errors import NotFound, ServiceError, Unprocessable

MAX_REPORT_BYTES = 1024 * 1024
"""The largest report taken; the tablet builds its zip to fit (shopguide.client.diagnostics)."""
ZIP_MAGIC = b"PK\x03\x04"
_SAFE_NAME = re.compile(r"[^A-Za-z0-9._-]+")


class ReportTooLarge(ServiceError):
    status_code = 413


def _public(report: DiagnosticReport) -> DiagnosticReportPublic:
    assert report.id is not None
    return DiagnosticReportPublic(
        id=report.id,
        user_id=report.user_id,
        store_id=report.store_id,
        created_at=report.created_at,
        filename=report.filename,
        size=report.size,
    )


def store_report(
    session: Session, *, user_id: int, store_id: int | None, filename: str, content: bytes
) -> DiagnosticReportPublic:
    if len(content) > MAX_REPORT_BYTES:
        raise ReportTooLarge(f"a diagnostics report may be at most {MAX_REPORT_BYTES} bytes")
    if not content.startswith(ZIP_MAGIC):
        raise Unprocessable("a diagnostics report is a zip file")
    name = _SAFE_NAME.sub("_", filename)[-100:] or "diagnostics.zip"
    report = DiagnosticReport(
        user_id=user_id, store_id=store_id, filename=name, size=len(content), content=content
    )
    session.add(report)
    session.commit()
    return _public(report)


def list_reports(session: Session, *, limit: int) -> list[DiagnosticReportPublic]:
    """The newest reports first, without loading their content."""
    rows = session.exec(
        select(DiagnosticReport)
        .options(defer(DiagnosticReport.content))  # type: ignore[arg-type]
        .order_by(col(DiagnosticReport.id).desc())
        .limit(limit)
    ).all()
    return [_public(r) for r in rows]


def get_report(session: Session, report_id: int) -> DiagnosticReport:
    report = session.get(DiagnosticReport, report_id)
    if report is None:
        raise NotFound("no such diagnostics report")
    return report
