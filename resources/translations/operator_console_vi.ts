<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="vi_VN">
<context>
    <name>CaseListModel</name>
    <message>
        <location filename="../../operator_console/gui/case_list.py" line="36" />
        <source>Received</source>
        <translation>Tiếp nhận</translation>
    </message>
    <message>
        <location filename="../../operator_console/gui/case_list.py" line="37" />
        <source>Case</source>
        <translation>Hồ sơ</translation>
    </message>
    <message>
        <location filename="../../operator_console/gui/case_list.py" line="38" />
        <source>Name</source>
        <translation>Họ tên</translation>
    </message>
    <message>
        <location filename="../../operator_console/gui/case_list.py" line="39" />
        <source>Phone</source>
        <translation>Điện thoại</translation>
    </message>
    <message>
        <location filename="../../operator_console/gui/case_list.py" line="40" />
        <source>Ward/commune</source>
        <translation>Phường/xã</translation>
    </message>
    <message>
        <location filename="../../operator_console/gui/case_list.py" line="41" />
        <source>Category</source>
        <translation>Lĩnh vực</translation>
    </message>
    <message>
        <location filename="../../operator_console/gui/case_list.py" line="42" />
        <source>Status</source>
        <translation>Trạng thái</translation>
    </message>
    <message>
        <location filename="../../operator_console/gui/case_list.py" line="43" />
        <source>Priority</source>
        <translation>Ưu tiên</translation>
    </message>
