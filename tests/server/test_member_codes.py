"""Member codes: the member's page shows a signed code that lives a minute; scanning it opens the
member; lookups are limited per account and audited; guides see less than managers."""

from __future__ import annotations

import base64
import html
import re
from datetime import timedelta

import pytest
import zxingcpp
from fastapi.testclient import TestClient
from sqlmodel import Session, col, select

from shopguide.server.app import create_app
from shopguide.server.models import AuditLog, Member
from shopguide.server.models.types import utcnow
from shopguide.server.services import member_codes
from tests.server.conftest import TEST_SECRET, ServerUnderTest

RESOLVE = "/api/v1/members/resolve"
LOOKUP = "/api/v1/members/lookup"


def issue_pass(server: ServerUnderTest, member_id: int, username: str = "a.manager") -> str:
    """The path of the member's page, from a newly issued pass link."""
    response = server.client.post(
        f"/api/v1/members/{member_id}/pass", headers=server.login(username)
    )
    assert response.status_code == 200, response.text
    url: str = response.json()["pass_url"]
    assert url.startswith("http://testserver/m/")
    return url.removeprefix("http://testserver")


def code_on(page: str) -> str:
    match = re.search(r'id="member-qr"[^>]*data-code="([^"]+)"', page)
    assert match, page
    return html.unescape(match[1])


def qr_text_on(page: str) -> str:
    """Draw the page's QR (an SVG of unit squares) into pixels and read it like a camera would."""
    match = re.search(r'id="member-qr"[^>]*src="data:image/svg\+xml;base64,([^"]+)"', page)
    assert match, page
    svg = base64.b64decode(match[1]).decode()
    size = int(re.search(r'viewBox="0 0 (\d+) \d+"', svg)[1])  # type: ignore[index]
    scale = 6
    pixels = bytearray([255]) * (size * scale) ** 2
    for x, y in re.findall(r"M(\d+),(\d+)H", svg):
        for dy in range(scale):
            start = ((int(y) * scale + dy) * size + int(x)) * scale
            pixels[start : start + scale] = bytes(scale)
    image = memoryview(bytes(pixels)).cast("B", shape=[size * scale, size * scale])
    [found] = zxingcpp.read_barcodes(image)
    return found.text


def actions(server: ServerUnderTest, action: str) -> list[AuditLog]:
    with Session(server.app.state.engine) as s:
        return list(
            s.exec(select(AuditLog).where(AuditLog.action == action).order_by(col(AuditLog.id)))
        )


# ----------------------------------------------------------------------------- the code itself


def test_a_member_code_is_short_signed_and_good_for_one_minute() -> None:
    now = utcnow()
    code = member_codes.make_member_code(TEST_SECRET, 42, now=now)
    assert re.fullmatch(r"SGM1\.42\.\d{10}\.[A-Z2-7]{8}\.[A-Z2-7]{24}", code)
    assert len(code) <= 60, "fits a version 3 QR code in alphanumeric mode"
    read = member_codes.read_member_code(TEST_SECRET, code, now=now + timedelta(seconds=59))
    assert read.member_id == 42
    with pytest.raises(member_codes.ExpiredMemberCode, match="ask the customer to refresh"):
        member_codes.read_member_code(TEST_SECRET, code, now=now + timedelta(seconds=61))
    assert code != member_codes.make_member_code(TEST_SECRET, 42, now=now), "each has its nonce"


@pytest.mark.parametrize(
    "forge",
    [
        lambda code: code.replace("SGM1.42.", "SGM1.43.", 1),  # another member
        lambda code: code[:-1] + ("A" if code[-1] != "A" else "B"),  # signature changed
        lambda code: member_codes.make_member_code("another-secret-" + "y" * 40, 42),
        lambda code: "SGM:8800123456789012",  # a printed card is no dynamic code
        lambda code: "6901234567892",  # a product barcode
        lambda code: code.lower(),
    ],
)
def test_anything_but_a_genuine_code_is_not_a_member_code(forge: object) -> None:
    code = member_codes.make_member_code(TEST_SECRET, 42)
    assert callable(forge)
    with pytest.raises(member_codes.NotAMemberCode, match="not a member code"):
        member_codes.read_member_code(TEST_SECRET, forge(code))


# ----------------------------------------------------------------------------- the member's page


