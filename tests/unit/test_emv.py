"""EMVCo merchant-presented QR: the codec ShopGuide's `emv` payment provider shows and reads."""

from __future__ import annotations

import contextlib
import re
from dataclasses import replace

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from shopguide.core.emv import (
    FAMILY_CLOTHING,
    SHOE_STORES,
    AdditionalData,
    EmvError,
    MerchantAccount,
    MerchantInfoLanguage,
    MpmPayload,
    Tip,
    TipKind,
    crc16_ccitt_false,
    currency_alpha,
    currency_numeric,
    decode,
    dynamic_payment,
    emv_amount,
    encode,
)
from shopguide.core.money import Money
from tests.unit.emv_examples import (
    BANCNET_INSTAPAY,
    EMVCO_SPEC,
    PAYMAYA_MERALCO,
    PAYNOW_POSB,
    PIX_BCB_DYNAMIC,
    PIX_BCB_STATIC,
    PUBLISHED,
    REFUSED,
    Published,
    Refused,
)

ACCOUNT = MerchantAccount(tag="26", guid="com.example.pay", fields={"01": "SHOP-0042"})


def tlv(tag: str, value: str) -> str:
    return f"{tag}{len(value):02d}{value}"


def signed(*objects: tuple[str, str]) -> str:
    """A payload of `objects` with a correct CRC, so that a test can break one thing only."""
    body = "".join(tlv(tag, value) for tag, value in objects) + "6304"
    return f"{body}{crc16_ccitt_false(body.encode('utf-8')):04X}"


GOOD: tuple[tuple[str, str], ...] = (
    ("00", "01"),
    ("01", "12"),
    ("26", tlv("00", "com.example.pay") + tlv("01", "SHOP-0042")),
    ("52", "5651"),
    ("53", "156"),
    ("54", "12.50"),
    ("58", "CN"),
    ("59", "SHOPGUIDE"),
    ("60", "SHANGHAI"),
)


def good_with(tag: str, value: str | None) -> str:
    """GOOD with `tag` replaced (or dropped when `value` is None, or added if new)."""
    objects = [(t, v) for t, v in GOOD if t != tag]
    if value is not None:
        objects.append((tag, value))
    return signed(*sorted(objects, key=lambda obj: (obj[0] != "00", obj[0])))


def root_objects(text: str) -> list[tuple[str, str]]:
    objects, i = [], 0
    while i < len(text):
        end = i + 4 + int(text[i + 2 : i + 4])
        objects.append((text[i : i + 2], text[i + 4 : end]))
        i = end
    return objects


def refused(text: str, reason: str) -> EmvError:
    with pytest.raises(EmvError, match=reason) as caught:
        decode(text)
    return caught.value


def test_the_good_payload_of_these_specs_is_itself_valid() -> None:
    assert decode(signed(*GOOD)).merchant_name == "SHOPGUIDE"


class TestCrc:
    def test_it_is_crc16_ccitt_false_with_the_standard_check_value(self) -> None:
        assert crc16_ccitt_false(b"123456789") == 0x29B1

    def test_the_crc_of_nothing_is_the_initial_value(self) -> None:
        assert crc16_ccitt_false(b"") == 0xFFFF

    def test_it_covers_the_utf8_bytes_of_everything_up_to_and_including_6304(self) -> None:
        body = EMVCO_SPEC.text[:-4]
        assert body.endswith("6304")
        assert crc16_ccitt_false(body.encode("utf-8")) == 0xA13A
        assert crc16_ccitt_false(body.encode("gb18030")) != 0xA13A

    def test_it_is_written_as_four_uppercase_hex_digits_keeping_leading_zeros(self) -> None:
        for n in range(10_000):
            text = encode(decode(good_with("62", tlv("01", f"B{n}"))))
            if text[-4] == "0":
                break
        assert re.fullmatch(r"6304[0-9A-F]{4}", text[-8:])
        assert text[-4] == "0"
        assert int(text[-4:], 16) == crc16_ccitt_false(text[:-4].encode("utf-8"))