</context>
<context>
    <name>IntakeForm</name>
    <message>
        <location filename="../../operator_console/gui/intake_form.py" line="164" />
        <source>— choose (digit key) —</source>
        <translation>— chọn (phím số) —</translation>
    </message>
    <message>
        <location filename="../../operator_console/gui/intake_form.py" line="169" />
        <source>Suggested</source>
        <translation>Theo đề xuất</translation>
    </message>
    <message>
        <location filename="../../operator_console/gui/intake_form.py" line="216" />
        <source>withheld</source>
        <translation>ẩn số</translation>
    </message>
    <message>
        <location filename="../../operator_console/gui/intake_form.py" line="218" />
        <source>%1 (old number %2)</source>
        <translation>%1 (số cũ %2)</translation>
    </message>
    <message>
        <location filename="../../operator_console/gui/intake_form.py" line="248" />
        <source>suggested: %1</source>
        <translation>đề xuất: %1</translation>
    </message>
    <message>
        <location filename="../../ui/intake_form.ui" line="6" />
        <source>New request</source>
        <translation>Yêu cầu mới</translation>
    </message>
    <message>
        <location filename="../../ui/intake_form.ui" line="13" />
        <source>&amp;Phone</source>
        <translation>Số điện &amp;thoại</translation>
    </message>
    <message>
        <location filename="../../ui/intake_form.ui" line="16" />
        <source>as the caller says it: 0389 123 456, +84…, 0168…</source>
        <translation>như người gọi đọc: 0389 123 456, +84…, 0168…</translation>
    </message>
    <message>
        <location filename="../../ui/intake_form.ui" line="16" />
        <source>Caller's phone</source>
        <translation>Số điện thoại người gọi</translation>
    </message>
    <message>
        <location filename="../../ui/intake_form.ui" line="18" />
        <source>Phone number as understood</source>
        <translation>Số điện thoại đã hiểu</translation>
    </message>
    <message>
        <location filename="../../ui/intake_form.ui" line="21" />
        <source>Caller's &amp;name</source>
        <translation>Họ tên người &amp;gọi</translation>
    </message>
    <message>
        <location filename="../../ui/intake_form.ui" line="23" />
        <source>Caller's name</source>
        <translation>Họ tên người gọi</translation>
    </message>
    <message>
        <location filename="../../ui/intake_form.ui" line="25" />
        <source>&amp;Relation</source>
        <translation>&amp;Quan hệ</translation>
    </message>
    <message>
        <location filename="../../ui/intake_form.ui" line="27" />
        <source>Caller's relation to the person in need</source>
        <translation>Quan hệ của người gọi với người cần hỗ trợ</translation>
    </message>
    <message>
        <location filename="../../ui/intake_form.ui" line="29" />
        <source>Person in n&amp;eed</source>
        <translation>Người cần &amp;hỗ trợ</translation>
    </message>
    <message>
        <location filename="../../ui/intake_form.ui" line="31" />
        <source>when it is someone else</source>
        <translation>khi không phải người gọi</translation>
    </message>
    <message>
        <location filename="../../ui/intake_form.ui" line="31" />
        <source>Name of the person in need</source>
        <translation>Họ tên người cần hỗ trợ</translation>
    </message>
    <message>
        <location filename="../../ui/intake_form.ui" line="33" />
        <source>&amp;Address</source>
        <translation>Đị&amp;a chỉ</translation>
    </message>
    <message>
        <location filename="../../ui/intake_form.ui" line="35" />
        <source>house/alley and street, e.g. 12/3/45 Lê Văn Sỹ</source>
        <translation>số nhà/hẻm và đường, ví dụ 12/3/45 Lê Văn Sỹ</translation>
    </message>
    <message>
        <location filename="../../ui/intake_form.ui" line="35" />
        <source>Address</source>
        <translation>Địa chỉ</translation>
    </message>
    <message>
        <location filename="../../ui/intake_form.ui" line="37" />
        <source>&amp;Ward/commune</source>
        <translation>&amp;Phường/xã</translation>
    </message>
    <message>
        <location filename="../../ui/intake_form.ui" line="39" />
        <source>today's or former name: Tân Định, P.5 Q.8…</source>
        <translation>tên mới hoặc cũ: Tân Định, P.5 Q.8…</translation>
    </message>
    <message>
        <location filename="../../ui/intake_form.ui" line="39" />
        <source>Ward or commune</source>
        <translation>Phường hoặc xã</translation>
    </message>
    <message>
        <location filename="../../ui/intake_form.ui" line="42" />
        <source>&amp;Category</source>
        <translation>&amp;Lĩnh vực</translation>
    </message>
    <message>
        <location filename="../../ui/intake_form.ui" line="44" />
        <source>Category</source>
        <translation>Lĩnh vực</translation>
    </message>
    <message>
        <location filename="../../ui/intake_form.ui" line="47" />
        <source>&amp;Household size</source>
        <translation>Số &amp;người trong hộ</translation>
    </message>
    <message>
        <location filename="../../ui/intake_form.ui" line="51" />
        <source>Household size</source>
        <translation>Số người trong hộ</translation>
    </message>
    <message>
        <location filename="../../ui/intake_form.ui" line="52" />
        <source>No &amp;food today</source>
        <translation>&amp;Không còn gì ăn hôm nay</translation>
    </message>
    <message>
        <location filename="../../ui/intake_form.ui" line="58" />
        <source>Vulnerable</source>
        <translation>Thành viên dễ tổn thương</translation>
    </message>
    <message>
        <location filename="../../ui/intake_form.ui" line="62" />
        <source>&amp;Lone elderly</source>
        <translation>Người già n&amp;eo đơn</translation>
    </message>
    <message>
        <location filename="../../ui/intake_form.ui" line="63" />
        <source>Yo&amp;ung children</source>
        <translation>T&amp;rẻ nhỏ</translation>
    </message>
    <message>
        <location filename="../../ui/intake_form.ui" line="64" />
        <source>D&amp;isabled</source>
        <translation>Người khu&amp;yết tật</translation>
    </message>
    <message>
        <location filename="../../ui/intake_form.ui" line="65" />
        <source>Pre&amp;gnant</source>
        <translation>Phụ nữ &amp;mang thai</translation>
    </message>
    <message>
        <location filename="../../ui/intake_form.ui" line="66" />
        <source>Sic&amp;k</source>
        <translation>Người &amp;bệnh</translation>
    </message>
    <message>
        <location filename="../../ui/intake_form.ui" line="70" />
        <source>&amp;Description</source>
        <translation>Nội &amp;dung</translation>
    </message>
    <message>
        <location filename="../../ui/intake_form.ui" line="72" />
        <source>Description</source>
        <translation>Nội dung</translation>
    </message>
    <message>
        <location filename="../../ui/intake_form.ui" line="74" />
        <source>Priori&amp;ty</source>
        <translation>Mức ư&amp;u tiên</translation>
    </message>
    <message>
        <location filename="../../ui/intake_form.ui" line="78" />
        <source>Priority</source>
        <translation>Ưu tiên</translation>
    </message>
    <message>
        <location filename="../../ui/intake_form.ui" line="83" />
        <source>Caller agrees to be called &amp;back</source>
        <translation>Đồng ý được gọi lạ&amp;i</translation>
    </message>
    <message>
        <location filename="../../ui/intake_form.ui" line="92" />
        <source>Clear (Esc)</source>
        <translation>Xoá (Esc)</translation>
    </message>
    <message>
        <location filename="../../ui/intake_form.ui" line="93" />
        <source>&amp;Save (Ctrl+Enter)</source>
        <translation>Lưu hồ &amp;sơ (Ctrl+Enter)</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../operator_console/gui/main_window.py" line="36" />
        <source>1022 Operator Console</source>
        <translation>Tổng đài 1022 – Bàn tiếp nhận</translation>
    </message>
    <message>
        <location filename="../../operator_console/gui/main_window.py" line="41" />
        <location filename="../../operator_console/gui/main_window.py" line="58" />
        <source>Recent cases</source>
        <translation>Hồ sơ gần đây</translation>
    </message>
    <message>
        <location filename="../../operator_console/gui/main_window.py" line="49" />
        <source>Number of the case just saved</source>
        <translation>Số hồ sơ vừa lưu</translation>
    </message>
    <message>
        <location filename="../../operator_console/gui/main_window.py" line="67" />
        <source>(no operator set)</source>
        <translation>(chưa đặt tên tổng đài viên)</translation>
    </message>
    <message>
        <location filename="../../operator_console/gui/main_window.py" line="109" />
        <source>Saved: case %1</source>
        <translation>Đã lưu: hồ sơ %1</translation>
    </message>
    <message>
        <location filename="../../operator_console/gui/main_window.py" line="118" />
        <source>Not saved: the local store failed (%1). The form is kept.</source>
        <translation>Chưa lưu được: lỗi kho dữ liệu trên máy (%1). Biểu mẫu vẫn được giữ nguyên.</translation>
    </message>
    <message>
        <location filename="../../operator_console/gui/main_window.py" line="125" />
        <source>The case list could not be read (%1).</source>
        <translation>Không đọc được danh sách hồ sơ (%1).</translation>
    </message>
    <message>
        <location filename="../../operator_console/gui/main_window.py" line="131" />
        <source>Cases in this console: %1</source>
        <translation>Hồ sơ trên máy này: %1</translation>
    </message>
