"""Merchant-presented QR payloads published by schemes, banks and their libraries.

Each string is copied verbatim from the source named next to it (the spec or
a public repository quoting it) and its CRC was checked with our own CRC
before it was admitted. `canonical` says whether the ids are in ascending
order at every level, which is the order `encode` writes, so that re-encoding
must give back the very same text.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Published:
    name: str
    text: str
    merchant_name: str
    merchant_city: str
    country: str
    currency: str
    amount: str | None
    canonical: bool = True


@dataclass(frozen=True)
class Refused:
    """A payload found in the wild that a strict decoder must refuse, and why."""

    name: str
    text: str
    reason: str


# EMVCo MPM specification v1.0/v1.1, Appendix A example (CRC A13A), as quoted in
# ericsalim/exemvi test/mpm_test.exs (@official_sample) and
# NascentSecureTech/pix-qrcode-utils packages/emv-merchant-qrcode/test/qrcode-emv.test.ts
# ("HelloWorld"). Its root ids are not in ascending order (58 before 53, 64 before 54).
EMVCO_SPEC = Published(
    name="EMVCo spec appendix",
    text=(
        "00020101021229300012D156000000000510A93FO3230Q31280012D15600000001030812345678"
        "520441115802CN5914BEST TRANSPORT6007BEIJING64200002ZH0104最佳运输0202北京"
        "540523.7253031565502016233030412340603***0708A60086670902ME"
        "91320016A0112233449988770708123456786304A13A"
    ),
    merchant_name="BEST TRANSPORT",
    merchant_city="BEIJING",
    country="CN",
    currency="156",
    amount="23.72",
    canonical=False,
)

# Banco Central do Brasil, Manual de Padrões para Iniciação do Pix, static BR Code
# example (CRC 1D3D). Quoted verbatim in many public Pix test suites ("exemplo do
# manual do BR Code (Banco Central)"); the search index did not name one repository.
PIX_BCB_STATIC = Published(
    name="Pix, BCB manual static example",
    text=(
        "00020126580014br.gov.bcb.pix0136123e4567-e12b-12d1-a456-426655440000"
        "5204000053039865802BR5913Fulano de Tal6008BRASILIA62070503***63041D3D"
    ),
    merchant_name="Fulano de Tal",
    merchant_city="BRASILIA",
    country="BR",
    currency="986",
    amount=None,
)

# The BCB manual's dynamic example (payload URL in sub-id 25), reassembled from the
# field-by-field listing in https://gist.github.com/matheusb-comp/1efa205b3c0ffd7af1e8ce63a10e02dc
# ("Exemplos da string PIX"); its CRC EEAB verifies, so the reassembly is exact.
PIX_BCB_DYNAMIC = Published(
    name="Pix, BCB manual dynamic example",
    text=(
        "00020101021226770014BR.GOV.BCB.PIX2555pix.example.com/qr/93598be0-1bd0-4997-8318-"
        "81776a1d8a995204000053039865802BR5907EMPRESA6009SAO PAULO62070503***6304EEAB"
    ),
    merchant_name="EMPRESA",
    merchant_city="SAO PAULO",
    country="BR",
    currency="986",
    amount=None,
)

# NascentSecureTech/pix-qrcode-utils packages/emv-merchant-qrcode/test/qrcode-emv.test.ts,
# "brs-dynamic": a Banrisul dynamic Pix code.
PIX_BANRISUL = Published(
    name="Pix, Banrisul dynamic",
    text=(
        "00020101021226880014br.gov.bcb.pix2566ww4.banrisul.com.br/bqq/api/pix/qrcode/"
        "QxgfFfpI8QzfEEedoZJNLf4bor85204752153039865802BR5921Casa das Pipocas Ltda"
        "6012Porto Alegre61089400000062070503***63042DA6"
    ),
    merchant_name="Casa das Pipocas Ltda",
    merchant_city="Porto Alegre",
    country="BR",
    currency="986",
    amount=None,
)

# Same file, "vero-impresso": Banrisul's Vero network (br.com.sejavero), static with amount.
VERO_PRINTED = Published(
    name="Vero (Brazil), printed static with amount",
    text=(
        "00020101021126370015br.com.sejavero0103***0207Texto 1520475215303986540512.50"
        "5802BR5912Lojista Ltda6012Porto Alegre61089400000062200516BOK-00000000011563040EAE"
    ),
    merchant_name="Lojista Ltda",
    merchant_city="Porto Alegre",
    country="BR",
    currency="986",
    amount="12.50",
)

# ralphachua/PayMaya-EMV-QR Merchant-Presented/README.md, Appendix A "Meralco"
# (Philippines): template 50 inside 62 and an unreserved template 80.
PAYMAYA_MERALCO = Published(
    name="PayMaya (Philippines), Meralco bill",
    text=(
        "00020101021226150011com.paymaya5204490053036085405390.85802PH5907Meralco6005Pasig"
        "62530110046649980150350020com.paymaya.billspay0107meralco80870015com.bayadcenter"
        "0105000010205MECOA0316046649980181013604260466499801812101361210260363041DB5"
    ),
    merchant_name="Meralco",
    merchant_city="Pasig",
    country="PH",
    currency="608",
    amount="390.8",
)

# Same file, "PLDT Home".
PAYMAYA_PLDT = Published(
    name="PayMaya (Philippines), PLDT bill",
    text=(
        "00020101021226150011com.paymaya52044111530360854061000.05802PH5920CIS BAYAD CENTER INC"
        "6005Pasig62500110022394211350320020com.paymaya.billspay0104pldt80570015com.bayadcenter"
        "0105002140205PLDT6041012345678900702PD6304955F"
    ),
    merchant_name="CIS BAYAD CENTER INC",
    merchant_city="Pasig",
    country="PH",
    currency="608",
    amount="1000.0",
)

# Same file, "Instapay P2P" (BancNet, com.bnapi.ipay). The README's hex dump lists an
# amount that the string itself does not carry; the string (CRC 9B00) is what is used.
BANCNET_INSTAPAY = Published(
    name="BancNet Instapay (Philippines)",
    text=(
        "00020101021227770014com.bnapi.ipay0104001402089996030003158999000000300160416"
        "00000016433671005204411153036085802PH5911PAYMAYA INC6005Pasig63049B00"
    ),
    merchant_name="PAYMAYA INC",
    merchant_city="Pasig",
    country="PH",
    currency="608",
    amount=None,
)

# zionsg/sgqr-parser test/SgQr/ParserTest.php, "Basic SGQR": SOBA EXPRESS, from
# https://www.channelnewsasia.com/news/singapore/sgqr-qr-code-cashless-payment-singapore-rolls-out-unified-10727568
SGQR_SOBA = Published(
    name="SGQR (Singapore), SOBA EXPRESS",
    text=(
        "00020101021126810011SG.COM.NETS01231198500065G9912312359000211111686614000308686614"
        "019908604108C251800007SG.SGQR01121809072DD85C020701.0001030607902704020105020606040000"
        "0708201809155204581253037025802SG5912SOBA EXPRESS6009Singapore630457B3"
    ),
    merchant_name="SOBA EXPRESS",
    merchant_city="Singapore",
    country="SG",
    currency="702",
    amount=None,
)

# Same file, "SGQR contains single quote", from
# https://www.nets.com.sg/promotions/presidents-star-charity-2018/ (a 25-character name).
SGQR_PRESIDENTS = Published(
    name="SGQR (Singapore), PRESIDENT'S CHALLENGE",
    text=(
        "00020101021126810011SG.COM.NETS01231198500065G9912312359000211111895264000308895264"
        "019908735A43CF51800007SG.SGQR01121809172E1FE7020701.0001030627962104020105020206040000"
        "0708201809175204000053037025802SG5925PRESIDENT'S CHALLENGE NO16009Singapore63048DCC"
    ),
    merchant_name="PRESIDENT'S CHALLENGE NO1",
    merchant_city="Singapore",
    country="SG",
    currency="702",
    amount=None,
)

# pyraxo/sgqr-parser test/index.spec.ts: TOAST BOX, with GrabPay, Dash, NETS and SGQR.
SGQR_TOAST_BOX = Published(
    name="SGQR (Singapore), TOAST BOX",
    text=(
        "00020101021126520008com.grab01365af16fa7-25d5-442b-8c19-b88ddafb14c727330015"
        "sg.com.dash.www0110000000464728810011SG.COM.NETS01231198500065G99123123590002111118"
        "778720003088778720199084136B4AE51800007SG.SGQR011218090900176B020700.0021030607902704"
        "0201050213060400000708201809115204581253037025802SG5909TOAST BOX6009Singapore6304B081"
    ),
    merchant_name="TOAST BOX",
    merchant_city="Singapore",
    country="SG",
    currency="702",
    amount=None,
)

# zionsg/sgqr-parser test/SgQr/ParserTest.php, "Test nested template for root data
# object ID 62": a PayNow code from the POSB app that the author modified (dummy phone
# number); the comment there says "hence CRC invalid", yet its CRC B301 verifies.
PAYNOW_POSB = Published(
    name="PayNow (Singapore), POSB, modified by the quoting author",
    text=(
        "00020101021126500009SG.PAYNOW010100211+65123456780301004082030123152040000"
        "530370254071234.565802SG5902ME6009Singapore62290106BILLNO50150004TEST0103ABC6304B301"
    ),
    merchant_name="ME",
    merchant_city="Singapore",
    country="SG",
    currency="702",
    amount="1234.56",
)

# alrescha79-cmd/bot-vpn docs/QRIS_SETUP.md: a static QRIS (Indonesia) from DANA.
QRIS_DANA = Published(
    name="QRIS (Indonesia), DANA static",
    text=(
        "00020101021126570011ID.DANA.WWW011893600915319021669702091902166970303UMI"
        "51440014ID.CO.QRIS.WWW0215ID10254370410780303UMI5204654053033605802ID5906SeTORE"
        "600412286105621616304BB06"
    ),
    merchant_name="SeTORE",
    merchant_city="1228",
    country="ID",
    currency="360",
    amount=None,
)

PUBLISHED = (
    EMVCO_SPEC,
    PIX_BCB_STATIC,
    PIX_BCB_DYNAMIC,
    PIX_BANRISUL,
    VERO_PRINTED,
    PAYMAYA_MERALCO,
    PAYMAYA_PLDT,
    BANCNET_INSTAPAY,
    SGQR_SOBA,
    SGQR_PRESIDENTS,
    SGQR_TOAST_BOX,
    PAYNOW_POSB,
    QRIS_DANA,
)

REFUSED = (
    # dtinth/promptpay-qr index.test.js, "Local phone number": PromptPay (Thailand)
    # person-to-person codes carry no MCC, merchant name or city, which EMVCo makes
    # mandatory. The CRC 6197 is right.
    Refused(
        name="PromptPay (Thailand), phone number",
        text="00020101021129370016A000000677010111011300668012345675802TH530376463046197",
        reason="missing tag 52",
    ),
    # Same file, "Amount": dynamic, with an amount, same omission (CRC E469 is right).
    Refused(
        name="PromptPay (Thailand), with amount",
        text=("00020101021229370016A000000677010111011300660000000005802TH530376454044.226304E469"),
        reason="missing tag 52",
    ),
    # subiz/vietqr README.md: a VietQR (NAPAS, A000000727) transfer of 120 000 VND to a
    # VietinBank account. CRC C15C is right, but like PromptPay it has no MCC,
    # merchant name or city.
    Refused(
        name="VietQR (Vietnam), NAPAS transfer",
        text=(
            "00020101021238570010A00000072701270006970415011300110019324180208QRIBFTTA"
            "530370454061200005802VN62170813ung ho lu lut6304C15C"
        ),
        reason="missing tag 52",
    ),
    # The same BCB static example as listed field by field in the matheusb-comp gist
    # above: 62 says length 08 for the 7 characters "0503***". The CRC (170E) was
    # computed over that broken string, so only the structure check catches it.
    Refused(
        name="Pix, BCB manual static example with amount, as listed in the gist",
        text=(
            "00020126360014BR.GOV.BCB.PIX0114+5511943214321520400005303986540566.665802BR"
            "5907EMPRESA6008BRASILIA62080503***6304170E"
        ),
        reason="runs .* past the end of the payload",
    ),
    # thalesog/pix-utils tests/emvCodes.ts, STATIC_TEST_NO_VALUE_EMV: a library writes
    # "0.00" for "no amount", which the spec forbids (the amount must not be zero).
    Refused(
        name="Pix, zero amount from a library fixture",
        text=(
            "00020126510014br.gov.bcb.pix0115thalesog@me.com0210Pedido 12352040000530398654040.00"
            "5802BR5914Thales Ogliari6015SAO MIGUEL DO O62070503***63044406"
        ),
        reason="must not be zero",
    ),
    # NascentSecureTech/pix-qrcode-utils qrcode-emv.test.ts, "vero:B64" (base64 there,
    # decoded here): a Vero code whose CRC is written in lowercase hex.
    Refused(
        name="Vero (Brazil), lowercase CRC",
        text=(
            "00020101021126440015br.com.sejavero9921AAAkgAAmQAHEoYAGgscLT5204519253039865404"
            "7.505802BR5917Banca das Pipocas6012Porto Alegre6304a4e4"
        ),
        reason="four uppercase hex digits",
    ),
    # Same file, "PromptPay1": the test there expects a CRC failure; it is one.
    Refused(
        name="PromptPay test vector with a wrong CRC",
        text="00020101021229370016A000000677010111011300668711111115802TH53037645406500.006304ABAC",
        reason="expected F230, found ABAC",
    ),
)
