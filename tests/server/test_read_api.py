"""What a logged-in guide reads: catalog search, stock by store, member lookup."""

from __future__ import annotations

from tests.server.conftest import ServerUnderTest


def test_search_finds_styles_by_name_fragment_case_insensitively(server: ServerUnderTest) -> None:
    response = server.client.get(
        "/api/v1/catalog/styles", params={"q": "trail"}, headers=server.login("a.guide")
    )
    assert response.status_code == 200
    body = response.json()
    assert body["total"] == 1
    assert body["items"][0]["name"] == "Breeze Trail Runner"
    assert body["items"][0]["list_price"] == 59900


def test_search_finds_a_style_by_an_exact_sku_or_barcode(server: ServerUnderTest) -> None:
    headers = server.login("a.guide")
    by_sku = server.client.get(
        "/api/v1/catalog/styles", params={"q": "ts-0001-nav-m"}, headers=headers
    ).json()
    assert [s["code"] for s in by_sku["items"]] == ["TS-0001"]


def test_search_treats_like_wildcards_as_plain_text(server: ServerUnderTest) -> None:
    response = server.client.get(
        "/api/v1/catalog/styles", params={"q": "%_%"}, headers=server.login("a.guide")
    )
    assert response.json()["total"] == 0


def test_style_detail_lists_variants_in_size_order_with_tier_prices(
    server: ServerUnderTest,
) -> None:
    body = server.client.get(
        f"/api/v1/catalog/styles/{server.world.runner}", headers=server.login("a.guide")
    ).json()
    black = [v["size"] for v in body["variants"] if v["colour"] == "Black"]
    assert black == ["40", "41", "42", "43", "44"]
    assert body["tier_prices"] == [{"tier": "gold", "amount": 53900}]


def test_scanning_a_barcode_finds_the_variant(server: ServerUnderTest) -> None:
    headers = server.login("a.guide")
    variant = server.client.get(
        f"/api/v1/catalog/variants/{server.world.runner_black_42}", headers=headers
    ).json()
    scanned = server.client.get(f"/api/v1/catalog/barcodes/{variant['barcode']}", headers=headers)
    assert scanned.status_code == 200
    assert scanned.json()["sku"] == "RS-0001-BLA-42"


def test_a_barcode_with_a_bad_check_digit_is_refused_with_the_reason(
    server: ServerUnderTest,
) -> None:
    response = server.client.get(
        "/api/v1/catalog/barcodes/6900000000012", headers=server.login("a.guide")
    )
    assert response.status_code == 422
    assert "last digit should be" in response.json()["detail"]


def test_stock_for_a_variant_lists_stores_nearest_first_from_the_guides_store(
    server: ServerUnderTest,
) -> None:
    response = server.client.get(
        f"/api/v1/stock/variants/{server.world.runner_black_42}", headers=server.login("a.guide")
    )
    assert response.status_code == 200
    rows = response.json()
    assert [r["store_code"] for r in rows] == ["SZ01", "SZ02", "SZ03"]
    assert [r["on_hand"] for r in rows] == [0, 2, 7]
    assert rows[0]["distance_km"] == 0
    assert 5 < rows[1]["distance_km"] < 7
    assert 11 < rows[2]["distance_km"] < 14


def test_stores_can_be_listed_nearest_first(server: ServerUnderTest) -> None:
    rows = server.client.get(
        "/api/v1/stores", params={"near": server.world.store_c}, headers=server.login("a.guide")
    ).json()
    assert [r["code"] for r in rows] == ["SZ03", "SZ01", "SZ02"]


def test_member_lookup_by_phone_masks_the_number(server: ServerUnderTest) -> None:
    response = server.client.get(
        "/api/v1/members/lookup", params={"phone": "138 1234 5678"}, headers=server.login("a.guide")
    )
    assert response.status_code == 200
    [member] = response.json()
    assert member["name"] == "王芳"
    assert member["phone_masked"] == "*******5678"
    assert "13812345678" not in response.text
    assert [c["code"] for c in member["coupons"]] == ["WELCOME50"]


def test_member_lookup_by_card_number_and_by_scanned_code(server: ServerUnderTest) -> None:
    headers = server.login("b.guide")
    by_card = server.client.get(
        "/api/v1/members/lookup", params={"card": "8800987654321098"}, headers=headers
    ).json()
    by_code = server.client.get(
        "/api/v1/members/lookup", params={"code": "SGM:8800987654321098"}, headers=headers
    ).json()
    assert [m["name"] for m in by_card] == [m["name"] for m in by_code] == ["李娜"]


def test_member_lookups_are_audited(server: ServerUnderTest) -> None:
    from sqlmodel import Session, select

    from shopguide.server.models import AuditLog

    server.client.get(
        "/api/v1/members/lookup", params={"phone": "13812345678"}, headers=server.login("a.guide")
    )
    with Session(server.app.state.engine) as s:
        entry = s.exec(select(AuditLog).where(AuditLog.action == "member.lookup")).one()
    assert entry.entity_id == str(server.world.member_wang)
    assert entry.user_id == server.world.users["a.guide"]
    assert entry.detail == {"by": "phone", "found": 1}


def test_an_unknown_member_gives_an_empty_result(server: ServerUnderTest) -> None:
    response = server.client.get(
        "/api/v1/members/lookup",
        params={"card": "8800000000000000"},
        headers=server.login("a.guide"),
    )
    assert response.status_code == 200
    assert response.json() == []


def test_a_guide_enrols_a_member_at_their_store(server: ServerUnderTest) -> None:
    response = server.client.post(
        "/api/v1/members",
        json={
            "name": "陈静",
            "phone": "+86 137 0000 1111",
            "consent": True,
            "sizes": {"t-shirts": "M"},
        },
        headers=server.login("b.guide"),
    )
    assert response.status_code == 201
    member = response.json()
    assert member["home_store_id"] == server.world.store_b
    assert member["phone_masked"].endswith("1111")
    assert len(member["card_number"]) == 16


def test_enrolling_needs_consent_and_a_new_phone(server: ServerUnderTest) -> None:
    headers = server.login("b.guide")
    no_consent = server.client.post(
        "/api/v1/members",
        headers=headers,
        json={"name": "陈静", "phone": "13700001111", "consent": False},
    )
    assert no_consent.status_code == 409
    assert "agree" in no_consent.json()["detail"]
    duplicate = server.client.post(
        "/api/v1/members",
        headers=headers,
        json={"name": "王芳", "phone": "13812345678", "consent": True},
    )
    assert duplicate.status_code == 409


def test_health_and_readiness(server: ServerUnderTest) -> None:
    assert server.client.get("/healthz").json() == {"status": "ok"}
    ready = server.client.get("/readyz")  # the schema revision too: test_observability.py
    assert (ready.status_code, ready.json()["status"]) == (200, "ready")