def test_the_member_page_shows_name_tier_a_scannable_code_and_a_one_time_code(
    server: ServerUnderTest,
) -> None:
    page = server.client.get(issue_pass(server, server.world.member_wang))
    assert page.status_code == 200
    assert re.search(r'id="member-name">王芳<', page.text)
    assert re.search(r'id="member-tier">Gold<', page.text)
    assert re.search(r'id="member-points">1,200<', page.text)
    code = code_on(page.text)
    assert qr_text_on(page.text) == code
    read = member_codes.read_member_code(TEST_SECRET, code)
    assert read.member_id == server.world.member_wang
    assert re.search(r'id="one-time-code" data-state="fresh">\d{6}<', page.text)
    assert '<meta http-equiv="refresh" content="20">' in page.text
    assert page.headers["cache-control"] == "no-store"
    assert page.headers["referrer-policy"] == "no-referrer"
    again = server.client.get(page.url.path)
    assert code_on(again.text) != code, "every view shows a new code"


def test_the_member_page_escapes_what_it_shows(server: ServerUnderTest) -> None:
    with Session(server.app.state.engine) as s:
        member = s.get(Member, server.world.member_li)
        assert member is not None
        member.name = '<script>alert("x")</script>'
        s.add(member)
        s.commit()
    page = server.client.get(issue_pass(server, server.world.member_li)).text
    assert "<script>" not in page
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in page


def test_a_made_up_or_revoked_member_link_is_a_404(server: ServerUnderTest) -> None:
    first = issue_pass(server, server.world.member_wang)
    assert server.client.get(first).status_code == 200
    second = issue_pass(server, server.world.member_wang)
    revoked = server.client.get(first)
    assert revoked.status_code == 404
    assert "not valid" in revoked.text
    assert server.client.get(second).status_code == 200
    member_id, version, mac = second.removeprefix("/m/").split(".")
    for forged in (
        f"/m/{server.world.member_li}.{version}.{mac}",
        f"/m/{member_id}.{version}.{'A' * 22}",
        f"/m/{member_id}.{int(version) + 1}.{mac}",
        "/m/not-a-pass",
        "/m/999999.0.AAAAAAAAAAAAAAAAAAAAAA",
    ):
        response = server.client.get(forged)
        assert response.status_code == 404, forged
        assert "data-code" not in response.text


def test_a_pass_is_issued_by_the_home_store_and_by_managers(server: ServerUnderTest) -> None:
    wang = server.world.member_wang  # home store A
    path = f"/api/v1/members/{wang}/pass"
    other_store = server.client.post(path, headers=server.login("b.guide"))
    assert other_store.status_code == 403
    for username in ("a.guide", "a.manager", "admin"):
        assert server.client.post(path, headers=server.login(username)).status_code == 200
    assert [e.user_id for e in actions(server, "member.pass")] == [
        server.world.users[u] for u in ("a.guide", "a.manager", "admin")
    ]


# ----------------------------------------------------------------------------- scanning it


def test_scanning_the_code_on_the_member_page_opens_the_member(server: ServerUnderTest) -> None:
    code = code_on(server.client.get(issue_pass(server, server.world.member_wang)).text)
    response = server.client.post(RESOLVE, json={"code": code}, headers=server.login("b.guide"))
    assert response.status_code == 200, response.text
    member = response.json()
    assert member["id"] == server.world.member_wang
    assert member["name"] == "王芳"
    assert member["tier"] == "gold"
    assert member["points"] == 1200
    assert member["phone_masked"] == "*******5678"
    [entry] = actions(server, "member.resolve")
    assert entry.user_id == server.world.users["b.guide"]
    assert entry.entity_id == str(server.world.member_wang)
    assert entry.detail == {"outcome": "found"}


def test_the_same_code_after_it_expired_is_refused_with_a_clear_message(
    server: ServerUnderTest,
) -> None:
    late = member_codes.make_member_code(
        TEST_SECRET, server.world.member_wang, now=utcnow() - timedelta(seconds=61)
    )
    response = server.client.post(RESOLVE, json={"code": late}, headers=server.login("a.guide"))
    assert response.status_code == 410
    assert response.json()["detail"] == (
        "this member code has expired; ask the customer to refresh it"
    )
    assert [e.detail for e in actions(server, "member.resolve")] == [{"outcome": "expired"}]


def test_a_forged_code_is_not_a_member_code(server: ServerUnderTest) -> None:
    headers = server.login("a.guide")
    code = member_codes.make_member_code(TEST_SECRET, server.world.member_wang)
    forged = code.replace(f"SGM1.{server.world.member_wang}.", f"SGM1.{server.world.member_li}.")
    for text in (forged, "SGM1.1.2.3.4", "hello"):
        response = server.client.post(RESOLVE, json={"code": text}, headers=headers)
        assert response.status_code == 422
        assert response.json()["detail"] == "not a member code"


