"""Static tables the seed-data generator draws from: places, words, colours, names.

Kept apart from `seed.py` so the generator reads as logic. Everything here is
plain data; the order of every table is part of the seed's determinism (the
same seed picks the same entries), so append rather than reorder.
"""

from __future__ import annotations

from typing import Final, NamedTuple

BRAND_CODE: Final = "NANFENG"
BRAND_NAME: Final = "Nanfeng 南风 Apparel & Footwear"
BRAND_SHORT: Final = "Nanfeng"
CITY: Final = "Shenzhen"


class District(NamedTuple):
    name: str
    name_zh: str
    lat: float
    lon: float
    weight: int  # how many generated extra stores land here, relatively


DISTRICTS: Final[dict[str, District]] = {
    d.name: d
    for d in (
        District("Futian", "福田", 22.5410, 114.0550, 5),
        District("Luohu", "罗湖", 22.5480, 114.1310, 4),
        District("Nanshan", "南山", 22.5330, 113.9300, 5),
        District("Bao'an", "宝安", 22.5850, 113.8840, 5),
        District("Longgang", "龙岗", 22.7200, 114.2460, 4),
        District("Longhua", "龙华", 22.6570, 114.0450, 4),
        District("Yantian", "盐田", 22.5570, 114.2360, 1),
        District("Guangming", "光明", 22.7480, 113.9360, 2),
        District("Pingshan", "坪山", 22.6900, 114.3460, 2),
        District("Dapeng", "大鹏", 22.5920, 114.4750, 1),
    )
}


class Location(NamedTuple):
    district: str
    mall: str
    street: str
    lat: float
    lon: float
    size: str  # flagship, large, standard or small: drives stock, staff and members
    hours: str


MALL_HOURS: Final = "Mon-Sun 10:00-22:00"
WEEKEND_LATE: Final = "Mon-Thu 10:00-22:00, Fri-Sun 10:00-22:30"

