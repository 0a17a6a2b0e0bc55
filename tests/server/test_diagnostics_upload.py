"""`POST /api/v1/diagnostics`: a tablet's zip is kept with who sent it; admins read them."""

from __future__ import annotations

import io
import zipfile

import httpx
from sqlalchemy import text

from shopguide.server.services.diagnostics import MAX_REPORT_BYTES
from tests.server.conftest import ServerUnderTest


def a_zip(payload: bytes = b"hello") -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("about.json", payload)
    return buffer.getvalue()


def upload(
    server: ServerUnderTest, data: bytes, headers: dict[str, str] | None = None
) -> httpx.Response:
    files = {"report": ("shopguide-diagnostics-1.zip", data, "application/zip")}
    return server.client.post("/api/v1/diagnostics", files=files, headers=headers or {})


def test_a_report_needs_a_login(server: ServerUnderTest) -> None:
    response = upload(server, a_zip())
    assert response.status_code == 401
    with server.app.state.engine.connect() as conn:
        assert conn.execute(text("SELECT COUNT(*) FROM diagnostic_report")).scalar_one() == 0


def test_a_guides_report_is_stored_with_the_guide_and_the_store(server: ServerUnderTest) -> None:
    data = a_zip()
    response = upload(server, data, server.login("a.guide"))
    assert response.status_code == 201, response.text
    answer = response.json()
    assert answer["size"] == len(data)
    assert answer["user_id"] == server.world.users["a.guide"]
    assert answer["store_id"] == server.world.store_a
    assert "content" not in answer
    with server.app.state.engine.connect() as conn:
        stored = conn.execute(
            text("SELECT user_id, store_id, size, content FROM diagnostic_report WHERE id = :id"),
            {"id": answer["id"]},
        ).one()
    assert stored[0] == server.world.users["a.guide"]
    assert stored[1] == server.world.store_a
    assert stored[2] == len(data)
    assert bytes(stored[3]) == data

    admin = server.login("admin")
    listed = server.client.get("/api/v1/diagnostics", headers=admin).json()
    assert [r["id"] for r in listed] == [answer["id"]]
    download = server.client.get(f"/api/v1/diagnostics/{answer['id']}", headers=admin)
    assert download.status_code == 200
    assert download.content == data
    assert download.headers["content-type"] == "application/zip"


def test_only_admins_read_reports(server: ServerUnderTest) -> None:
    guide = server.login("a.guide")
    answer = upload(server, a_zip(), guide).json()
    manager = server.login("a.manager")
    assert server.client.get("/api/v1/diagnostics", headers=manager).status_code == 403
    fetched = server.client.get(f"/api/v1/diagnostics/{answer['id']}", headers=guide)
    assert fetched.status_code == 403


def test_a_report_over_the_limit_is_413_and_not_stored(server: ServerUnderTest) -> None:
    too_big = a_zip() + b"\0" * MAX_REPORT_BYTES
    response = upload(server, too_big, server.login("a.guide"))
    assert response.status_code == 413
    assert "at most" in response.json()["detail"]
    with server.app.state.engine.connect() as conn:
        assert conn.execute(text("SELECT COUNT(*) FROM diagnostic_report")).scalar_one() == 0


def test_a_report_that_is_not_a_zip_is_refused(server: ServerUnderTest) -> None:
    response = upload(server, b"not a zip at all", server.login("a.guide"))
    assert response.status_code == 422
