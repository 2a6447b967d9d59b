"""Realistic sample cases: Vietnamese names, HCMC wards old and new, phones in every form.

Used by the demo server (``operator-console-server --demo``), the benchmarks and the tests. The
rows look like the 2021 desk's: most about essential supplies and relief not received, names drawn
with the real weight of Nguyễn and Trần, wards written the ways callers write them (today's names,
former "P.5, Q.8" forms, no diacritics), phones with spaces, dots, +84 and old 11-digit prefixes,
and a share of rows without a phone (web and Zalo reports that give only a name).
Pure Python over the domain; it holds no real person's data.
"""

from __future__ import annotations

import random
from datetime import datetime, timedelta, timezone

from operator_console.domain.gazetteer import default_gazetteer
from operator_console.domain.phones import LEGACY_MOBILE_PREFIXES
from operator_console.domain.text import fold

FAMILY = [
    ("Nguyễn", 38),
    ("Trần", 11),
    ("Lê", 9),
    ("Phạm", 7),
    ("Huỳnh", 5),
    ("Hoàng", 4),
    ("Phan", 4),
    ("Vũ", 3),
    ("Võ", 4),
    ("Đặng", 2),
    ("Bùi", 2),
    ("Đỗ", 2),
    ("Hồ", 2),
    ("Ngô", 1),
    ("Dương", 1),
    ("Lý", 1),
]
MIDDLE_M = [
    "Văn", "Văn", "Văn", "Hữu", "Đức", "Minh", "Quốc", "Thanh", "Công", "Ngọc", "Đình", "Xuân",
    "Trọng", "Hoàng", "Anh", "Gia", "Bảo", "Duy", "Tấn", "Phước",
]  # fmt: skip
MIDDLE_F = [
    "Thị", "Thị", "Thị", "Ngọc", "Thanh", "Thu", "Kim", "Mỹ", "Bích", "Hồng", "Thùy", "Phương",
    "Diệu", "Bảo", "Hoài", "Minh", "Khánh", "Tuyết", "Xuân", "Quỳnh",
]  # fmt: skip
# The common given names, and more of the long tail: a desk meets hundreds (namesakes in one ward
# are rarer than a short list would make them).
GIVEN_M = [
    "Hùng", "Dũng", "Nam", "Tuấn", "Minh", "Phúc", "Long", "Sơn", "Hải", "Bình", "Tâm", "Lộc",
    "Thành", "Khoa", "Quang", "Trung", "Hiếu", "Toàn", "Vinh", "Đạt", "An", "Bảo", "Cường", "Duy",
    "Đức", "Giang", "Hào", "Hậu", "Hoàng", "Huy", "Khang", "Khánh", "Kiên", "Lâm", "Lực", "Mạnh",
    "Nghĩa", "Nhân", "Phát", "Phong", "Quân", "Quý", "Sang", "Tài", "Tân", "Thái", "Thắng",
    "Thiện", "Thịnh", "Thông", "Tiến", "Trí", "Trọng", "Tú", "Tùng", "Văn", "Việt", "Vũ", "Hưng",
    "Chiến", "Công", "Định", "Hòa", "Luân", "Nhật", "Sĩ", "Thuận", "Tín", "Triều", "Vượng",
]  # fmt: skip
GIVEN_F = [
    "Hà", "Lan", "Mai", "Hương", "Hoa", "Linh", "Trang", "Nga", "Thảo", "Yến", "Hạnh", "Loan",
    "Tuyết", "Phương", "Dung", "Nhung", "Xuân", "Cúc", "Oanh", "Vân", "Anh", "Châu", "Chi",
    "Diễm", "Diệp", "Giang", "Hằng", "Hiền", "Hồng", "Huệ", "Huyền", "Khánh", "Kiều", "Liên",
    "Ly", "My", "Ngân", "Ngọc", "Nguyệt", "Nhi", "Như", "Quyên", "Quỳnh", "Tâm", "Thanh", "Thơ",
    "Thu", "Thúy", "Thủy", "Thư", "Tiên", "Trâm", "Trinh", "Uyên", "Vy", "Yên", "Đào", "Bích",
    "Duyên", "Hậu", "Lệ", "Lụa", "Mến", "Nương", "Phượng", "Sương", "Thắm", "Thoa", "Tươi", "Xoan",
]  # fmt: skip
STREETS = [
    "Lê Văn Sỹ",
    "Tô Hiến Thành",
    "Nguyễn Trãi",
    "Cách Mạng Tháng Tám",
    "Phạm Thế Hiển",
    "Âu Dương Lân",
    "Bình Đông",
    "Lý Thường Kiệt",
    "Hậu Giang",
    "Kinh Dương Vương",
    "Tỉnh Lộ 10",
    "Quang Trung",
    "Lê Đức Thọ",
    "Phan Văn Trị",
    "Nơ Trang Long",
    "Xô Viết Nghệ Tĩnh",
    "Âu Cơ",
    "Lũy Bán Bích",
    "Huỳnh Tấn Phát",
    "Nguyễn Văn Linh",
    "Tân Kỳ Tân Quý",
    "Hương Lộ 2",
    "Trần Xuân Soạn",
]
CATEGORIES = [
    ("essential_supplies", 35),
    ("essential_supplies/food", 15),
    ("policy_support", 20),
    ("policy_support/covid_package", 8),
    ("vulnerable_person/lone_elderly", 4),
    ("vulnerable_person/street_child", 1),
    ("social_order", 3),
    ("infrastructure", 3),
    ("traffic", 2),
    ("covid19", 5),
    ("suggestion", 2),
    ("other", 2),
]
DESCRIPTIONS = [
    "Gia đình hết gạo, xin hỗ trợ nhu yếu phẩm",
    "Chưa nhận được tiền hỗ trợ gói 2 theo Nghị quyết 68",
    "Bà cụ sống một mình, không ai chăm sóc",
    "Xin hỗ trợ sữa cho con nhỏ",
    "Lao động tự do mất việc",
    "Khu trọ có nhiều công nhân thiếu ăn",
    "Phản ánh tụ tập đông người",
    "Đèn đường hư",
    "Đã gọi 2 lần nhưng chưa ai đến",
    "",
]
CHANNELS = [("phone", 60), ("web", 15), ("zalo", 20), ("app", 5)]
MOBILE_PREFIXES = [
    "032",
    "033",
    "034",
    "035",
    "036",
    "037",
    "038",
    "039",
    "070",
    "076",
    "077",
    "078",
    "079",
    "081",
    "082",
    "083",
    "084",
    "085",
    "086",
    "088",
    "090",
    "091",
    "093",
    "094",
    "096",
    "097",
    "098",
    "056",
    "058",
]
NEW_TO_OLD = {new: old for old, new in LEGACY_MOBILE_PREFIXES.items()}
HCMC = timezone(timedelta(hours=7))