# Real shopping centres and streets, in the order store codes are given out:
# SZ01 is the flagship at COCO Park, and the first few cover the main districts
# so that a small seed (a handful of stores) still spreads across the city.
LOCATIONS: Final[tuple[Location, ...]] = (
    Location(
        "Futian", "COCO Park", "268 Fuhua 3rd Road", 22.5333, 114.0553, "flagship", WEEKEND_LATE
    ),
    Location(
        "Luohu", "MixC Luohu", "1881 Bao'an South Road", 22.5405, 114.1103, "flagship", MALL_HOURS
    ),
    Location(
        "Nanshan", "Coastal City", "33 Wenxin 5th Road", 22.5170, 113.9360, "flagship", WEEKEND_LATE
    ),
    Location("Bao'an", "Uniwalk", "99 Xinhu Road, Xin'an", 22.5557, 113.8836, "large", MALL_HOURS),
    Location(
        "Longgang",
        "Longgang Wanda Plaza",
        "Longxiang Avenue, Longcheng",
        22.7196,
        114.2465,
        "large",
        MALL_HOURS,
    ),
    Location(
        "Luohu", "Kingglory Plaza", "2028 Renmin South Road", 22.5386, 114.1170, "large", MALL_HOURS
    ),
    Location(
        "Futian",
        "One Avenue",
        "Shennan Avenue at Jintian Road",
        22.5413,
        114.0636,
        "large",
        MALL_HOURS,
    ),
    Location(
        "Nanshan",
        "MixC Shenzhen Bay",
        "2888 Keyuan South Road",
        22.5196,
        113.9479,
        "large",
        MALL_HOURS,
    ),
    Location(
        "Longhua",
        "Uniwalk Longhua",
        "Minzhi Avenue, Minzhi",
        22.6286,
        114.0317,
        "large",
        MALL_HOURS,
    ),
    Location("Luohu", "KK Mall", "5016 Shennan East Road", 22.5427, 114.1063, "large", MALL_HOURS),
    Location("Futian", "Upperhills", "5001 Huanggang Road", 22.5545, 114.0658, "large", MALL_HOURS),
    Location(
        "Nanshan", "MixC World", "9668 Shennan Avenue", 22.5424, 113.9567, "large", WEEKEND_LATE
    ),
    Location(
        "Bao'an",
        "Haiya Mall",
        "99 Jian'an 1st Road, Xin'an",
        22.5608,
        113.9049,
        "standard",
        MALL_HOURS,
    ),
    Location(
        "Futian",
        "Huaqiangbei",
        "Huaqiang North Road",
        22.5449,
        114.0866,
        "standard",
        "Mon-Sun 10:00-22:30",
    ),
    Location(
        "Nanshan", "Sea World", "1 Taizi Road, Shekou", 22.4838, 113.9136, "standard", WEEKEND_LATE
    ),
    Location(
        "Longhua",
        "Hongshan 6979",
        "Minkang Road, Minzhi",
        22.6541,
        114.0296,
        "standard",
        MALL_HOURS,
    ),
    Location(
        "Luohu",
        "Dongmen Pedestrian Street",
        "Dongmen Middle Road",
        22.5478,
        114.1198,
        "standard",
        "Mon-Sun 10:00-22:30",
    ),
    Location(
        "Nanshan", "OCT Harbour", "8 Baishi Road", 22.5260, 113.9858, "standard", WEEKEND_LATE
    ),
    Location(
        "Longgang",
        "Longgang Vanke Plaza",
        "Longgang Avenue, Longcheng",
        22.7247,
        114.2539,
        "standard",
        MALL_HOURS,
    ),
    Location("Futian", "Central Walk", "Fuhua 1st Road", 22.5385, 114.0575, "standard", MALL_HOURS),
    Location(
        "Guangming",
        "Guangming Town Centre",
        "Guangming Avenue",
        22.7480,
        113.9360,
        "standard",
        MALL_HOURS,
    ),
    Location(
        "Pingshan",
        "Pingshan Centre Plaza",
        "Pingshan Avenue",
        22.6906,
        114.3460,
        "standard",
        MALL_HOURS,
    ),
    Location(
        "Nanshan",
        "Qianhai Kerry Centre",
        "Guiwan 5th Road, Qianhai",
        22.5390,
        113.8990,
        "standard",
        MALL_HOURS,
    ),
    Location(
        "Futian",
        "COCO City Chegongmiao",
        "Shennan Avenue at Xiangmihu Road",
        22.5358,
        114.0240,
        "standard",
        MALL_HOURS,
    ),
    Location(
        "Longhua",
        "Longhua Jiufang",
        "Renmin Road, Longhua",
        22.6445,
        114.0250,
        "standard",
        MALL_HOURS,
    ),
    Location("Longgang", "Buji Centre", "Buji Road, Buji", 22.6068, 114.1185, "small", MALL_HOURS),
    Location(
        "Bao'an",
        "Shenzhen Airport T3",
        "Terminal 3 Departures, Airside",
        22.6391,
        113.8138,
        "small",
        "Mon-Sun 07:00-23:00",
    ),
    Location(
        "Luohu",
        "Luohu Commercial City",
        "Renmin South Road, Luohu Port",
        22.5336,
        114.1160,
        "small",
        "Mon-Sun 09:30-21:30",
    ),
    Location(
        "Yantian",
        "Chung Ying Street",
        "Chung Ying Street, Sha Tau Kok",
        22.5505,
        114.2235,
        "small",
        "Mon-Sun 09:30-21:00",
    ),
    Location(
        "Nanshan",
        "Shekou Garden City",
        "1 Gongye 8th Road, Shekou",
        22.4897,
        113.9187,
        "small",
        MALL_HOURS,
    ),
    Location(
        "Dapeng",
        "Dapeng Fortress",
        "Pengcheng Road, Dapeng Old Town",
        22.5980,
        114.4770,
        "small",
        "Mon-Sun 09:30-21:30",
    ),
    Location(
        "Yantian",
        "Dameisha Seaside",
        "Yanmei Road, Dameisha",
        22.5944,
        114.3047,
        "small",
        "Mon-Sun 10:00-21:00",
    ),
    Location(
        "Guangming",
        "Gongming Plaza",
        "Gongming Square Road",
        22.7870,
        113.8920,
        "small",
        MALL_HOURS,
    ),
    Location(
        "Pingshan",
        "Kengzi Market Street",
        "Kengzi Road",
        22.6788,
        114.3840,
        "small",
        "Mon-Sun 10:00-21:30",
    ),
    Location(
        "Longhua", "Guanlan Lake Walk", "Guanlan Avenue", 22.7170, 114.0630, "small", MALL_HOURS
    ),
    Location(
        "Bao'an", "Fuyong Station Plaza", "Fuyong Avenue", 22.6690, 113.8250, "small", MALL_HOURS
    ),
)