class TestPublishedExamples:
    @pytest.mark.parametrize("example", PUBLISHED, ids=lambda e: e.name)
    def test_a_published_example_decodes_with_the_fields_it_shows(self, example: Published) -> None:
        payload = decode(example.text)
        assert payload.merchant_name == example.merchant_name
        assert payload.merchant_city == example.merchant_city
        assert payload.country == example.country
        assert payload.currency == example.currency
        assert payload.amount == example.amount

    @pytest.mark.parametrize("example", [e for e in PUBLISHED if e.canonical], ids=lambda e: e.name)
    def test_an_example_in_ascending_order_re_encodes_to_exactly_the_same_text(
        self, example: Published
    ) -> None:
        assert encode(decode(example.text)) == example.text

    @pytest.mark.parametrize(
        "example", [e for e in PUBLISHED if not e.canonical], ids=lambda e: e.name
    )
    def test_an_example_in_another_order_re_encodes_in_ascending_order_to_the_same_payload(
        self, example: Published
    ) -> None:
        payload = decode(example.text)
        text = encode(payload)
        assert text != example.text
        assert sorted(root_objects(text)[:-1]) == sorted(root_objects(example.text)[:-1])
        assert decode(text) == payload

    def test_the_examples_span_several_national_schemes(self) -> None:
        assert len(PUBLISHED) >= 6
        assert len({e.country for e in PUBLISHED}) >= 4

    def test_the_emvco_example_reads_every_template(self) -> None:
        payload = decode(EMVCO_SPEC.text)
        assert payload.dynamic
        assert payload.accounts == (
            MerchantAccount(tag="29", guid="D15600000000", fields={"05": "A93FO3230Q"}),
            MerchantAccount(tag="31", guid="D15600000001", fields={"03": "12345678"}),
        )
        assert payload.mcc == "4111"
        assert payload.money == Money(2372, "CNY")
        assert payload.tip == Tip(TipKind.PROMPT)
        assert payload.additional == AdditionalData(
            store_label="1234",
            customer_label="***",
            terminal_label="A6008667",
            consumer_data_request="ME",
        )
        assert payload.language == MerchantInfoLanguage(language="ZH", name="最佳运输", city="北京")
        assert payload.unreserved == {"91": "0016A011223344998877070812345678"}

    def test_a_static_pix_code_without_tag_01_is_static_and_re_encodes_without_it(self) -> None:
        payload = decode(PIX_BCB_STATIC.text)
        assert not payload.dynamic
        assert not payload.explicit_initiation
        assert payload.accounts == (
            MerchantAccount(
                tag="26",
                guid="br.gov.bcb.pix",
                fields={"01": "123e4567-e12b-12d1-a456-426655440000"},
            ),
        )
        assert payload.additional == AdditionalData(reference_label="***")
        assert "0102" not in encode(payload)[:10]

    def test_a_dynamic_pix_code_carries_its_payload_url_in_the_account(self) -> None:
        payload = decode(PIX_BCB_DYNAMIC.text)
        assert payload.dynamic
        assert payload.accounts[0].fields == {
            "25": "pix.example.com/qr/93598be0-1bd0-4997-8318-81776a1d8a99"
        }

    def test_payment_system_templates_in_62_and_unreserved_templates_are_kept_as_read(
        self,
    ) -> None:
        payload = decode(PAYMAYA_MERALCO.text)
        assert payload.additional == AdditionalData(
            bill_number="0466499801",
            extra={"50": "0020com.paymaya.billspay0107meralco"},
        )
        assert payload.unreserved["80"].startswith("0015com.bayadcenter")
        assert payload.money == Money(39080, "PHP")

    def test_a_paynow_code_keeps_its_proxy_fields_and_bill_number(self) -> None:
        payload = decode(PAYNOW_POSB.text)
        assert payload.accounts[0].guid == "SG.PAYNOW"
        assert payload.accounts[0].fields["02"] == "+6512345678"
        assert payload.additional is not None
        assert payload.additional.bill_number == "BILLNO"

    def test_any_account_template_id_from_26_to_51_names_a_network(self) -> None:
        assert decode(BANCNET_INSTAPAY.text).accounts[0].tag == "27"

    @pytest.mark.parametrize("example", REFUSED, ids=lambda e: e.name)
    def test_a_faulty_code_found_in_the_wild_is_refused_with_its_reason(
        self, example: Refused
    ) -> None:
        refused(example.text, example.reason)