def weighted(rng: random.Random, pairs: list[tuple[str, int]]) -> str:
    return rng.choices([p for p, _ in pairs], weights=[w for _, w in pairs])[0]


def name(rng: random.Random) -> str:
    female = rng.random() < 0.5
    parts = [
        weighted(rng, FAMILY),
        rng.choice(MIDDLE_F if female else MIDDLE_M),
        rng.choice(GIVEN_F if female else GIVEN_M),
    ]
    if rng.random() < 0.1:
        parts.pop(1)  # middle name dropped
    text = " ".join(parts)
    return fold(text).title() if rng.random() < 0.15 else text  # typed without diacritics


def phone(rng: random.Random) -> str:
    prefix = rng.choice(MOBILE_PREFIXES)
    rest = f"{rng.randrange(10**7):07d}"
    roll = rng.random()
    if roll < 0.08 and prefix in NEW_TO_OLD:
        return NEW_TO_OLD[prefix] + rest  # old 11-digit number
    if roll < 0.18:
        return f"+84 {prefix[1:]} {rest[:3]} {rest[3:]}"
    if roll < 0.30:
        return f"{prefix}{rest[0]}.{rest[1:4]}.{rest[4:]}"
    if roll < 0.35:
        return f"028 {rng.randrange(3, 4)}{rng.randrange(10**7):07d}"[:13]
    return prefix + rest


def ward_and_district(rng: random.Random, gazetteer: object) -> tuple[str, str]:
    g = default_gazetteer()
    if rng.random() < 0.55:
        ward = rng.choice(g.current_wards).name
        return (fold(ward) if rng.random() < 0.2 else ward), ""
    old = rng.choice(g.former_wards)
    district = old.district_name or ""
    style = rng.random()
    if style < 0.4:
        return old.name, district
    number = old.name.split()[-1]
    if number.isdigit() and style < 0.8:
        return f"P.{number}", district.replace("Quận ", "Q.").replace("Huyện ", "H.")
    return fold(old.name), fold(district)


def rows(count: int, seed: int, start: datetime | None = None, days: int = 120) -> list[dict[str, str]]:
    """``count`` interchange rows received over ``days`` days from ``start`` (22 July 2021 by default)."""
    rng = random.Random(seed)
    gazetteer = default_gazetteer()
    start = start or datetime(2021, 7, 22, 7, 0, tzinfo=HCMC)
    out = []
    for i in range(count):
        ward, district = ward_and_district(rng, gazetteer)
        alley = f"{rng.randrange(1, 400)}/{rng.randrange(1, 60)}/" if rng.random() < 0.4 else ""
        neighbour = rng.random() < 0.3
        out.append(
            {
                "external_id": f"B-{seed}-{i:08d}",
                "received_at": (start + timedelta(seconds=rng.randrange(0, days * 86400))).isoformat(),
                "channel": weighted(rng, CHANNELS),
                "caller_phone": phone(rng) if rng.random() < 0.92 else "",
                "caller_name": name(rng),
                "subject_name": name(rng) if neighbour else "",
                "address": f"{alley}{rng.randrange(1, 900)} {rng.choice(STREETS)}",
                "ward": ward,
                "district": district,
                "category": weighted(rng, CATEGORIES),
                "household_size": str(rng.choice([1, 2, 3, 4, 4, 5, 6, 8])),
                "description": rng.choice(DESCRIPTIONS),
            }
        )
    return out