# For stores beyond the real locations: venues and streets to combine per district.
EXTRA_VENUES: Final = (
    "Metro Mall",
    "Station Plaza",
    "Town Centre",
    "Walk",
    "Square",
    "Outlet",
    "Galleria",
    "Market Street",
    "Lifestyle Park",
    "Central Plaza",
)
EXTRA_STREETS: Final = (
    "Jianshe Road",
    "Renmin Road",
    "Xinhua Road",
    "Zhongxin Road",
    "Binhe Avenue",
    "Chuangye Road",
    "Qianjin Road",
    "Heping Road",
    "Xingfu Road",
    "Wenhua Road",
)

# Shenzhen landlines: 0755 plus eight digits, shown in two groups of four.
PHONE_AREA: Final = "0755"

# Stock depth, staff and how many members call a store home, by store size.
STORE_SIZES: Final[dict[str, tuple[float, int, int, float]]] = {
    # size: (stock scale, guides low, guides high, share of members)
    "flagship": (1.8, 5, 6, 3.0),
    "large": (1.3, 4, 6, 2.0),
    "standard": (1.0, 3, 5, 1.2),
    "small": (0.6, 3, 4, 0.6),
}


class Category(NamedTuple):
    name: str
    prefix: str  # style code prefix
    kind: str  # core Kind value
    genders: tuple[tuple[str, int], ...]  # (gender, weight)
    weight: int  # share of the catalog
    prices: tuple[int, ...]  # list prices in CNY minor units
    nouns: tuple[str, ...]
    materials: tuple[str, ...]
    palette: str  # key into PALETTES
    blurb: str


_MWU = (("men", 4), ("women", 4), ("unisex", 2))
_MW = (("men", 1), ("women", 1))