class TestStructureIsStrict:
    def test_an_empty_payload_is_refused(self) -> None:
        refused("", "empty")

    def test_a_payload_without_tag_00_is_refused(self) -> None:
        text = signed(*GOOD[1:])
        error = refused(text, "must start with tag 00 .* which is missing")
        assert (error.tag, error.offset) == ("01", 0)

    def test_tag_00_anywhere_but_first_is_refused_and_located(self) -> None:
        text = signed(GOOD[1], GOOD[0], *GOOD[2:])
        refused(text, r"^tag 01 at offset 0: .*which is at offset 6")

    def test_a_payload_format_indicator_other_than_01_is_refused(self) -> None:
        refused(signed(("00", "02"), *GOOD[1:]), "payload format indicator must be 01, found '02'")

    def test_an_id_that_is_not_two_digits_is_refused(self) -> None:
        refused("0A0201", r"offset 0: '0A' is not a two-digit data object id")

    def test_a_length_that_is_not_two_digits_is_refused(self) -> None:
        refused("00A201", r"tag 00 at offset 0: length 'A2' is not two digits")

    def test_a_length_of_zero_is_refused(self) -> None:
        refused("000201" + "5900", "tag 59 at offset 6: length 00")

    def test_a_value_overrunning_the_end_is_refused_with_by_how_much(self) -> None:
        body = "".join(tlv(tag, value) for tag, value in GOOD)
        refused(body[:-2], r"tag 60 at offset \d+: length 08 runs 2 character\(s\) past the end")

    def test_a_value_overrunning_its_template_is_refused_inside_the_template(self) -> None:
        text = good_with("26", "0016com.example.pay")
        error = refused(text, r"tag 26.00 at offset 16: length 16 runs 1 character\(s\) past")
        assert error.tag == "26.00"

    def test_leftover_characters_too_short_for_a_data_object_are_refused(self) -> None:
        refused("000201" + "59", "2 stray character")

    def test_a_missing_crc_is_refused(self) -> None:
        body = "".join(tlv(tag, value) for tag, value in GOOD)
        refused(body, r"the CRC \(tag 63\) is missing")

    def test_a_crc_that_is_not_last_is_refused(self) -> None:
        text = signed(*GOOD)
        refused(text + tlv("99", "x"), r"tag 63 at offset \d+: .*but tag 99 follows it")

    def test_a_crc_of_another_length_is_refused(self) -> None:
        text = signed(*GOOD)
        refused(text[:-8] + "6303ABC", "the CRC has length 03, it must be 04")

    def test_a_crc_in_lowercase_is_refused(self) -> None:
        text = signed(*GOOD)
        refused(text[:-4] + text[-4:].lower().replace("0", "a"), "four uppercase hex digits")

    def test_a_bad_crc_is_refused_saying_what_was_expected_and_found(self) -> None:
        text = signed(*GOOD)
        tampered = text.replace("12.50", "12.05")
        expected = f"{crc16_ccitt_false(tampered[:-4].encode('utf-8')):04X}"
        refused(tampered, f"bad CRC: expected {expected}, found {text[-4:]}")

    @pytest.mark.parametrize("char", ["\n", "\r", "\x00", "\x85", "\ud800"])
    def test_control_characters_and_lone_surrogates_are_refused(self, char: str) -> None:
        text = signed(*GOOD)
        refused(text + char, rf"offset {len(text)}: control character U\+{ord(char):04X}")

    def test_a_duplicate_tag_is_refused_with_both_offsets(self) -> None:
        text = signed(*GOOD, ("59", "AGAIN"))
        refused(text, r"tag 59 at offset \d+: duplicate data object, first seen at offset \d+")

    def test_a_duplicate_sub_id_in_a_template_is_refused(self) -> None:
        text = good_with("62", tlv("01", "A") + tlv("01", "B"))
        refused(text, "tag 62.01 at offset .*: duplicate data object")

    def test_a_second_crc_before_the_last_is_refused(self) -> None:
        refused(good_with("63", "ABCD"), "the CRC must be the last data object, and only once")


