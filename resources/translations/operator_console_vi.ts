<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="vi_VN">
<context>
    <name>AboutDialog</name>
    <message>
        <location filename="../../operator_console/gui/shell/about_dialog.py" line="18"/>
        <source>About the 1022 Operator Console</source>
        <translation>Giới thiệu bàn tiếp nhận 1022</translation>
    </message>
    <message>
        <location filename="../../operator_console/gui/shell/about_dialog.py" line="23"/>
        <source>&lt;b&gt;1022 Operator Console&lt;/b&gt;: call intake for Ho Chi Minh City&apos;s 1022 hotline.&lt;br&gt;Free software under the GNU General Public License, version 3 or later.</source>
        <translation>&lt;b&gt;Bàn tiếp nhận 1022&lt;/b&gt;: tiếp nhận cuộc gọi cho tổng đài 1022 của Thành phố Hồ Chí Minh.&lt;br&gt;Phần mềm tự do theo Giấy phép Công cộng GNU (GPL), phiên bản 3 hoặc mới hơn.</translation>
    </message>
    <message>
        <location filename="../../operator_console/gui/shell/about_dialog.py" line="33"/>
        <source>Data folder: %1</source>
        <translation>Thư mục dữ liệu: %1</translation>
    </message>
    <message>
        <location filename="../../operator_console/gui/shell/about_dialog.py" line="34"/>
        <source>Log files: %1</source>
        <translation>Tệp nhật ký: %1</translation>
    </message>
    <message>
        <location filename="../../operator_console/gui/shell/about_dialog.py" line="35"/>
        <source>Crash reports: %1</source>
        <translation>Báo cáo lỗi: %1</translation>
    </message>
    <message>
        <location filename="../../operator_console/gui/shell/about_dialog.py" line="36"/>
        <source>Machine configuration (IT): %1</source>
        <translation>Cấu hình máy (CNTT): %1</translation>
    </message>
    <message>
        <location filename="../../operator_console/gui/shell/about_dialog.py" line="39"/>
        <source>IT has locked this workstation&apos;s settings.</source>
        <translation>Bộ phận CNTT đã khóa cấu hình của máy này.</translation>
    </message>
    <message>
        <location filename="../../operator_console/gui/shell/about_dialog.py" line="42"/>
        <source>Version, build and data versions</source>
        <translation>Phiên bản, bản dựng và phiên bản dữ liệu</translation>
    </message>
    <message>
        <location filename="../../operator_console/gui/shell/about_dialog.py" line="45"/>
        <source>Close</source>
        <translation>Đóng</translation>
    </message>
    <message>
        <location filename="../../operator_console/gui/shell/about_dialog.py" line="46"/>
        <source>&amp;Copy for IT</source>
        <translation>&amp;Sao chép gửi CNTT</translation>
    </message>
</context>
<context>
    <name>CallbackDialog</name>
    <message>
        <location filename="../../operator_console/gui/cases/callback_dialog.py" line="49"/>
        <source>Call back: case %1</source>
        <translation>Gọi lại cho người dân: hồ sơ %1</translation>
    </message>
    <message>
        <location filename="../../operator_console/gui/cases/callback_dialog.py" line="52"/>
        <source>Caller</source>
        <translation>Người gọi</translation>
    </message>
    <message>
        <location filename="../../operator_console/gui/cases/callback_dialog.py" line="52"/>
        <source>Person in need</source>
        <translation>Người cần hỗ trợ</translation>
    </message>
    <message>
        <location filename="../../operator_console/gui/cases/callback_dialog.py" line="57"/>
        <source>No phone number in this case.</source>
        <translation>Hồ sơ này không có số điện thoại.</translation>
    </message>
    <message>
        <location filename="../../operator_console/gui/cases/callback_dialog.py" line="64"/>
        <source>What came of the call (1, 2 or 3):</source>
        <translation>Kết quả cuộc gọi (1, 2 hoặc 3):</translation>
    </message>
    <message>
        <location filename="../../operator_console/gui/cases/callback_dialog.py" line="69"/>
        <source>&amp;1 Reached: the citizen was told</source>
        <translation>&amp;1 Đã gặp: đã báo cho người dân</translation>
    </message>
    <message>
        <location filename="../../operator_console/gui/cases/callback_dialog.py" line="70"/>
        <source>&amp;2 Not reached (no answer, busy, switched off)</source>
        <translation>&amp;2 Không liên lạc được (không nghe máy, máy bận, tắt máy)</translation>
    </message>
    <message>
        <location filename="../../operator_console/gui/cases/callback_dialog.py" line="71"/>
        <source>&amp;3 Wrong number</source>
        <translation>&amp;3 Sai số</translation>
    </message>
    <message>
        <location filename="../../operator_console/gui/cases/callback_dialog.py" line="84"/>
        <source>What was said (&amp;note):</source>
        <translation>Đã nói gì (&amp;ghi chú):</translation>
    </message>
    <message>
        <location filename="../../operator_console/gui/cases/callback_dialog.py" line="88"/>
        <source>e.g. told her the ward brings rice this afternoon</source>
        <translation>vd: đã báo bà chiều nay phường mang gạo đến</translation>
    </message>
    <message>
        <location filename="../../operator_console/gui/cases/callback_dialog.py" line="89"/>
        <source>What was said</source>
        <translation>Đã nói gì</translation>
    </message>
    <message>
        <location filename="../../operator_console/gui/cases/callback_dialog.py" line="99"/>
        <source>Record (Ctrl+Enter)</source>
        <translation>Ghi lại (Ctrl+Enter)</translation>
    </message>
    <message>
        <location filename="../../operator_console/gui/cases/callback_dialog.py" line="100"/>
        <source>Back (Esc)</source>
        <translation>Quay lại (Esc)</translation>
    </message>
    <message>
        <location filename="../../operator_console/gui/cases/callback_dialog.py" line="139"/>
        <source>Choose what came of the call: 1, 2 or 3.</source>
        <translation>Chọn kết quả cuộc gọi: 1, 2 hoặc 3.</translation>
    </message>
</context>
<context>
    <name>CallerHistory</name>
    <message>
        <location filename="../../operator_console/gui/intake/caller_history.py" line="49"/>
        <source>First call from this number.</source>
        <translation>Số này gọi lần đầu.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../operator_console/gui/intake/caller_history.py" line="53"/>
        <source>%n earlier case(s); the last one is %1 (%2). F4 fills in the form from it.</source>
        <translation>
            <numerusform>Đã có %n hồ sơ trước; gần nhất là %1 (%2). Bấm F4 để điền theo hồ sơ đó.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/caller_history.ui" line="9"/>
        <source>Earlier calls from this number</source>
        <translation>Các lần gọi trước của số này</translation>
    </message>
    <message>
        <location filename="../../ui/caller_history.ui" line="10"/>
        <source>What this number called about before</source>
        <translation>Số này đã gọi về việc gì</translation>
    </message>
    <message>
        <location filename="../../ui/caller_history.ui" line="11"/>
        <source>Earlier cases of this caller</source>
        <translation>Các hồ sơ trước của người gọi</translation>
    </message>
</context>
<context>
    <name>CandidateDialog</name>
    <message>
        <location filename="../../operator_console/gui/intake/candidate_dialog.py" line="39"/>
        <source>Likely the same need</source>
        <translation>Rất có thể cùng một nhu cầu</translation>
    </message>
    <message>
        <location filename="../../operator_console/gui/intake/candidate_dialog.py" line="39"/>
        <source>Possibly related</source>
        <translation>Có thể liên quan</translation>
    </message>
    <message>
        <location filename="../../operator_console/gui/intake/candidate_dialog.py" line="43"/>
        <source>&amp;Link the call to this case (Enter)</source>
        <translation>&amp;Gắn cuộc gọi vào hồ sơ này (Enter)</translation>
    </message>
    <message>
        <location filename="../../operator_console/gui/intake/candidate_dialog.py" line="44"/>
        <source>Save as a new case, &amp;related to this one</source>
        <translation>Lưu hồ sơ mới, ghi là &amp;liên quan</translation>
    </message>
</context>
<context>
    <name>CandidatesModel</name>
    <message>
        <location filename="../../operator_console/gui/intake/candidates.py" line="43"/>
        <source>likely the same: the same person or household and the same need, by strong evidence (the phone, the person in need, the house): link the call to it (Ctrl+1…5, then Enter)</source>
        <translation>rất có thể trùng: cùng người hoặc cùng hộ và cùng nhu cầu, có bằng chứng mạnh (số điện thoại, người cần hỗ trợ, cùng nhà): nên nối cuộc gọi vào hồ sơ này (Ctrl+1…5, rồi Enter)</translation>
    </message>
    <message>
        <location filename="../../operator_console/gui/intake/candidates.py" line="48"/>
        <source>possibly related: some things match (a name, the street, the ward) but not enough to say it is the same need: look before saving a new case</source>
        <translation>có thể liên quan: giống một phần (họ tên, tên đường, phường) nhưng chưa đủ để nói là cùng nhu cầu: xem trước khi lưu hồ sơ mới</translation>
    </message>
    <message>
        <location filename="../../operator_console/gui/intake/candidates.py" line="57"/>
        <source>Key</source>
        <translation>Phím</translation>
    </message>
    <message>
        <location filename="../../operator_console/gui/intake/candidates.py" line="58"/>
        <source>Same need?</source>
        <translation>Cùng nhu cầu?</translation>
    </message>
    <message>
        <location filename="../../operator_console/gui/intake/candidates.py" line="59"/>
        <source>Case</source>
        <translation>Hồ sơ</translation>
    </message>
    <message>
        <location filename="../../operator_console/gui/intake/candidates.py" line="60"/>
        <source>Received</source>
        <translation>Tiếp nhận</translation>
    </message>
    <message>
        <location filename="../../operator_console/gui/intake/candidates.py" line="61"/>
        <source>Status</source>
        <translation>Trạng thái</translation>
    </message>
    <message>
        <location filename="../../operator_console/gui/intake/candidates.py" line="62"/>
        <source>Name</source>
        <translation>Họ tên</translation>
    </message>
    <message>
        <location filename="../../operator_console/gui/intake/candidates.py" line="63"/>
        <source>Why</source>
        <translation>Vì sao</translation>
    </message>
    <message>
        <location filename="../../operator_console/gui/intake/candidates.py" line="104"/>
        <source>likely the same</source>
        <translation>rất có thể trùng</translation>
    </message>
    <message>
        <location filename="../../operator_console/gui/intake/candidates.py" line="104"/>
        <source>possibly related</source>
        <translation>có thể liên quan</translation>
    </message>
</context>
<context>
    <name>CandidatesPanel</name>
    <message>
        <location filename="../../operator_console/gui/intake/candidates.py" line="148"/>
        <source>“likely the same”: the same person and need, by the phone, the person in need or the house · “possibly related”: partly alike, look before saving</source>
        <translation>«rất có thể trùng»: cùng người, cùng nhu cầu (theo số điện thoại, người cần hỗ trợ hoặc cùng nhà) · «có thể liên quan»: giống một phần, xem trước khi lưu</translation>
    </message>
    <message>
        <location filename="../../operator_console/gui/intake/candidates.py" line="216"/>
        <source>The duplicate search could not run; intake goes on.</source>
        <translation>Không tìm được hồ sơ trùng lúc này; vẫn tiếp nhận bình thường.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../operator_console/gui/intake/candidates.py" line="231"/>
        <source>%n earlier case(s) likely the same need: Ctrl+1 opens the first.</source>
        <translation>
            <numerusform>%n hồ sơ trước rất có thể cùng nhu cầu: Ctrl+1 để mở hồ sơ đầu.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../operator_console/gui/intake/candidates.py" line="233"/>
        <source>Nothing likely the same; %n possibly related.</source>
        <translation>
            <numerusform>Không có hồ sơ trùng rõ ràng; %n hồ sơ có thể liên quan.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/candidates_panel.ui" line="9"/>
        <source>Probably the same need (Ctrl+1…5 opens one)</source>
        <translation>Có thể trùng nhu cầu (Ctrl+1…5 để mở)</translation>
    </message>
    <message>
        <location filename="../../ui/candidates_panel.ui" line="10"/>
        <source>What the duplicate search found</source>
        <translation>Kết quả tìm hồ sơ trùng</translation>
    </message>
    <message>
        <location filename="../../ui/candidates_panel.ui" line="11"/>
        <source>Earlier cases that may be the same need, best first</source>
        <translation>Hồ sơ trước có thể cùng nhu cầu, khả năng cao nhất trước</translation>
    </message>