CATEGORIES: Final[tuple[Category, ...]] = (
    Category(
        "running shoes",
        "RS",
        "shoes",
        _MWU,
        12,
        (39900, 49900, 59900, 69900, 89900),
        ("Runner", "Trainer", "Racer", "Pacer", "Trail Runner"),
        ("Knit", "Mesh", "Air", "Foam", "Tempo"),
        "sport",
        "Breathable upper over a cushioned EVA midsole with a grippy rubber outsole.",
    ),
    Category(
        "casual shoes",
        "CS",
        "shoes",
        _MWU,
        9,
        (29900, 39900, 49900, 59900),
        ("Sneaker", "Loafer", "Slip-On", "Derby", "Court Shoe"),
        ("Canvas", "Suede", "Leather", "Knit", "Nubuck"),
        "core",
        "An everyday shoe with a padded collar and a removable cotton insole.",
    ),
    Category(
        "boots",
        "BT",
        "shoes",
        _MW,
        5,
        (59900, 79900, 89900, 129900),
        ("Chelsea Boot", "Ankle Boot", "Hiker Boot", "Lace-Up Boot", "Desert Boot"),
        ("Leather", "Suede", "Waxed", "Shearling", "Oiled"),
        "earth",
        "Stitched welt, cushioned footbed and a lugged sole for wet pavements.",
    ),
    Category(
        "sandals",
        "SD",
        "shoes",
        _MWU,
        5,
        (19900, 29900, 39900),
        ("Slide", "Sandal", "Strap Sandal", "Sport Sandal", "Flip-Flop"),
        ("Cork", "Leather", "Webbing", "Rubber", "Woven"),
        "summer",
        "A contoured footbed with adjustable straps, light enough for a typhoon season.",
    ),
    Category(
        "t-shirts",
        "TS",
        "clothing",
        _MWU,
        12,
        (9900, 12900, 14900, 19900),
        ("Tee", "Pocket Tee", "Crew Tee", "Boxy Tee", "Polo"),
        ("Cotton", "Pima", "Slub", "Jersey", "Cool-Touch"),
        "core",
        "Combed cotton jersey, pre-washed so it keeps its shape.",
    ),
    Category(
        "shirts",
        "SH",
        "clothing",
        _MWU,
        8,
        (19900, 29900, 39900),
        ("Shirt", "Oxford Shirt", "Overshirt", "Camp Shirt", "Poplin Shirt"),
        ("Linen", "Oxford", "Poplin", "Chambray", "Seersucker"),
        "core",
        "A relaxed fit with a soft collar and mother-of-pearl-look buttons.",
    ),
    Category(
        "hoodies",
        "HD",
        "clothing",
        _MWU,
        6,
        (29900, 39900, 49900),
        ("Hoodie", "Zip Hoodie", "Sweatshirt", "Half-Zip", "Crewneck"),
        ("Fleece", "Terry", "Loopback", "Brushed", "Heavyweight"),
        "sport",
        "Brushed-back fleece with ribbed cuffs and a kangaroo pocket.",
    ),
    Category(
        "jackets",
        "JK",
        "clothing",
        _MWU,
        7,
        (49900, 59900, 79900, 89900),
        ("Jacket", "Bomber", "Windbreaker", "Field Jacket", "Coach Jacket"),
        ("Nylon", "Twill", "Ripstop", "Softshell", "Corduroy"),
        "earth",
        "Water-repellent shell with taped seams and zipped hand pockets.",
    ),
    Category(
        "down coats",
        "DC",
        "clothing",
        _MW,
        4,
        (89900, 129900, 159900),
        ("Down Coat", "Puffer", "Parka", "Down Vest", "Long Down Coat"),
        ("Matte", "Ripstop", "Quilted", "Featherlight", "Storm"),
        "winter",
        "Responsibly sourced down, 90/10 fill, with a detachable hood.",
    ),
    Category(
        "trousers",
        "TR",
        "clothing",
        _MWU,
        8,
        (19900, 29900, 39900),
        ("Trousers", "Chinos", "Joggers", "Cargo Trousers", "Pleated Trousers"),
        ("Twill", "Stretch", "Linen", "Tech", "Cotton"),
        "earth",
        "Mid-rise with a tapered leg and a hidden phone pocket.",
    ),
    Category(
        "jeans",
        "JN",
        "clothing",
        _MWU,
        7,
        (29900, 39900, 49900),
        ("Slim Jeans", "Straight Jeans", "Wide-Leg Jeans", "Tapered Jeans", "Relaxed Jeans"),
        ("Selvedge", "Stretch", "Rigid", "Comfort", "Organic"),
        "denim",
        "Cotton denim with a touch of stretch and a five-pocket cut.",
    ),
    Category(
        "dresses",
        "DR",
        "clothing",
        (("women", 1),),
        6,
        (29900, 39900, 59900),
        ("Midi Dress", "Shirt Dress", "Wrap Dress", "Slip Dress", "Qipao Dress"),
        ("Silk-Touch", "Linen", "Crepe", "Jersey", "Floral"),
        "bright",
        "A fluid drape that moves well, lined to the knee.",
    ),
    Category(
        "skirts",
        "SK",
        "clothing",
        (("women", 1),),
        5,
        (19900, 29900, 39900),
        ("Pleated Skirt", "A-Line Skirt", "Midi Skirt", "Wrap Skirt", "Denim Skirt"),
        ("Satin", "Twill", "Crepe", "Linen", "Knit"),
        "bright",
        "An elasticated back waist for comfort and a side zip for a clean front.",
    ),
    Category(
        "accessories",
        "AC",
        "accessory",
        (("unisex", 1),),
        2,
        (4900, 7900, 9900, 19900),
        ("Cap", "Tote Bag", "Belt", "Crossbody Bag", "Beanie"),
        ("Canvas", "Leather", "Cotton", "Nylon", "Knit"),
        "core",
        "A small finishing touch made to last.",
    ),
)

# The words in front of a product noun: a place or mood, then the material.
QUALITIES: Final = (
    "Breeze",
    "Harbour",
    "Summit",
    "Coastline",
    "Pearl River",
    "Monsoon",
    "Lantern",
    "Jade",
    "Tide",
    "Drift",
    "Canyon",
    "Metro",
    "Cloud",
    "Ridge",
    "Bamboo",
    "Lychee",
    "Typhoon",
    "Dawn",
    "Nightfall",
    "Camellia",
    "Granite",
    "Meridian",
    "Horizon",
    "Wutong",
    "Lotus",
    "Kapok",
    "Shekou",
    "Sunset",
    "Mangrove",
    "Orchid",
    "Terrace",
    "Island",
    "Bay",
    "Compass",
    "Pebble",
    "Willow",
    "Skyline",
    "Ferry",
    "Bridge",
    "Mistral",
)