class TestFieldsAreStrict:
    @pytest.mark.parametrize("tag", ["52", "53", "58", "59", "60"])
    def test_a_missing_mandatory_tag_is_refused(self, tag: str) -> None:
        refused(good_with(tag, None), f"missing tag {tag}")

    def test_a_payload_naming_no_merchant_account_is_refused(self) -> None:
        refused(good_with("26", None), "no merchant account information")

    def test_a_primitive_merchant_account_counts_as_an_account(self) -> None:
        payload = decode(signed(*[obj for obj in GOOD if obj[0] != "26"], ("15", "UNIONPAY1")))
        assert payload.primitive_accounts == {"15": "UNIONPAY1"}
        assert payload.accounts == ()

    def test_an_account_template_without_its_globally_unique_identifier_is_refused(self) -> None:
        refused(good_with("26", tlv("01", "SHOP")), "globally unique identifier")

    def test_a_globally_unique_identifier_longer_than_32_is_refused(self) -> None:
        refused(good_with("26", tlv("00", "x" * 33)), "tag 26.00 .*33 characters, at most 32")

    @pytest.mark.parametrize(
        ("amount", "reason"),
        [
            ("12,50", "not digits with an optional '.'"),
            ("1 000", "not digits with an optional '.'"),
            ("-5", "not digits with an optional '.'"),
            ("+5", "not digits with an optional '.'"),
            (".5", "not digits with an optional '.'"),
            ("1e3", "not digits with an optional '.'"),
            ("1.2.3", "not digits with an optional '.'"),
            ("１２", "not digits with an optional '.'"),
            ("12.345", "has 3 decimals but CNY has 2"),
            ("1234567890123.", "14 characters, at most 13"),
            ("0", "must not be zero"),
            ("0.00", "must not be zero"),
            ("00.", "must not be zero"),
        ],
    )
    def test_an_amount_outside_the_spec_format_is_refused(self, amount: str, reason: str) -> None:
        refused(good_with("54", amount), f"tag 54 at offset \\d+: .*{reason}")

    def test_thirteen_characters_is_the_longest_amount(self) -> None:
        assert decode(good_with("54", "12345678901.5")).amount == "12345678901.5"

    @pytest.mark.parametrize(
        ("amount", "money"),
        [("98", 9800), ("98.", 9800), ("98.7", 9870), ("98.73", 9873), ("007.10", 710)],
    )
    def test_the_amount_forms_the_spec_allows_are_read_exactly(
        self, amount: str, money: int
    ) -> None:
        assert decode(good_with("54", amount)).money == Money(money, "CNY")

    def test_a_currency_without_decimals_takes_no_decimals(self) -> None:
        text = signed(*[(t, "392" if t == "53" else "100.5" if t == "54" else v) for t, v in GOOD])
        refused(text, "has 1 decimals but JPY has 0")

    def test_a_currency_outside_shopguides_table_is_read_but_has_no_money(self) -> None:
        payload = decode(good_with("53", "999"))
        assert payload.currency == "999"
        with pytest.raises(EmvError, match="999"):
            _ = payload.money

    @pytest.mark.parametrize(
        ("tag", "value", "reason"),
        [
            ("52", "56a1", "merchant category code must be 4 digits"),
            ("52", "５６５１", "merchant category code must be 4 digits"),
            ("52", "565", "merchant category code must be 4 digits"),
            ("53", "१५६", "transaction currency must be 3 digits"),
            ("53", "CNY", "transaction currency must be 3 digits"),
            ("01", "13", "point of initiation must be 11 or 12"),
            ("58", "cn", "not two capital letters"),
            ("58", "CHN", "not two capital letters"),
        ],
    )
    def test_codes_with_the_wrong_characters_are_refused(
        self, tag: str, value: str, reason: str
    ) -> None:
        refused(good_with(tag, value), f"tag {tag} at offset \\d+: .*{reason}")

    @pytest.mark.parametrize(
        ("tag", "value", "reason"),
        [
            ("59", "N" * 26, "merchant name has 26 characters, at most 25"),
            ("60", "C" * 16, "merchant city has 16 characters, at most 15"),
            ("61", "1" * 11, "postal code has 11 characters, at most 10"),
            ("59", "Café", "outside printable ASCII"),
            ("60", "上海", "outside printable ASCII"),
        ],
    )
    def test_names_are_printable_ascii_of_limited_length(
        self, tag: str, value: str, reason: str
    ) -> None:
        refused(good_with(tag, value), reason)

    def test_tip_indicators_and_their_fees_must_agree(self) -> None:
        refused(good_with("55", "04"), "tip indicator must be 01, 02 or 03")
        refused(good_with("55", "02"), "tip indicator 02 needs the fixed fee in tag 56")
        refused(good_with("55", "03"), "tip indicator 03 needs the percentage in tag 57")
        refused(good_with("56", "1.00"), "a fixed convenience fee needs tip indicator 02")
        refused(good_with("57", "5"), "a convenience fee percentage needs tip indicator 03")

    @pytest.mark.parametrize(
        ("objects", "tip"),
        [
            ((("55", "01"),), Tip(TipKind.PROMPT)),
            ((("55", "02"), ("56", "1.50")), Tip(TipKind.FIXED_FEE, "1.50")),
            ((("55", "03"), ("57", "99.99")), Tip(TipKind.PERCENTAGE_FEE, "99.99")),
            ((("55", "03"), ("57", "5")), Tip(TipKind.PERCENTAGE_FEE, "5")),
        ],
    )
    def test_a_tip_prompt_or_convenience_fee_is_read(
        self, objects: tuple[tuple[str, str], ...], tip: Tip
    ) -> None:
        text = signed(*sorted([*GOOD, *objects], key=lambda obj: (obj[0] != "00", obj[0])))
        payload = decode(text)
        assert payload.tip == tip
        assert encode(payload) == text

    @pytest.mark.parametrize(
        ("fee", "reason"),
        [(("56", "0.00"), "must not be zero"), (("57", "100"), "not between 00.01 and 99.99")],
    )
    def test_a_convenience_fee_out_of_range_is_refused(
        self, fee: tuple[str, str], reason: str
    ) -> None:
        indicator = ("55", "02" if fee[0] == "56" else "03")
        text = signed(*sorted([*GOOD, indicator, fee], key=lambda obj: (obj[0] != "00", obj[0])))
        refused(text, reason)

    @pytest.mark.parametrize(
        ("value", "reason"),
        [
            (tlv("09", "AX"), "distinct letters of A, M, E"),
            (tlv("09", "AA"), "distinct letters of A, M, E"),
            (tlv("01", "B" * 26), "tag 62.01 .*bill number has 26 characters, at most 25"),
            (tlv("07", "终端"), "tag 62.07 .*outside printable ASCII"),
            (tlv("00", "X"), "sub-id 00 is not defined"),
        ],
    )
    def test_the_additional_data_template_is_checked_field_by_field(
        self, value: str, reason: str
    ) -> None:
        refused(good_with("62", value), reason)

    @pytest.mark.parametrize(
        ("value", "reason"),
        [
            (tlv("00", "ZH"), "needs a language .* and a name"),
            (tlv("01", "鞋店"), "needs a language .* and a name"),
            (tlv("00", "Z1") + tlv("01", "鞋店"), "not an ISO 639 two-letter code"),
            (tlv("00", "ZH") + tlv("01", "鞋" * 26), "tag 64.01 .*26 characters, at most 25"),
            (tlv("00", "ZH") + tlv("01", "鞋店") + tlv("03", "x"), "tag 64.03 .*reserved"),
        ],
    )
    def test_the_language_template_is_checked(self, value: str, reason: str) -> None:
        refused(good_with("64", value), reason)

    def test_an_unreserved_template_from_80_must_hold_data_objects(self) -> None:
        refused(good_with("80", "not a template"), "tag 80 at offset")
        assert decode(good_with("79", "any text, 任意")).unreserved == {"79": "any text, 任意"}


