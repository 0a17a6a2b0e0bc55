"""Malformed requests get a 4xx with a readable reason and change nothing."""

from __future__ import annotations

import pytest

from tests.server.conftest import ServerUnderTest


@pytest.mark.parametrize(
    ("method", "path", "params_or_body", "status", "reason_fragment"),
    [
        ("get", "/api/v1/catalog/styles/abc", None, 422, "style_id"),
        ("get", "/api/v1/catalog/styles/0", None, 422, "greater than or equal to 1"),
        ("get", "/api/v1/catalog/styles/99999999999999999999", None, 422, "style_id"),
        ("get", "/api/v1/catalog/styles/2147483647", None, 404, "no style"),
        ("get", "/api/v1/catalog/variants/123456", None, 404, "no variant with id 123456"),
        ("get", "/api/v1/catalog/styles", {"q": "x" * 5000}, 422, "at most 100 characters"),
        ("get", "/api/v1/catalog/styles", {"q": "nul\x00byte"}, 422, "control characters"),
        ("get", "/api/v1/catalog/styles", {"limit": -1}, 422, "limit"),
        ("get", "/api/v1/catalog/styles", {"limit": "many"}, 422, "limit"),
        ("get", "/api/v1/stock/variants/999999", None, 404, "no variant"),
        ("get", "/api/v1/stores/424242", None, 404, "no store"),
        ("get", "/api/v1/members/lookup", {}, 400, "exactly one"),
        (
            "get",
            "/api/v1/members/lookup",
            {"card": "8800123456789012", "phone": "13812345678"},
            400,
            "exactly one",
        ),
        ("get", "/api/v1/members/lookup", {"phone": "'; DROP TABLE member;--"}, 422, "phone"),
        ("get", "/api/v1/members/99999", None, 404, "no member"),
        ("get", "/api/v1/catalog/barcodes/not-a-barcode", None, 422, "barcode"),
    ],
)
def test_bad_reads_get_a_4xx_with_a_reason(
    server: ServerUnderTest,
    method: str,
    path: str,
    params_or_body: dict[str, object] | None,
    status: int,
    reason_fragment: str,
) -> None:
    response = server.client.request(
        method, path, params=params_or_body, headers=server.login("a.guide")
    )
    assert response.status_code == status, response.text
    assert reason_fragment in response.json()["detail"]


@pytest.mark.parametrize(
    ("body", "reason_fragment"),
    [
        ({"variant_id": 1, "counted": -3}, "counted"),
        ({"variant_id": "one", "counted": 3}, "variant_id"),
        ({"variant_id": 1}, "counted"),
        ({"variant_id": 1, "counted": 3, "reason": "x" * 10_000}, "reason"),
        ({"variant_id": 1, "counted": 10**12}, "counted"),
        ({"variant_id": 2**40, "counted": 1}, "variant_id"),
        ({"variant_id": 1, "counted": 3, "reason": "theft"}, "reason"),
        ([1, 2, 3], "Input should be a valid dictionary"),
    ],
)
def test_a_malformed_stock_count_is_refused_and_changes_nothing(
    server: ServerUnderTest, body: object, reason_fragment: str
) -> None:
    headers = server.login("a.guide")
    path = f"/api/v1/stores/{server.world.store_a}/stock/counts"
    response = server.client.post(path, json=body, headers=headers)
    assert response.status_code == 422, response.text
    assert reason_fragment in response.json()["detail"]
    stock = server.client.get(
        f"/api/v1/stores/{server.world.store_a}/stock/styles/{server.world.runner}",
        headers=headers,
    ).json()
    assert {s["on_hand"] for s in stock} == {0, 3}


def test_a_count_for_an_unknown_variant_is_a_404(server: ServerUnderTest) -> None:
    response = server.client.post(
        f"/api/v1/stores/{server.world.store_a}/stock/counts",
        json={"variant_id": 987654, "counted": 1},
        headers=server.login("a.guide"),
    )
    assert response.status_code == 404


def test_a_body_that_is_not_json_is_refused(server: ServerUnderTest) -> None:
    response = server.client.post(
        "/api/v1/auth/login",
        content=b"{not json",
        headers={"Content-Type": "application/json"},
    )
    assert response.status_code == 422
    assert "JSON" in response.json()["detail"]


def test_an_oversized_body_is_refused_before_parsing(server: ServerUnderTest) -> None:
    huge = b'{"username": "' + b"a" * (server.settings.max_body_bytes + 10) + b'"}'
    response = server.client.post(
        "/api/v1/auth/login", content=huge, headers={"Content-Type": "application/json"}
    )
    assert response.status_code == 413
    assert "larger than" in response.json()["detail"]


def test_a_member_name_with_a_nul_byte_is_refused(server: ServerUnderTest) -> None:
    response = server.client.post(
        "/api/v1/members",
        json={"name": "Eve\u0000", "phone": "13700002222", "consent": True},
        headers=server.login("a.guide"),
    )
    assert response.status_code == 422
    assert "control characters" in response.json()["detail"]


def test_an_unknown_route_is_a_json_404(server: ServerUnderTest) -> None:
    response = server.client.get("/api/v1/nowhere")
    assert response.status_code == 404
    assert response.json()["detail"] == "Not Found"
