"""Diagnostics reports: tablets upload a zip ("Send diagnostics"); admins list and fetch them."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, File, Query, UploadFile
from fastapi.responses import Response

from shopguide.server.api.deps import CurrentUser, IdPath, SessionDep
from shopguide.server.models import Role
from shopguide.server.models.diagnostics import DiagnosticReportPublic
from shopguide.server.services import diagnostics as service

router = APIRouter(prefix="/diagnostics", tags=["diagnostics"])


@router.post("", status_code=201, responses={401: {}, 413: {}, 422: {}})
def upload_report(
    user: CurrentUser,
    session: SessionDep,
    report: Annotated[UploadFile, File(description="the zip the tablet built")],
) -> DiagnosticReportPublic:
    """Keep a tablet's diagnostics zip (at most 1 MiB) with who sent it and from which store."""
    content = report.file.read(service.MAX_REPORT_BYTES + 1)
    return service.store_report(
        session,
        user_id=user.user_id,
        store_id=user.store_id,
        filename=report.filename or "diagnostics.zip",
        content=content,
    )


@router.get("", responses={403: {}})
def list_reports(
    user: CurrentUser,
    session: SessionDep,
    limit: Annotated[int, Query(ge=1, le=500)] = 100,
) -> list[DiagnosticReportPublic]:
    """The newest reports first (admins only)."""
    user.require_role(Role.ADMIN)
    return service.list_reports(session, limit=limit)


@router.get(
    "/{report_id}",
    response_class=Response,
    responses={200: {"content": {"application/zip": {}}}, 403: {}, 404: {}},
)
def download_report(report_id: IdPath, user: CurrentUser, session: SessionDep) -> Response:
    """One report's zip (admins only)."""
    user.require_role(Role.ADMIN)
    report = service.get_report(session, report_id)
    return Response(
        report.content,
        media_type="application/zip",
        headers={"Content-Disposition": f'attachment; filename="{report.filename}"'},
    )