class TestUnicode:
    def test_a_chinese_merchant_name_in_template_64_round_trips(self) -> None:
        chinese = replace(
            decode(signed(*GOOD)),
            language=MerchantInfoLanguage(language="ZH", name="鞋履专门店", city="上海"),
        )
        text = encode(chinese)
        assert decode(text) == chinese
        assert "64210002ZH0105鞋履专门店0202上海" in text

    def test_lengths_count_characters_while_the_crc_counts_utf8_bytes(self) -> None:
        text = EMVCO_SPEC.text
        assert "0104最佳运输" in text
        assert len("最佳运输".encode()) == 12
        assert int(text[-4:], 16) == crc16_ccitt_false(text[:-4].encode("utf-8"))


class TestEncodingRefusesWhatWouldNotDecode:
    def payload(self, **changes: object) -> MpmPayload:
        return replace(decode(signed(*GOOD)), **changes)  # type: ignore[arg-type]

    def test_a_valid_payload_encodes_in_ascending_order_with_00_first_and_63_last(self) -> None:
        text = encode(
            self.payload(additional=AdditionalData(bill_number="A1"), postal_code="200000")
        )
        ids = [tag for tag, _ in root_objects(text)]
        assert ids[0] == "00"
        assert ids[-1] == "63"
        assert ids[:-1] == sorted(ids[:-1])

    @pytest.mark.parametrize(
        ("changes", "reason"),
        [
            ({"merchant_name": "N" * 26}, "tag 59 .*at most 25"),
            ({"amount": "0.00"}, "must not be zero"),
            ({"currency": "CNY"}, "3 digits"),
            ({"dynamic": True, "explicit_initiation": False}, "set explicit_initiation"),
            ({"additional": AdditionalData()}, "tag 62: a value of 0 characters"),
            ({"additional": AdditionalData(extra={"05": "x"})}, "ids there run from 10 to 99"),
            ({"primitive_accounts": {"26": "x"}}, "ids there run from 02 to 25"),
            ({"accounts": (MerchantAccount("52", "g"),)}, "ids there run from 26 to 51"),
            ({"accounts": (MerchantAccount("26", "g", {"00": "x"}),)}, "from 01 to 99"),
            ({"accounts": (MerchantAccount("26", "g", {"01": "x" * 100}),)}, "tag 26.01: .*100"),
            ({"unreserved": {"64": "x"}}, "ids there run from 65 to 99"),
            ({"unreserved": {"5": "x"}}, "has id '5'"),
            ({"accounts": (), "primitive_accounts": {}}, "no merchant account"),
        ],
    )
    def test_a_payload_that_would_not_decode_is_refused_with_the_reason(
        self, changes: dict[str, object], reason: str
    ) -> None:
        with pytest.raises(EmvError, match=reason):
            encode(self.payload(**changes))

    def test_a_tip_fee_must_match_its_kind(self) -> None:
        with pytest.raises(EmvError, match="needs tip indicator 03"):
            encode(self.payload(tip=Tip(TipKind.PROMPT, "1")))
        with pytest.raises(EmvError, match="needs the fixed fee in tag 56"):
            encode(self.payload(tip=Tip(TipKind.FIXED_FEE)))

    def test_accounts_are_kept_in_id_order_whatever_order_they_are_given_in(self) -> None:
        second = MerchantAccount(tag="30", guid="com.other")
        payload = self.payload(accounts=(second, ACCOUNT))
        assert payload.accounts == (ACCOUNT, second)
        assert decode(encode(payload)) == payload