</context>
<context>
    <name>CaseDetails</name>
    <message>
        <location filename="../../operator_console/gui/cases/case_details.py" line="53"/>
        <source>Case %1</source>
        <translation>Hồ sơ %1</translation>
    </message>
    <message>
        <location filename="../../operator_console/gui/cases/case_details.py" line="55"/>
        <source>Close</source>
        <translation>Đóng</translation>
    </message>
    <message>
        <location filename="../../operator_console/gui/cases/case_details.py" line="57"/>
        <source>Record a &amp;call back…</source>
        <translation>Ghi cuộc &amp;gọi lại…</translation>
    </message>
    <message>
        <location filename="../../operator_console/gui/cases/case_details.py" line="107"/>
        <source>“%1” (%2, split): to check, one of %3</source>
        <translation>«%1» (%2, đã chia): cần kiểm tra, là một trong %3</translation>
    </message>
    <message>
        <location filename="../../operator_console/gui/cases/case_details.py" line="109"/>
        <source> (recorded: %1)</source>
        <translation> (đang ghi: %1)</translation>
    </message>
    <message>
        <location filename="../../operator_console/gui/cases/case_details.py" line="120"/>
        <source>device</source>
        <translation>thiết bị</translation>
    </message>
    <message>
        <location filename="../../operator_console/gui/cases/case_details.py" line="120"/>
        <source>account</source>
        <translation>tài khoản</translation>
    </message>
    <message>
        <location filename="../../operator_console/gui/cases/case_details.py" line="121"/>
        <source>address id</source>
        <translation>mã địa chỉ</translation>
    </message>
    <message>
        <location filename="../../operator_console/gui/cases/case_details.py" line="123"/>
        <source>E-mail</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <location filename="../../operator_console/gui/cases/case_details.py" line="125"/>
        <source>Map point</source>
        <translation>Điểm trên bản đồ</translation>
    </message>
    <message>
        <location filename="../../operator_console/gui/cases/case_details.py" line="131"/>
        <source>Photo/file sent</source>
        <translation>Ảnh/tệp gửi kèm</translation>
    </message>
    <message>
        <location filename="../../operator_console/gui/cases/case_details.py" line="134"/>
        <source>Sent by the app</source>
        <translation>Ứng dụng gửi kèm</translation>
    </message>
    <message>
        <location filename="../../operator_console/gui/cases/case_details.py" line="137"/>
        <source>Received</source>
        <translation>Tiếp nhận</translation>
    </message>
    <message>
        <location filename="../../operator_console/gui/cases/case_details.py" line="138"/>
        <source>Status</source>
        <translation>Trạng thái</translation>
    </message>
    <message>
        <location filename="../../operator_console/gui/cases/case_details.py" line="139"/>
        <source>Channel</source>
        <translation>Kênh</translation>
    </message>
    <message>
        <location filename="../../operator_console/gui/cases/case_details.py" line="140"/>
        <source>Priority</source>
        <translation>Ưu tiên</translation>
    </message>
    <message>
        <location filename="../../operator_console/gui/cases/case_details.py" line="141"/>
        <source>Category</source>
        <translation>Lĩnh vực</translation>
    </message>
    <message>
        <location filename="../../operator_console/gui/cases/case_details.py" line="142"/>
        <source>Caller</source>
        <translation>Người gọi</translation>
    </message>
    <message>
        <location filename="../../operator_console/gui/cases/case_details.py" line="143"/>
        <source>Relation</source>
        <translation>Quan hệ</translation>
    </message>
    <message>
        <location filename="../../operator_console/gui/cases/case_details.py" line="144"/>
        <source>Person in need</source>
        <translation>Người cần hỗ trợ</translation>
    </message>
    <message>
        <location filename="../../operator_console/gui/cases/case_details.py" line="145"/>
        <source>Age</source>
        <translation>Tuổi</translation>
    </message>
    <message>
        <location filename="../../operator_console/gui/cases/case_details.py" line="146"/>
        <source>Household size</source>
        <translation>Số người trong hộ</translation>
    </message>
    <message>
        <location filename="../../operator_console/gui/cases/case_details.py" line="147"/>
        <source>Vulnerable</source>
        <translation>Thành viên dễ tổn thương</translation>
    </message>
    <message>
        <location filename="../../operator_console/gui/cases/case_details.py" line="149"/>
        <source>Address</source>
        <translation>Địa chỉ</translation>
    </message>
    <message>
        <location filename="../../operator_console/gui/cases/case_details.py" line="150"/>
        <source>none given: a map point only</source>
        <translation>không có: chỉ có điểm trên bản đồ</translation>
    </message>
    <message>
        <location filename="../../operator_console/gui/cases/case_details.py" line="152"/>
        <source>Ward/commune</source>
        <translation>Phường/xã</translation>
    </message>
    <message>
        <location filename="../../operator_console/gui/cases/case_details.py" line="153"/>
        <source>Handling unit</source>
        <translation>Đơn vị xử lý</translation>
    </message>
    <message>
        <location filename="../../operator_console/gui/cases/case_details.py" line="154"/>
        <source>Repeat calls</source>
        <translation>Số lần gọi lại</translation>
    </message>
    <message>
        <location filename="../../operator_console/gui/cases/case_details.py" line="163"/>
        <source>Contacts</source>
        <translation>Các lần liên hệ</translation>
    </message>
    <message>
        <location filename="../../operator_console/gui/cases/case_details.py" line="164"/>
        <source>No repeat call.</source>
        <translation>Chưa có lần gọi lại.</translation>
    </message>
    <message>
        <location filename="../../operator_console/gui/cases/case_details.py" line="165"/>
        <source>History</source>
        <translation>Quá trình xử lý</translation>
    </message>
    <message>
        <location filename="../../operator_console/gui/cases/case_details.py" line="209"/>
        <source>Taken, sent to %1</source>
        <translation>Tiếp nhận, chuyển %1</translation>
    </message>
    <message>
        <location filename="../../operator_console/gui/cases/case_details.py" line="213"/>
        <source>Re-routed: %1 → %2</source>
        <translation>Chuyển đơn vị: %1 → %2</translation>
    </message>
    <message>
        <location filename="../../operator_console/gui/cases/case_details.py" line="216"/>
        <source>Priority: %1 → %2</source>
        <translation>Mức ưu tiên: %1 → %2</translation>
    </message>
    <message>
        <location filename="../../operator_console/gui/cases/case_details.py" line="219"/>
        <location filename="../../operator_console/gui/cases/case_details.py" line="231"/>
        <source>Call back: %1</source>
        <translation>Gọi lại: %1</translation>
    </message>
    <message>
        <location filename="../../operator_console/gui/cases/case_details.py" line="220"/>
        <source>Repeat call</source>
        <translation>Người dân gọi lại</translation>
    </message>
    <message>
        <location filename="../../operator_console/gui/cases/case_details.py" line="221"/>
        <source>Linked to another case</source>
        <translation>Liên kết với hồ sơ khác</translation>
    </message>
    <message>
        <location filename="../../operator_console/gui/cases/case_details.py" line="222"/>
        <location filename="../../operator_console/gui/cases/case_details.py" line="239"/>
        <source>Note</source>
        <translation>Ghi chú</translation>
    </message>
    <message>
        <location filename="../../operator_console/gui/cases/case_details.py" line="235"/>
        <source>Priority: %1</source>
        <translation>Mức ưu tiên: %1</translation>
    </message>
    <message>
        <location filename="../../operator_console/gui/cases/case_details.py" line="237"/>
        <source>Re-routed to %1</source>
        <translation>Chuyển cho %1</translation>
    </message>
    <message>
        <location filename="../../operator_console/gui/cases/case_details.py" line="241"/>
        <source>waiting to be sent</source>
        <translation>chờ gửi</translation>
    </message>
    <message>
        <location filename="../../operator_console/gui/cases/case_details.py" line="242"/>
        <source>sent</source>
        <translation>đã gửi</translation>
    </message>
    <message>
        <location filename="../../operator_console/gui/cases/case_details.py" line="243"/>
        <source>refused by the server: %1</source>
        <translation>máy chủ từ chối: %1</translation>
    </message>
    <message>
        <location filename="../../ui/case_details.ui" line="6"/>
        <source>Case</source>
        <translation>Hồ sơ</translation>
    </message>
    <message>
        <location filename="../../ui/case_details.ui" line="8"/>
        <source>The case, its contacts and its history</source>
        <translation>Hồ sơ, các lần liên hệ và quá trình xử lý</translation>
    </message>
</context>
<context>
    <name>CaseListModel</name>
    <message>
        <location filename="../../operator_console/gui/cases/case_list.py" line="42"/>
        <source>Received</source>
        <translation>Tiếp nhận</translation>
    </message>
    <message>
        <location filename="../../operator_console/gui/cases/case_list.py" line="43"/>
        <source>Case</source>
        <translation>Hồ sơ</translation>
    </message>
    <message>
        <location filename="../../operator_console/gui/cases/case_list.py" line="46"/>
        <source>Repeat calls</source>
        <translation>Gọi lại</translation>
    </message>
    <message>
        <location filename="../../operator_console/gui/cases/case_list.py" line="47"/>
        <source>Name</source>
        <translation>Họ tên</translation>
    </message>
    <message>
        <location filename="../../operator_console/gui/cases/case_list.py" line="48"/>
        <source>Phone</source>
        <translation>Điện thoại</translation>
    </message>
    <message>
        <location filename="../../operator_console/gui/cases/case_list.py" line="49"/>
        <source>Ward/commune</source>
        <translation>Phường/xã</translation>
    </message>
    <message>
        <location filename="../../operator_console/gui/cases/case_list.py" line="50"/>
        <source>Category</source>
        <translation>Lĩnh vực</translation>
    </message>
    <message>
        <location filename="../../operator_console/gui/cases/case_list.py" line="51"/>
        <source>Matched on</source>
        <translation>Khớp với</translation>
    </message>
    <message>
        <location filename="../../operator_console/gui/cases/case_list.py" line="54"/>
        <source>Person in need</source>
        <translation>Người cần giúp</translation>
    </message>
    <message>
        <location filename="../../operator_console/gui/cases/case_list.py" line="55"/>
        <source>Caller</source>
        <translation>Người gọi</translation>
    </message>
    <message>
        <location filename="../../operator_console/gui/cases/case_list.py" line="56"/>
        <source>Address</source>
        <translation>Địa chỉ</translation>
    </message>
    <message>
        <location filename="../../operator_console/gui/cases/case_list.py" line="44"/>
        <source>Status</source>
        <translation>Trạng thái</translation>
    </message>
    <message>
        <location filename="../../operator_console/gui/cases/case_list.py" line="45"/>
        <source>Priority</source>
        <translation>Ưu tiên</translation>
    </message>
</context>
<context>
    <name>CaseListPanel</name>
    <message>
        <location filename="../../operator_console/gui/cases/case_list_panel.py" line="66"/>
        <source>Found by — %1</source>
        <translation>Tìm thấy theo — %1</translation>
    </message>
    <message>
        <location filename="../../operator_console/gui/cases/case_list_panel.py" line="123"/>
        <source>All statuses</source>
        <translation>Mọi trạng thái</translation>
    </message>
    <message>
        <location filename="../../operator_console/gui/cases/case_list_panel.py" line="126"/>
        <source>All categories</source>
        <translation>Mọi lĩnh vực</translation>
    </message>
    <message>
        <location filename="../../ui/case_list_panel.ui" line="9"/>
        <location filename="../../ui/case_list_panel.ui" line="19"/>
        <source>Recent cases</source>
        <translation>Hồ sơ gần đây</translation>
    </message>
    <message>
        <location filename="../../ui/case_list_panel.ui" line="12"/>
        <source>Find in the case list</source>
        <translation>Tìm trong danh sách hồ sơ</translation>
    </message>
    <message>
        <location filename="../../ui/case_list_panel.ui" line="12"/>
        <source>Find… (Ctrl+F)</source>
        <translation>Tìm… (Ctrl+F)</translation>
    </message>
    <message>
        <location filename="../../ui/case_list_panel.ui" line="13"/>
        <source>Ward</source>
        <translation>Phường/xã</translation>
    </message>
    <message>
        <location filename="../../ui/case_list_panel.ui" line="13"/>
        <source>Show the cases of this ward</source>
        <translation>Lọc hồ sơ theo phường/xã</translation>
    </message>
    <message>
        <location filename="../../ui/case_list_panel.ui" line="14"/>
        <source>Show the cases of this status</source>
        <translation>Lọc hồ sơ theo trạng thái</translation>
    </message>
    <message>
        <location filename="../../ui/case_list_panel.ui" line="15"/>
        <source>Show the cases of this category</source>
        <translation>Lọc hồ sơ theo lĩnh vực</translation>
    </message>
    <message>
        <location filename="../../ui/case_list_panel.ui" line="18"/>
        <source>What the filter found</source>
        <translation>Kết quả lọc</translation>
    </message>
    <message>
        <location filename="../../ui/case_list_panel.ui" line="20"/>
        <source>Why the selected case was found</source>
        <translation>Vì sao hồ sơ đang chọn được tìm thấy</translation>
    </message>
</context>
<context>
    <name>CaseViewer</name>
    <message>
        <location filename="../../operator_console/gui/cases/case_viewer.py" line="87"/>
        <source>This case never goes to the server (imported from a file, or refused by it).</source>
        <translation>Hồ sơ này không lên máy chủ (nhập từ tệp, hoặc bị máy chủ từ chối).</translation>
    </message>
    <message>
        <location filename="../../operator_console/gui/cases/case_viewer.py" line="132"/>
        <source>Not on the server yet: this is what this console knows.</source>
        <translation>Hồ sơ chưa lên máy chủ: đây là những gì máy này biết.</translation>
    </message>
    <message>
        <location filename="../../operator_console/gui/cases/case_viewer.py" line="134"/>
        <source>This console works without a server: this is what it knows.</source>
        <translation>Máy này làm việc không có máy chủ: đây là những gì máy này biết.</translation>
    </message>
    <message>
        <location filename="../../operator_console/gui/cases/case_viewer.py" line="141"/>
        <source>Not logged in to the server: this is what this console knows.</source>
        <translation>Chưa đăng nhập máy chủ: đây là những gì máy này biết.</translation>
    </message>
    <message>
        <location filename="../../operator_console/gui/cases/case_viewer.py" line="145"/>
        <source>Loading the history from the server…</source>
        <translation>Đang tải lịch sử hồ sơ từ máy chủ…</translation>
    </message>
    <message>
        <location filename="../../operator_console/gui/cases/case_viewer.py" line="164"/>
        <source>its answer was not understood</source>
        <translation>không hiểu được câu trả lời của máy chủ</translation>
    </message>
    <message>
        <location filename="../../operator_console/gui/cases/case_viewer.py" line="171"/>
        <source>The server&apos;s history could not be read (%1): this is what this console knows.</source>
        <translation>Không đọc được lịch sử trên máy chủ (%1): đây là những gì máy này biết.</translation>
    </message>
    <message>
        <location filename="../../operator_console/gui/cases/case_viewer.py" line="193"/>
        <source>Call back recorded on case %1.</source>
        <translation>Đã ghi cuộc gọi lại vào hồ sơ %1.</translation>
    </message>
    <message>
        <location filename="../../operator_console/gui/cases/case_viewer.py" line="200"/>
        <source>Not recorded: the local store failed (%1).</source>
        <translation>Chưa ghi được: kho dữ liệu trên máy bị lỗi (%1).</translation>
    </message>
</context>
<context>
    <name>CheatSheet</name>
    <message>
        <location filename="../../operator_console/gui/shell/cheat_sheet.py" line="38"/>
        <location filename="../../operator_console/gui/shell/cheat_sheet.py" line="56"/>
        <source>Enter</source>
        <translation>Enter</translation>
    </message>
    <message>
        <location filename="../../operator_console/gui/shell/cheat_sheet.py" line="38"/>
        <source>Next field (in the description: a new line)</source>
        <translation>Sang ô kế tiếp (trong ô nội dung: xuống dòng)</translation>
    </message>
    <message>
        <location filename="../../operator_console/gui/shell/cheat_sheet.py" line="39"/>
        <source>Shift+Tab</source>
        <translation>Shift+Tab</translation>
    </message>
    <message>
        <location filename="../../operator_console/gui/shell/cheat_sheet.py" line="39"/>
        <source>Previous field</source>
        <translation>Về ô trước</translation>
    </message>
    <message>
        <location filename="../../operator_console/gui/shell/cheat_sheet.py" line="40"/>
        <source>1 … 9</source>
        <translation>1 … 9</translation>
    </message>
    <message>
        <location filename="../../operator_console/gui/shell/cheat_sheet.py" line="40"/>
        <source>Category, in the category list</source>
        <translation>Chọn lĩnh vực, trong ô lĩnh vực</translation>
    </message>
    <message>
        <location filename="../../operator_console/gui/shell/cheat_sheet.py" line="43"/>
        <source>1 … 6, then Enter</source>
        <translation>1 … 6, rồi Enter</translation>
    </message>
    <message>
        <location filename="../../operator_console/gui/shell/cheat_sheet.py" line="44"/>
        <source>Tick boxes: tick or untick by digit; Enter goes to the description</source>
        <translation>Ô đánh dấu: đánh hoặc bỏ theo phím số; Enter sang Nội dung</translation>
    </message>
    <message>
        <location filename="../../operator_console/gui/shell/cheat_sheet.py" line="49"/>
        <source>Enter / Tab</source>
        <translation>Enter / Tab</translation>
    </message>
    <message>
        <location filename="../../operator_console/gui/shell/cheat_sheet.py" line="50"/>
        <source>Ward offered in the list: Enter takes it and stays, Tab takes it and goes on</source>
        <translation>Phường/xã gợi ý trong danh sách: Enter chọn và ở lại, Tab chọn và đi tiếp</translation>
    </message>
    <message>
        <location filename="../../operator_console/gui/shell/cheat_sheet.py" line="54"/>
        <source>Enter, then 1 … 9</source>
        <translation>Enter, rồi 1 … 9</translation>
    </message>
    <message>
        <location filename="../../operator_console/gui/shell/cheat_sheet.py" line="54"/>
        <source>Ward: pick today&apos;s one when the words name several</source>
        <translation>Phường/xã: chọn đơn vị hiện nay khi lời nói ứng với nhiều nơi</translation>
    </message>
    <message>
        <location filename="../../operator_console/gui/shell/cheat_sheet.py" line="56"/>
        <source>On a listed case: open it</source>
        <translation>Trên một hồ sơ trong danh sách: mở hồ sơ</translation>
    </message>
    <message>
        <location filename="../../operator_console/gui/shell/cheat_sheet.py" line="63"/>
        <location filename="../../ui/cheat_sheet.ui" line="6"/>
        <source>Keys</source>
        <translation>Phím</translation>
    </message>
    <message>
        <location filename="../../operator_console/gui/shell/cheat_sheet.py" line="63"/>
        <source>What they do</source>
        <translation>Công dụng</translation>
    </message>
    <message>
        <location filename="../../operator_console/gui/shell/cheat_sheet.py" line="72"/>
        <source>Close</source>
        <translation>Đóng</translation>
    </message>
    <message>
        <location filename="../../ui/cheat_sheet.ui" line="8"/>
        <source>Every key of the console</source>
        <translation>Mọi phím tắt của bàn tiếp nhận</translation>
    </message>