def test_the_lookup_by_code_takes_dynamic_codes_too(server: ServerUnderTest) -> None:
    headers = server.login("a.guide")
    code = member_codes.make_member_code(TEST_SECRET, server.world.member_li)
    found = server.client.get("/api/v1/members/lookup", params={"code": code}, headers=headers)
    assert [m["name"] for m in found.json()] == ["李娜"]
    late = member_codes.make_member_code(
        TEST_SECRET, server.world.member_li, now=utcnow() - timedelta(minutes=5)
    )
    expired = server.client.get("/api/v1/members/lookup", params={"code": late}, headers=headers)
    assert expired.status_code == 410


# ----------------------------------------------------------------------------- limits and privacy


def test_lookups_are_limited_per_account_across_server_processes(server: ServerUnderTest) -> None:
    limited = server.settings.model_copy(update={"member_lookup_limit": 4})
    server.app.state.settings = limited
    second_process = create_app(limited)
    guide = server.login("a.guide")
    with TestClient(second_process) as other:
        for client, params in (
            (server.client, {"phone": "13812345678"}),
            (other, {"card": "8800987654321098"}),
            (server.client, {"card": "8800000000000000"}),  # nobody: counts all the same
        ):
            assert client.get("/api/v1/members/lookup", params=params, headers=guide).is_success
        assert other.get(f"/api/v1/members/{server.world.member_li}", headers=guide).is_success
        for client in (server.client, other):
            refused = client.get(
                "/api/v1/members/lookup", params={"phone": "13812345678"}, headers=guide
            )
            assert refused.status_code == 429
            assert "member lookups" in refused.json()["detail"]
            assert 1 <= int(refused.headers["retry-after"]) <= 60
        refused_scan = other.post(RESOLVE, json={"code": "x"}, headers=guide)
        assert refused_scan.status_code == 429
    second_process.state.engine.dispose()
    manager = server.login("a.manager")
    assert server.client.get(
        "/api/v1/members/lookup", params={"phone": "13812345678"}, headers=manager
    ).is_success, "the limit is per account"
    assert len(actions(server, "member.lookup")) == 4, "refused lookups are not recorded"


def test_lookups_free_up_as_the_window_moves_on(server: ServerUnderTest) -> None:
    server.app.state.settings = server.settings.model_copy(update={"member_lookup_limit": 2})
    guide = server.login("a.guide")
    params = {"card": "8800987654321098"}
    for _ in range(2):
        assert server.client.get(LOOKUP, params=params, headers=guide).is_success
    assert server.client.get(LOOKUP, params=params, headers=guide).status_code == 429
    with Session(server.app.state.engine) as s:
        for entry in s.exec(select(AuditLog).where(AuditLog.action == "member.lookup")):
            entry.at = utcnow() - timedelta(seconds=61)
            s.add(entry)
        s.commit()
    assert server.client.get(LOOKUP, params=params, headers=guide).is_success


def test_guides_see_the_last_four_digits_and_managers_a_little_more(
    server: ServerUnderTest,
) -> None:
    path = f"/api/v1/members/{server.world.member_wang}"
    guide = server.client.get(path, headers=server.login("a.guide")).json()
    manager = server.client.get(path, headers=server.login("a.manager")).json()
    assert guide["phone_masked"] == "*******5678"
    assert guide["consent_at"] is None
    assert guide["enrolled_at"] is None
    assert manager["phone_masked"] == "138****5678"
    assert manager["consent_at"] is not None
    assert manager["enrolled_at"] is not None
    for view in (guide, manager):
        assert "13812345678" not in str(view)


def test_enrolment_records_consent_and_gives_the_member_their_link(
    server: ServerUnderTest,
) -> None:
    headers = server.login("b.guide")
    body = {"name": "陈静", "phone": "13700001111", "sizes": {"t-shirts": "M"}}
    refused = server.client.post(
        "/api/v1/members", json={**body, "consent": False}, headers=headers
    )
    assert refused.status_code == 409
    assert "agree to the membership terms" in refused.json()["detail"]
    with Session(server.app.state.engine) as s:
        assert s.exec(select(Member).where(Member.phone == "13700001111")).first() is None

    before = utcnow()
    enrolled = server.client.post(
        "/api/v1/members", json={**body, "consent": True}, headers=headers
    )
    assert enrolled.status_code == 201, enrolled.text
    member = enrolled.json()
    page = server.client.get(member["pass_url"].removeprefix("http://testserver"))
    assert re.search(r'id="member-name">陈静<', page.text)
    [entry] = actions(server, "member.enrol")
    with Session(server.app.state.engine) as s:
        stored = s.get(Member, member["id"])
        assert stored is not None
        assert stored.consent_at >= before
        assert entry.detail == {"consent_at": stored.consent_at.isoformat()}