class TestMoneyAndCurrencies:
    @pytest.mark.parametrize(
        ("alpha", "numeric"),
        [
            ("CNY", "156"),
            ("BRL", "986"),
            ("THB", "764"),
            ("SGD", "702"),
            ("PHP", "608"),
            ("IDR", "360"),
            ("VND", "704"),
            ("JPY", "392"),
            ("HKD", "344"),
            ("USD", "840"),
            ("EUR", "978"),
        ],
    )
    def test_currency_codes_convert_both_ways(self, alpha: str, numeric: str) -> None:
        assert currency_numeric(alpha) == numeric
        assert currency_alpha(numeric) == alpha

    def test_a_currency_outside_the_table_is_refused_by_name(self) -> None:
        with pytest.raises(EmvError, match="'XYZ' is not in ShopGuide's currency table"):
            currency_numeric("XYZ")
        with pytest.raises(EmvError, match="'999'"):
            currency_alpha("999")

    @pytest.mark.parametrize(
        ("money", "text"),
        [(Money(1250, "CNY"), "12.50"), (Money(1200, "JPY"), "1200"), (Money(5, "BHD"), "0.005")],
    )
    def test_money_becomes_the_amount_text_with_the_currencys_decimals(
        self, money: Money, text: str
    ) -> None:
        assert emv_amount(money) == text

    @pytest.mark.parametrize("minor", [0, -100])
    def test_a_qr_amount_must_be_positive(self, minor: int) -> None:
        with pytest.raises(EmvError, match="must be positive"):
            emv_amount(Money(minor, "CNY"))

    def test_a_payload_without_an_amount_has_no_money(self) -> None:
        assert decode(good_with("54", None)).money is None