class Colour(NamedTuple):
    name: str
    code: str
    weight: int  # how often a style comes in it


COLOURS: Final[dict[str, Colour]] = {
    c.code: c
    for c in (
        Colour("Black", "BLK", 10),
        Colour("White", "WHT", 8),
        Colour("Navy", "NVY", 6),
        Colour("Grey Marl", "GRY", 5),
        Colour("Charcoal", "CHR", 4),
        Colour("Stone", "STN", 4),
        Colour("Olive", "OLV", 3),
        Colour("Burgundy", "BUR", 2),
        Colour("Sand", "SND", 3),
        Colour("Khaki", "KHK", 3),
        Colour("Cream", "CRM", 3),
        Colour("Camel", "CML", 3),
        Colour("Sky Blue", "SKY", 2),
        Colour("Forest", "FOR", 2),
        Colour("Rust", "RST", 2),
        Colour("Blush", "BLS", 2),
        Colour("Lilac", "LIL", 1),
        Colour("Mustard", "MST", 1),
        Colour("Coral", "CRL", 1),
        Colour("Ivory", "IVR", 2),
        Colour("Taupe", "TPE", 2),
        Colour("Teal", "TEA", 1),
        Colour("Red", "RED", 2),
        Colour("Volt", "VLT", 1),
        Colour("Indigo", "IND", 4),
        Colour("Dark Wash", "DWS", 3),
        Colour("Light Wash", "LWS", 3),
        Colour("Chocolate", "CHO", 2),
    )
}

PALETTES: Final[dict[str, tuple[str, ...]]] = {
    "core": ("BLK", "WHT", "NVY", "GRY", "STN", "OLV", "SND", "KHK", "CRM", "BUR", "SKY", "RED"),
    "sport": ("BLK", "WHT", "GRY", "NVY", "CHR", "VLT", "CRL", "SKY", "TEA", "RED", "LIL"),
    "earth": ("BLK", "NVY", "STN", "OLV", "KHK", "CML", "SND", "CHR", "FOR", "RST", "CHO", "TPE"),
    "summer": ("BLK", "WHT", "SND", "TPE", "SKY", "CRL", "OLV", "CRM", "BLS"),
    "winter": ("BLK", "NVY", "CML", "OLV", "CRM", "BUR", "FOR", "CHR", "IVR"),
    "denim": ("IND", "DWS", "LWS", "BLK", "WHT", "STN"),
    "bright": ("BLK", "IVR", "BLS", "LIL", "MST", "CRL", "SKY", "BUR", "FOR", "NVY", "RED"),
}

# How many colours a style comes in: (count, weight). The mean (4.0) and the
# size runs fix the expected variants per style; see `seed.expected_variants`.
COLOUR_COUNTS: Final = ((2, 8), (3, 20), (4, 36), (5, 36))

SEASONS: Final = ("SS25", "AW25", "SS26", "AW26")

# Surnames with rough frequencies (per mille) for Guangdong: 陈, 黄, 林 and 梁
# are commoner in the south than the national tables say.
SURNAMES: Final[tuple[tuple[str, int], ...]] = (
    ("陈", 90),
    ("李", 70),
    ("王", 60),
    ("张", 55),
    ("刘", 50),
    ("黄", 50),
    ("林", 35),
    ("杨", 30),
    ("梁", 25),
    ("吴", 22),
    ("赵", 18),
    ("周", 18),
    ("徐", 14),
    ("孙", 12),
    ("马", 11),
    ("朱", 12),
    ("胡", 11),
    ("郭", 11),
    ("何", 14),
    ("高", 10),
    ("罗", 14),
    ("郑", 14),
    ("谢", 10),
    ("宋", 6),
    ("唐", 7),
    ("许", 9),
    ("韩", 5),
    ("冯", 7),
    ("邓", 9),
    ("曹", 5),
    ("彭", 6),
    ("曾", 9),
    ("肖", 6),
    ("田", 4),
    ("董", 4),
    ("袁", 4),
    ("潘", 5),
    ("于", 3),
    ("蒋", 4),
    ("蔡", 7),
    ("余", 5),
    ("杜", 4),
    ("叶", 7),
    ("程", 4),
    ("苏", 5),
    ("魏", 4),
    ("吕", 3),
    ("丁", 3),
    ("任", 3),
    ("沈", 4),
    ("钟", 6),
    ("卢", 5),
    ("欧阳", 2),
    ("司马", 1),
)

