"""The one catalogue of every message outside Qt, in Vietnamese first and English.

The domain, the store, the duplicate search, the client, the command lines and the server cannot
use Qt's translators (they are pure Python, and the server and the command lines run without Qt),
so they speak through message codes with named parameters, rendered in the user's language by
:func:`render`. Codes are grouped by a prefix that names where they are said (``phone.``,
``case.``, ``import.``, ``problem.`` for the server's errors, ``server.`` for the console's
connection, ``reason.`` for the duplicate search's reasons…). ``tests/test_message_catalogue.py``
checks that both languages are there with the same parameters and that every code the source names
is in the catalogue. The GUI's own labels are translated with Qt Linguist instead.
"""

from __future__ import annotations

import locale
import os
from dataclasses import dataclass, field
from typing import Literal

Language = Literal["vi", "en"]
LANGUAGES: tuple[Language, ...] = ("vi", "en")

_CATALOG: dict[str, tuple[str, str]] = {
    # phones
    "phone.empty": ("Chưa nhập số điện thoại.", "No phone number was given."),
    "phone.letters": (
        "Số điện thoại chỉ gồm chữ số (có thể có dấu cách, dấu chấm, +84): «{value}».",
        "A phone number holds only digits (spaces, dots and +84 are fine): “{value}”.",
    ),
    "phone.too_short": (
        "Số điện thoại quá ngắn ({digits} chữ số): di động có 10 số, máy bàn TP.HCM 028 + 8 số.",
        "Phone number too short ({digits} digits): mobiles have 10 digits, city landlines 028 + 8.",
    ),
    "phone.too_long": (
        "Số điện thoại quá dài ({digits} chữ số): di động có 10 số, máy bàn 11 số.",
        "Phone number too long ({digits} digits): mobiles have 10 digits, landlines 11.",
    ),
    "phone.bad_prefix": (
        "Đầu số «{prefix}» không phải đầu số di động hay máy bàn Việt Nam.",
        "“{prefix}” is not a Vietnamese mobile or landline prefix.",
    ),
    "phone.service_number": (
        "«{value}» là số dịch vụ ({prefix}), không phải số của người gọi: hỏi số di động hoặc máy bàn.",
        "“{value}” is a service number ({prefix}), not the caller's own: ask for a mobile or landline.",
    ),
    "phone.country_code_short": (
        "«{value}»: nếu 84 là mã nước thì sau đó chỉ còn {rest} chữ số, thiếu {missing} "
        "(di động có 9 chữ số sau 84): hỏi lại số.",
        "“{value}”: if 84 is the country code, only {rest} digits follow it, {missing} short "
        "(a mobile has 9 digits after 84): check the number.",
    ),
    "phone.foreign": (
        "Chỉ nhận số điện thoại Việt Nam (+84).",
        "Only Vietnamese phone numbers (+84) are accepted.",
    ),
    # case fields
    "case.no_contact": (
        "Cần ít nhất số điện thoại hoặc họ tên (người gọi hoặc người cần hỗ trợ).",
        "Give at least a phone number or a name (of the caller or of the person in need).",
    ),
    "case.age": (
        "Tuổi phải là số nguyên từ 0 đến 130: «{value}».",
        "Age must be a whole number from 0 to 130: “{value}”.",
    ),
    "case.email": (
        "Địa chỉ e-mail «{value}» không hợp lệ (cần dạng ten@mien.vn).",
        "“{value}” is not a valid e-mail address (it takes the form name@domain.vn).",
    ),
    "case.point": (
        "Toạ độ phải có cả vĩ độ (lat, −90…90) và kinh độ (long, −180…180); giới hạn ±{limit}.",
        "A point needs both a latitude (lat, −90…90) and a longitude (long, −180…180); limit ±{limit}.",
    ),
    "case.media_url": (
        "Đường dẫn ảnh/tệp «{value}» phải là địa chỉ web (http:// hoặc https://), không có dấu cách.",
        "The photo/file link “{value}” must be a web address (http:// or https://) without spaces.",
    ),
    "case.household_size": (
        "Số người trong hộ phải là số nguyên dương: «{value}».",
        "Household size must be a positive whole number: “{value}”.",
    ),
    "case.category_unknown": (
        "Không có lĩnh vực «{value}». Các lĩnh vực: {choices}.",
        "Unknown category “{value}”. Categories: {choices}.",
    ),
    "case.category_missing": ("Chưa chọn lĩnh vực.", "No category was chosen."),
    "case.channel_unknown": (
        "Không có kênh «{value}». Các kênh: {choices}.",
        "Unknown channel “{value}”. Channels: {choices}.",
    ),
    "case.date_unreadable": (
        "Không đọc được thời điểm «{value}» (cần ISO 8601 có múi giờ, ví dụ 2021-08-29T09:15:00+07:00).",
        "Cannot read the time “{value}” (ISO 8601 with an offset, e.g. 2021-08-29T09:15:00+07:00).",
    ),
    "case.date_no_offset": (
        "Thời điểm «{value}» thiếu múi giờ (ví dụ +07:00).",
        "The time “{value}” has no offset (e.g. +07:00).",
    ),
    "case.external_id_missing": ("Thiếu mã hồ sơ (external_id).", "The external_id is missing."),
    "case.external_id_unprintable": (
        "Mã ngoài «{value}» có ký tự điều khiển (không in được, đánh dấu �): sửa tệp rồi nhập lại.",
        "The external id “{value}” holds a control character (not printable, marked �): fix the "
        "file and import it again.",
    ),
    "case.external_id_repeated": (
        "Mã hồ sơ «{value}» đã xuất hiện ở dòng {row} của tệp này.",
        "external_id “{value}” already appears on row {row} of this file.",
    ),
    "case.too_long": (
        "Ô {field} quá dài: {length} ký tự, tối đa {limit}.",
        "{field} is too long: {length} characters, at most {limit}.",
    ),
    "case.relation_unknown": (
        "Không có quan hệ «{value}». Các giá trị: {choices}.",
        "Unknown relation “{value}”. Values: {choices}.",
    ),
    "case.vulnerable_unknown": (
        "Không có nhóm dễ tổn thương «{value}». Các giá trị: {choices}.",
        "Unknown vulnerable group “{value}”. Values: {choices}.",
    ),
    "case.priority_unknown": (
        "Không có mức ưu tiên «{value}». Các mức: {choices}.",
        "Unknown priority “{value}”. Values: {choices}.",
    ),
    "case.status_unknown": (
        "Không có trạng thái «{value}». Các trạng thái: {choices}.",
        "Unknown status “{value}”. Values: {choices}.",
    ),
    "case.yes_no": (
        "«{value}» ở cột {field} phải là có/không (true/false, 1/0).",
        "“{value}” in {field} must be yes or no (true/false, 1/0).",
    ),
    "case.ward_code_unknown": (
        "Mã phường/xã «{value}» không có trong danh mục hiện hành.",
        "Ward code “{value}” is not a current ward/commune.",
    ),
    "case.reason_required": (
        "Cần ghi lý do khi chuyển hồ sơ sang «{status}».",
        "A reason is required to move a case to “{status}”.",
    ),
    "case.transition": (
        "Không thể chuyển hồ sơ từ «{old}» sang «{new}».",
        "A case cannot go from “{old}” to “{new}”.",
    ),
    "case.merge_target": (
        "Cần chọn hồ sơ khác, đã có, để gộp vào.",
        "Choose another, existing case to merge into.",
    ),
    # addresses
    "address.ward_unknown": (
        "Không tìm thấy phường/xã «{value}» (giữ nguyên như người gọi nói): sửa lại, "
        "hoặc lưu để tổ phân loại chuyển đơn vị.",
        "Ward/commune “{value}” not found (kept as the caller said it): correct it, "
        "or save and the triage desk will route the case.",
    ),
    "address.ward_old": (
        "«{value}» là đơn vị cũ ({old}); phường/xã hiện nay: {current}.",
        "“{value}” is a former unit ({old}); the current ward/commune is {current}.",
    ),
    "address.ward_split": (
        "«{value}» là {old} (cũ), nay chia cho {count} phường/xã ({choices}): cần chọn một.",
        "“{value}” is {old} (former), now split among {count} wards/communes ({choices}): choose one.",
    ),
    "address.ward_not_in_district": (
        "«{value}»: quận/huyện cũ đã nói không có phường/xã tên này; nơi có tên này: {choices}. "
        "Cần chọn phường/xã.",
        "“{value}”: the former district said has no ward by that name; the name is borne by: "
        "{choices}. Please choose the ward.",
    ),
    "address.ward_ambiguous": (
        "«{value}» có ở nhiều nơi ({choices}): cần nói rõ quận/huyện cũ hoặc chọn phường/xã.",
        "“{value}” exists in several places ({choices}): give the former district or choose.",
    ),
    # import
    "import.row": ("Dòng {row}: {message}", "Row {row}: {message}"),
    "import.missing_columns": (
        "Tệp thiếu cột bắt buộc: {columns}.",
        "The file lacks required columns: {columns}.",
    ),
    "import.unknown_format": (
        "Không nhận dạng được định dạng tệp «{value}» (dùng .csv, .xlsx hoặc .jsonl).",
        "Unknown file format “{value}” (use .csv, .xlsx or .jsonl).",
    ),
    "import.bad_json": ("Dòng JSON không hợp lệ.", "Not a valid JSON line."),
    "import.summary": (
        "Đã nhập {imported} hồ sơ, bỏ qua {skipped} hồ sơ đã có, từ chối {rejected} dòng "
        "({seconds:.1f} giây).",
        "Imported {imported} cases, skipped {skipped} already present, rejected {rejected} rows "
        "({seconds:.1f} s).",
    ),
    "change.status_not_settable": (
        "Không thể chuyển hồ sơ sang «{status}» bằng tay.",
        "A case cannot be moved to “{status}” by hand.",
    ),
    "change.too_long": ("Quá dài: tối đa {limit} ký tự.", "Too long: at most {limit} characters."),
    "change.empty": (
        "Chưa có gì để ghi: chọn kết quả cuộc gọi, trạng thái, hoặc viết ghi chú.",
        "Nothing to record: choose the call's outcome or a status, or write a note.",
    ),
    "case.closed_no_change": (
        "Hồ sơ đã đóng ({status}): không thêm ghi chú, chuyển đơn vị hay đổi mức ưu tiên được nữa. "
        "Gọi lại cho người dân thì ghi kết quả cuộc gọi.",
        "The case is closed ({status}): no more notes, re-routing or priority changes. "
        "A call back to the citizen is recorded as such.",
    ),
    "import.progress": ("Đã đọc {rows} dòng…", "{rows} rows read…"),
    "import.indexing": (
        "Đang lập chỉ mục tìm kiếm cho các hồ sơ vừa nhập (khoảng một phút cho một triệu hồ sơ)…",
        "Building the search indexes for the imported cases (about a minute a million cases)…",
    ),
    "export.summary": ("Đã xuất {count} hồ sơ vào {path}.", "Cases exported to {path}: {count}."),
    "import.unreadable": (
        "Không đọc được tệp «{path}»: {reason}. CSV cần mã UTF-8 (trong Excel: Lưu thành «CSV UTF-8»).",
        "Cannot read “{path}”: {reason}. CSV files must be UTF-8 (in Excel: Save as “CSV UTF-8”).",
    ),
    "import.extra_fields": (
        "Dòng có nhiều ô hơn tiêu đề (thiếu dấu ngoặc kép quanh một ô có dấu phẩy?): «{value}».",
        "The row has more cells than the header (a cell with a comma not in quotes?): “{value}”.",
    ),
    "import.xlsx_too_large": (
        "Tệp «{path}» giải nén ra {size} MB ({ratio}× cỡ tệp): quá {limit} MB. "
        "Lưu lại thành «CSV UTF-8», hoặc chia thành nhiều tệp.",
        "“{path}” expands to {size} MB ({ratio}× its size): more than {limit} MB. "
        "Save it as “CSV UTF-8”, or split it into several files.",
    ),
    "import.too_many_rows": (
        "Tệp có hơn {limit} dòng: các dòng từ đây không được nhập. Chia tệp và nhập phần còn lại.",
        "The file has more than {limit} rows: the rows from here on were not imported. "
        "Split the file and import the rest.",
    ),
    "cli.failed": (
        "Không thực hiện được ({reason}). Cơ sở dữ liệu và tệp vẫn như trước lệnh này, trừ những gì "
        "đã báo là đã nhập.",
        "The command could not run ({reason}). The store and the files are as they were, but for "
        "what was reported imported.",
    ),
    "db.unreadable": (
        "Không mở được cơ sở dữ liệu «{path}»: {reason}.",
        "Cannot open the store “{path}”: {reason}.",
    ),
    "db.missing": ("Không có cơ sở dữ liệu «{path}».", "No database at “{path}”."),
    "file.missing": ("Không có tệp «{path}».", "No file at “{path}”."),
    "dup.search_failed": (
        "Dòng {line}: không tìm được ({error}).",
        "Line {line}: the search failed ({error}).",
    ),
    "dup.bad_line": (
        "Dòng {line} không phải một đối tượng JSON (các cột của tệp trao đổi).",
        "Line {line} is not a JSON object (interchange columns).",
    ),
    # the central server's problems (RFC 9457 titles; ``server/problems.py`` holds their statuses)
    "problem.bad_request": ("Yêu cầu không hợp lệ.", "The request is not valid."),
    "problem.idempotency_key_missing": (
        "Thiếu tiêu đề Idempotency-Key (mã ca tại máy trạm).",
        "The Idempotency-Key header (the console's case id) is missing.",
    ),
    "problem.idempotency_key_invalid": (
        "Tiêu đề Idempotency-Key không hợp lệ: 1–200 ký tự ASCII in được.",
        "The Idempotency-Key header is not valid: 1 to 200 printable ASCII characters.",
    ),
    "problem.not_authenticated": ("Cần đăng nhập.", "Log in first."),
    "problem.token_invalid": ("Phiên đăng nhập không hợp lệ. Hãy đăng nhập lại.", "The token is not valid."),
    "problem.token_expired": ("Phiên đăng nhập đã hết hạn. Hãy đăng nhập lại.", "The token has expired."),
    "problem.login_failed": ("Sai tên đăng nhập hoặc mật khẩu.", "Wrong user name or password."),
    "problem.key_invalid": ("Khoá truy cập không hợp lệ.", "The access key is not valid."),
    "problem.forbidden": ("Tài khoản này không được làm việc này.", "This account may not do this."),
    "problem.not_found": ("Không tìm thấy.", "Not found."),
    "problem.idempotency_in_flight": (
        "Yêu cầu trước với cùng khoá vẫn đang được xử lý. Thử lại sau giây lát.",
        "The first request with this key is still being processed. Retry in a moment.",
    ),
    "problem.conflict": ("Xung đột với trạng thái hiện tại.", "Conflicts with the current state."),
    "problem.stale": (
        "Hồ sơ vừa được người khác thay đổi. Xem trạng thái mới của hồ sơ rồi làm lại.",
        "The case was just changed by someone else. Look at its new state, then try again.",
    ),
    "problem.payload_too_large": ("Dữ liệu gửi lên quá lớn.", "The request body is too large."),
    "problem.unsupported_media_type": ("Định dạng dữ liệu không được hỗ trợ.", "Unsupported media type."),
    "problem.validation": ("Dữ liệu chưa hợp lệ.", "Some fields are not valid."),
    "problem.idempotency_key_reused": (
        "Khoá Idempotency-Key này đã dùng cho một yêu cầu khác.",
        "This Idempotency-Key was already used for a different request.",
    ),
    "problem.transition": ("Không thể chuyển trạng thái này.", "This status change is not allowed."),
    "problem.rate_limited": ("Quá nhiều yêu cầu. Thử lại sau.", "Too many requests. Retry later."),
    "problem.login_throttled": (
        "Sai mật khẩu nhiều lần. Hãy chờ rồi thử lại.",
        "Too many failed logins. Wait, then retry.",
    ),
    "problem.internal": ("Lỗi máy chủ. Đã ghi nhận.", "Server error. It has been logged."),
    "problem.unavailable": ("Máy chủ tạm thời không phục vụ được.", "The server is temporarily unavailable."),
    "problem.busy": (
        "Máy chủ đang nhận quá nhiều yêu cầu cùng lúc. Yêu cầu chưa được ghi: thử lại sau giây lát.",
        "The server is taking too many requests at once. Nothing was saved: retry in a moment.",
    ),
    # the console's connection to the server (``client/api.py``)
    "server.offline": ("Không kết nối được máy chủ.", "Cannot reach the server."),
    "server.timeout": ("Máy chủ không trả lời kịp.", "The server did not answer in time."),
    "server.tls": (
        "Không xác minh được chứng chỉ của máy chủ (TLS).",
        "The server's certificate could not be verified (TLS).",
    ),
    "server.garbage": (
        "Máy chủ trả lời không đúng định dạng.",
        "The server's answer is not what was expected.",
    ),
    "server.refused": ("Máy chủ từ chối yêu cầu.", "The server refused the request."),
    # the login kept in the operating system's keyring (``client/credentials.py``)
    "keyring.insecure": (
        "Máy này không có kho mật khẩu của hệ điều hành, nên không lưu phiên đăng nhập: "
        "mỗi lần mở sẽ phải nhập mật khẩu. Báo bộ phận CNTT.",
        "This computer has no operating-system keyring, so the login is not remembered: the "
        "password is asked at each start. Tell IT.",
    ),
    # why an earlier case may be the same need (``dedupe/scoring.py``), each that counted
    "reason.phone": ("cùng số điện thoại {phone}", "same phone {phone}"),
    "reason.phone_start": ("số điện thoại bắt đầu giống ({start}…)", "a phone starting the same ({start}…)"),
    "reason.person": ("cùng người: {name}", "same person: {name}"),
    "reason.person_near": ("tên gần giống: {name}", "a name close to it: {name}"),
    "reason.given": ("cùng tên {given}: {name}", "same given name {given}: {name}"),
    "reason.family_other": ("cùng họ, khác tên: {family}", "same family name, another given name: {family}"),
    "reason.house": ("cùng nhà {house} {street}", "same house {house} {street}"),
    "reason.alley": ("cùng hẻm {alley} {street}", "same alley {alley} {street}"),
    "reason.street": ("cùng đường {street}", "same street {street}"),
    "reason.other_place": ("khác địa chỉ", "another address"),
    "reason.other_ward": ("khác phường/xã", "another ward"),
    "reason.ward": ("cùng phường/xã", "same ward"),
}


@dataclass(frozen=True)
class Message:
    """A message for a person, rendered later in their language."""

    code: str
    params: dict[str, object] = field(default_factory=dict)

    def render(self, language: Language = "vi") -> str:
        return render(self.code, language, **self.params)


@dataclass(frozen=True)
class Words:
    """A parameter that is itself words in both languages (a status's name): rendered in the
    message's language, so that an English message never carries a Vietnamese status."""

    vi: str
    en: str


def render(code: str, language: Language = "vi", /, **params: object) -> str:
    vi, en = _CATALOG[code]
    template = vi if language == "vi" else en
    said = {
        k: ((v.vi if language == "vi" else v.en) if isinstance(v, Words) else v) for k, v in params.items()
    }
    return template.format(**said)


def language_from_environment() -> Language:
    """Vietnamese when the locale says so, English otherwise (servers usually run C or en_US)."""
    for var in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(var)
        if value:
            return "vi" if value.lower().startswith("vi") else "en"
    loc = locale.getlocale()[0] or ""
    return "vi" if loc.lower().startswith("vi") else "en"