class TestDynamicPayment:
    def test_shopguide_shows_a_dynamic_qr_with_order_tablet_and_chinese_name(self) -> None:
        payload = dynamic_payment(
            amount=Money(129900, "CNY"),
            account=ACCOUNT,
            merchant_name="SHOPGUIDE SHOES",
            merchant_city="SHANGHAI",
            country="CN",
            mcc=SHOE_STORES,
            bill_number="SO-2025-000123",
            terminal_label="SH01-TAB07",
            reference_label="R7F3K9Q2",
            chinese_name="导购鞋店",
            chinese_city="上海",
        )
        read = decode(encode(payload))
        assert read == payload
        assert read.dynamic
        assert read.mcc == "5661"
        assert (read.currency, read.amount) == ("156", "1299.00")
        assert read.money == Money(129900, "CNY")
        assert read.additional == AdditionalData(
            bill_number="SO-2025-000123", reference_label="R7F3K9Q2", terminal_label="SH01-TAB07"
        )
        assert read.language == MerchantInfoLanguage(language="ZH", name="导购鞋店", city="上海")

    def test_without_a_chinese_name_there_is_no_language_template(self) -> None:
        payload = dynamic_payment(
            amount=Money(5990, "CNY"),
            account=ACCOUNT,
            merchant_name="SHOPGUIDE",
            merchant_city="BEIJING",
            country="CN",
            mcc=FAMILY_CLOTHING,
            bill_number="SO-1",
            terminal_label="BJ02",
        )
        text = encode(payload)
        assert "64" not in dict(root_objects(text))
        assert decode(text).language is None

    def test_a_reference_too_long_for_the_bill_number_is_refused_at_encoding(self) -> None:
        payload = dynamic_payment(
            amount=Money(100, "CNY"),
            account=ACCOUNT,
            merchant_name="SHOPGUIDE",
            merchant_city="BEIJING",
            country="CN",
            mcc=FAMILY_CLOTHING,
            bill_number="X" * 26,
            terminal_label="BJ02",
        )
        with pytest.raises(EmvError, match=r"tag 62\.01 .*at most 25"):
            encode(payload)


# --- properties ---------------------------------------------------------------

ANS = st.characters(min_codepoint=0x20, max_codepoint=0x7E)
ANY = st.characters(exclude_categories=("Cc", "Cs"))
CURRENCIES = ["CNY", "BRL", "THB", "SGD", "JPY", "VND", "BHD", "IDR", "PHP", "EUR"]


def ans(max_size: int) -> st.SearchStrategy[str]:
    return st.text(ANS, min_size=1, max_size=max_size)


def ids(low: int, high: int) -> st.SearchStrategy[str]:
    return st.integers(low, high).map(lambda n: f"{n:02d}")


@st.composite
def merchant_accounts(draw: st.DrawFn) -> tuple[MerchantAccount, ...]:
    tags = draw(st.lists(ids(26, 51), max_size=3, unique=True))
    return tuple(
        MerchantAccount(
            tag=tag,
            guid=draw(ans(32)),
            fields=draw(st.dictionaries(ids(1, 99), ans(15), max_size=3)),
        )
        for tag in tags
    )