</context>
<context>
    <name>actions</name>
    <message>
        <location filename="../../operator_console/gui/actions.py" line="26" />
        <source>&amp;New call</source>
        <translation>Cuộc gọi &amp;mới</translation>
    </message>
    <message>
        <location filename="../../operator_console/gui/actions.py" line="29" />
        <source>&amp;Save and queue</source>
        <translation>&amp;Lưu và chờ gửi</translation>
    </message>
    <message>
        <location filename="../../operator_console/gui/actions.py" line="33" />
        <source>&amp;Clear the form</source>
        <translation>&amp;Xoá biểu mẫu</translation>
    </message>
    <message>
        <location filename="../../operator_console/gui/actions.py" line="34" />
        <source>&amp;Refresh the case list</source>
        <translation>&amp;Làm mới danh sách</translation>
    </message>
    <message>
        <location filename="../../operator_console/gui/actions.py" line="35" />
        <source>&amp;Quit</source>
        <translation>&amp;Thoát</translation>
    </message>
    <message>
        <location filename="../../operator_console/gui/actions.py" line="39" />
        <source>&amp;Operator</source>
        <translation>Tổng đài &amp;viên</translation>
    </message>
    <message>
        <location filename="../../operator_console/gui/actions.py" line="40" />
        <source>&amp;View</source>
        <translation>&amp;Xem</translation>
    </message>
</context>
</TS>