</context>
<context>
    <name>Connection</name>
    <message>
        <location filename="../../operator_console/gui/shell/connection.py" line="251"/>
        <source>The server address is not valid (it must start with https://).</source>
        <translation>Địa chỉ máy chủ không hợp lệ (phải bắt đầu bằng https://).</translation>
    </message>
    <message>
        <location filename="../../operator_console/gui/shell/connection.py" line="369"/>
        <source>The demo server did not start: %1</source>
        <translation>Máy chủ demo không khởi động được: %1</translation>
    </message>
</context>
<context>
    <name>CrashDialog</name>
    <message>
        <location filename="../../operator_console/gui/shell/crash_guard.py" line="39"/>
        <source>Unexpected error</source>
        <translation>Lỗi không mong muốn</translation>
    </message>
    <message>
        <location filename="../../operator_console/gui/shell/crash_guard.py" line="46"/>
        <source>&amp;Continue working</source>
        <translation>&amp;Tiếp tục làm việc</translation>
    </message>
    <message>
        <location filename="../../operator_console/gui/shell/crash_guard.py" line="48"/>
        <source>&amp;Restart the console</source>
        <translation>&amp;Khởi động lại bàn tiếp nhận</translation>
    </message>
    <message>
        <location filename="../../operator_console/gui/shell/crash_guard.py" line="45"/>
        <source>Something went wrong inside the console.</source>
        <translation>Bàn tiếp nhận vừa gặp một lỗi bên trong.</translation>
    </message>
    <message>
        <location filename="../../operator_console/gui/shell/crash_guard.py" line="67"/>
        <source>Nothing is lost: the call being typed is kept, and every saved case is in the queue and will be sent. You can go on working; if the error comes back, restart the console.</source>
        <translation>Không có gì bị mất: cuộc gọi đang nhập vẫn được giữ, mọi hồ sơ đã lưu vẫn trong hàng đợi và sẽ được gửi. Bạn có thể tiếp tục làm việc; nếu lỗi lặp lại, hãy khởi động lại bàn tiếp nhận.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../operator_console/gui/shell/crash_guard.py" line="72"/>
        <source>The error happened %n times.</source>
        <translation>
            <numerusform>Lỗi đã xảy ra %n lần.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../operator_console/gui/shell/crash_guard.py" line="75"/>
        <source>A report without personal data is saved for IT: %1</source>
        <translation>Đã lưu báo cáo (không có dữ liệu cá nhân) cho bộ phận CNTT: %1</translation>
    </message>
</context>
<context>
    <name>Dashboard</name>
    <message>
        <location filename="../../operator_console/gui/dashboard/page.py" line="180"/>
        <source>Fetching the figures…</source>
        <translation>Đang lấy số liệu…</translation>
    </message>
    <message>
        <location filename="../../operator_console/gui/dashboard/page.py" line="183"/>
        <source>&amp;Refresh now</source>
        <translation>&amp;Làm mới ngay</translation>
    </message>
    <message>
        <location filename="../../operator_console/gui/dashboard/page.py" line="185"/>
        <source>Export to &amp;Excel…</source>
        <translation>Xuất &amp;Excel…</translation>
    </message>
    <message>
        <location filename="../../operator_console/gui/dashboard/page.py" line="187"/>
        <source>Export to CS&amp;V…</source>
        <translation>Xuất CS&amp;V…</translation>
    </message>
    <message>
        <location filename="../../operator_console/gui/dashboard/page.py" line="202"/>
        <source>Cases</source>
        <translation>Hồ sơ</translation>
    </message>
    <message>
        <location filename="../../operator_console/gui/dashboard/page.py" line="203"/>
        <source>Phone queue (from the exchange)</source>
        <translation>Hàng đợi điện thoại (theo tổng đài)</translation>
    </message>
    <message>
        <location filename="../../operator_console/gui/dashboard/page.py" line="228"/>
        <location filename="../../operator_console/gui/dashboard/page.py" line="599"/>
        <source>Past deadline</source>
        <translation>Quá hạn</translation>
    </message>
    <message>
        <location filename="../../operator_console/gui/dashboard/page.py" line="226"/>
        <source>By unit</source>
        <translation>Theo đơn vị</translation>
    </message>
    <message>
        <location filename="../../operator_console/gui/dashboard/page.py" line="221"/>
        <location filename="../../operator_console/gui/dashboard/page.py" line="222"/>
        <source>Where cases are stuck</source>
        <translation>Hồ sơ đang tồn ở đâu</translation>
    </message>
    <message>
        <location filename="../../operator_console/gui/dashboard/page.py" line="227"/>
        <source>By ward</source>
        <translation>Theo phường</translation>
    </message>
    <message>
        <location filename="../../operator_console/gui/dashboard/page.py" line="229"/>
        <source>Operators</source>
        <translation>Tổng đài viên</translation>
    </message>
    <message>
        <location filename="../../operator_console/gui/dashboard/page.py" line="392"/>
        <source>Figures of %1 · refreshed every %2 s</source>
        <translation>Số liệu lúc %1 · tự cập nhật mỗi %2 giây</translation>
    </message>
    <message>
        <location filename="../../operator_console/gui/dashboard/page.py" line="400"/>
        <source>No figures yet: %1</source>
        <translation>Chưa có số liệu: %1</translation>
    </message>
    <message>
        <location filename="../../operator_console/gui/dashboard/page.py" line="403"/>
        <source>%1 The figures shown are of %2.</source>
        <translation>%1 Số liệu đang hiện là lúc %2.</translation>
    </message>
    <message>
        <location filename="../../operator_console/gui/dashboard/page.py" line="485"/>
        <source>There are no figures to export yet.</source>
        <translation>Chưa có số liệu để xuất.</translation>
    </message>
    <message>
        <location filename="../../operator_console/gui/dashboard/page.py" line="491"/>
        <source>Export the dashboard</source>
        <translation>Xuất bảng giám sát</translation>
    </message>
    <message>
        <location filename="../../operator_console/gui/dashboard/page.py" line="501"/>
        <source>Folder</source>
        <translation>Thư mục</translation>
    </message>
    <message>
        <location filename="../../operator_console/gui/dashboard/page.py" line="502"/>
        <source>File name</source>
        <translation>Tên tệp</translation>
    </message>
    <message>
        <location filename="../../operator_console/gui/dashboard/page.py" line="503"/>
        <source>File type</source>
        <translation>Loại tệp</translation>
    </message>
    <message>
        <location filename="../../operator_console/gui/dashboard/page.py" line="504"/>
        <source>Save</source>
        <translation>Lưu</translation>
    </message>
    <message>
        <location filename="../../operator_console/gui/dashboard/page.py" line="505"/>
        <source>Cancel</source>
        <translation>Hủy</translation>
    </message>
    <message>
        <location filename="../../operator_console/gui/dashboard/page.py" line="497"/>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Sổ tính Excel (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../operator_console/gui/dashboard/page.py" line="497"/>
        <source>CSV, UTF-8 (*.csv)</source>
        <translation>CSV, UTF-8 (*.csv)</translation>
    </message>
    <message>
        <location filename="../../operator_console/gui/dashboard/page.py" line="519"/>
        <source>Writing %1…</source>
        <translation>Đang ghi %1…</translation>
    </message>
    <message>
        <location filename="../../operator_console/gui/dashboard/page.py" line="523"/>
        <source>Exported to %1</source>
        <translation>Đã xuất ra %1</translation>
    </message>
    <message>
        <location filename="../../operator_console/gui/dashboard/page.py" line="527"/>
        <source>the folder does not exist</source>
        <translation>thư mục không tồn tại</translation>
    </message>
    <message>
        <location filename="../../operator_console/gui/dashboard/page.py" line="528"/>
        <location filename="../../operator_console/gui/dashboard/page.py" line="529"/>
        <source>no permission to write there</source>
        <translation>không có quyền ghi vào đó</translation>
    </message>
    <message>
        <location filename="../../operator_console/gui/dashboard/page.py" line="530"/>
        <source>the disk is full</source>
        <translation>ổ đĩa đã đầy</translation>
    </message>
    <message>
        <location filename="../../operator_console/gui/dashboard/page.py" line="537"/>
        <source>%1 could not be written (%2).</source>
        <translation>Không ghi được %1 (%2).</translation>
    </message>
    <message>
        <location filename="../../operator_console/gui/dashboard/page.py" line="546"/>
        <source>seconds</source>
        <translation>giây</translation>
    </message>
    <message>
        <location filename="../../operator_console/gui/dashboard/page.py" line="566"/>
        <source>available</source>
        <translation>sẵn sàng</translation>
    </message>
    <message>
        <location filename="../../operator_console/gui/dashboard/page.py" line="581"/>
        <source>1022 hotline: supervisor&apos;s figures of %1</source>
        <translation>Đường dây 1022: số liệu giám sát lúc %1</translation>
    </message>
    <message>
        <location filename="../../operator_console/gui/dashboard/page.py" line="588"/>
        <source>Summary</source>
        <translation>Tổng quan</translation>
    </message>
    <message>
        <location filename="../../operator_console/gui/dashboard/page.py" line="589"/>
        <source>Figure</source>
        <translation>Chỉ số</translation>
    </message>
    <message>
        <location filename="../../operator_console/gui/dashboard/page.py" line="589"/>
        <source>Value</source>
        <translation>Giá trị</translation>
    </message>
    <message>
        <location filename="../../operator_console/gui/dashboard/page.py" line="589"/>
        <source>Detail</source>
        <translation>Chi tiết</translation>
    </message>
    <message>
        <location filename="../../operator_console/gui/dashboard/page.py" line="589"/>
        <source>Unit</source>
        <translation>Đơn vị đo</translation>
    </message>
    <message>
        <location filename="../../operator_console/gui/dashboard/page.py" line="589"/>
        <source>Shown as</source>
        <translation>Hiển thị</translation>
    </message>
    <message>
        <location filename="../../operator_console/gui/dashboard/page.py" line="597"/>
        <source>Backlog by unit</source>
        <translation>Tồn đọng theo đơn vị</translation>
    </message>
    <message>
        <location filename="../../operator_console/gui/dashboard/page.py" line="598"/>
        <source>Backlog by ward</source>
        <translation>Tồn đọng theo phường</translation>
    </message>
    <message>
        <location filename="../../operator_console/gui/dashboard/page.py" line="600"/>
        <source>Operators on shift</source>
        <translation>Tổng đài viên trong ca</translation>
    </message>
    <message>
        <location filename="../../operator_console/gui/dashboard/page.py" line="613"/>
        <source>Arrivals per hour</source>
        <translation>Tiếp nhận theo giờ</translation>
    </message>
    <message>
        <location filename="../../operator_console/gui/dashboard/page.py" line="614"/>
        <source>Hour</source>
        <translation>Giờ</translation>
    </message>
    <message>
        <location filename="../../operator_console/gui/dashboard/page.py" line="614"/>
        <source>Total</source>
        <translation>Tổng</translation>
    </message>
    <message>
        <location filename="../../operator_console/gui/dashboard/page.py" line="629"/>
        <source>Ageing</source>
        <translation>Tuổi hồ sơ</translation>
    </message>
    <message>
        <location filename="../../operator_console/gui/dashboard/page.py" line="630"/>
        <source>Open for</source>
        <translation>Đã mở</translation>
    </message>
    <message>
        <location filename="../../operator_console/gui/dashboard/page.py" line="630"/>
        <source>Open cases</source>
        <translation>Hồ sơ đang mở</translation>
    </message>
</context>
<context>
    <name>DecisionDialog</name>
    <message>
        <location filename="../../operator_console/gui/worklist/decision_dialog.py" line="56"/>
        <source>Progress note</source>
        <translation>Ghi tiến độ</translation>
    </message>
    <message>
        <location filename="../../operator_console/gui/worklist/decision_dialog.py" line="57"/>
        <location filename="../../operator_console/gui/worklist/decision_dialog.py" line="179"/>
        <source>Note</source>
        <translation>Ghi chú</translation>
    </message>
    <message>
        <location filename="../../operator_console/gui/worklist/decision_dialog.py" line="58"/>
        <source>Resolved</source>
        <translation>Đã giải quyết</translation>
    </message>
    <message>
        <location filename="../../operator_console/gui/worklist/decision_dialog.py" line="61"/>
        <source>Not eligible</source>
        <translation>Không đủ điều kiện</translation>
    </message>
    <message>
        <location filename="../../operator_console/gui/worklist/decision_dialog.py" line="64"/>
        <source>Rejected</source>
        <translation>Từ chối</translation>
    </message>
    <message>
        <location filename="../../operator_console/gui/worklist/decision_dialog.py" line="65"/>
        <source>Route to a unit</source>
        <translation>Chuyển đơn vị</translation>
    </message>
    <message>
        <location filename="../../operator_console/gui/worklist/decision_dialog.py" line="67"/>
        <source>Change the priority</source>
        <translation>Đổi mức ưu tiên</translation>
    </message>
    <message>
        <location filename="../../operator_console/gui/worklist/decision_dialog.py" line="71"/>
        <source>Escalate</source>
        <translation>Chuyển cấp</translation>
    </message>
    <message>
        <location filename="../../operator_console/gui/worklist/decision_dialog.py" line="79"/>
        <source>Already received relief (on the ward&apos;s list)</source>
        <translation>Đã nhận hỗ trợ (có trong danh sách của phường)</translation>
    </message>
    <message>
        <location filename="../../operator_console/gui/worklist/decision_dialog.py" line="80"/>
        <source>Not in the groups this relief covers</source>
        <translation>Không thuộc diện được hỗ trợ</translation>
    </message>
    <message>
        <location filename="../../operator_console/gui/worklist/decision_dialog.py" line="81"/>
        <source>Could not be reached after three calls</source>
        <translation>Gọi ba lần không liên lạc được</translation>
    </message>
    <message>
        <location filename="../../operator_console/gui/worklist/decision_dialog.py" line="82"/>
        <source>The same need as another case</source>
        <translation>Trùng nhu cầu với hồ sơ khác</translation>
    </message>
    <message>
        <location filename="../../operator_console/gui/worklist/decision_dialog.py" line="145"/>
        <source>Ward (old names too) or unit, e.g. phuong 2 quan 5</source>
        <translation>Phường/xã (cả tên cũ) hoặc đơn vị, vd. phuong 2 quan 5</translation>
    </message>
    <message>
        <location filename="../../operator_console/gui/worklist/decision_dialog.py" line="146"/>
        <source>Ward or unit</source>
        <translation>Phường/xã hoặc đơn vị</translation>
    </message>
    <message>
        <location filename="../../operator_console/gui/worklist/decision_dialog.py" line="147"/>
        <source>Units offered</source>
        <translation>Các đơn vị gợi ý</translation>
    </message>
    <message>
        <location filename="../../operator_console/gui/worklist/decision_dialog.py" line="150"/>
        <source>&amp;Unit:</source>
        <translation>Đơn &amp;vị:</translation>
    </message>
    <message>
        <location filename="../../operator_console/gui/worklist/decision_dialog.py" line="162"/>
        <source>&amp;Priority:</source>
        <translation>Mức ư&amp;u tiên:</translation>
    </message>
    <message>
        <location filename="../../operator_console/gui/worklist/decision_dialog.py" line="172"/>
        <source>Required: the caller is told why</source>
        <translation>Bắt buộc: người dân được báo lý do</translation>
    </message>
    <message>
        <location filename="../../operator_console/gui/worklist/decision_dialog.py" line="173"/>
        <source>Reason</source>
        <translation>Lý do</translation>
    </message>
    <message>
        <location filename="../../operator_console/gui/worklist/decision_dialog.py" line="174"/>
        <source>&amp;Reason:</source>
        <translation>&amp;Lý do:</translation>
    </message>
    <message>
        <location filename="../../operator_console/gui/worklist/decision_dialog.py" line="181"/>
        <source>Required</source>
        <translation>Bắt buộc</translation>
    </message>
    <message>
        <location filename="../../operator_console/gui/worklist/decision_dialog.py" line="181"/>
        <source>Optional: for the history</source>
        <translation>Không bắt buộc: ghi vào lịch sử hồ sơ</translation>
    </message>
    <message>
        <location filename="../../operator_console/gui/worklist/decision_dialog.py" line="183"/>
        <source>&amp;Note:</source>
        <translation>&amp;Ghi chú:</translation>
    </message>
    <message>
        <location filename="../../operator_console/gui/worklist/decision_dialog.py" line="190"/>
        <source>Record (Ctrl+Enter)</source>
        <translation>Ghi nhận (Ctrl+Enter)</translation>
    </message>
    <message>
        <location filename="../../operator_console/gui/worklist/decision_dialog.py" line="191"/>
        <source>Back (Esc)</source>
        <translation>Quay lại (Esc)</translation>
    </message>
    <message>
        <location filename="../../operator_console/gui/worklist/decision_dialog.py" line="275"/>
        <source>No unit matches these words: type the ward (old names too) or the unit&apos;s name.</source>
        <translation>Không có đơn vị nào khớp: gõ tên phường/xã (cả tên cũ) hoặc tên đơn vị.</translation>
    </message>
    <message>
        <location filename="../../operator_console/gui/worklist/decision_dialog.py" line="277"/>
        <source>Type the ward or the unit to route to.</source>
        <translation>Gõ phường/xã hoặc đơn vị cần chuyển đến.</translation>
    </message>
    <message>
        <location filename="../../operator_console/gui/worklist/decision_dialog.py" line="302"/>
        <source>Write the note: it goes into the case&apos;s history.</source>
        <translation>Cần ghi nội dung: ghi chú được lưu vào lịch sử hồ sơ.</translation>
    </message>
</context>
<context>
    <name>DrillDownDialog</name>
    <message>
        <location filename="../../operator_console/gui/dashboard/drilldown_dialog.py" line="134"/>
        <source>Cases: %1</source>
        <translation>Hồ sơ: %1</translation>
    </message>
    <message>
        <location filename="../../operator_console/gui/dashboard/drilldown_dialog.py" line="153"/>
        <source>Load &amp;more</source>
        <translation>Tải &amp;thêm</translation>
    </message>
    <message>
        <location filename="../../operator_console/gui/dashboard/drilldown_dialog.py" line="157"/>
        <source>Close</source>
        <translation>Đóng</translation>
    </message>
    <message>
        <location filename="../../operator_console/gui/dashboard/drilldown_dialog.py" line="166"/>
        <source>U re-route</source>
        <translation>U chuyển đơn vị</translation>
    </message>
    <message>
        <location filename="../../operator_console/gui/dashboard/drilldown_dialog.py" line="167"/>
        <source>P priority</source>
        <translation>P mức ưu tiên</translation>
    </message>
    <message>
        <location filename="../../operator_console/gui/dashboard/drilldown_dialog.py" line="168"/>
        <source>N note</source>
        <translation>N ghi chú</translation>
    </message>
    <message>
        <location filename="../../operator_console/gui/dashboard/drilldown_dialog.py" line="169"/>
        <source>X escalate (department, more urgent)</source>
        <translation>X chuyển cấp (lên Sở, khẩn hơn)</translation>
    </message>
    <message>
        <location filename="../../operator_console/gui/dashboard/drilldown_dialog.py" line="180"/>
        <source>Shift+↓ several</source>
        <translation>Shift+↓ chọn nhiều</translation>
    </message>
    <message>
        <location filename="../../operator_console/gui/dashboard/drilldown_dialog.py" line="205"/>
        <source>Not logged in to the server: the cases cannot be listed.</source>
        <translation>Chưa đăng nhập máy chủ: không lấy được danh sách hồ sơ.</translation>
    </message>
    <message>
        <location filename="../../operator_console/gui/dashboard/drilldown_dialog.py" line="209"/>
        <source>Loading the cases…</source>
        <translation>Đang tải hồ sơ…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../operator_console/gui/dashboard/drilldown_dialog.py" line="228"/>
        <source>%n case(s).</source>
        <translation>
            <numerusform>%n hồ sơ.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../operator_console/gui/dashboard/drilldown_dialog.py" line="230"/>
        <source>The first %n case(s), newest first; more with Alt+M.</source>
        <translation>
            <numerusform>%n hồ sơ đầu tiên, mới nhất trước; Alt+T để tải thêm.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../operator_console/gui/dashboard/drilldown_dialog.py" line="239"/>
        <source>The cases could not be listed: %1</source>
        <translation>Không lấy được danh sách hồ sơ: %1</translation>
    </message>
</context>
<context>
    <name>FiguresPoller</name>
    <message>
        <location filename="../../operator_console/gui/dashboard/figures_poller.py" line="81"/>
        <source>Not logged in to the server: the figures cannot be fetched.</source>
        <translation>Chưa đăng nhập máy chủ: không lấy được số liệu.</translation>
    </message>
    <message>
        <location filename="../../operator_console/gui/dashboard/figures_poller.py" line="107"/>
        <source>The server asks for a new login (Ctrl+L).</source>
        <translation>Máy chủ yêu cầu đăng nhập lại (Ctrl+L).</translation>
    </message>
    <message>
        <location filename="../../operator_console/gui/dashboard/figures_poller.py" line="109"/>
        <source>This account may not see the supervisor&apos;s figures.</source>
        <translation>Tài khoản này không được xem số liệu giám sát.</translation>
    </message>
    <message>
        <location filename="../../operator_console/gui/dashboard/figures_poller.py" line="113"/>
        <source>The figures could not be read (%1).</source>
        <translation>Không đọc được số liệu (%1).</translation>
    </message>
</context>
<context>
    <name>HeldCalls</name>
    <message>
        <location filename="../../operator_console/gui/intake/held_calls.py" line="120"/>
        <source>%1 min</source>
        <translation>%1 phút</translation>
    </message>
    <message>
        <location filename="../../operator_console/gui/intake/held_calls.py" line="121"/>
        <source>%1 h</source>
        <translation>%1 giờ</translation>
    </message>
</context>
<context>
    <name>HeldCallsDialog</name>
    <message>
        <location filename="../../operator_console/gui/intake/held_calls.py" line="132"/>
        <source>Held calls</source>
        <translation>Cuộc gọi đang giữ</translation>
    </message>
    <message>
        <location filename="../../operator_console/gui/intake/held_calls.py" line="137"/>
        <source>Enter brings a call back (the one being typed is held in its place); Delete throws it away.</source>
        <translation>Enter: lấy lại cuộc gọi (cuộc đang nhập sẽ được giữ thay); Delete: bỏ cuộc gọi.</translation>
    </message>
    <message>
        <location filename="../../operator_console/gui/intake/held_calls.py" line="140"/>
        <source>No call is held.</source>
        <translation>Không có cuộc gọi nào đang giữ.</translation>
    </message>
    <message>
        <location filename="../../operator_console/gui/intake/held_calls.py" line="145"/>
        <source>Held calls, newest first</source>
        <translation>Cuộc gọi đang giữ, mới nhất trước</translation>
    </message>
    <message>
        <location filename="../../operator_console/gui/intake/held_calls.py" line="149"/>
        <source>from an earlier shift</source>
        <translation>từ ca trước</translation>
    </message>
    <message>
        <location filename="../../operator_console/gui/intake/held_calls.py" line="157"/>
        <source>Close</source>
        <translation>Đóng</translation>
    </message>
    <message>
        <location filename="../../operator_console/gui/intake/held_calls.py" line="186"/>
        <source>Throw the held call away?</source>
        <translation>Bỏ cuộc gọi đang giữ?</translation>
    </message>
    <message>
        <location filename="../../operator_console/gui/intake/held_calls.py" line="187"/>
        <source>“%1” will be gone for good.</source>
        <translation>“%1” sẽ bị xoá hẳn.</translation>
    </message>
    <message>
        <location filename="../../operator_console/gui/intake/held_calls.py" line="191"/>
        <source>Throw away</source>
        <translation>Bỏ đi</translation>
    </message>
    <message>
        <location filename="../../operator_console/gui/intake/held_calls.py" line="192"/>
        <source>Keep it</source>
        <translation>Giữ lại</translation>
    </message>
</context>
<context>
    <name>IntakeForm</name>
    <message>
        <location filename="../../operator_console/gui/intake/intake_form.py" line="162"/>
        <source>Call time</source>
        <translation>Thời gian cuộc gọi</translation>
    </message>
    <message>
        <location filename="../../operator_console/gui/intake/intake_form.py" line="381"/>
        <source>Choose the category: its digit, 1–9.</source>
        <translation>Chọn lĩnh vực bằng phím số 1–9.</translation>
    </message>
    <message>
        <location filename="../../operator_console/gui/intake/intake_form.py" line="481"/>
        <source>— choose (digit key) —</source>
        <translation>— chọn (phím số) —</translation>
    </message>
    <message>
        <location filename="../../operator_console/gui/intake/intake_form.py" line="486"/>
        <source>Suggested</source>
        <translation>Theo đề xuất</translation>
    </message>
    <message>
        <location filename="../../operator_console/gui/intake/intake_form.py" line="524"/>
        <source>Call %1</source>
        <translation>Cuộc gọi %1</translation>
    </message>
    <message>
        <location filename="../../operator_console/gui/intake/intake_form.py" line="565"/>
        <source>withheld</source>
        <translation>ẩn số</translation>
    </message>
    <message>
        <location filename="../../operator_console/gui/intake/intake_form.py" line="567"/>
        <source>%1 (old number %2)</source>
        <translation>%1 (số cũ %2)</translation>
    </message>
    <message>
        <location filename="../../operator_console/gui/intake/intake_form.py" line="570"/>
        <source>or the old landline %1 (F7)</source>
        <translation>hoặc số bàn cũ %1 (F7)</translation>
    </message>
    <message>
        <location filename="../../operator_console/gui/intake/intake_form.py" line="658"/>
        <source>the street has cases here</source>
        <translation>đường này đã có hồ sơ ở đây</translation>
    </message>
    <message>
        <location filename="../../operator_console/gui/intake/intake_form.py" line="694"/>
        <source>“%1” is %2 (former), now split between %3 wards: Enter, then 1–%3 to choose (not known: save, and the triage desk routes it).</source>
        <translation>«%1» là %2 (cũ), nay chia cho %3 phường/xã: nhấn Enter rồi phím 1–%3 để chọn (không rõ: cứ lưu, tổ phân loại sẽ chuyển).</translation>
    </message>
    <message>
        <location filename="../../operator_console/gui/intake/intake_form.py" line="705"/>
        <source>This looks like a phone number, not a ward.</source>
        <translation>Số này giống số điện thoại, không phải phường/xã.</translation>
    </message>
    <message>
        <location filename="../../operator_console/gui/intake/intake_form.py" line="709"/>
        <source>Enter or Tab takes the first ward offered below.</source>
        <translation>Enter hoặc Tab chọn phường/xã đầu tiên trong danh sách bên dưới.</translation>
    </message>
    <message>
        <location filename="../../operator_console/gui/intake/intake_form.py" line="674"/>
        <source>all its residents</source>
        <translation>toàn bộ dân cư</translation>
    </message>
    <message>
        <location filename="../../operator_console/gui/intake/intake_form.py" line="675"/>
        <source>was %1</source>
        <translation>trước là %1</translation>
    </message>
    <message>
        <location filename="../../operator_console/gui/intake/intake_form.py" line="686"/>
        <source>✓ %1 (chosen for “%2”)</source>
        <translation>✓ %1 (đã chọn cho «%2»)</translation>
    </message>
    <message>
        <location filename="../../operator_console/gui/intake/intake_form.py" line="716"/>
        <source>Enter, then 1–%1 to choose.</source>
        <translation>Nhấn Enter rồi phím 1–%1 để chọn.</translation>
    </message>
    <message>
        <location filename="../../operator_console/gui/intake/intake_form.py" line="728"/>
        <source>no food today</source>
        <translation>không còn gì ăn hôm nay</translation>
    </message>
    <message>
        <location filename="../../operator_console/gui/intake/intake_form.py" line="729"/>
        <source>cannot fend for themselves</source>
        <translation>không tự lo được</translation>
    </message>
    <message>
        <location filename="../../operator_console/gui/intake/intake_form.py" line="730"/>
        <source>vulnerable member at home</source>
        <translation>hộ có người dễ tổn thương</translation>
    </message>
    <message>
        <location filename="../../operator_console/gui/intake/intake_form.py" line="731"/>
        <location filename="../../operator_console/gui/intake/intake_form.py" line="732"/>
        <source>aged %1</source>
        <translation>%1 tuổi</translation>
    </message>
    <message>
        <location filename="../../operator_console/gui/intake/intake_form.py" line="734"/>
        <source>suggested: %1</source>
        <translation>đề xuất: %1</translation>
    </message>
    <message>
        <location filename="../../ui/intake_form.ui" line="6"/>
        <source>New request</source>
        <translation>Yêu cầu mới</translation>
    </message>
    <message>
        <location filename="../../ui/intake_form.ui" line="13"/>
        <source>&amp;Phone</source>
        <translation>Số điện &amp;thoại</translation>
    </message>
    <message>
        <location filename="../../ui/intake_form.ui" line="16"/>
        <source>as the caller says it: 0389 123 456, +84…, 0168…</source>
        <translation>như người gọi đọc: 0389 123 456, +84…, 0168…</translation>
    </message>
    <message>
        <location filename="../../ui/intake_form.ui" line="16"/>
        <source>Caller&apos;s phone</source>
        <translation>Số điện thoại người gọi</translation>
    </message>
    <message>
        <location filename="../../ui/intake_form.ui" line="18"/>
        <source>Phone number as understood</source>
        <translation>Số điện thoại đã hiểu</translation>
    </message>
    <message>
        <location filename="../../ui/intake_form.ui" line="21"/>
        <source>Caller&apos;s &amp;name</source>
        <translation>Họ tên người &amp;gọi</translation>
    </message>
    <message>
        <location filename="../../ui/intake_form.ui" line="23"/>
        <source>Caller&apos;s name</source>
        <translation>Họ tên người gọi</translation>
    </message>
    <message>
        <location filename="../../ui/intake_form.ui" line="25"/>
        <source>&amp;Relation</source>
        <translation>&amp;Quan hệ</translation>
    </message>
    <message>
        <location filename="../../ui/intake_form.ui" line="27"/>
        <source>Caller&apos;s relation to the person in need</source>
        <translation>Quan hệ của người gọi với người cần hỗ trợ</translation>
    </message>
    <message>
        <location filename="../../ui/intake_form.ui" line="29"/>
        <source>Person in n&amp;eed</source>
        <translation>Người cần &amp;hỗ trợ</translation>
    </message>
    <message>
        <location filename="../../ui/intake_form.ui" line="35"/>
        <source>when it is someone else</source>
        <translation>khi không phải người gọi</translation>
    </message>
    <message>
        <location filename="../../ui/intake_form.ui" line="35"/>
        <source>Name of the person in need</source>
        <translation>Họ tên người cần hỗ trợ</translation>
    </message>
    <message>
        <location filename="../../ui/intake_form.ui" line="39"/>
        <source>A&amp;ge</source>
        <translation>Tuổ&amp;i</translation>
    </message>
    <message>
        <location filename="../../ui/intake_form.ui" line="40"/>
        <source>Age of the person in need</source>
        <translation>Tuổi của người cần hỗ trợ</translation>
    </message>
    <message>
        <location filename="../../ui/intake_form.ui" line="41"/>
        <source>Their phone/&amp;Zalo</source>
        <translation>SĐT/&amp;Zalo</translation>
    </message>
    <message>
        <location filename="../../ui/intake_form.ui" line="42"/>
        <source>Phone of the person in need</source>
        <translation>Số điện thoại của người cần hỗ trợ</translation>
    </message>
    <message>
        <location filename="../../ui/intake_form.ui" line="50"/>
        <source>&amp;Address</source>
        <translation>Đị&amp;a chỉ</translation>
    </message>
    <message>
        <location filename="../../ui/intake_form.ui" line="52"/>
        <source>house/alley and street, e.g. 12/3/45 Lê Văn Sỹ</source>
        <translation>số nhà/hẻm và đường, ví dụ 12/3/45 Lê Văn Sỹ</translation>
    </message>
    <message>
        <location filename="../../ui/intake_form.ui" line="52"/>
        <source>Address</source>
        <translation>Địa chỉ</translation>
    </message>
    <message>
        <location filename="../../ui/intake_form.ui" line="54"/>
        <source>&amp;Ward/commune</source>
        <translation>&amp;Phường/xã</translation>
    </message>
    <message>
        <location filename="../../ui/intake_form.ui" line="56"/>
        <source>today&apos;s or former name: Tân Định, P.5 Q.8…</source>
        <translation>tên mới hoặc cũ: Tân Định, P.5 Q.8…</translation>
    </message>
    <message>
        <location filename="../../ui/intake_form.ui" line="56"/>
        <source>Ward or commune</source>
        <translation>Phường hoặc xã</translation>
    </message>
    <message>
        <location filename="../../ui/intake_form.ui" line="60"/>
        <source>Today&apos;s wards to choose from (digit keys)</source>
        <translation>Các phường/xã hiện nay để chọn (phím số)</translation>
    </message>
    <message>
        <location filename="../../ui/intake_form.ui" line="64"/>
        <source>Categor&amp;y</source>
        <translation>&amp;Lĩnh vực</translation>
    </message>
    <message>
        <location filename="../../ui/intake_form.ui" line="114"/>
        <source>&amp;Clear (Esc)</source>
        <translation>X&amp;oá (Esc)</translation>
    </message>
    <message>
        <location filename="../../ui/intake_form.ui" line="66"/>
        <source>Category</source>
        <translation>Lĩnh vực</translation>
    </message>
    <message>
        <location filename="../../ui/intake_form.ui" line="69"/>
        <source>&amp;Household size</source>
        <translation>Số &amp;người trong hộ</translation>
    </message>
    <message>
        <location filename="../../ui/intake_form.ui" line="73"/>
        <source>Household size</source>
        <translation>Số người trong hộ</translation>
    </message>
    <message>
        <location filename="../../ui/intake_form.ui" line="74"/>
        <source>No &amp;food today</source>
        <translation>&amp;Không còn gì ăn hôm nay</translation>
    </message>
    <message>
        <location filename="../../ui/intake_form.ui" line="80"/>
        <source>Vulnerable</source>
        <translation>Thành viên dễ tổn thương</translation>
    </message>
    <message>
        <location filename="../../ui/intake_form.ui" line="84"/>
        <source>&amp;Lone elderly</source>
        <translation>Người già n&amp;eo đơn</translation>
    </message>
    <message>
        <location filename="../../ui/intake_form.ui" line="85"/>
        <source>Yo&amp;ung children</source>
        <translation>T&amp;rẻ nhỏ</translation>
    </message>
    <message>
        <location filename="../../ui/intake_form.ui" line="86"/>
        <source>D&amp;isabled</source>
        <translation>Người khu&amp;yết tật</translation>
    </message>
    <message>
        <location filename="../../ui/intake_form.ui" line="87"/>
        <source>Pregnant</source>
        <translation>Phụ nữ &amp;mang thai</translation>
    </message>
    <message>
        <location filename="../../ui/intake_form.ui" line="88"/>
        <source>Sic&amp;k</source>
        <translation>Người &amp;bệnh</translation>
    </message>
    <message>
        <location filename="../../ui/intake_form.ui" line="92"/>
        <source>&amp;Description</source>
        <translation>Nội &amp;dung</translation>
    </message>
    <message>
        <location filename="../../ui/intake_form.ui" line="94"/>
        <source>Description</source>
        <translation>Nội dung</translation>
    </message>
    <message>
        <location filename="../../ui/intake_form.ui" line="96"/>
        <source>Priori&amp;ty</source>
        <translation>Mức ư&amp;u tiên</translation>
    </message>
    <message>
        <location filename="../../ui/intake_form.ui" line="100"/>
        <source>Priority</source>
        <translation>Ưu tiên</translation>
    </message>
    <message>
        <location filename="../../ui/intake_form.ui" line="105"/>
        <source>Caller agrees to be called &amp;back</source>
        <translation>Đồng ý đượ&amp;c gọi lại</translation>
    </message>
    <message>
        <location filename="../../ui/intake_form.ui" line="115"/>
        <source>&amp;Save (Ctrl+Enter)</source>
        <translation>Lưu hồ &amp;sơ (Ctrl+Enter)</translation>
    </message>
</context>
<context>
    <name>LikelyDialog</name>
    <message>
        <location filename="../../operator_console/gui/intake/likely_dialog.py" line="39"/>
        <source>Likely the same need</source>
        <translation>Rất có thể trùng hồ sơ đã có</translation>
    </message>
    <message>
        <location filename="../../operator_console/gui/intake/likely_dialog.py" line="48"/>
        <source>This call is likely about case %1, received %2:</source>
        <translation>Cuộc gọi này rất có thể về hồ sơ %1, nhận lúc %2:</translation>
    </message>
    <message>
        <location filename="../../operator_console/gui/intake/likely_dialog.py" line="60"/>
        <source>&amp;Link the call to case %1 (Enter)</source>
        <translation>&amp;Gắn cuộc gọi vào hồ sơ %1 (Enter)</translation>
    </message>
    <message>
        <location filename="../../operator_console/gui/intake/likely_dialog.py" line="62"/>
        <source>Save as a new case anyway (M)</source>
        <translation>Vẫn lưu thành hồ sơ mới (M)</translation>
    </message>
    <message>
        <location filename="../../operator_console/gui/intake/likely_dialog.py" line="63"/>
        <source>Back to the form (Esc)</source>
        <translation>Quay lại biểu mẫu (Esc)</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <location filename="../../operator_console/gui/shell/login_dialog.py" line="33"/>
        <source>Set by IT for this workstation</source>
        <translation>Do bộ phận CNTT đặt cho máy này</translation>
    </message>
    <message>
        <location filename="../../operator_console/gui/shell/login_dialog.py" line="46"/>
        <source>Log in</source>
        <translation>Đăng nhập</translation>
    </message>
    <message>
        <location filename="../../operator_console/gui/shell/login_dialog.py" line="48"/>
        <source>Later</source>
        <translation>Để sau</translation>
    </message>
    <message>
        <location filename="../../operator_console/gui/shell/login_dialog.py" line="65"/>
        <source>Type the server&apos;s address (https://…).</source>
        <translation>Nhập địa chỉ máy chủ (https://…).</translation>
    </message>
    <message>
        <location filename="../../operator_console/gui/shell/login_dialog.py" line="69"/>
        <source>Type your user name and password.</source>
        <translation>Nhập tên đăng nhập và mật khẩu.</translation>
    </message>
    <message>
        <location filename="../../operator_console/gui/shell/login_dialog.py" line="96"/>
        <source>The server address must start with https:// (http:// only for this computer).</source>
        <translation>Địa chỉ máy chủ phải bắt đầu bằng https:// (http:// chỉ dùng cho chính máy này).</translation>
    </message>
    <message>
        <location filename="../../operator_console/gui/shell/login_dialog.py" line="104"/>
        <source>The login failed on this computer (%1).</source>
        <translation>Đăng nhập không thành công do lỗi trên máy này (%1).</translation>
    </message>
    <message>
        <location filename="../../operator_console/gui/shell/login_dialog.py" line="110"/>
        <source>Logging in…</source>
        <translation>Đang đăng nhập…</translation>
    </message>
    <message>
        <location filename="../../ui/login_dialog.ui" line="6"/>
        <source>Log in to the central server</source>
        <translation>Đăng nhập máy chủ trung tâm</translation>
    </message>
    <message>
        <location filename="../../ui/login_dialog.ui" line="11"/>
        <source>&amp;Server</source>
        <translation>&amp;Máy chủ</translation>
    </message>
    <message>
        <location filename="../../ui/login_dialog.ui" line="12"/>
        <source>https://…</source>
        <translation>https://…</translation>
    </message>
    <message>
        <location filename="../../ui/login_dialog.ui" line="12"/>
        <source>Central server address</source>
        <translation>Địa chỉ máy chủ trung tâm</translation>
    </message>
    <message>
        <location filename="../../ui/login_dialog.ui" line="14"/>
        <source>&amp;User name</source>
        <translation>&amp;Tên đăng nhập</translation>
    </message>
    <message>
        <location filename="../../ui/login_dialog.ui" line="15"/>
        <source>User name</source>
        <translation>Tên đăng nhập</translation>
    </message>
    <message>
        <location filename="../../ui/login_dialog.ui" line="16"/>
        <source>&amp;Password</source>
        <translation>Mật &amp;khẩu</translation>
    </message>
    <message>
        <location filename="../../ui/login_dialog.ui" line="17"/>
        <source>Password</source>
        <translation>Mật khẩu</translation>
    </message>
    <message>
        <location filename="../../ui/login_dialog.ui" line="22"/>
        <source>Without logging in, cases are still saved on this computer and sent as soon as you log in.</source>
        <translation>Chưa đăng nhập thì hồ sơ vẫn được lưu trên máy này và được gửi ngay khi bạn đăng nhập.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../operator_console/gui/shell/main_window.py" line="134"/>
        <location filename="../../operator_console/gui/shell/main_window.py" line="1046"/>
        <source>1022 Operator Console</source>
        <translation>Tổng đài 1022 – Bàn tiếp nhận</translation>
    </message>
    <message>
        <location filename="../../operator_console/gui/shell/main_window.py" line="142"/>
        <source>Number of the case just saved</source>
        <translation>Số hồ sơ vừa lưu</translation>
    </message>
    <message>
        <location filename="../../operator_console/gui/shell/main_window.py" line="295"/>
        <source>Incoming call from %1: F2 to take it</source>
        <translation>Cuộc gọi đến từ %1: bấm F2 để nhận</translation>
    </message>
    <message>
        <location filename="../../operator_console/gui/shell/main_window.py" line="419"/>
        <source>Held: %1 · latest %2 · F3, F8</source>
        <translation>Đang giữ: %1 · gần nhất %2 · F3, F8</translation>
    </message>
    <message>
        <location filename="../../operator_console/gui/shell/main_window.py" line="1009"/>
        <location filename="../../operator_console/gui/shell/main_window.py" line="1049"/>
        <source>(no operator set)</source>
        <translation>(chưa đặt tên tổng đài viên)</translation>
    </message>
    <message>
        <location filename="../../operator_console/gui/shell/main_window.py" line="836"/>
        <source>Saved: case %1</source>
        <translation>Đã lưu: hồ sơ %1</translation>
    </message>
    <message>
        <location filename="../../operator_console/gui/shell/main_window.py" line="168"/>
        <source>Call intake form</source>
        <translation>Phiếu tiếp nhận cuộc gọi</translation>
    </message>
    <message>
        <location filename="../../operator_console/gui/shell/main_window.py" line="189"/>
        <source>Call intake and dashboard</source>
        <translation>Tiếp nhận cuộc gọi và bảng giám sát</translation>
    </message>
    <message>
        <location filename="../../operator_console/gui/shell/main_window.py" line="191"/>
        <location filename="../../operator_console/gui/shell/main_window.py" line="692"/>
        <source>Call intake</source>
        <translation>Tiếp nhận cuộc gọi</translation>
    </message>
    <message>
        <location filename="../../operator_console/gui/shell/main_window.py" line="263"/>
        <source>This account (monitor) reads the figures and takes no calls: log in as an operator.</source>
        <translation>Tài khoản này (giám sát HĐND/MTTQ) chỉ xem số liệu, không nhận cuộc gọi: hãy đăng nhập tài khoản tổng đài viên.</translation>
    </message>
    <message>
        <location filename="../../operator_console/gui/shell/main_window.py" line="285"/>
        <source>Incoming call from %1: this account (monitor) takes no calls.</source>
        <translation>Cuộc gọi đến từ %1: tài khoản giám sát HĐND/MTTQ không nhận cuộc gọi.</translation>
    </message>
    <message>
        <location filename="../../operator_console/gui/shell/main_window.py" line="316"/>
        <source>Call held.</source>
        <translation>Đã giữ cuộc gọi.</translation>
    </message>
    <message>
        <location filename="../../operator_console/gui/shell/main_window.py" line="338"/>
        <source>No call is held.</source>
        <translation>Không có cuộc gọi nào đang giữ.</translation>
    </message>
    <message>
        <location filename="../../operator_console/gui/shell/main_window.py" line="361"/>
        <source>The held call is back in the form.</source>
        <translation>Cuộc gọi đang giữ đã trở lại biểu mẫu.</translation>
    </message>
    <message>
        <location filename="../../operator_console/gui/shell/main_window.py" line="374"/>
        <source>%1 call(s) held since an earlier shift: F8 to call back or throw away.</source>
        <translation>%1 cuộc gọi đang giữ từ ca trước: F8 để gọi lại hoặc bỏ đi.</translation>
    </message>
    <message>
        <location filename="../../operator_console/gui/shell/main_window.py" line="381"/>
        <source>The old case store was kept aside (nothing deleted): tell IT.</source>
        <translation>Kho hồ sơ cũ đã được để riêng (không xoá gì): hãy báo IT.</translation>
    </message>
    <message>
        <location filename="../../operator_console/gui/shell/main_window.py" line="436"/>
        <source>The call you were typing is back: nothing was lost.</source>
        <translation>Đã khôi phục cuộc gọi đang nhập dở: không mất gì.</translation>
    </message>
    <message>
        <location filename="../../operator_console/gui/shell/main_window.py" line="438"/>
        <source>Unfinished call restored: Ctrl+Enter saves it, Esc clears it</source>
        <translation>Đã khôi phục cuộc gọi nhập dở: Ctrl+Enter để lưu, Esc để xoá</translation>
    </message>
    <message>
        <location filename="../../operator_console/gui/shell/main_window.py" line="443"/>
        <source>This number has no earlier case.</source>
        <translation>Số này chưa có hồ sơ nào trước đây.</translation>
    </message>
    <message>
        <location filename="../../operator_console/gui/shell/main_window.py" line="480"/>
        <source>Not saved yet: Ctrl+Enter saves the call.</source>
        <translation>Chưa lưu: Ctrl+Enter để lưu cuộc gọi.</translation>
    </message>
    <message>
        <location filename="../../operator_console/gui/shell/main_window.py" line="510"/>
        <source>Offered as likely the same: %1</source>
        <translation>Được đề xuất là rất có thể trùng: %1</translation>
    </message>
    <message>
        <location filename="../../operator_console/gui/shell/main_window.py" line="545"/>
        <source>No candidate %1.</source>
        <translation>Không có hồ sơ gợi ý số %1.</translation>
    </message>
    <message>
        <location filename="../../operator_console/gui/shell/main_window.py" line="613"/>
        <source>Logged out. Cases are still saved here and sent after the next login.</source>
        <translation>Đã đăng xuất. Hồ sơ vẫn được lưu ở đây và được gửi sau lần đăng nhập tới.</translation>
    </message>
    <message>
        <location filename="../../operator_console/gui/shell/main_window.py" line="633"/>
        <source>The dashboard is for supervisor and monitor accounts.</source>
        <translation>Bảng giám sát dành cho tài khoản giám sát.</translation>
    </message>
    <message>
        <location filename="../../operator_console/gui/shell/main_window.py" line="648"/>
        <location filename="../../operator_console/gui/shell/main_window.py" line="654"/>
        <source>Open the dashboard first (F6).</source>
        <translation>Hãy mở bảng giám sát trước (F6).</translation>
    </message>
    <message>
        <location filename="../../operator_console/gui/shell/main_window.py" line="678"/>
        <source>Supervisor&apos;s dashboard</source>
        <translation>Bảng giám sát</translation>
    </message>
    <message>
        <location filename="../../operator_console/gui/shell/main_window.py" line="730"/>
        <source>Triage desk</source>
        <translation>Bàn phân loại</translation>
    </message>
    <message>
        <location filename="../../operator_console/gui/shell/main_window.py" line="730"/>
        <source>Unit&apos;s worklist</source>
        <translation>Việc của đơn vị</translation>
    </message>
    <message>
        <location filename="../../operator_console/gui/shell/main_window.py" line="746"/>
        <source>This account reads the figures: re-routing and escalating are for supervisors.</source>
        <translation>Tài khoản này chỉ xem số liệu: chuyển đơn vị và chuyển cấp dành cho giám sát.</translation>
    </message>
    <message>
        <location filename="../../operator_console/gui/shell/main_window.py" line="753"/>
        <source>Worklists are for unit accounts and the triage desk (supervisors, triage duty).</source>
        <translation>Danh sách việc dành cho tài khoản đơn vị và bàn phân loại (giám sát, người được giao phân loại).</translation>
    </message>
    <message>
        <location filename="../../operator_console/gui/shell/main_window.py" line="834"/>
        <source>Saved: case %1 · sending…</source>
        <translation>Đã lưu: hồ sơ %1 · đang gửi…</translation>
    </message>
    <message>
        <location filename="../../operator_console/gui/shell/main_window.py" line="846"/>
        <source>Repeat call added to case %1</source>
        <translation>Đã ghi cuộc gọi lại vào hồ sơ %1</translation>
    </message>
    <message>
        <location filename="../../operator_console/gui/shell/main_window.py" line="869"/>
        <source>Not saved: the local store failed (%1). The form is kept.</source>
        <translation>Chưa lưu được: lỗi kho dữ liệu trên máy (%1). Biểu mẫu vẫn được giữ nguyên.</translation>
    </message>
    <message>
        <location filename="../../operator_console/gui/shell/main_window.py" line="877"/>
        <source>Filled in from case %1.</source>
        <translation>Đã điền theo hồ sơ %1.</translation>
    </message>
    <message>
        <location filename="../../operator_console/gui/shell/main_window.py" line="885"/>
        <source>Refused by the server: %1 (Ctrl+Shift+R)</source>
        <translation>Máy chủ từ chối: %1 (Ctrl+Shift+R)</translation>
    </message>
    <message>
        <location filename="../../operator_console/gui/shell/main_window.py" line="889"/>
        <source>Nothing waiting to be sent</source>
        <translation>Không có hồ sơ chờ gửi</translation>
    </message>
    <message>
        <location filename="../../operator_console/gui/shell/main_window.py" line="894"/>
        <source>Waiting to be sent: %1 (oldest %2 min)</source>
        <translation>Chờ gửi: %1 (lâu nhất %2 phút)</translation>
    </message>
    <message>
        <location filename="../../operator_console/gui/shell/main_window.py" line="911"/>
        <source>The server refused a case: Ctrl+Shift+R shows why.</source>
        <translation>Máy chủ từ chối một hồ sơ: Ctrl+Shift+R để xem lý do.</translation>
    </message>
    <message>
        <location filename="../../operator_console/gui/shell/main_window.py" line="928"/>
        <source>The server refused case %1: Ctrl+Shift+R shows why</source>
        <translation>Máy chủ từ chối hồ sơ %1: Ctrl+Shift+R để xem lý do</translation>
    </message>
    <message>
        <location filename="../../operator_console/gui/shell/main_window.py" line="933"/>
        <source>Sent: case %1 → %2</source>
        <translation>Đã gửi: hồ sơ %1 → %2</translation>
    </message>
    <message>
        <location filename="../../operator_console/gui/shell/main_window.py" line="943"/>
        <source>The server asks you to log in again: Ctrl+L (after this call is fine).</source>
        <translation>Máy chủ yêu cầu đăng nhập lại: Ctrl+L (xong cuộc gọi này cũng được).</translation>
    </message>
    <message>
        <location filename="../../operator_console/gui/shell/main_window.py" line="982"/>
        <source>The case list could not be read (%1).</source>
        <translation>Không đọc được danh sách hồ sơ (%1).</translation>
    </message>
    <message>
        <location filename="../../operator_console/gui/shell/main_window.py" line="988"/>
        <source>Cases in this console: %1</source>
        <translation>Hồ sơ trên máy này: %1</translation>
    </message>
    <message>
        <location filename="../../operator_console/gui/shell/main_window.py" line="995"/>
        <source>F7 reads a number 08 + 8 digits as the old landline 028 + 8 digits.</source>
        <translation>F7 đọc số 08 + 8 chữ số thành số bàn cũ 028 + 8 chữ số.</translation>
    </message>
    <message>
        <location filename="../../operator_console/gui/shell/main_window.py" line="1010"/>
        <source>Operator</source>
        <translation>Tổng đài viên</translation>
    </message>
    <message>
        <location filename="../../operator_console/gui/shell/main_window.py" line="1012"/>
        <source>Server connection</source>
        <translation>Kết nối máy chủ</translation>
    </message>
    <message>
        <location filename="../../operator_console/gui/shell/main_window.py" line="1014"/>
        <source>Cases waiting to be sent</source>
        <translation>Hồ sơ chờ gửi</translation>
    </message>
    <message>
        <location filename="../../operator_console/gui/shell/main_window.py" line="1016"/>
        <source>Items the server refused</source>
        <translation>Mục bị máy chủ từ chối</translation>
    </message>
    <message>
        <location filename="../../operator_console/gui/shell/main_window.py" line="1021"/>
        <source>Held calls</source>
        <translation>Cuộc gọi đang giữ</translation>
    </message>
    <message>
        <location filename="../../operator_console/gui/shell/main_window.py" line="1027"/>
        <source>DEMO (practice)</source>
        <translation>DEMO (tập dượt)</translation>
    </message>
    <message>
        <location filename="../../operator_console/gui/shell/main_window.py" line="1028"/>
        <source>DEMO: practice server, no real cases</source>
        <translation>DEMO: máy chủ tập dượt, không nhập hồ sơ thật</translation>
    </message>
    <message>
        <location filename="../../operator_console/gui/shell/main_window.py" line="1051"/>
        <source>This workstation only (no server set)</source>
        <translation>Chỉ lưu trên máy này (chưa đặt máy chủ)</translation>
    </message>
    <message>
        <location filename="../../operator_console/gui/shell/main_window.py" line="1054"/>
        <source>demo server</source>
        <translation>demo</translation>
    </message>
    <message>
        <location filename="../../operator_console/gui/shell/main_window.py" line="1057"/>
        <source>Server %1: %2</source>
        <translation>Máy chủ %1: %2</translation>
    </message>
    <message>
        <location filename="../../operator_console/gui/shell/main_window.py" line="1060"/>
        <source>Server %1: starting…</source>
        <translation>Máy chủ %1: đang khởi động…</translation>
    </message>
    <message>
        <location filename="../../operator_console/gui/shell/main_window.py" line="1062"/>
        <source>Server %1: not logged in, cases wait here (Ctrl+L)</source>
        <translation>Máy chủ %1: chưa đăng nhập, hồ sơ chờ ở máy này (Ctrl+L)</translation>
    </message>
    <message>
        <location filename="../../operator_console/gui/shell/main_window.py" line="1064"/>
        <source>Server %1: connecting…</source>
        <translation>Máy chủ %1: đang kết nối…</translation>
    </message>
    <message>
        <location filename="../../operator_console/gui/shell/main_window.py" line="1066"/>
        <source>Server %1: online</source>
        <translation>Máy chủ %1: đã kết nối</translation>
    </message>
    <message>
        <location filename="../../operator_console/gui/shell/main_window.py" line="1070"/>
        <source>Server %1: offline (%2), cases wait here; next try %3</source>
        <translation>Máy chủ %1: mất kết nối (%2), hồ sơ chờ ở máy này; thử lại lúc %3</translation>
    </message>
</context>
<context>
    <name>RefusedDialog</name>
    <message>
        <location filename="../../operator_console/gui/intake/refused_dialog.py" line="28"/>
        <source>Cases the server refused</source>
        <translation>Hồ sơ bị máy chủ từ chối</translation>
    </message>
    <message>
        <location filename="../../operator_console/gui/intake/refused_dialog.py" line="32"/>
        <source>The server refused these for good; they are kept here. Enter opens the case.</source>
        <translation>Máy chủ đã từ chối hẳn các mục này; chúng vẫn được giữ ở máy này. Enter để mở hồ sơ.</translation>
    </message>
    <message>
        <location filename="../../operator_console/gui/intake/refused_dialog.py" line="34"/>
        <source>The server has refused nothing.</source>
        <translation>Máy chủ chưa từ chối mục nào.</translation>
    </message>
    <message>
        <location filename="../../operator_console/gui/intake/refused_dialog.py" line="39"/>
        <source>Refused cases and the server&apos;s reasons</source>
        <translation>Hồ sơ bị từ chối và lý do của máy chủ</translation>
    </message>
    <message>
        <location filename="../../operator_console/gui/intake/refused_dialog.py" line="42"/>
        <source>Case %1: %2</source>
        <translation>Hồ sơ %1: %2</translation>
    </message>
    <message>
        <location filename="../../operator_console/gui/intake/refused_dialog.py" line="52"/>
        <source>Close</source>
        <translation>Đóng</translation>
    </message>
</context>
<context>
    <name>ServerCaseActions</name>
    <message>
        <location filename="../../operator_console/gui/worklist/server_cases.py" line="67"/>
        <source>Choose a case in the list first.</source>
        <translation>Chọn một hồ sơ trong danh sách trước.</translation>
    </message>
    <message>
        <location filename="../../operator_console/gui/worklist/server_cases.py" line="109"/>
        <source>Recorded on %1 case(s); sent to the server in order.</source>
        <translation>Đã ghi nhận cho %1 hồ sơ; đang gửi lên máy chủ theo thứ tự.</translation>
    </message>
    <message>
        <location filename="../../operator_console/gui/worklist/server_cases.py" line="114"/>
        <source>Not recorded: the local store failed (%1).</source>
        <translation>Chưa ghi nhận: kho trên máy bị lỗi (%1).</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../operator_console/gui/shell/self_check.py" line="88"/>
        <location filename="../../operator_console/gui/shell/settings_dialog.py" line="60"/>
        <source>Save</source>
        <translation>Lưu</translation>
    </message>
    <message>
        <location filename="../../operator_console/gui/shell/settings_dialog.py" line="55"/>
        <source>Set by IT for this workstation</source>
        <translation>Do bộ phận CNTT đặt cho máy này</translation>
    </message>
    <message>
        <location filename="../../operator_console/gui/shell/settings_dialog.py" line="61"/>
        <source>Cancel</source>
        <translation>Huỷ</translation>
    </message>
    <message>
        <location filename="../../operator_console/gui/shell/settings_dialog.py" line="74"/>
        <source>The server address must start with https:// (http:// only for this computer).</source>
        <translation>Địa chỉ máy chủ phải bắt đầu bằng https:// (http:// chỉ dùng cho chính máy này).</translation>
    </message>
    <message>
        <location filename="../../operator_console/gui/shell/settings_dialog.py" line="79"/>
        <source>There is no CA certificates file at this path.</source>
        <translation>Không có tệp chứng chỉ CA ở đường dẫn này.</translation>
    </message>
    <message>
        <location filename="../../operator_console/gui/shell/settings_dialog.py" line="84"/>
        <source>A proxy is written http://host:port.</source>
        <translation>Proxy được ghi dạng http://máy:cổng.</translation>
    </message>
    <message>
        <location filename="../../operator_console/gui/shell/settings_dialog.py" line="90"/>
        <source>No user name or password in the proxy address: IT sets proxy sign-in on the system.</source>
        <translation>Không ghi tên đăng nhập hay mật khẩu vào địa chỉ proxy: bộ phận CNTT cấu hình đăng nhập proxy trên hệ thống.</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.ui" line="6"/>
        <source>Settings</source>
        <translation>Cài đặt</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.ui" line="10"/>
        <source>&amp;Operator</source>
        <translation>Tổng đài &amp;viên</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.ui" line="11"/>
        <source>empty: the workstation&apos;s login</source>
        <translation>để trống: dùng tên đăng nhập máy</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.ui" line="11"/>
        <source>Operator&apos;s name</source>
        <translation>Tên tổng đài viên</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.ui" line="12"/>
        <source>&amp;Server address</source>
        <translation>Địa chỉ &amp;máy chủ</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.ui" line="13"/>
        <source>https://… (empty: this workstation only)</source>
        <translation>https://… (để trống: chỉ lưu trên máy này)</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.ui" line="13"/>
        <source>Central server address</source>
        <translation>Địa chỉ máy chủ trung tâm</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.ui" line="14"/>
        <source>&amp;Language</source>
        <translation>&amp;Ngôn ngữ</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.ui" line="15"/>
        <source>Interface language</source>
        <translation>Ngôn ngữ giao diện</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.ui" line="16"/>
        <source>&amp;Font size</source>
        <translation>&amp;Cỡ chữ</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.ui" line="17"/>
        <source>Font size in points</source>
        <translation>Cỡ chữ (point)</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.ui" line="23"/>
        <source>Connection and logs (set by IT)</source>
        <translation>Kết nối và nhật ký (do CNTT đặt)</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.ui" line="25"/>
        <source>&amp;CA certificates</source>
        <translation>Chứng chỉ C&amp;A</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.ui" line="26"/>
        <source>CA certificates file for the server</source>
        <translation>Tệp chứng chỉ CA cho máy chủ</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.ui" line="26"/>
        <source>a PEM file (empty: the public CAs)</source>
        <translation>tệp PEM (trống: các CA công cộng)</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.ui" line="27"/>
        <source>&amp;Proxy</source>
        <translation>&amp;Proxy</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.ui" line="28"/>
        <source>http://proxy:3128 (empty: the system&apos;s proxy settings)</source>
        <translation>http://proxy:3128 (trống: của hệ thống)</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.ui" line="28"/>
        <source>Proxy to reach the server</source>
        <translation>Proxy để đến máy chủ</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.ui" line="29"/>
        <source>Server &amp;timeout</source>
        <translation>&amp;Thời gian chờ máy chủ</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.ui" line="30"/>
        <source> s</source>
        <translation> giây</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.ui" line="30"/>
        <source>Seconds to wait for the server&apos;s answer</source>
        <translation>Số giây chờ máy chủ trả lời</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.ui" line="31"/>
        <source>&amp;Keep the city&apos;s cases for</source>
        <translation>&amp;Giữ hồ sơ toàn thành phố trong</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.ui" line="32"/>
        <source> days</source>
        <translation> ngày</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.ui" line="32"/>
        <source>Days of the city&apos;s cases kept on this workstation</source>
        <translation>Số ngày hồ sơ toàn thành phố được giữ trên máy này</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.ui" line="33"/>
        <source>Log l&amp;evel</source>
        <translation>Mức ghi nhật &amp;ký</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.ui" line="34"/>
        <source>How much the log files say</source>
        <translation>Mức chi tiết của tệp nhật ký</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.ui" line="38"/>
        <source>IT has locked the greyed-out settings on this workstation.</source>
        <translation>Bộ phận CNTT đã khóa các mục tô xám trên máy này.</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.ui" line="39"/>
        <source>A new language and a new log level apply at the next start. The font size applies at once; 14 or more is the large-font mode for long shifts.</source>
        <translation>Ngôn ngữ và mức nhật ký mới có hiệu lực ở lần mở sau. Cỡ chữ có hiệu lực ngay; từ 14 trở lên là chế độ chữ lớn cho ca dài.</translation>
    </message>
</context>
<context>
    <name>StoreSetAsideDialog</name>
    <message>
        <location filename="../../operator_console/gui/shell/store_set_aside_dialog.py" line="27"/>
        <source>The case store was kept aside</source>
        <translation>Kho hồ sơ đã được để riêng</translation>
    </message>
    <message>
        <location filename="../../operator_console/gui/shell/store_set_aside_dialog.py" line="31"/>
        <source>This computer&apos;s case store could not be opened (%1). Nothing was deleted: it is kept, as it was, in %2. The console goes on with a new store: you can take calls now.</source>
        <translation>Không mở được kho hồ sơ của máy này (%1). Không có gì bị xoá: kho được giữ nguyên vẹn trong %2. Bàn điều khiển tiếp tục với một kho mới: có thể nhận cuộc gọi ngay.</translation>
    </message>
    <message>
        <location filename="../../operator_console/gui/shell/store_set_aside_dialog.py" line="41"/>
        <source>Cases in the kept store that the server never received</source>
        <translation>Hồ sơ trong kho để riêng chưa đến được máy chủ</translation>
    </message>
    <message>
        <location filename="../../operator_console/gui/shell/store_set_aside_dialog.py" line="54"/>
        <source>Close</source>
        <translation>Đóng</translation>
    </message>
    <message>
        <location filename="../../operator_console/gui/shell/store_set_aside_dialog.py" line="56"/>
        <source>Open the folder</source>
        <translation>Mở thư mục</translation>
    </message>
    <message>
        <location filename="../../operator_console/gui/shell/store_set_aside_dialog.py" line="70"/>
        <source>the file is not a database</source>
        <translation>tệp không phải là cơ sở dữ liệu</translation>
    </message>
    <message>
        <location filename="../../operator_console/gui/shell/store_set_aside_dialog.py" line="72"/>
        <source>the file is damaged</source>
        <translation>tệp bị hỏng</translation>
    </message>
    <message>
        <location filename="../../operator_console/gui/shell/store_set_aside_dialog.py" line="74"/>
        <source>a newer version of the console wrote it</source>
        <translation>do một phiên bản mới hơn của bàn điều khiển ghi</translation>
    </message>
    <message>
        <location filename="../../operator_console/gui/shell/store_set_aside_dialog.py" line="75"/>
        <source>it could not be brought to this version</source>
        <translation>không đưa được lên phiên bản này</translation>
    </message>
    <message>
        <location filename="../../operator_console/gui/shell/store_set_aside_dialog.py" line="79"/>
        <source>Its cases could not be read here: IT can recover them from the kept file.</source>
        <translation>Không đọc được hồ sơ trong kho ở đây: IT có thể khôi phục từ tệp được giữ.</translation>
    </message>
    <message>
        <location filename="../../operator_console/gui/shell/store_set_aside_dialog.py" line="81"/>
        <source>Every case in it had reached the server.</source>
        <translation>Mọi hồ sơ trong kho đã đến máy chủ.</translation>
    </message>
    <message>
        <location filename="../../operator_console/gui/shell/store_set_aside_dialog.py" line="82"/>
        <source>%1 case(s) in it never reached the server:</source>
        <translation>%1 hồ sơ trong kho chưa đến được máy chủ:</translation>
    </message>
    <message>
        <location filename="../../operator_console/gui/shell/store_set_aside_dialog.py" line="84"/>
        <source>(read from the copy made before the last upgrade)</source>
        <translation>(đọc từ bản sao tạo trước lần nâng cấp vừa rồi)</translation>
    </message>
    <message>
        <location filename="../../operator_console/gui/shell/store_set_aside_dialog.py" line="91"/>
        <source>%1 repeat call(s) or link(s) in it never reached the server either.</source>
        <translation>%1 cuộc gọi lại hoặc liên kết trong kho cũng chưa đến được máy chủ.</translation>
    </message>
    <message>
        <location filename="../../operator_console/gui/shell/store_set_aside_dialog.py" line="96"/>
        <source>The list is in %1 for IT.</source>
        <translation>Danh sách cho IT nằm ở %1.</translation>
    </message>
    <message>
        <location filename="../../operator_console/gui/shell/store_set_aside_dialog.py" line="97"/>
        <source>Tell IT.</source>
        <translation>Hãy báo IT.</translation>
    </message>
</context>
<context>
    <name>Worklist</name>
    <message>
        <location filename="../../operator_console/gui/worklist/decisions.py" line="79"/>
        <source>Left as they were (their status cannot go there): %1.</source>
        <translation>Giữ nguyên (không thể chuyển sang trạng thái đó từ trạng thái hiện tại): %1.</translation>
    </message>
    <message>
        <location filename="../../operator_console/gui/worklist/decisions.py" line="82"/>
        <source>Not recorded, their state on the server not known here yet (F5, then again): %1.</source>
        <translation>Chưa ghi nhận vì máy này chưa biết trạng thái mới nhất trên máy chủ (nhấn F5 rồi làm lại): %1.</translation>
    </message>
    <message>
        <location filename="../../operator_console/gui/worklist/decisions.py" line="87"/>
        <source>No longer on this console (moved to another unit): %1.</source>
        <translation>Không còn trên máy này (đã chuyển sang đơn vị khác): %1.</translation>
    </message>
    <message>
        <location filename="../../operator_console/gui/worklist/decisions.py" line="97"/>
        <source>%1 cases</source>
        <translation>%1 hồ sơ</translation>
    </message>
    <message>
        <location filename="../../operator_console/gui/worklist/decisions.py" line="98"/>
        <source>(not on the server yet)</source>
        <translation>(chưa lên máy chủ)</translation>
    </message>
</context>
<context>
    <name>WorklistModel</name>
    <message>
        <location filename="../../operator_console/gui/worklist/model.py" line="27"/>
        <source>Deadline</source>
        <translation>Hạn xử lý</translation>
    </message>
    <message>
        <location filename="../../operator_console/gui/worklist/model.py" line="28"/>
        <source>Priority</source>
        <translation>Ưu tiên</translation>
    </message>
    <message>
        <location filename="../../operator_console/gui/worklist/model.py" line="29"/>
        <source>Case</source>
        <translation>Hồ sơ</translation>
    </message>
    <message>
        <location filename="../../operator_console/gui/worklist/model.py" line="30"/>
        <source>Status</source>
        <translation>Trạng thái</translation>
    </message>
    <message>
        <location filename="../../operator_console/gui/worklist/model.py" line="31"/>
        <source>Person in need</source>
        <translation>Người cần hỗ trợ</translation>
    </message>
    <message>
        <location filename="../../operator_console/gui/worklist/model.py" line="32"/>
        <source>Address</source>
        <translation>Địa chỉ</translation>
    </message>
    <message>
        <location filename="../../operator_console/gui/worklist/model.py" line="33"/>
        <source>What the caller said</source>
        <translation>Nội dung</translation>
    </message>
    <message>
        <location filename="../../operator_console/gui/worklist/model.py" line="34"/>
        <source>Calls</source>
        <translation>Số cuộc gọi</translation>
    </message>
    <message>
        <location filename="../../operator_console/gui/worklist/model.py" line="82"/>
        <source>(not on the server yet)</source>
        <translation>(chưa lên máy chủ)</translation>
    </message>
    <message>
        <location filename="../../operator_console/gui/worklist/model.py" line="86"/>
        <source>%1 · refused: open it</source>
        <translation>%1 · máy chủ không nhận: mở để xem</translation>
    </message>
    <message>
        <location filename="../../operator_console/gui/worklist/model.py" line="87"/>
        <source>%1 · waiting to send</source>
        <translation>%1 · chờ gửi</translation>
    </message>
    <message>
        <location filename="../../operator_console/gui/worklist/model.py" line="103"/>
        <source>Received %1; deadline %2</source>
        <translation>Tiếp nhận %1; hạn %2</translation>
    </message>
    <message>
        <location filename="../../operator_console/gui/worklist/model.py" line="108"/>
        <source>At %1</source>
        <translation>Tại %1</translation>
    </message>
    <message>
        <location filename="../../operator_console/gui/worklist/model.py" line="115"/>
        <source>%1 late</source>
        <translation>quá hạn %1</translation>
    </message>
    <message>
        <location filename="../../operator_console/gui/worklist/model.py" line="115"/>
        <source>%1 left</source>
        <translation>còn %1</translation>
    </message>
    <message>
        <location filename="../../operator_console/gui/worklist/model.py" line="120"/>
        <source>%1 min</source>
        <translation>%1 phút</translation>
    </message>
    <message>
        <location filename="../../operator_console/gui/worklist/model.py" line="122"/>
        <source>%1 h %2</source>
        <translation>%1 giờ %2</translation>
    </message>
    <message>
        <location filename="../../operator_console/gui/worklist/model.py" line="123"/>
        <source>%1 days</source>
        <translation>%1 ngày</translation>
    </message>
</context>
<context>
    <name>WorklistPage</name>
    <message>
        <location filename="../../operator_console/gui/worklist/page.py" line="64"/>
        <source>Enter open</source>
        <translation>Enter mở hồ sơ</translation>
    </message>
    <message>
        <location filename="../../operator_console/gui/worklist/page.py" line="65"/>
        <source>Enter route</source>
        <translation>Enter chuyển đơn vị</translation>
    </message>
    <message>
        <location filename="../../operator_console/gui/worklist/page.py" line="66"/>
        <source>O open</source>
        <translation>O mở hồ sơ</translation>
    </message>
    <message>
        <location filename="../../operator_console/gui/worklist/page.py" line="67"/>
        <source>A accept</source>
        <translation>A nhận</translation>
    </message>
    <message>
        <location filename="../../operator_console/gui/worklist/page.py" line="68"/>
        <source>N progress note</source>
        <translation>N ghi tiến độ</translation>
    </message>
    <message>
        <location filename="../../operator_console/gui/worklist/page.py" line="69"/>
        <source>R resolved</source>
        <translation>R đã giải quyết</translation>
    </message>
    <message>
        <location filename="../../operator_console/gui/worklist/page.py" line="70"/>
        <source>E not eligible</source>
        <translation>E không đủ điều kiện</translation>
    </message>
    <message>
        <location filename="../../operator_console/gui/worklist/page.py" line="71"/>
        <source>J rejected</source>
        <translation>J từ chối</translation>
    </message>
    <message>
        <location filename="../../operator_console/gui/worklist/page.py" line="72"/>
        <source>G call back</source>
        <translation>G gọi lại</translation>
    </message>
    <message>
        <location filename="../../operator_console/gui/worklist/page.py" line="111"/>
        <source>Fi&amp;lter:</source>
        <translation>&amp;Lọc:</translation>
    </message>
    <message>
        <location filename="../../operator_console/gui/worklist/page.py" line="113"/>
        <source>number, name, street, words (no diacritics needed)</source>
        <translation>số hồ sơ, tên, đường, từ khoá (không cần dấu)</translation>
    </message>
    <message>
        <location filename="../../operator_console/gui/worklist/page.py" line="115"/>
        <source>Filter the list</source>
        <translation>Lọc danh sách</translation>
    </message>
    <message>
        <location filename="../../operator_console/gui/worklist/page.py" line="130"/>
        <source>Triage list</source>
        <translation>Danh sách chờ phân loại</translation>
    </message>
    <message>
        <location filename="../../operator_console/gui/worklist/page.py" line="130"/>
        <source>Worklist</source>
        <translation>Danh sách việc</translation>
    </message>
    <message>
        <location filename="../../operator_console/gui/worklist/page.py" line="140"/>
        <source>Shift+↓ / Ctrl+A several  ·  Alt+L filter  ·  F5 read again</source>
        <translation>Shift+↓ / Ctrl+A chọn nhiều  ·  Alt+L lọc  ·  F5 tải lại</translation>
    </message>
    <message>
        <location filename="../../operator_console/gui/worklist/page.py" line="198"/>
        <source>The list could not be read from the local store (%1).</source>
        <translation>Không đọc được danh sách từ kho trên máy (%1).</translation>
    </message>
    <message>
        <location filename="../../operator_console/gui/worklist/page.py" line="235"/>
        <source>Triage desk: %1 cases without a unit</source>
        <translation>Bàn phân loại: %1 hồ sơ chưa có đơn vị</translation>
    </message>
    <message>
        <location filename="../../operator_console/gui/worklist/page.py" line="237"/>
        <source>(unit not known yet)</source>
        <translation>(chưa biết đơn vị)</translation>
    </message>
    <message>
        <location filename="../../operator_console/gui/worklist/page.py" line="238"/>
        <source>%1: %2 open cases</source>
        <translation>%1: %2 hồ sơ đang mở</translation>
    </message>
    <message>
        <location filename="../../operator_console/gui/worklist/page.py" line="240"/>
        <source> (%1 shown)</source>
        <translation> (đang hiện %1)</translation>
    </message>
    <message>
        <location filename="../../operator_console/gui/worklist/page.py" line="259"/>
        <source>The list is empty: nothing to act on.</source>
        <translation>Danh sách trống: không có hồ sơ để xử lý.</translation>
    </message>
    <message>
        <location filename="../../operator_console/gui/worklist/page.py" line="311"/>
        <source>Not recorded: the local store failed (%1).</source>
        <translation>Chưa ghi nhận: kho trên máy bị lỗi (%1).</translation>
    </message>
    <message>
        <location filename="../../operator_console/gui/worklist/page.py" line="319"/>
        <source>%1 case(s) routed to %2; sent to the server in order.</source>
        <translation>Đã chuyển %1 hồ sơ đến %2; đang gửi lên máy chủ theo thứ tự.</translation>
    </message>
    <message>
        <location filename="../../operator_console/gui/worklist/page.py" line="323"/>
        <source>Recorded on %1 case(s); sent to the server in order.</source>
        <translation>Đã ghi nhận cho %1 hồ sơ; đang gửi lên máy chủ theo thứ tự.</translation>
    </message>
</context>
<context>
    <name>actions</name>
    <message>
        <location filename="../../operator_console/gui/shell/actions.py" line="30"/>
        <source>&amp;New call</source>
        <translation>Cuộc gọi &amp;mới</translation>
    </message>
    <message>
        <location filename="../../operator_console/gui/shell/actions.py" line="33"/>
        <source>&amp;Save and queue</source>
        <translation>&amp;Lưu và chờ gửi</translation>
    </message>
    <message>
        <location filename="../../operator_console/gui/shell/actions.py" line="37"/>
        <source>&amp;Clear the form</source>
        <translation>&amp;Xoá biểu mẫu</translation>
    </message>
    <message>
        <location filename="../../operator_console/gui/shell/actions.py" line="48"/>
        <source>&amp;Fill in from this caller&apos;s last case</source>
        <translation>&amp;Điền theo hồ sơ trước của số này</translation>
    </message>
    <message>
        <location filename="../../operator_console/gui/shell/actions.py" line="55"/>
        <source>Landline &amp;reading of an 08 number (028…)</source>
        <translation>Đọc số 08 thành số &amp;bàn cũ (028…)</translation>
    </message>
    <message>
        <location filename="../../operator_console/gui/shell/actions.py" line="59"/>
        <source>Se&amp;ttings…</source>
        <translation>&amp;Cài đặt…</translation>
    </message>
    <message>
        <location filename="../../operator_console/gui/shell/actions.py" line="60"/>
        <source>&amp;Log in to the server…</source>
        <translation>Đă&amp;ng nhập máy chủ…</translation>
    </message>
    <message>
        <location filename="../../operator_console/gui/shell/actions.py" line="61"/>
        <source>Log &amp;out</source>
        <translation>Đăng x&amp;uất</translation>
    </message>
    <message>
        <location filename="../../operator_console/gui/shell/actions.py" line="70"/>
        <source>&amp;Find in the case list</source>
        <translation>&amp;Tìm trong danh sách</translation>
    </message>
    <message>
        <location filename="../../operator_console/gui/shell/actions.py" line="72"/>
        <source>&amp;Refresh the case list</source>
        <translation>&amp;Làm mới danh sách</translation>
    </message>
    <message>
        <location filename="../../operator_console/gui/shell/actions.py" line="75"/>
        <source>Supervisor&apos;s &amp;dashboard / call intake</source>
        <translation>&amp;Bảng giám sát / tiếp nhận cuộc gọi</translation>
    </message>
    <message>
        <location filename="../../operator_console/gui/shell/actions.py" line="81"/>
        <source>&amp;Worklist / triage desk / call intake</source>
        <translation>Danh sách &amp;việc / bàn phân loại / tiếp nhận cuộc gọi</translation>
    </message>
    <message>
        <location filename="../../operator_console/gui/shell/actions.py" line="86"/>
        <source>Backlog by &amp;unit</source>
        <translation>Tồn đọng theo đơn &amp;vị</translation>
    </message>
    <message>
        <location filename="../../operator_console/gui/shell/actions.py" line="87"/>
        <source>Backlog by &amp;ward</source>
        <translation>Tồn đọng theo &amp;phường</translation>
    </message>
    <message>
        <location filename="../../operator_console/gui/shell/actions.py" line="89"/>
        <source>Cases &amp;past deadline</source>
        <translation>Hồ sơ &amp;quá hạn</translation>
    </message>
    <message>
        <location filename="../../operator_console/gui/shell/actions.py" line="92"/>
        <source>&amp;Operators on shift</source>
        <translation>Tổng đài viên trong &amp;ca</translation>
    </message>
    <message>
        <location filename="../../operator_console/gui/shell/actions.py" line="96"/>
        <source>&amp;Export the dashboard to Excel…</source>
        <translation>&amp;Xuất bảng giám sát ra Excel…</translation>
    </message>
    <message>
        <location filename="../../operator_console/gui/shell/actions.py" line="102"/>
        <source>Export the dashboard to CS&amp;V…</source>
        <translation>Xuất bảng giám sát ra CS&amp;V…</translation>
    </message>
    <message>
        <location filename="../../operator_console/gui/shell/actions.py" line="107"/>
        <source>Candidate &amp;1…</source>
        <translation>Hồ sơ gợi ý &amp;1…</translation>
    </message>
    <message>
        <location filename="../../operator_console/gui/shell/actions.py" line="108"/>
        <source>Candidate &amp;2…</source>
        <translation>Hồ sơ gợi ý &amp;2…</translation>
    </message>
    <message>
        <location filename="../../operator_console/gui/shell/actions.py" line="109"/>
        <source>Candidate &amp;3…</source>
        <translation>Hồ sơ gợi ý &amp;3…</translation>
    </message>
    <message>
        <location filename="../../operator_console/gui/shell/actions.py" line="110"/>
        <source>Candidate &amp;4…</source>
        <translation>Hồ sơ gợi ý &amp;4…</translation>
    </message>
    <message>
        <location filename="../../operator_console/gui/shell/actions.py" line="111"/>
        <source>Candidate &amp;5…</source>
        <translation>Hồ sơ gợi ý &amp;5…</translation>
    </message>
    <message>
        <location filename="../../operator_console/gui/shell/actions.py" line="113"/>
        <source>About the console…</source>
        <translation>Giới thiệu bàn tiếp nhận…</translation>
    </message>
    <message>
        <location filename="../../operator_console/gui/shell/actions.py" line="120"/>
        <source>Help</source>
        <translation>Trợ giúp</translation>
    </message>
    <message>
        <location filename="../../operator_console/gui/shell/actions.py" line="68"/>
        <source>&amp;Quit</source>
        <translation>&amp;Thoát</translation>
    </message>
    <message>
        <location filename="../../operator_console/gui/shell/actions.py" line="41"/>
        <source>Bring back the last held call</source>
        <translation>Lấy lại cuộc gọi vừa giữ</translation>
    </message>
    <message>
        <location filename="../../operator_console/gui/shell/actions.py" line="45"/>
        <source>&amp;Held calls…</source>
        <translation>Cuộc gọi đang &amp;giữ…</translation>
    </message>
    <message>
        <location filename="../../operator_console/gui/shell/actions.py" line="64"/>
        <source>Cases the server refu&amp;sed…</source>
        <translation>Hồ sơ máy chủ từ &amp;chối…</translation>
    </message>
    <message>
        <location filename="../../operator_console/gui/shell/actions.py" line="112"/>
        <source>&amp;Keys (cheat sheet)</source>
        <translation>&amp;Bảng phím tắt</translation>
    </message>
    <message>
        <location filename="../../operator_console/gui/shell/actions.py" line="117"/>
        <source>&amp;Operator</source>
        <translation>Tổng đài &amp;viên</translation>
    </message>
    <message>
        <location filename="../../operator_console/gui/shell/actions.py" line="118"/>
        <source>&amp;View</source>
        <translation>&amp;Xem</translation>
    </message>
</context>
<context>
    <name>figures</name>
    <message>
        <location filename="../../operator_console/gui/dashboard/page.py" line="90"/>
        <source>Received today</source>
        <translation>Tiếp nhận hôm nay</translation>
    </message>
    <message>
        <location filename="../../operator_console/gui/dashboard/page.py" line="91"/>
        <source>Received in the last hour</source>
        <translation>Tiếp nhận trong giờ qua</translation>
    </message>
    <message>
        <location filename="../../operator_console/gui/dashboard/page.py" line="92"/>
        <source>Open cases</source>
        <translation>Hồ sơ đang mở</translation>
    </message>
    <message>
        <location filename="../../operator_console/gui/dashboard/page.py" line="93"/>
        <source>Past their deadline</source>
        <translation>Quá hạn xử lý</translation>
    </message>
    <message>
        <location filename="../../operator_console/gui/dashboard/page.py" line="94"/>
        <source>Repeat calls today</source>
        <translation>Gọi lại hôm nay</translation>
    </message>
    <message>
        <location filename="../../operator_console/gui/dashboard/page.py" line="95"/>
        <source>Waiting in consoles&apos; outboxes</source>
        <translation>Chờ gửi ở các bàn</translation>
    </message>
    <message>
        <location filename="../../operator_console/gui/dashboard/page.py" line="96"/>
        <source>Calls waiting now</source>
        <translation>Cuộc gọi đang chờ</translation>
    </message>
    <message>
        <location filename="../../operator_console/gui/dashboard/page.py" line="97"/>
        <source>Answered within 20 s</source>
        <translation>Trả lời trong 20 giây</translation>
    </message>
    <message>
        <location filename="../../operator_console/gui/dashboard/page.py" line="99"/>
        <source>Average speed of answer</source>
        <translation>Thời gian chờ trả lời TB</translation>
    </message>
    <message>
        <location filename="../../operator_console/gui/dashboard/page.py" line="101"/>
        <source>Abandoned calls</source>
        <translation>Cuộc gọi bỏ máy</translation>
    </message>
    <message>
        <location filename="../../operator_console/gui/dashboard/page.py" line="102"/>
        <source>Average handle time</source>
        <translation>Thời lượng cuộc gọi TB</translation>
    </message>
    <message>
        <location filename="../../operator_console/gui/dashboard/page.py" line="103"/>
        <source>Operators</source>
        <translation>Tổng đài viên</translation>
    </message>
    <message>
        <location filename="../../operator_console/gui/dashboard/page.py" line="138"/>
        <source>Not cases on the server: no list behind this figure.</source>
        <translation>Không phải hồ sơ trên máy chủ: chỉ số này không có danh sách.</translation>
    </message>
    <message>
        <location filename="../../operator_console/gui/dashboard/page.py" line="316"/>
        <source>oldest open %1</source>
        <translation>lâu nhất %1</translation>
    </message>
    <message>
        <location filename="../../operator_console/gui/dashboard/page.py" line="318"/>
        <source>none</source>
        <translation>không có</translation>
    </message>
    <message>
        <location filename="../../operator_console/gui/dashboard/page.py" line="323"/>
        <source>%1 of %3 contacts today were repeats, about %2 cases</source>
        <translation>%1 / %3 lượt liên hệ hôm nay là gọi lại, về %2 hồ sơ</translation>
    </message>
    <message>
        <location filename="../../operator_console/gui/dashboard/page.py" line="331"/>
        <source>%1 consoles on shift</source>
        <translation>%1 bàn trong ca</translation>
    </message>
    <message>
        <location filename="../../operator_console/gui/dashboard/page.py" line="334"/>
        <source>oldest %1</source>
        <translation>lâu nhất %1</translation>
    </message>
    <message>
        <location filename="../../operator_console/gui/dashboard/page.py" line="345"/>
        <source>longest wait %1</source>
        <translation>chờ lâu nhất %1</translation>
    </message>
    <message>
        <location filename="../../operator_console/gui/dashboard/page.py" line="352"/>
        <source>%1 of %2 calls (hang-ups within 5 s left out)</source>
        <translation>%1 / %2 cuộc (không tính gác máy trong 5 giây)</translation>
    </message>
    <message>
        <location filename="../../operator_console/gui/dashboard/page.py" line="359"/>
        <source>%1 calls answered today</source>
        <translation>%1 cuộc đã trả lời hôm nay</translation>
    </message>
    <message>
        <location filename="../../operator_console/gui/dashboard/page.py" line="366"/>
        <source>%1 of calls offered</source>
        <translation>%1 số cuộc gọi đến</translation>
    </message>
    <message>
        <location filename="../../operator_console/gui/dashboard/page.py" line="373"/>
        <source>talk and hold, answered calls today</source>
        <translation>đàm thoại và giữ máy, hôm nay</translation>
    </message>
    <message>
        <location filename="../../operator_console/gui/dashboard/page.py" line="376"/>
        <source>%1 available</source>
        <translation>%1 sẵn sàng</translation>
    </message>
    <message>
        <location filename="../../operator_console/gui/dashboard/page.py" line="379"/>
        <source>%1 on a call · %2 after-call work</source>
        <translation>%1 đang nghe · %2 sau cuộc gọi</translation>
    </message>
    <message>
        <location filename="../../operator_console/gui/dashboard/page.py" line="432"/>
        <location filename="../../operator_console/gui/dashboard/page.py" line="652"/>
        <source>Ward not known</source>
        <translation>Chưa rõ phường</translation>
    </message>
    <message>
        <location filename="../../operator_console/gui/dashboard/page.py" line="438"/>
        <source>Past deadline: %1, %2</source>
        <translation>Quá hạn: %1, %2</translation>
    </message>
    <message>
        <location filename="../../operator_console/gui/dashboard/page.py" line="451"/>
        <source>Saved today by %1</source>
        <translation>Hồ sơ %1 lưu hôm nay</translation>
    </message>
    <message>
        <location filename="../../operator_console/gui/dashboard/page.py" line="642"/>
        <source>Oldest open for</source>
        <translation>Hồ sơ lâu nhất</translation>
    </message>
    <message>
        <location filename="../../operator_console/gui/dashboard/page.py" line="651"/>
        <source>Unit</source>
        <translation>Đơn vị</translation>
    </message>
    <message>
        <location filename="../../operator_console/gui/dashboard/drilldown_dialog.py" line="107"/>
        <location filename="../../operator_console/gui/dashboard/page.py" line="651"/>
        <source>Ward/commune</source>
        <translation>Phường/xã</translation>
    </message>
    <message>
        <location filename="../../operator_console/gui/dashboard/page.py" line="656"/>
        <source>Open</source>
        <translation>Đang mở</translation>
    </message>
    <message>
        <location filename="../../operator_console/gui/dashboard/drilldown_dialog.py" line="96"/>
        <location filename="../../operator_console/gui/dashboard/page.py" line="684"/>
        <source>Category</source>
        <translation>Loại yêu cầu</translation>
    </message>
    <message>
        <location filename="../../operator_console/gui/dashboard/drilldown_dialog.py" line="88"/>
        <location filename="../../operator_console/gui/dashboard/page.py" line="689"/>
        <source>Priority</source>
        <translation>Mức ưu tiên</translation>
    </message>
    <message>
        <location filename="../../operator_console/gui/dashboard/page.py" line="698"/>
        <source>Deadline</source>
        <translation>Hạn xử lý</translation>
    </message>
    <message>
        <location filename="../../operator_console/gui/dashboard/page.py" line="703"/>
        <source>Deadline (hours)</source>
        <translation>Hạn xử lý (giờ)</translation>
    </message>
    <message>
        <location filename="../../operator_console/gui/dashboard/page.py" line="706"/>
        <source>Past deadline</source>
        <translation>Quá hạn</translation>
    </message>
    <message>
        <location filename="../../operator_console/gui/dashboard/page.py" line="718"/>
        <source>Available</source>
        <translation>Sẵn sàng</translation>
    </message>
    <message>
        <location filename="../../operator_console/gui/dashboard/page.py" line="719"/>
        <source>On a call</source>
        <translation>Đang nghe</translation>
    </message>
    <message>
        <location filename="../../operator_console/gui/dashboard/page.py" line="720"/>
        <source>After-call work</source>
        <translation>Sau cuộc gọi</translation>
    </message>
    <message>
        <location filename="../../operator_console/gui/dashboard/page.py" line="724"/>
        <source>Operator</source>
        <translation>Tổng đài viên</translation>
    </message>
    <message>
        <location filename="../../operator_console/gui/dashboard/page.py" line="729"/>
        <source>State</source>
        <translation>Trạng thái</translation>
    </message>
    <message>
        <location filename="../../operator_console/gui/dashboard/page.py" line="734"/>
        <source>Last hour</source>
        <translation>HS giờ qua</translation>
    </message>
    <message>
        <location filename="../../operator_console/gui/dashboard/page.py" line="740"/>
        <source>Today</source>
        <translation>HS hôm nay</translation>
    </message>
    <message>
        <location filename="../../operator_console/gui/dashboard/page.py" line="746"/>
        <source>Avg. handling</source>
        <translation>TG nhập TB</translation>
    </message>
    <message>
        <location filename="../../operator_console/gui/dashboard/page.py" line="751"/>
        <source>Avg. handling (seconds)</source>
        <translation>TG nhập TB (giây)</translation>
    </message>
    <message>
        <location filename="../../operator_console/gui/dashboard/drilldown_dialog.py" line="56"/>
        <source>map point %1</source>
        <translation>điểm bản đồ %1</translation>
    </message>
    <message>
        <location filename="../../operator_console/gui/dashboard/drilldown_dialog.py" line="69"/>
        <source>Case</source>
        <translation>Số hồ sơ</translation>
    </message>
    <message>
        <location filename="../../operator_console/gui/dashboard/drilldown_dialog.py" line="72"/>
        <source>Received</source>
        <translation>Tiếp nhận lúc</translation>
    </message>
    <message>
        <location filename="../../operator_console/gui/dashboard/drilldown_dialog.py" line="77"/>
        <source>Waiting for</source>
        <translation>Đã chờ</translation>
    </message>
    <message>
        <location filename="../../operator_console/gui/dashboard/drilldown_dialog.py" line="83"/>
        <source>Status</source>
        <translation>Trạng thái</translation>
    </message>
    <message>
        <location filename="../../operator_console/gui/dashboard/drilldown_dialog.py" line="98"/>
        <source>Channel</source>
        <translation>Kênh</translation>
    </message>
    <message>
        <location filename="../../operator_console/gui/dashboard/drilldown_dialog.py" line="103"/>
        <source>Handling unit</source>
        <translation>Đơn vị xử lý</translation>
    </message>
    <message>
        <location filename="../../operator_console/gui/dashboard/drilldown_dialog.py" line="109"/>
        <source>Caller</source>
        <translation>Người gọi</translation>
    </message>
    <message>
        <location filename="../../operator_console/gui/dashboard/figure_charts.py" line="59"/>
        <source>Under a day</source>
        <translation>Dưới 1 ngày</translation>
    </message>
    <message>
        <location filename="../../operator_console/gui/dashboard/figure_charts.py" line="60"/>
        <source>1 to 3 days</source>
        <translation>1–3 ngày</translation>
    </message>
    <message>
        <location filename="../../operator_console/gui/dashboard/figure_charts.py" line="61"/>
        <source>Over 3 days</source>
        <translation>Trên 3 ngày</translation>
    </message>
    <message>
        <location filename="../../operator_console/gui/dashboard/figure_charts.py" line="191"/>
        <source>Received %1 %2:00–%3:00, %4</source>
        <translation>Tiếp nhận %1 %2:00–%3:00, %4</translation>
    </message>
    <message>
        <location filename="../../operator_console/gui/dashboard/figure_charts.py" line="203"/>
        <source>Cases received per hour, last 24 hours</source>
        <translation>Hồ sơ tiếp nhận mỗi giờ, 24 giờ qua</translation>
    </message>
    <message>
        <location filename="../../operator_console/gui/dashboard/figure_charts.py" line="208"/>
        <source>Cases received per hour, last 7 days</source>
        <translation>Hồ sơ tiếp nhận mỗi giờ, 7 ngày qua</translation>
    </message>
    <message>
        <location filename="../../operator_console/gui/dashboard/figure_charts.py" line="217"/>
        <source>Units with the most open cases</source>
        <translation>Đơn vị nhiều hồ sơ đang mở nhất</translation>
    </message>
    <message>
        <location filename="../../operator_console/gui/dashboard/figure_charts.py" line="224"/>
        <source>A unit&apos;s bar is coloured by how long its oldest open case has waited.</source>
        <translation>Màu cột của mỗi đơn vị theo thời gian chờ của hồ sơ đang mở lâu nhất.</translation>
    </message>
    <message>
        <location filename="../../operator_console/gui/dashboard/figure_charts.py" line="261"/>
        <source>Open cases by age</source>
        <translation>Hồ sơ đang mở theo thời gian chờ</translation>
    </message>
    <message>
        <location filename="../../operator_console/gui/dashboard/figure_charts.py" line="300"/>
        <source>Open for %1</source>
        <translation>Đã mở %1</translation>
    </message>
    <message>
        <location filename="../../operator_console/gui/dashboard/figure_text.py" line="39"/>
        <source>%1 s</source>
        <translation>%1 giây</translation>
    </message>
    <message>
        <location filename="../../operator_console/gui/dashboard/figure_text.py" line="43"/>
        <source>%1 min %2 s</source>
        <translation>%1 phút %2 giây</translation>
    </message>
    <message>
        <location filename="../../operator_console/gui/dashboard/figure_text.py" line="49"/>
        <location filename="../../operator_console/gui/dashboard/figure_text.py" line="65"/>
        <source>%1 h %2 min</source>
        <translation>%1 giờ %2 phút</translation>
    </message>
    <message>
        <location filename="../../operator_console/gui/dashboard/figure_text.py" line="61"/>
        <source>%1 min</source>
        <translation>%1 phút</translation>
    </message>
    <message>
        <location filename="../../operator_console/gui/dashboard/figure_text.py" line="71"/>
        <source>%1 d %2 h</source>
        <translation>%1 ngày %2 giờ</translation>
    </message>
    <message>
        <location filename="../../operator_console/gui/dashboard/figure_text.py" line="78"/>
        <source>%1 days</source>
        <translation>%1 ngày</translation>
    </message>
    <message>
        <location filename="../../operator_console/gui/dashboard/figure_text.py" line="80"/>
        <source>%1 hours</source>
        <translation>%1 giờ</translation>
    </message>
    <message>
        <location filename="../../operator_console/gui/dashboard/figure_text.py" line="90"/>
        <source>days</source>
        <translation>ngày</translation>
    </message>
    <message>
        <location filename="../../operator_console/gui/dashboard/figure_text.py" line="92"/>
        <source>hours</source>
        <translation>giờ</translation>
    </message>
    <message>
        <location filename="../../operator_console/gui/dashboard/figure_text.py" line="100"/>
        <source>over %1 %2</source>
        <translation>trên %1 %2</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <location filename="../../operator_console/gui/shell/main.py" line="229"/>
        <source>1022 Operator Console</source>
        <translation>Bàn tiếp nhận 1022</translation>
    </message>
    <message>
        <location filename="../../operator_console/gui/shell/main.py" line="230"/>
        <source>The console could not start. Nothing on this computer was deleted. Tell IT, with this report (it holds no personal data): %1</source>
        <translation>Bàn tiếp nhận không khởi động được. Không có gì trên máy này bị xoá. Hãy báo bộ phận CNTT, kèm báo cáo này (không có dữ liệu cá nhân): %1</translation>
    </message>
</context>
</TS>