@st.composite
def additional_data(draw: st.DrawFn) -> AdditionalData:
    names = draw(
        st.lists(
            st.sampled_from(
                [
                    "bill_number",
                    "mobile_number",
                    "store_label",
                    "loyalty_number",
                    "reference_label",
                    "customer_label",
                    "terminal_label",
                    "purpose",
                    "consumer_data_request",
                ]
            ),
            min_size=1,
            max_size=4,
            unique=True,
        )
    )
    values = {
        name: draw(st.sampled_from(["A", "M", "E", "AM", "EM", "MEA"]))
        if name == "consumer_data_request"
        else draw(ans(12))
        for name in names
    }
    extra = draw(st.dictionaries(ids(10, 99), st.text(ANY, min_size=1, max_size=10), max_size=1))
    return AdditionalData(**values, extra=extra)


@st.composite
def unreserved(draw: st.DrawFn) -> dict[str, str]:
    raw = draw(st.dictionaries(ids(65, 79), st.text(ANY, min_size=1, max_size=20), max_size=1))
    templates = draw(
        st.dictionaries(ids(80, 99), st.text(ANY, min_size=1, max_size=20), max_size=1)
    )
    return {**raw, **{tag: tlv("00", value) for tag, value in templates.items()}}


@st.composite
def payloads(draw: st.DrawFn) -> MpmPayload:
    currency = draw(st.sampled_from(CURRENCIES))
    amounts = st.integers(1, 10**10).map(lambda minor: emv_amount(Money(minor, currency)))
    percentages = st.from_regex(r"[0-9]{1,2}(\.[0-9]{1,2})?", fullmatch=True).filter(
        lambda p: bool(p.replace(".", "").strip("0"))
    )
    dynamic = draw(st.booleans())
    accounts = draw(merchant_accounts())
    primitive = draw(
        st.dictionaries(ids(2, 25), ans(30), min_size=0 if accounts else 1, max_size=2)
    )
    return MpmPayload(
        dynamic=dynamic,
        explicit_initiation=dynamic or draw(st.booleans()),
        accounts=accounts,
        primitive_accounts=primitive,
        mcc=draw(st.from_regex(r"[0-9]{4}", fullmatch=True)),
        currency=currency_numeric(currency),
        amount=draw(st.none() | amounts),
        tip=draw(
            st.none()
            | st.just(Tip(TipKind.PROMPT))
            | amounts.map(lambda fee: Tip(TipKind.FIXED_FEE, fee))
            | percentages.map(lambda fee: Tip(TipKind.PERCENTAGE_FEE, fee))
        ),
        country=draw(st.from_regex(r"[A-Z]{2}", fullmatch=True)),
        merchant_name=draw(ans(25)),
        merchant_city=draw(ans(15)),
        postal_code=draw(st.none() | ans(10)),
        additional=draw(st.none() | additional_data()),
        language=draw(
            st.none()
            | st.builds(
                MerchantInfoLanguage,
                language=st.from_regex(r"[A-Za-z]{2}", fullmatch=True),
                name=st.text(ANY, min_size=1, max_size=25),
                city=st.none() | st.text(ANY, min_size=1, max_size=15),
            )
        ),
        unreserved=draw(unreserved()),
    )


@settings(max_examples=200, deadline=None)
@given(payloads())
def test_any_valid_payload_encodes_decodes_and_encodes_again_unchanged(payload: MpmPayload) -> None:
    text = encode(payload)
    assert decode(text) == payload
    assert encode(decode(text)) == text


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=300))
def test_decoding_arbitrary_text_raises_nothing_but_emv_error(text: str) -> None:
    with contextlib.suppress(EmvError):
        decode(text)


@settings(max_examples=200, deadline=None)
@given(
    st.sampled_from([e.text for e in PUBLISHED]),
    st.data(),
)
def test_decoding_a_damaged_code_raises_nothing_but_emv_error(
    text: str, data: st.DataObject
) -> None:
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, min(len(text), start + 6)))
    patch = data.draw(st.text(st.sampled_from("0123456789AF.*6 \n中"), max_size=6))
    damaged = text[:start] + patch + text[end:]
    with contextlib.suppress(EmvError):
        decode(damaged)