GIVEN_FEMALE: Final = (
    "芳",
    "娜",
    "敏",
    "静",
    "丽",
    "艳",
    "娟",
    "霞",
    "婷",
    "雪",
    "琳",
    "慧",
    "颖",
    "佳",
    "欣",
    "怡",
    "晶",
    "倩",
    "洁",
    "玲",
    "萍",
    "燕",
    "璐",
    "瑶",
    "梦",
    "雨",
    "涵",
    "思",
    "诗",
    "琪",
    "悦",
    "丹",
    "蕾",
    "薇",
    "月",
    "晓",
    "婉",
    "嘉",
    "秀",
    "美",
    "欢",
    "可",
    "心",
    "宁",
    "岚",
)
GIVEN_MALE: Final = (
    "伟",
    "强",
    "磊",
    "军",
    "勇",
    "杰",
    "涛",
    "斌",
    "超",
    "明",
    "刚",
    "平",
    "辉",
    "鹏",
    "华",
    "飞",
    "鑫",
    "波",
    "宇",
    "浩",
    "凯",
    "健",
    "俊",
    "帆",
    "旭",
    "宁",
    "龙",
    "林",
    "峰",
    "博",
    "文",
    "然",
    "晨",
    "轩",
    "睿",
    "泽",
    "子",
    "嘉",
    "志",
    "建",
    "国",
    "海",
    "航",
    "毅",
    "昊",
)

# Mainland mobile numbers: three-digit prefixes of the big three carriers.
MOBILE_PREFIXES: Final = (
    "130",
    "131",
    "132",
    "133",
    "134",
    "135",
    "136",
    "137",
    "138",
    "139",
    "150",
    "151",
    "152",
    "153",
    "155",
    "156",
    "157",
    "158",
    "159",
    "170",
    "171",
    "173",
    "175",
    "176",
    "177",
    "178",
    "180",
    "181",
    "182",
    "183",
    "184",
    "185",
    "186",
    "187",
    "188",
    "189",
    "191",
    "193",
    "195",
    "198",
    "199",
)

# Member tiers with their share of members and typical points balance.
TIERS: Final = (
    ("classic", 60, 0, 2_000),
    ("silver", 25, 1_000, 6_000),
    ("gold", 12, 4_000, 20_000),
    ("platinum", 3, 15_000, 80_000),
)

# Member tier prices: basis points off the list price, rounded down to whole yuan.
TIER_DISCOUNTS: Final = (("silver", 500), ("gold", 1000), ("platinum", 1500))


class CouponTemplate(NamedTuple):
    title: str
    kind: str  # "amount" (minor units) or "percent" (basis points)
    value: int
    min_spend: int
    category: str | None
    days: int  # how long it is valid
    weight: int


COUPONS: Final[tuple[CouponTemplate, ...]] = (
    CouponTemplate("Welcome 50 off over 300", "amount", 5000, 30000, None, 90, 30),
    CouponTemplate("Birthday 15% off", "percent", 1500, 0, None, 30, 12),
    CouponTemplate(
        "Spring shoes 100 off over 600", "amount", 10000, 60000, "running shoes", 45, 14
    ),
    CouponTemplate("Member day 30 off over 200", "amount", 3000, 20000, None, 14, 16),
    CouponTemplate("Denim week 80 off over 500", "amount", 8000, 50000, "jeans", 21, 8),
    CouponTemplate("Outerwear 10% off", "percent", 1000, 0, "jackets", 60, 8),
    CouponTemplate("Down coat 200 off over 1200", "amount", 20000, 120000, "down coats", 60, 6),
    CouponTemplate("Tee bundle 20 off over 150", "amount", 2000, 15000, "t-shirts", 30, 6),
)
