<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="vi_VN">
<context>
    <name></name>
    <message>
        <source>Hướng dẫn sử dụng</source>
        <translation>User guide</translation>
    </message>
    <message>
        <source>Hướng dẫn sử dụng hiện chỉ có bằng tiếng Việt.</source>
        <translation>The user guide is available in Vietnamese only.</translation>
    </message>
    <message>
        <source>Không tìm thấy tệp hướng dẫn ({name}) trong thư mục chương trình.</source>
        <translation>The user guide file ({name}) was not found in the program folder.</translation>
    </message>
    <message>
        <source>Tệp cấu hình (*.vstc)</source>
        <translation>Configuration files (*.vstc)</translation>
    </message>
    <message>
        <source>Danh mục chỉ tiêu (*.json)</source>
        <translation>Indicator catalogue (*.json)</translation>
    </message>
    <message>
        <source>Không có thay đổi.</source>
        <translation>No changes.</translation>
    </message>
    <message>
        <source>{file} sẽ thay đổi:
{changes}

Áp dụng tất cả các thay đổi này?</source>
        <translation>{file} will change:
{changes}

Apply all these changes?</translation>
    </message>
    <message>
        <source>Áp dụng</source>
        <translation>Apply</translation>
    </message>
    <message>
        <source>Cấu hình từ tỉnh</source>
        <translation>Configuration from the province</translation>
    </message>
    <message>
        <source>Cấp trên gửi tệp cấu hình (.vstc, có chữ ký): chỉ tiêu của tỉnh, mục tiêu, hạn nộp báo cáo, khóa bị thu hồi. Tệp chỉ được nhận khi đã đăng ký khóa của cấp trên (đối chiếu vân tay qua điện thoại).</source>
        <translation>The higher level sends signed configuration files (.vstc): the province&apos;s indicators, targets, report deadlines, revoked keys. A file is accepted only once the higher level&apos;s key is registered (fingerprint compared by phone).</translation>
    </message>
    <message>
        <source>Số</source>
        <translation>No.</translation>
    </message>
    <message>
        <source>Của đơn vị</source>
        <translation>From unit</translation>
    </message>
    <message>
        <source>Lập lúc</source>
        <translation>Made at</translation>
    </message>
    <message>
        <source>Áp dụng lúc</source>
        <translation>Applied at</translation>
    </message>
    <message>
        <source>Thay đổi của tệp đã chọn:</source>
        <translation>Changes of the selected file:</translation>
    </message>
    <message>
        <source>Nhận tệp cấu hình…</source>
        <translation>Receive a configuration file…</translation>
    </message>
    <message>
        <source>Đóng</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Chưa nhận tệp cấu hình nào.</source>
        <translation>No configuration file received yet.</translation>
    </message>
    <message>
        <source>Hạn nộp báo cáo do cấp trên đặt: {list}</source>
        <translation>Report deadlines set by the higher level: {list}</translation>
    </message>
    <message>
        <source>Cấp trên chưa đặt hạn nộp báo cáo nào.</source>
        <translation>The higher level has set no report deadline.</translation>
    </message>
    <message>
        <source>Nhận tệp cấu hình</source>
        <translation>Receive a configuration file</translation>
    </message>
    <message>
        <source>Đang áp dụng cấu hình…</source>
        <translation>Applying the configuration…</translation>
    </message>
    <message>
        <source>Đã áp dụng cấu hình số {sequence} của đơn vị {sender}</source>
        <translation>Configuration no. {sequence} of unit {sender} applied</translation>
    </message>
    <message>
        <source>Chỉ tiêu của tỉnh:</source>
        <translation>The province&apos;s indicators:</translation>
    </message>
    <message>
        <source> (ngừng dùng)</source>
        <translation> (retired)</translation>
    </message>
    <message>
        <source>Chỉ tiêu quốc gia ngừng dùng: {codes}</source>
        <translation>National indicators retired: {codes}</translation>
    </message>
    <message>
        <source>Mục tiêu của tỉnh:</source>
        <translation>The province&apos;s targets:</translation>
    </message>
    <message>
        <source>{code} năm {year}: {target} theo {decision}</source>
        <translation>{code} in {year}: {target} under {decision}</translation>
    </message>
    <message>
        <source>Hạn nộp báo cáo: {list}</source>
        <translation>Report deadlines: {list}</translation>
    </message>
    <message>
        <source>Khóa đã thu hồi: {count}</source>
        <translation>Keys revoked: {count}</translation>
    </message>
    <message>
        <source>Gửi cấu hình cho đơn vị cấp dưới</source>
        <translation>Send the configuration to subordinate units</translation>
    </message>
    <message>
        <source>Tệp cấu hình mang toàn bộ cấu hình hiện tại của đơn vị cho các đơn vị cấp dưới; mỗi tệp có số thứ tự mới, đơn vị cấp dưới không nhận lại tệp cũ. Hạn nộp đặt ở trang Tình hình báo cáo; khóa thu hồi ở Danh sách khóa.</source>
        <translation>The configuration file carries the unit&apos;s whole current configuration to its subordinate units; each file gets a new number and the units never take an older file again. Deadlines are set on the Reporting status page; keys are revoked in the key list.</translation>
    </message>
    <message>
        <source>Nhập danh mục chỉ tiêu…</source>
        <translation>Import an indicator catalogue…</translation>
    </message>
    <message>
        <source>Thêm, ngừng dùng chỉ tiêu và đặt mục tiêu của tỉnh từ tệp JSON</source>
        <translation>Add or retire indicators and set the province&apos;s targets from a JSON file</translation>
    </message>
    <message>
        <source>Ghi tệp cấu hình…</source>
        <translation>Write the configuration file…</translation>
    </message>
    <message>
        <source>Nhập danh mục chỉ tiêu</source>
        <translation>Import an indicator catalogue</translation>
    </message>
    <message>
        <source>{file}: không có thay đổi.</source>
        <translation>{file}: no changes.</translation>
    </message>
    <message>
        <source>Gửi cấu hình</source>
        <translation>Send configuration</translation>
    </message>
    <message>
        <source>Lưu tệp cấu hình</source>
        <translation>Save the configuration file</translation>
    </message>
    <message>
        <source>Đang ghi tệp cấu hình…</source>
        <translation>Writing the configuration file…</translation>
    </message>
    <message>
        <source>Đã ghi tệp cấu hình số {sequence} vào {file}.

Gửi tệp này cho các đơn vị cấp dưới; họ nhận tệp ở Tệp → Cấu hình từ tỉnh… (sau khi đã đăng ký khóa công khai của đơn vị mình).</source>
        <translation>Configuration file no. {sequence} written to {file}.

Send this file to the subordinate units; they receive it in File → Configuration from the province… (after registering this unit&apos;s public key).</translation>
    </message>
    <message>
        <source>Đã ghi tệp cấu hình số {sequence}</source>
        <translation>Configuration file no. {sequence} written</translation>
    </message>
    <message>
        <source>Gửi cấu hình…</source>
        <translation>Send configuration…</translation>
    </message>
    <message>
        <source>Chỉ tiêu, mục tiêu, hạn nộp và khóa thu hồi của tỉnh cho các đơn vị cấp dưới (tệp .vstc có chữ ký)</source>
        <translation>The province&apos;s indicators, targets, deadlines and revoked keys for the subordinate units (a signed .vstc file)</translation>
    </message>
    <message>
        <source>Cấu hình từ tỉnh…</source>
        <translation>Configuration from the province…</translation>
    </message>
    <message>
        <source>Tệp cấu hình đã nhận từ cấp trên, thay đổi của từng tệp; nhận tệp mới</source>
        <translation>Configuration files received from the higher level and what each changed; receive a new one</translation>
    </message>
    <message>
        <source>Phiên bản</source>
        <translation>Version</translation>
    </message>
    <message>
        <source>Đơn vị</source>
        <translation>Unit</translation>
    </message>
    <message>
        <source>Thư mục hồ sơ</source>
        <translation>Profile folder</translation>
    </message>
    <message>
        <source>Cơ sở dữ liệu</source>
        <translation>Database</translation>
    </message>
    <message>
        <source>Phiên bản lược đồ dữ liệu</source>
        <translation>Database schema version</translation>
    </message>
    <message>
        <source>Qt / PySide6</source>
        <translation>Qt / PySide6</translation>
    </message>
    <message>
        <source>Python</source>
        <translation>Python</translation>
    </message>
    <message>
        <source>Giới thiệu</source>
        <translation>About</translation>
    </message>
    <message>
        <source>&lt;p&gt;Ghi nhận công tác vì sự tiến bộ của phụ nữ và bình đẳng giới; in báo cáo 6 tháng, năm theo thể thức Nghị định 30/2020/NĐ-CP; gửi báo cáo có chữ ký số lên cấp trên. Hoạt động không cần mạng.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Records the work for the advancement of women and gender equality; prints the half-year and annual report in the layout of Decree 30/2020/NĐ-CP; sends digitally signed reports to the level above. Works without a network.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Gói báo cáo (*.vstb)</source>
        <translation>Report bundles (*.vstb)</translation>
    </message>
    <message>
        <source>Khóa công khai (*.json *.pub)</source>
        <translation>Public key (*.json *.pub)</translation>
    </message>
    <message>
        <source>Bảng Excel hoặc CSV (*.xlsx *.csv)</source>
        <translation>Excel or CSV tables (*.xlsx *.csv)</translation>
    </message>
    <message>
        <source>Không</source>
        <translation>No</translation>
    </message>
    <message>
        <source>… và {count} giá trị khác</source>
        <translation>… and {count} other values</translation>
    </message>
    <message>
        <source>Giá trị chưa lưu</source>
        <translation>Values not saved</translation>
    </message>
    <message>
        <source>Các giá trị sau không hợp lệ nên chưa được lưu:
{values}

Sửa lại cho đúng, hay bỏ các giá trị này (giữ giá trị đã lưu)?</source>
        <translation>These values are not valid and were not saved:
{values}

Fix them, or discard them (keeping the saved values)?</translation>
    </message>
    <message>
        <source>Sửa lại</source>
        <translation>Fix them</translation>
    </message>
    <message>
        <source>Bỏ các giá trị này</source>
        <translation>Discard these values</translation>
    </message>
    <message>
        <source>Gói được ký bằng khóa {fingerprint}, khóa này chưa được đăng ký ở đơn vị mình. Gói ghi là của {unit}. Hãy xin đơn vị đó tệp khóa công khai, gọi điện đối chiếu vân tay, rồi bấm “Đăng ký khóa…” và nhận lại gói.</source>
        <translation>The bundle is signed with key {fingerprint}, which is not enrolled here. The bundle says it comes from {unit}. Ask that unit for its public key file, compare the fingerprint by phone, then press “Enrol key…” and receive the bundle again.</translation>
    </message>
    <message>
        <source>Gói được ký bằng khóa {fingerprint}, khóa này chưa được đăng ký ở đơn vị mình, và gói không ghi rõ đơn vị gửi. Hãy hỏi đơn vị đã gửi tệp này.</source>
        <translation>The bundle is signed with key {fingerprint}, which is not enrolled here, and it does not say which unit sent it. Ask whoever sent you this file.</translation>
    </message>
    <message>
        <source>Từ chối: khóa ký chưa được đăng ký</source>
        <translation>Refused: signing key not enrolled</translation>
    </message>
    <message>
        <source>Từ chối: {reason}</source>
        <translation>Refused: {reason}</translation>
    </message>
    <message>
        <source>Đã nhận ngày {day}; không thay đổi gì</source>
        <translation>Received on {day}; nothing changed</translation>
    </message>
    <message>
        <source>Đã nhập (thay gói số {sequence})</source>
        <translation>Imported (replaces bundle no. {sequence})</translation>
    </message>
    <message>
        <source>Đã nhập</source>
        <translation>Imported</translation>
    </message>
    <message>
        <source>Hợp lệ — sẽ nhập</source>
        <translation>Valid — will be imported</translation>
    </message>
    <message>
        <source>{n} chỉ tiêu đổi</source>
        <translation>{n} indicators changed</translation>
    </message>
    <message>
        <source>hoạt động +{added} −{removed}</source>
        <translation>activities +{added} −{removed}</translation>
    </message>
    <message>
        <source>văn bản +{added} −{removed}</source>
        <translation>documents +{added} −{removed}</translation>
    </message>
    <message>
        <source>lời văn đổi</source>
        <translation>narrative changed</translation>
    </message>
    <message>
        <source>không thay đổi gì</source>
        <translation>no changes</translation>
    </message>
    <message>
        <source>Đơn vị gửi: &lt;b&gt;{name}&lt;/b&gt; ({code}), cán bộ {officer}</source>
        <translation>Sender: &lt;b&gt;{name}&lt;/b&gt; ({code}), officer {officer}</translation>
    </message>
    <message>
        <source>Kỳ &lt;b&gt;{period}&lt;/b&gt; — gói số &lt;b&gt;{sequence}&lt;/b&gt;, tạo lúc {created}</source>
        <translation>Period &lt;b&gt;{period}&lt;/b&gt; — bundle no. &lt;b&gt;{sequence}&lt;/b&gt;, created at {created}</translation>
    </message>
    <message>
        <source>Khóa ký: &lt;tt&gt;{fingerprint}&lt;/tt&gt;</source>
        <translation>Signing key: &lt;tt&gt;{fingerprint}&lt;/tt&gt;</translation>
    </message>
    <message>
        <source>Gói được mã hóa cho đơn vị này (đã giải mã để kiểm tra).</source>
        <translation>The bundle is encrypted for this unit (decrypted to be checked).</translation>
    </message>
    <message>
        <source>Đã đăng ký khóa mới theo xác nhận đổi khóa: {change}</source>
        <translation>New key enrolled as the key change endorsement says: {change}</translation>
    </message>
    <message>
        <source>Sẽ đăng ký khóa mới theo xác nhận đổi khóa: {change}</source>
        <translation>The new key will be enrolled as the key change endorsement says: {change}</translation>
    </message>
    <message>
        <source>Nội dung: {a} hoạt động, {d} văn bản, {i} chỉ tiêu, {n} mục lời văn</source>
        <translation>Contents: {a} activities, {d} documents, {i} indicators, {n} narrative sections</translation>
    </message>
    <message>
        <source>Đã thay đổi so với dữ liệu đang giữ:</source>
        <translation>Changed compared with the data held:</translation>
    </message>
    <message>
        <source>Sẽ thay đổi so với dữ liệu đang giữ:</source>
        <translation>Will change compared with the data held:</translation>
    </message>
    <message>
        <source>Cũ</source>
        <translation>Old</translation>
    </message>
    <message>
        <source>Mới</source>
        <translation>New</translation>
    </message>
    <message>
        <source>{n} chỉ tiêu không đổi</source>
        <translation>{n} indicators unchanged</translation>
    </message>
    <message>
        <source>Ghi chú số liệu của đơn vị gửi:</source>
        <translation>The sender&apos;s comments on its figures:</translation>
    </message>
    <message>
        <source>cần theo dõi</source>
        <translation>to follow up</translation>
    </message>
    <message>
        <source>Hoạt động: thêm {added}, bỏ {removed}, giữ nguyên {kept}</source>
        <translation>Activities: {added} added, {removed} removed, {kept} unchanged</translation>
    </message>
    <message>
        <source>Văn bản: thêm {added}, bỏ {removed}, giữ nguyên {kept}</source>
        <translation>Documents: {added} added, {removed} removed, {kept} unchanged</translation>
    </message>
    <message>
        <source>Mục lời văn: thêm {added}, bỏ {removed}, sửa {changed}</source>
        <translation>Narrative sections: {added} added, {removed} removed, {changed} edited</translation>
    </message>
    <message>
        <source>Nhận báo cáo của đơn vị cấp dưới</source>
        <translation>Receive reports from subordinate units</translation>
    </message>
    <message>
        <source>Tệp</source>
        <translation>File</translation>
    </message>
    <message>
        <source>Đơn vị gửi</source>
        <translation>Sender</translation>
    </message>
    <message>
        <source>Kỳ</source>
        <translation>Period</translation>
    </message>
    <message>
        <source>Gói số</source>
        <translation>Bundle no.</translation>
    </message>
    <message>
        <source>Thay đổi</source>
        <translation>Changes</translation>
    </message>
    <message>
        <source>Kết quả</source>
        <translation>Result</translation>
    </message>
    <message>
        <source>Nhập các gói đã chọn</source>
        <translation>Import the selected bundles</translation>
    </message>
    <message>
        <source>Đăng ký khóa…</source>
        <translation>Enrol key…</translation>
    </message>
    <message>
        <source>{unit} — chưa xác thực</source>
        <translation>{unit} — not verified</translation>
    </message>
    <message>
        <source>{total} tệp: {ready} có thể nhập, {imported} đã nhập, {already} đã nhận trước đó, {refused} bị từ chối. Bấm vào một dòng để xem chi tiết thay đổi.</source>
        <translation>{total} files: {ready} ready to import, {imported} imported, {already} received before, {refused} refused. Click a row to see the changes in detail.</translation>
    </message>
    <message>
        <source>Nhận báo cáo — chọn các gói (.vstb)</source>
        <translation>Receive reports — choose the bundles (.vstb)</translation>
    </message>
    <message>
        <source>Đang kiểm tra {n} gói…</source>
        <translation>Checking {n} bundles…</translation>
    </message>
    <message>
        <source>Nhận báo cáo</source>
        <translation>Receive reports</translation>
    </message>
    <message>
        <source>Đang nhập {n} gói…</source>
        <translation>Importing {n} bundles…</translation>
    </message>
    <message>
        <source>Nhận báo cáo: {imported} gói đã nhập, {refused} gói bị từ chối</source>
        <translation>Receive reports: {imported} bundles imported, {refused} bundles refused</translation>
    </message>
    <message>
        <source>Nhận báo cáo…</source>
        <translation>Receive reports…</translation>
    </message>
    <message>
        <source>Kiểm tra và nhập gói báo cáo của đơn vị cấp dưới (chọn nhiều tệp, hoặc kéo thả vào cửa sổ)</source>
        <translation>Check and import report bundles from subordinate units (choose several files, or drag and drop them onto the window)</translation>
    </message>
    <message>
        <source>Vân tay khóa ký (đọc từng nhóm 4 ký tự để đối chiếu):</source>
        <translation>Signing key fingerprint (read it in groups of 4 characters to compare):</translation>
    </message>
    <message>
        <source>Sao chép vân tay</source>
        <translation>Copy fingerprint</translation>
    </message>
    <message>
        <source>Lịch sử đổi khóa:</source>
        <translation>Key changes:</translation>
    </message>
    <message>
        <source>Khóa ký đã hết hạn ngày {day}. Hãy bấm “Đổi khóa…” bên dưới trước khi gửi báo cáo.</source>
        <translation>The signing key expired on {day}. Click “Change key…” below before sending a report.</translation>
    </message>
    <message>
        <source>Khóa ký sắp hết hạn (còn {days} ngày, đến ngày {day}). Hãy bấm “Đổi khóa…” bên dưới.</source>
        <translation>The signing key expires soon ({days} days left, on {day}). Click “Change key…” below.</translation>
    </message>
    <message>
        <source>Sau khi đổi khóa, hãy gửi tệp cấu hình mới cho các đơn vị cấp dưới (Đơn vị cấp dưới → Gửi cấu hình…): tệp mang xác nhận đổi khóa và đơn vị tự đăng ký khóa mới khi nhận tệp.</source>
        <translation>After the change, send a new configuration file to the subordinate units (Subordinate units → Send configuration…): it carries the key endorsement and each unit enrols the new key when it receives the file.</translation>
    </message>
    <message>
        <source>Trang “{page}” có giá trị chưa lưu: {reason}</source>
        <translation>Page “{page}” has a value not saved: {reason}</translation>
    </message>
    <message>
        <source>Chưa có số liệu: “{page}” (không có văn bản, hoạt động hay chỉ tiêu nào của kỳ)</source>
        <translation>No figures yet: “{page}” (no document, activity or indicator for the period)</translation>
    </message>
    <message>
        <source>“{name}” bằng 0 hoặc chưa có: cần ghi chú lý do (nút Ghi chú… bên cạnh số liệu)</source>
        <translation>“{name}” is zero or missing: say why in a comment (the Comment… button beside the figure)</translation>
    </message>
    <message>
        <source>Chưa có lời văn: “{section}”</source>
        <translation>No narrative yet: “{section}”</translation>
    </message>
    <message>
        <source>Cần xem lại: {flag}</source>
        <translation>To look at again: {flag}</translation>
    </message>
    <message>
        <source>Trước khi gửi báo cáo kỳ {period}</source>
        <translation>Before sending the report for {period}</translation>
    </message>
    <message>
        <source>Xin xem lại trước khi gửi. Bấm “Mở trang” để sửa, hoặc gửi luôn nếu đúng là kỳ này không có.</source>
        <translation>Please look again before sending. Press “Open page” to fix it, or send anyway if the period really has none.</translation>
    </message>
    <message>
        <source>Báo cáo kỳ {period} đã đủ các phần.</source>
        <translation>The report for {period} has every part.</translation>
    </message>
    <message>
        <source>Mở trang</source>
        <translation>Open page</translation>
    </message>
    <message>
        <source>Khóa kỳ {period} khi gửi (sau đó chỉ xem, muốn sửa phải mở lại kỳ và ghi lý do)</source>
        <translation>Lock {period} when sending (then view only; to edit, reopen the period with a reason)</translation>
    </message>
    <message>
        <source>Vẫn gửi</source>
        <translation>Send anyway</translation>
    </message>
    <message>
        <source>Gửi</source>
        <translation>Send</translation>
    </message>
    <message>
        <source>Mật khẩu khóa ký của hồ sơ (đặt khi cài đặt):</source>
        <translation>The profile&apos;s signing key passphrase (set at installation):</translation>
    </message>
    <message>
        <source>Mật khẩu chưa đúng. Hãy nhập lại mật khẩu khóa ký:</source>
        <translation>Wrong passphrase. Please enter the signing key passphrase again:</translation>
    </message>
    <message>
        <source>Gửi báo cáo</source>
        <translation>Send report</translation>
    </message>
    <message>
        <source>Gửi báo cáo kỳ {period} — chọn nơi ghi gói</source>
        <translation>Send the report for {period} — choose where to save the bundle</translation>
    </message>
    <message>
        <source>Đang ghi và kiểm tra gói báo cáo…</source>
        <translation>Writing and checking the report bundle…</translation>
    </message>
    <message>
        <source>Đã ghi và đọc lại, kiểm tra chữ ký gói báo cáo kỳ {period}:&lt;br&gt;&lt;b&gt;{path}&lt;/b&gt;&lt;br&gt;Kích thước: &lt;b&gt;{size}&lt;/b&gt; — gói số {sequence}&lt;br&gt;{activities} hoạt động, {documents} văn bản, {indicators} chỉ tiêu, {narratives} mục nội dung.</source>
        <translation>The report bundle for {period} was written, read back and its signature checked:&lt;br&gt;&lt;b&gt;{path}&lt;/b&gt;&lt;br&gt;Size: &lt;b&gt;{size}&lt;/b&gt; — bundle no. {sequence}&lt;br&gt;{activities} activities, {documents} documents, {indicators} indicators, {narratives} narrative sections.</translation>
    </message>
    <message>
        <source>Gói đã được mã hóa: chỉ đơn vị {code} mở được.</source>
        <translation>The bundle is encrypted: only unit {code} can open it.</translation>
    </message>
    <message>
        <source>Gói không được mã hóa (chưa đăng ký khóa của cấp trên).</source>
        <translation>The bundle is not encrypted (the parent&apos;s key is not enrolled).</translation>
    </message>
    <message>
        <source>Gói mang xác nhận đổi khóa: cấp trên đăng ký khóa mới khi nhận gói.</source>
        <translation>The bundle carries a key change endorsement: the parent enrols the new key when it receives the bundle.</translation>
    </message>
    <message>
        <source>Gửi tệp này cho cấp trên (USB, thư điện tử, Zalo…). Cấp trên kiểm tra chữ ký khi nhận; nếu được hỏi, hãy đọc vân tay trên qua điện thoại.</source>
        <translation>Send this file to the level above (USB stick, e-mail, Zalo…). The level above checks the signature on receipt; if asked, read out the fingerprint above over the phone.</translation>
    </message>
    <message>
        <source>Đã ghi gói báo cáo</source>
        <translation>Report bundle written</translation>
    </message>
    <message>
        <source>Đã ghi gói {name} ({size})</source>
        <translation>Bundle {name} written ({size})</translation>
    </message>
    <message>
        <source>Gói sẽ KHÔNG được mã hóa: đơn vị chưa đăng ký tệp khóa công khai của cấp trên (Tệp → Đăng ký khóa của cấp trên…). Ai có tệp cũng đọc được nội dung.</source>
        <translation>The bundle will NOT be encrypted: this unit has not enrolled its parent&apos;s public key file (File → Enrol the parent&apos;s key…). Anyone holding the file can read it.</translation>
    </message>
    <message>
        <source>Gói sẽ được mã hóa: chỉ {name} ({code}) mở được.</source>
        <translation>The bundle will be encrypted: only {name} ({code}) can open it.</translation>
    </message>
    <message>
        <source>mất khóa cũ, cấp trên đăng ký lại</source>
        <translation>old key lost, enrolled again by the parent</translation>
    </message>
    <message>
        <source>khóa cũ xác nhận</source>
        <translation>endorsed by the old key</translation>
    </message>
    <message>
        <source>Đổi khóa ngày {day}: {old} → {new} ({how})</source>
        <translation>Key changed on {day}: {old} → {new} ({how})</translation>
    </message>
    <message>
        <source>Khóa hết hạn ngày {day}.</source>
        <translation>The key expires on {day}.</translation>
    </message>
    <message>
        <source>Khóa ký của tôi</source>
        <translation>My signing key</translation>
    </message>
    <message>
        <source>Đổi khóa…</source>
        <translation>Change key…</translation>
    </message>
    <message>
        <source>Đổi khóa ký</source>
        <translation>Change the signing key</translation>
    </message>
    <message>
        <source>Tạo khóa ký mới? Khóa cũ ký xác nhận khóa mới; gói gửi tiếp theo mang xác nhận đó và cấp trên tự đăng ký khóa mới khi nhận gói. Mật khẩu giữ nguyên.</source>
        <translation>Make a new signing key? The old key signs an endorsement of the new one; the next bundle carries it and the parent enrols the new key when it receives the bundle. The passphrase stays the same.</translation>
    </message>
    <message>
        <source>Đổi khóa</source>
        <translation>Change key</translation>
    </message>
    <message>
        <source>Đã đổi khóa ký: vân tay mới {fingerprint}</source>
        <translation>Signing key changed: new fingerprint {fingerprint}</translation>
    </message>
    <message>
        <source>Khóa ký của &lt;b&gt;{name}&lt;/b&gt; ({code}). Gói báo cáo của đơn vị được ký bằng khóa này; cấp trên chỉ nhận gói ký bằng khóa đã đăng ký.</source>
        <translation>Signing key of &lt;b&gt;{name}&lt;/b&gt; ({code}). The unit&apos;s report bundles are signed with this key; the level above only accepts bundles signed with a registered key.</translation>
    </message>
    <message>
        <source>Xuất khóa công khai</source>
        <translation>Export public key</translation>
    </message>
    <message>
        <source>Đã ghi khóa công khai của &lt;b&gt;{name}&lt;/b&gt; ({code}) vào&lt;br&gt;&lt;b&gt;{path}&lt;/b&gt;</source>
        <translation>The public key of &lt;b&gt;{name}&lt;/b&gt; ({code}) was written to&lt;br&gt;&lt;b&gt;{path}&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Gửi tệp này cho cấp trên để đăng ký. Khi cấp trên đăng ký, hai bên đọc vân tay qua điện thoại: phải giống nhau từng ký tự.</source>
        <translation>Send this file to the level above to be registered. When they register it, both sides read the fingerprint over the phone: it must match character for character.</translation>
    </message>
    <message>
        <source>Gửi báo cáo…</source>
        <translation>Send report…</translation>
    </message>
    <message>
        <source>Ghi gói báo cáo có chữ ký của kỳ đang xem để gửi cấp trên</source>
        <translation>Write a signed report bundle of the current period to send to the level above</translation>
    </message>
    <message>
        <source>Đăng ký khóa của cấp trên…</source>
        <translation>Enrol the parent&apos;s key…</translation>
    </message>
    <message>
        <source>Khóa ký của tôi…</source>
        <translation>My signing key…</translation>
    </message>
    <message>
        <source>Xuất khóa công khai…</source>
        <translation>Export public key…</translation>
    </message>
    <message>
        <source>Thư mục hồ sơ: {folder}</source>
        <translation>Profile folder: {folder}</translation>
    </message>
    <message>
        <source>Gói không kèm tóm tắt thay đổi (định dạng 1.0).</source>
        <translation>The bundle carries no summary of changes (format 1.0).</translation>
    </message>
    <message>
        <source>{u} sửa, {i} thêm, {d} xóa</source>
        <translation>{u} edited, {i} added, {d} deleted</translation>
    </message>
    <message>
        <source>Thay đổi từ lần gửi trước ({day}): {counts}</source>
        <translation>Changes since the previous sending ({day}): {counts}</translation>
    </message>
    <message>
        <source>Lần gửi đầu tiên của kỳ này: {counts}</source>
        <translation>First sending for this period: {counts}</translation>
    </message>
    <message>
        <source>; mở lại kỳ ngày {day} ({who}), lý do: {reason}</source>
        <translation>; period reopened on {day} ({who}), reason: {reason}</translation>
    </message>
    <message>
        <source>không rõ</source>
        <translation>unknown</translation>
    </message>
    <message>
        <source>&lt;b&gt;Cấp trên trả lại để sửa&lt;/b&gt; báo cáo kỳ {period} (gói số {sequence}); lý do: &lt;b&gt;{reason}&lt;/b&gt;</source>
        <translation>&lt;b&gt;Returned for correction by the level above&lt;/b&gt;: report for {period} (bundle no. {sequence}); reason: &lt;b&gt;{reason}&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Trả lại báo cáo để sửa</source>
        <translation>Return report for correction</translation>
    </message>
    <message>
        <source>Trả lại báo cáo kỳ {period} của một đơn vị cấp dưới để sửa. Ứng dụng ghi một tệp trả lời có chữ ký của đơn vị mình; gửi tệp đó cho đơn vị cấp dưới để họ nhập.</source>
        <translation>Return a subordinate unit&apos;s report for {period} for correction. The program writes an answer file signed by your unit; send that file to the subordinate unit for them to import.</translation>
    </message>
    <message>
        <source>Ví dụ: thiếu số liệu chỉ tiêu bạo lực gia đình; kiểm tra lại số người tham gia</source>
        <translation>For example: the domestic violence figures are missing; check the number of participants again</translation>
    </message>
    <message>
        <source>Đơn vị:</source>
        <translation>Unit:</translation>
    </message>
    <message>
        <source>Lý do trả lại (bắt buộc):</source>
        <translation>Reason for returning (required):</translation>
    </message>
    <message>
        <source>Trả lại để sửa…</source>
        <translation>Return for correction…</translation>
    </message>
    <message>
        <source>Chưa nhận báo cáo của đơn vị nào trong kỳ này: không có gì để trả lại.</source>
        <translation>No report has been received from any unit for this period: nothing to return.</translation>
    </message>
    <message>
        <source>Chưa trả lại: cần ghi lý do trả lại.</source>
        <translation>Not returned: a reason for returning is required.</translation>
    </message>
    <message>
        <source>Cần xem lại so với các kỳ trước:</source>
        <translation>To look at again against earlier periods:</translation>
    </message>
    <message>
        <source>Lưu tệp trả lời</source>
        <translation>Save answer file</translation>
    </message>
    <message>
        <source>Trả lại để sửa</source>
        <translation>Return for correction</translation>
    </message>
    <message>
        <source>Mật khẩu khóa ký:</source>
        <translation>Signing key passphrase:</translation>
    </message>
    <message>
        <source>Đang ghi tệp trả lời…</source>
        <translation>Writing the answer file…</translation>
    </message>
    <message>
        <source>Tệp đã được mã hóa: chỉ đơn vị {code} mở được.</source>
        <translation>The file is encrypted: only unit {code} can open it.</translation>
    </message>
    <message>
        <source>Tệp không được mã hóa (đơn vị cấp dưới chưa gửi tệp khóa công khai có khóa mã hóa).</source>
        <translation>The file is not encrypted (the unit below has not sent a public key file with an encryption key).</translation>
    </message>
    <message>
        <source>Đã ghi tệp trả lời {file}: trả lại báo cáo kỳ {period} của {name} (gói số {sequence}).
Lý do: {reason}

Gửi tệp này cho đơn vị cấp dưới; họ đăng ký khóa công khai của đơn vị mình rồi nhận tệp (Tệp → Nhận báo cáo…).</source>
        <translation>Answer file {file} written: the report for {period} of {name} (bundle no. {sequence}) is returned.
Reason: {reason}

Send this file to the subordinate unit; they register your unit&apos;s public key and then receive the file (File → Receive reports…).</translation>
    </message>
    <message>
        <source>Đã trả lại báo cáo kỳ {period} của {code} để sửa</source>
        <translation>The report for {period} of {code} was returned for correction</translation>
    </message>
    <message>
        <source>Cấp trên đã trả lại báo cáo kỳ {period} để sửa (ngày {day}). Lý do: {reason}. Sửa xong: Kỳ báo cáo → Khóa kỳ để gửi, rồi gửi lại báo cáo.</source>
        <translation>The level above returned the report for {period} for correction (on {day}). Reason: {reason}. When corrected: Period → Lock period for sending, then send the report again.</translation>
    </message>
    <message>
        <source>Trả lại báo cáo đã nhận của đơn vị cấp dưới để sửa, kèm lý do (tệp trả lời có chữ ký)</source>
        <translation>Return a subordinate unit&apos;s received report for correction, with a reason (signed answer file)</translation>
    </message>
    <message>
        <source>Nhật ký: {path}</source>
        <translation>Log: {path}</translation>
    </message>
    <message>
        <source>không có</source>
        <translation>none</translation>
    </message>
    <message>
        <source>Đã xảy ra lỗi</source>
        <translation>An error occurred</translation>
    </message>
    <message>
        <source>Chương trình gặp một lỗi không lường trước: {summary}

Dữ liệu đã lưu không bị ảnh hưởng (mỗi lần ghi là trọn vẹn hoặc không có gì). Hãy sao chép chi tiết dưới đây và gửi cho người hỗ trợ; nếu chương trình hoạt động không bình thường, hãy đóng rồi mở lại.</source>
        <translation>The program ran into an unexpected error: {summary}

Saved data is not affected (every write is either complete or nothing). Please copy the details below and send them to your support contact; if the program does not behave normally, close it and open it again.</translation>
    </message>
    <message>
        <source>Sao chép chi tiết</source>
        <translation>Copy details</translation>
    </message>
    <message>
        <source>Đã sao chép.</source>
        <translation>Copied.</translation>
    </message>
    <message>
        <source>Lưu PDF</source>
        <translation>Save PDF</translation>
    </message>
    <message>
        <source>Xuất Word</source>
        <translation>Export Word</translation>
    </message>
    <message>
        <source>Xuất Excel</source>
        <translation>Export Excel</translation>
    </message>
    <message>
        <source>Báo cáo kỳ &lt;b&gt;{period}&lt;/b&gt; ({label}).</source>
        <translation>Report for period &lt;b&gt;{period}&lt;/b&gt; ({label}).</translation>
    </message>
    <message>
        <source>để trống cho văn thư ghi tay</source>
        <translation>leave empty for the clerk to fill in by hand</translation>
    </message>
    <message>
        <source>Số báo cáo:</source>
        <translation>Report number:</translation>
    </message>
    <message>
        <source>Ký hiệu:</source>
        <translation>Symbol:</translation>
    </message>
    <message>
        <source>Ngày báo cáo:</source>
        <translation>Report date:</translation>
    </message>
    <message>
        <source>để trống nếu không cần; mỗi dòng một nơi, ví dụ Bộ Nội vụ</source>
        <translation>leave empty if not needed; one addressee a line, e.g. Ministry of Home Affairs</translation>
    </message>
    <message>
        <source>Kính gửi:</source>
        <translation>Addressed to:</translation>
    </message>
    <message>
        <source>ví dụ PHÓ CHỦ TỊCH</source>
        <translation>e.g. VICE CHAIRMAN</translation>
    </message>
    <message>
        <source>Chức vụ người ký:</source>
        <translation>Signer&apos;s title:</translation>
    </message>
    <message>
        <source>in đậm dưới chỗ ký</source>
        <translation>printed bold under the signature</translation>
    </message>
    <message>
        <source>Họ và tên người ký:</source>
        <translation>Signer&apos;s full name:</translation>
    </message>
    <message>
        <source>Ghi tên các đơn vị cấp dưới chưa gửi báo cáo</source>
        <translation>Name the units below that have not reported</translation>
    </message>
    <message>
        <source>In phụ lục ghi chú số liệu (ghi chú, cần theo dõi)</source>
        <translation>Print the annex of figure comments (comments, follow-up marks)</translation>
    </message>
    <message>
        <source>Tiếp tục</source>
        <translation>Continue</translation>
    </message>
    <message>
        <source>chuẩn bị xem trước</source>
        <translation>preparing the preview</translation>
    </message>
    <message>
        <source>Hủy</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>không mở được máy in hoặc tệp in</source>
        <translation>could not open the printer or the print file</translation>
    </message>
    <message>
        <source>Đang dựng báo cáo để in…</source>
        <translation>Preparing the report for printing…</translation>
    </message>
    <message>
        <source>In báo cáo</source>
        <translation>Print report</translation>
    </message>
    <message>
        <source>Xem trước khi in — {name}</source>
        <translation>Print preview — {name}</translation>
    </message>
    <message>
        <source>Không in được: {reason}</source>
        <translation>Could not print: {reason}</translation>
    </message>
    <message>
        <source>Đang ghi {name}…</source>
        <translation>Writing {name}…</translation>
    </message>
    <message>
        <source>Đã ghi báo cáo kỳ {period} vào
{path}
({size})</source>
        <translation>The report for {period} was written to
{path}
({size})</translation>
    </message>
    <message>
        <source>Mở thư mục chứa tệp</source>
        <translation>Open the containing folder</translation>
    </message>
    <message>
        <source>Đã ghi {path} ({size})</source>
        <translation>Written {path} ({size})</translation>
    </message>
    <message>
        <source>In báo cáo…</source>
        <translation>Print report…</translation>
    </message>
    <message>
        <source>Xem trước và in báo cáo của kỳ đang xem theo mẫu Nghị định 30/2020</source>
        <translation>Preview and print the current period&apos;s report in the Decree 30/2020 layout</translation>
    </message>
    <message>
        <source>Lưu PDF…</source>
        <translation>Save PDF…</translation>
    </message>
    <message>
        <source>Xuất Word…</source>
        <translation>Export Word…</translation>
    </message>
    <message>
        <source>Xuất Excel…</source>
        <translation>Export Excel…</translation>
    </message>
    <message>
        <source>Chưa gửi — quá hạn</source>
        <translation>Not sent — overdue</translation>
    </message>
    <message>
        <source>Chưa gửi</source>
        <translation>Not sent</translation>
    </message>
    <message>
        <source>Trễ hạn</source>
        <translation>Late</translation>
    </message>
    <message>
        <source>Đã nhận</source>
        <translation>Received</translation>
    </message>
    <message>
        <source>{word} {day}
gói số {sequence}</source>
        <translation>{word} {day}
bundle no. {sequence}</translation>
    </message>
    <message>
        <source>Đã trả lại để sửa {day}</source>
        <translation>Returned for correction {day}</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Tình hình báo cáo của đơn vị cấp dưới&lt;/h3&gt;</source>
        <translation>&lt;h3&gt;Reporting status of subordinate units&lt;/h3&gt;</translation>
    </message>
    <message>
        <source>Đã nhận (ngày, gói số)</source>
        <translation>Received (date, bundle no.)</translation>
    </message>
    <message>
        <source>Nhận sau hạn nộp</source>
        <translation>Received after the deadline</translation>
    </message>
    <message>
        <source>Chưa gửi, đã quá hạn</source>
        <translation>Not sent, past the deadline</translation>
    </message>
    <message>
        <source>Đã trả lại để sửa, chờ gửi lại</source>
        <translation>Returned for correction, awaiting a new bundle</translation>
    </message>
    <message>
        <source>Đặt hạn nộp</source>
        <translation>Set deadline</translation>
    </message>
    <message>
        <source>Bỏ hạn nộp</source>
        <translation>Remove deadline</translation>
    </message>
    <message>
        <source>
hạn {day}</source>
        <translation>
due {day}</translation>
    </message>
    <message>
        <source>Kỳ {period}: {received} đơn vị đã gửi (trong đó {late} trễ hạn), {missing} chưa gửi.</source>
        <translation>Period {period}: {received} units have sent (of which {late} late), {missing} have not sent.</translation>
    </message>
    <message>
        <source>{returned} báo cáo đã trả lại để sửa, chờ gửi lại.</source>
        <translation>{returned} returned for correction, awaiting a new bundle.</translation>
    </message>
    <message>
        <source>Hạn nộp báo cáo kỳ {period}:</source>
        <translation>Report deadline for {period}:</translation>
    </message>
    <message>
        <source>Hạn nộp kỳ {period}: {day}</source>
        <translation>Deadline for {period}: {day}</translation>
    </message>
    <message>
        <source>Đã bỏ hạn nộp kỳ {period}</source>
        <translation>Deadline for {period} removed</translation>
    </message>
    <message>
        <source>Tình hình báo cáo</source>
        <translation>Reporting status</translation>
    </message>
    <message>
        <source>Thêm</source>
        <translation>Add</translation>
    </message>
    <message>
        <source>Sửa</source>
        <translation>Edit</translation>
    </message>
    <message>
        <source>Xóa</source>
        <translation>Delete</translation>
    </message>
    <message>
        <source>Khóa kỳ để gửi</source>
        <translation>Lock period for sending</translation>
    </message>
    <message>
        <source>Mở lại kỳ</source>
        <translation>Reopen period</translation>
    </message>
    <message>
        <source>Nhập từ tệp bảng</source>
        <translation>Import from a table file</translation>
    </message>
    <message>
        <source>Nhận báo cáo cấp dưới</source>
        <translation>Receive subordinate report</translation>
    </message>
    <message>
        <source>Hoạt động</source>
        <translation>Activity</translation>
    </message>
    <message>
        <source>Văn bản</source>
        <translation>Document</translation>
    </message>
    <message>
        <source>Số liệu chỉ tiêu</source>
        <translation>Indicator figure</translation>
    </message>
    <message>
        <source>Lời văn</source>
        <translation>Narrative</translation>
    </message>
    <message>
        <source>Kỳ báo cáo</source>
        <translation>Reporting period</translation>
    </message>
    <message>
        <source>Nhiều bản ghi</source>
        <translation>Several records</translation>
    </message>
    <message>
        <source>Ngày</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Loại</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Nội dung</source>
        <translation>Content</translation>
    </message>
    <message>
        <source>Số cuộc</source>
        <translation>Sessions</translation>
    </message>
    <message>
        <source>Lượt người</source>
        <translation>Participants</translation>
    </message>
    <message>
        <source>Trong đó nữ</source>
        <translation>Women</translation>
    </message>
    <message>
        <source>Địa điểm</source>
        <translation>Place</translation>
    </message>
    <message>
        <source>Ghi chú</source>
        <translation>Notes</translation>
    </message>
    <message>
        <source>Số văn bản</source>
        <translation>Document number</translation>
    </message>
    <message>
        <source>Cơ quan ban hành</source>
        <translation>Issuing body</translation>
    </message>
    <message>
        <source>Giá trị</source>
        <translation>Value</translation>
    </message>
    <message>
        <source>Mục</source>
        <translation>Section</translation>
    </message>
    <message>
        <source>Chỉ tiêu</source>
        <translation>Indicators</translation>
    </message>
    <message>
        <source>Khóa lúc</source>
        <translation>Locked at</translation>
    </message>
    <message>
        <source>Người khóa</source>
        <translation>Locked by</translation>
    </message>
    <message>
        <source>hoạt động</source>
        <translation>activities</translation>
    </message>
    <message>
        <source>văn bản</source>
        <translation>documents</translation>
    </message>
    <message>
        <source>số liệu</source>
        <translation>figures</translation>
    </message>
    <message>
        <source>lời văn</source>
        <translation>narratives</translation>
    </message>
    <message>
        <source>bỏ qua (trùng)</source>
        <translation>skipped (duplicates)</translation>
    </message>
    <message>
        <source>mục {section}</source>
        <translation>section {section}</translation>
    </message>
    <message>
        <source>kỳ {code}</source>
        <translation>period {code}</translation>
    </message>
    <message>
        <source>Thời điểm</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>Người thực hiện</source>
        <translation>By</translation>
    </message>
    <message>
        <source>Thao tác</source>
        <translation>Action</translation>
    </message>
    <message>
        <source>Lý do</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>Lịch sử thay đổi — kỳ {code}</source>
        <translation>Change history — period {code}</translation>
    </message>
    <message>
        <source>Xem:</source>
        <translation>Show:</translation>
    </message>
    <message>
        <source>Cả kỳ {code}</source>
        <translation>The whole period {code}</translation>
    </message>
    <message>
        <source>Dòng đang chọn: {name}</source>
        <translation>Selected row: {name}</translation>
    </message>
    <message>
        <source>Khôi phục giá trị này</source>
        <translation>Restore this value</translation>
    </message>
    <message>
        <source>Đưa bản ghi về như trước thay đổi đang chọn (có thể hoàn tác)</source>
        <translation>Put the record back as it was before the selected change (can be undone)</translation>
    </message>
    <message>
        <source>{n} thay đổi</source>
        <translation>{n} changes</translation>
    </message>
    <message>
        <source>Chưa có thay đổi nào.</source>
        <translation>No changes yet.</translation>
    </message>
    <message>
        <source>Bản ghi đã đúng như trước thay đổi này.</source>
        <translation>The record is already as it was before this change.</translation>
    </message>
    <message>
        <source>khôi phục giá trị</source>
        <translation>restore a value</translation>
    </message>
    <message>
        <source>Không khôi phục được: {reason}</source>
        <translation>Could not restore: {reason}</translation>
    </message>
    <message>
        <source>Đã khôi phục. Hoàn tác: Ctrl+Z.</source>
        <translation>Restored. Undo: Ctrl+Z.</translation>
    </message>
    <message>
        <source>Lịch sử thay đổi…</source>
        <translation>Change history…</translation>
    </message>
    <message>
        <source>Sao lưu thủ công</source>
        <translation>Manual backup</translation>
    </message>
    <message>
        <source>Tự động khi mở</source>
        <translation>Automatic on opening</translation>
    </message>
    <message>
        <source>Tự động khi đóng</source>
        <translation>Automatic on closing</translation>
    </message>
    <message>
        <source>Trước khi nhập tệp bảng</source>
        <translation>Before a table import</translation>
    </message>
    <message>
        <source>Trước khi nhận báo cáo</source>
        <translation>Before receiving reports</translation>
    </message>
    <message>
        <source>Trước khi áp dụng cấu hình từ tỉnh</source>
        <translation>Before applying a configuration from the province</translation>
    </message>
    <message>
        <source>Trước khi nâng cấp</source>
        <translation>Before an upgrade</translation>
    </message>
    <message>
        <source>Trước khi khôi phục</source>
        <translation>Before a restore</translation>
    </message>
    <message>
        <source>Trước khi chuyển đơn vị</source>
        <translation>Before moving to another unit</translation>
    </message>
    <message>
        <source>Đang sao lưu…</source>
        <translation>Backing up…</translation>
    </message>
    <message>
        <source>Sao lưu</source>
        <translation>Back up</translation>
    </message>
    <message>
        <source>Đã sao lưu {n} bản ghi ({size}) vào {path}; kiểm tra toàn vẹn: tốt</source>
        <translation>Backed up {n} records ({size}) to {path}; integrity check: good</translation>
    </message>
    <message>
        <source>Kiểm tra dữ liệu</source>
        <translation>Check data</translation>
    </message>
    <message>
        <source>Đang kiểm tra dữ liệu…</source>
        <translation>Checking data…</translation>
    </message>
    <message>
        <source>{url}: kết nối tốt; lược đồ {version} khớp với ứng dụng.</source>
        <translation>{url}: connected; schema {version} matches the app.</translation>
    </message>
    <message>
        <source>{path}: cơ sở dữ liệu bị hỏng ({problems}).

Không sửa tự động. Hãy khôi phục bản sao lưu còn tốt gần nhất: Công cụ → Danh sách bản sao lưu…</source>
        <translation>{path}: the database is damaged ({problems}).

It is not repaired automatically. Restore the most recent good backup: Tools → Backups…</translation>
    </message>
    <message>
        <source>{path}: dữ liệu nguyên vẹn (integrity_check, foreign_key_check: tốt).</source>
        <translation>{path}: the data is intact (integrity_check, foreign_key_check: good).</translation>
    </message>
    <message>
        <source>Cảnh báo: {warning}</source>
        <translation>Warning: {warning}</translation>
    </message>
    <message>
        <source>Kích thước</source>
        <translation>Size</translation>
    </message>
    <message>
        <source>Số bản ghi</source>
        <translation>Records</translation>
    </message>
    <message>
        <source>Danh sách bản sao lưu</source>
        <translation>Backups</translation>
    </message>
    <message>
        <source>Bản sao lưu được tạo tự động khi mở (mỗi ngày một lần), khi đóng (nếu có thay đổi), trước mỗi lần nhập, nâng cấp và khôi phục. Chương trình giữ các bản của 24 giờ qua và bản mới nhất của 7 ngày, 4 tuần, 12 tháng gần đây.
Thư mục: {folder}</source>
        <translation>Backups are made automatically on opening (once a day), on closing (if something changed), and before every import, upgrade and restore. The program keeps the backups of the last 24 hours and the newest one of each of the last 7 days, 4 weeks and 12 months.
Folder: {folder}</translation>
    </message>
    <message>
        <source>Sao lưu ngay</source>
        <translation>Back up now</translation>
    </message>
    <message>
        <source>Khôi phục bản đã chọn…</source>
        <translation>Restore the selected backup…</translation>
    </message>
    <message>
        <source>không đọc được</source>
        <translation>unreadable</translation>
    </message>
    <message>
        <source>Chưa có bản sao lưu nào. Bấm “Sao lưu ngay” để tạo.</source>
        <translation>No backups yet. Click “Back up now” to make one.</translation>
    </message>
    <message>
        <source>Đã sao lưu {n} bản ghi ({size}).</source>
        <translation>Backed up {n} records ({size}).</translation>
    </message>
    <message>
        <source>Đã khôi phục {n} bản ghi từ bản sao lưu lúc {when}.</source>
        <translation>Restored {n} records from the backup of {when}.</translation>
    </message>
    <message>
        <source>Vẫn giữ {revoked} khóa đã thu hồi và {ledger} gói đã nhận trong sổ nhận: gói cũ vẫn bị từ chối, khóa đã thu hồi không được dùng lại.</source>
        <translation>{revoked} revoked keys and {ledger} received bundles in the ledger are kept: older bundles are still refused, revoked keys stay unusable.</translation>
    </message>
    <message>
        <source>Khôi phục bản sao lưu</source>
        <translation>Restore backup</translation>
    </message>
    <message>
        <source>Khôi phục bản sao lưu lúc {when} ({records} bản ghi)?

Dữ liệu hiện tại sẽ được thay bằng dữ liệu của bản sao lưu. Trước đó, chương trình tự sao lưu dữ liệu hiện tại để có thể quay lại.</source>
        <translation>Restore the backup of {when} ({records} records)?

The current data will be replaced by the data of the backup. Before that, the program backs up the current data so that you can go back.</translation>
    </message>
    <message>
        <source>Khôi phục</source>
        <translation>Restore</translation>
    </message>
    <message>
        <source>Đang khôi phục…</source>
        <translation>Restoring…</translation>
    </message>
    <message>
        <source>; dữ liệu trước khi khôi phục đã sao lưu vào {path}</source>
        <translation>; the data before the restore was backed up to {path}</translation>
    </message>
    <message>
        <source>Đã khôi phục {n} bản ghi từ {name}{kept}</source>
        <translation>Restored {n} records from {name}{kept}</translation>
    </message>
    <message>
        <source>Danh sách bản sao lưu…</source>
        <translation>Backups…</translation>
    </message>
    <message>
        <source>{time} ngày {date}</source>
        <translation>{time} on {date}</translation>
    </message>
    <message>
        <source>không rõ thời điểm</source>
        <translation>unknown time</translation>
    </message>
    <message>
        <source>Kỳ {code} đã khóa bởi {who} lúc {when} — chỉ xem, không sửa được. Muốn sửa: Kỳ báo cáo → Mở lại kỳ… (cần ghi lý do).</source>
        <translation>Period {code} was locked by {who} at {when} — view only, no editing. To edit: Period → Reopen period… (a reason is required).</translation>
    </message>
    <message>
        <source>Khóa kỳ {code} ({label}) để gửi?

Sau khi khóa, dữ liệu của kỳ chỉ xem được, không sửa được, cho đến khi mở lại kỳ (cần ghi lý do; lý do được lưu vào lịch sử thay đổi).</source>
        <translation>Lock period {code} ({label}) for sending?

Once locked, the period&apos;s data can be viewed but not edited until the period is reopened (a reason is required; it is kept in the change history).</translation>
    </message>
    <message>
        <source>Khóa kỳ</source>
        <translation>Lock period</translation>
    </message>
    <message>
        <source>Đã khóa kỳ {code} để gửi ({who}, {when})</source>
        <translation>Period {code} locked for sending ({who}, {when})</translation>
    </message>
    <message>
        <source>Mở lại kỳ {code}</source>
        <translation>Reopen period {code}</translation>
    </message>
    <message>
        <source>Kỳ {code} đã khóa để gửi bởi {who} lúc {when}.
Ghi lý do mở lại (ví dụ: tỉnh trả lại để sửa số liệu). Lý do được lưu vào lịch sử thay đổi và đi kèm báo cáo gửi lại.</source>
        <translation>Period {code} was locked for sending by {who} at {when}.
Write the reason for reopening (for example: the province sent it back to correct the figures). The reason is kept in the change history and travels with the report sent again.</translation>
    </message>
    <message>
        <source>Lý do mở lại:</source>
        <translation>Reason for reopening:</translation>
    </message>
    <message>
        <source>Chưa mở lại: cần ghi lý do mở lại kỳ.</source>
        <translation>Not reopened: a reason for reopening the period is required.</translation>
    </message>
    <message>
        <source>Kỳ {code} chưa khóa; không cần mở lại.</source>
        <translation>Period {code} is not locked; no need to reopen it.</translation>
    </message>
    <message>
        <source>Đã mở lại kỳ {code}; lý do: {reason}</source>
        <translation>Period {code} reopened; reason: {reason}</translation>
    </message>
    <message>
        <source>Mở lại kỳ…</source>
        <translation>Reopen period…</translation>
    </message>
    <message>
        <source>Cơ sở dữ liệu của hồ sơ bị hỏng:
{path}
({problems})</source>
        <translation>The profile&apos;s database is damaged:
{path}
({problems})</translation>
    </message>
    <message>
        <source>Bản sao lưu còn tốt gần nhất: lúc {when}, {records} bản ghi ({name}).
Khôi phục bản này? Cơ sở dữ liệu hỏng được giữ lại trong thư mục backups/, không bị xóa.</source>
        <translation>Most recent good backup: {when}, {records} records ({name}).
Restore it? The damaged database is kept in the backups/ folder, not deleted.</translation>
    </message>
    <message>
        <source>Không tìm thấy bản sao lưu nào còn tốt. Có thể mở hồ sơ chỉ để xem (nếu đọc được) và chép dữ liệu ra; hãy liên hệ người hỗ trợ.</source>
        <translation>No good backup was found. You can open the profile read-only (if it can be read) and copy the data out; please contact your support person.</translation>
    </message>
    <message>
        <source>Mở chỉ để xem</source>
        <translation>Open read-only</translation>
    </message>
    <message>
        <source>An Giang trước 1/7/2025</source>
        <translation>An Giang before 1 July 2025</translation>
    </message>
    <message>
        <source>An Giang từ 1/7/2025</source>
        <translation>An Giang from 1 July 2025</translation>
    </message>
    <message>
        <source>tỉnh</source>
        <translation>province</translation>
    </message>
    <message>
        <source>thành phố</source>
        <translation>city</translation>
    </message>
    <message>
        <source>huyện</source>
        <translation>district</translation>
    </message>
    <message>
        <source>thị xã</source>
        <translation>town</translation>
    </message>
    <message>
        <source>xã</source>
        <translation>commune</translation>
    </message>
    <message>
        <source>phường</source>
        <translation>ward</translation>
    </message>
    <message>
        <source>thị trấn</source>
        <translation>township</translation>
    </message>
    <message>
        <source>đặc khu</source>
        <translation>special zone</translation>
    </message>
    <message>
        <source>Khởi tạo hồ sơ đơn vị</source>
        <translation>Set up the unit profile</translation>
    </message>
    <message>
        <source>Báo cáo in ra luôn theo mẫu chính thức bằng tiếng Việt (Nghị định 30/2020).</source>
        <translation>Printed reports always use the official Vietnamese form (Decree 30/2020).</translation>
    </message>
    <message>
        <source>Chưa có hồ sơ trong thư mục &lt;i&gt;{folder}&lt;/i&gt;. Chọn đơn vị của bạn, nhập tên cán bộ và đặt mật khẩu bảo vệ khóa ký gửi báo cáo.</source>
        <translation>There is no profile in the folder &lt;i&gt;{folder}&lt;/i&gt; yet. Choose your unit, enter the officer&apos;s name and set a passphrase to protect the key that signs the reports you send.</translation>
    </message>
    <message>
        <source>Tên hoặc mã đơn vị — gõ không dấu cũng được: “long xuyen” tìm ra “Long Xuyên”</source>
        <translation>Find a unit by name or code, with or without Vietnamese accents</translation>
    </message>
    <message>
        <source>Tên cán bộ:</source>
        <translation>Officer&apos;s name:</translation>
    </message>
    <message>
        <source>Chức vụ:</source>
        <translation>Position:</translation>
    </message>
    <message>
        <source>Nhập lại mật khẩu:</source>
        <translation>Repeat passphrase:</translation>
    </message>
    <message>
        <source>ví dụ: Chuyên viên Phòng Nội vụ</source>
        <translation>e.g. Specialist, Department of Home Affairs</translation>
    </message>
    <message>
        <source>Khóa công khai của cấp trên:</source>
        <translation>Parent unit&apos;s public key:</translation>
    </message>
    <message>
        <source>không bắt buộc; đăng ký sau được (Tệp → Đăng ký khóa của cấp trên…)</source>
        <translation>optional; can be enrolled later (File → Enrol the parent&apos;s key…)</translation>
    </message>
    <message>
        <source>Bỏ chọn</source>
        <translation>Clear</translation>
    </message>
    <message>
        <source>Đã so khớp dấu vân tay qua điện thoại với cấp trên</source>
        <translation>I compared the fingerprint with the parent unit by phone</translation>
    </message>
    <message>
        <source>Nạp dữ liệu mẫu để dùng thử</source>
        <translation>Load sample data to try the program</translation>
    </message>
    <message>
        <source>Cơ sở dữ liệu dùng chung (máy chủ PostgreSQL)</source>
        <translation>Shared database (PostgreSQL server)</translation>
    </message>
    <message>
        <source>Địa chỉ máy chủ:</source>
        <translation>Server address:</translation>
    </message>
    <message>
        <source>Mật khẩu máy chủ:</source>
        <translation>Server password:</translation>
    </message>
    <message>
        <source>để trống nếu đã có trong tệp mật khẩu của PostgreSQL</source>
        <translation>leave empty if it is already in PostgreSQL&apos;s password file</translation>
    </message>
    <message>
        <source>Kiểm tra kết nối</source>
        <translation>Test connection</translation>
    </message>
    <message>
        <source>Tạo hồ sơ</source>
        <translation>Create profile</translation>
    </message>
    <message>
        <source>Chọn tệp khóa công khai của cấp trên</source>
        <translation>Choose the parent unit&apos;s public key file</translation>
    </message>
    <message>
        <source>Tệp ghi là khóa của: &lt;b&gt;{name}&lt;/b&gt; ({code}). Gọi điện cho cán bộ cấp trên: hai bên đọc vân tay, phải giống nhau từng ký tự.</source>
        <translation>The file says it is the key of: &lt;b&gt;{name}&lt;/b&gt; ({code}). Call the parent unit&apos;s officer: read the fingerprint to each other; it must match character for character.</translation>
    </message>
    <message>
        <source>Thoát</source>
        <translation>Quit</translation>
    </message>
    <message>
        <source>quá ngắn (cần ít nhất {n} ký tự)</source>
        <translation>too short (at least {n} characters needed)</translation>
    </message>
    <message>
        <source>tạm được</source>
        <translation>fair</translation>
    </message>
    <message>
        <source>khá</source>
        <translation>good</translation>
    </message>
    <message>
        <source>mạnh</source>
        <translation>strong</translation>
    </message>
    <message>
        <source>Độ mạnh mật khẩu: {level}</source>
        <translation>Passphrase strength: {level}</translation>
    </message>
    <message>
        <source>hai lần nhập chưa khớp</source>
        <translation>the two entries do not match</translation>
    </message>
    <message>
        <source>Chưa chọn đơn vị.</source>
        <translation>No unit chosen.</translation>
    </message>
    <message>
        <source>Chưa nhập tên cán bộ.</source>
        <translation>The officer&apos;s name is missing.</translation>
    </message>
    <message>
        <source>Chưa nhập địa chỉ máy chủ.</source>
        <translation>The server address is missing.</translation>
    </message>
    <message>
        <source>Chưa xác nhận đã so khớp dấu vân tay khóa của cấp trên qua điện thoại.</source>
        <translation>The parent unit&apos;s key fingerprint has not been confirmed as compared by phone.</translation>
    </message>
    <message>
        <source>Mật khẩu cần ít nhất {n} ký tự.</source>
        <translation>The passphrase needs at least {n} characters.</translation>
    </message>
    <message>
        <source>Hai lần nhập mật khẩu không khớp.</source>
        <translation>The two passphrase entries do not match.</translation>
    </message>
    <message>
        <source>Đang kết nối máy chủ…</source>
        <translation>Connecting to the server…</translation>
    </message>
    <message>
        <source>Đang tạo khóa ký và cơ sở dữ liệu…</source>
        <translation>Creating the signing key and the database…</translation>
    </message>
    <message>
        <source>Đang nạp dữ liệu mẫu…</source>
        <translation>Loading the sample data…</translation>
    </message>
    <message>
        <source>Đang tạo hồ sơ đơn vị…</source>
        <translation>Creating the unit profile…</translation>
    </message>
    <message>
        <source>Không tạo được hồ sơ</source>
        <translation>Could not create the profile</translation>
    </message>
    <message>
        <source>không mở được cơ sở dữ liệu</source>
        <translation>the database could not be opened</translation>
    </message>
    <message>
        <source>{path}: cơ sở dữ liệu hỏng đến mức không đọc được ({exc}); hãy khôi phục bản sao lưu (Công cụ → Danh sách bản sao lưu… hoặc lệnh restore)</source>
        <translation>{path}: the database is too damaged to be read ({exc}); restore a backup (Tools → Backups… or the restore command)</translation>
    </message>
    <message>
        <source>Cơ sở dữ liệu bị hỏng — chỉ xem, không sửa được. Hãy khôi phục bản sao lưu còn tốt: Công cụ → Danh sách bản sao lưu…</source>
        <translation>The database is damaged — view only, no editing. Restore a good backup: Tools → Backups…</translation>
    </message>
    <message>
        <source>Đã khôi phục {n} bản ghi từ bản sao lưu; cơ sở dữ liệu hỏng được giữ trong backups/</source>
        <translation>Restored {n} records from the backup; the damaged database is kept in backups/</translation>
    </message>
    <message>
        <source>Cảnh báo: {text}</source>
        <translation>Warning: {text}</translation>
    </message>
    <message>
        <source>Đang sao lưu tự động…</source>
        <translation>Automatic backup…</translation>
    </message>
    <message>
        <source>Chưa sao lưu tự động được: {reason}</source>
        <translation>The automatic backup failed: {reason}</translation>
    </message>
    <message>
        <source>Đang sao lưu trước khi đóng…</source>
        <translation>Backing up before closing…</translation>
    </message>
    <message>
        <source>Chưa sao lưu được khi đóng: {reason}</source>
        <translation>The backup on closing failed: {reason}</translation>
    </message>
    <message>
        <source>Họ và tên cán bộ</source>
        <translation>Officer&apos;s full name</translation>
    </message>
    <message>
        <source>Chức vụ</source>
        <translation>Position</translation>
    </message>
    <message>
        <source>Cơ quan chủ quản (dòng 1)</source>
        <translation>Parent body (line 1)</translation>
    </message>
    <message>
        <source>Cơ quan ban hành (dòng 2)</source>
        <translation>Issuing body (line 2)</translation>
    </message>
    <message>
        <source>Địa danh (trước “ngày … tháng …”)</source>
        <translation>Place name (before the date line)</translation>
    </message>
    <message>
        <source>Thẩm quyền ký (ví dụ: TM. BAN …)</source>
        <translation>Signing authority (for example: TM. BAN …)</translation>
    </message>
    <message>
        <source>Chức vụ người ký</source>
        <translation>Signer&apos;s position</translation>
    </message>
    <message>
        <source>Họ và tên người ký</source>
        <translation>Signer&apos;s full name</translation>
    </message>
    <message>
        <source>Ký hiệu báo cáo (sau số, ví dụ BC-UBND)</source>
        <translation>Report symbol (after the number, e.g. BC-UBND)</translation>
    </message>
    <message>
        <source>Cài đặt</source>
        <translation>Settings</translation>
    </message>
    <message>
        <source>Cán bộ nhập liệu</source>
        <translation>Data-entry officer</translation>
    </message>
    <message>
        <source>Tiêu đề và chữ ký của báo cáo</source>
        <translation>Report header and signature</translation>
    </message>
    <message>
        <source>Nơi nhận (mỗi dòng một nơi):</source>
        <translation>Recipients (one per line):</translation>
    </message>
    <message>
        <source>Kính gửi (mặc định):</source>
        <translation>Addressed to (default):</translation>
    </message>
    <message>
        <source>Đây là giá trị mặc định; mỗi lần in có thể đổi số, ký hiệu, nơi kính gửi và người ký.</source>
        <translation>These are defaults; each printing can change the number, symbol, addressees and signer.</translation>
    </message>
    <message>
        <source>Tính toán và ngôn ngữ</source>
        <translation>Calculation and language</translation>
    </message>
    <message>
        <source>Làm tròn (25,369 % → {v})</source>
        <translation>Round (25.369 % → {v})</translation>
    </message>
    <message>
        <source>Cắt bớt, như báo cáo mẫu (25,369 % → {v})</source>
        <translation>Truncate, as in the sample report (25.369 % → {v})</translation>
    </message>
    <message>
        <source>Tỷ lệ ghi 2 chữ số thập phân. Ví dụ tỷ lệ 25,369 % được ghi 25,37 % nếu làm tròn, 25,36 % nếu cắt bớt phần thừa (25,37 % / 25,36 %).</source>
        <translation>Shares are written with 2 decimals. For example a share of 25.369 % is written 25.37 % when rounded and 25.36 % when truncated (25.37 % / 25.36 %).</translation>
    </message>
    <message>
        <source>Tỷ lệ phần trăm:</source>
        <translation>Percentages:</translation>
    </message>
    <message>
        <source>Ngôn ngữ giao diện:</source>
        <translation>Interface language:</translation>
    </message>
    <message>
        <source>Đổi ngôn ngữ có hiệu lực khi mở lại chương trình.</source>
        <translation>A change of language takes effect when the program is opened again.</translation>
    </message>
    <message>
        <source>Nâng cao</source>
        <translation>Advanced</translation>
    </message>
    <message>
        <source>để trống: SQLite trong thư mục hồ sơ (khuyên dùng)</source>
        <translation>empty: SQLite in the profile folder (recommended)</translation>
    </message>
    <message>
        <source>Địa chỉ cơ sở dữ liệu:</source>
        <translation>Database address:</translation>
    </message>
    <message>
        <source>Chỉ đổi khi quản trị viên yêu cầu (ví dụ postgresql://…). Có hiệu lực khi mở lại chương trình; dữ liệu không tự chuyển sang cơ sở dữ liệu mới.</source>
        <translation>Change only when the administrator asks you to (for example postgresql://…). Takes effect when the program is opened again; data is not moved to the new database automatically.</translation>
    </message>
    <message>
        <source>Lưu</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>“{field}”: không được để trống</source>
        <translation>“{field}”: must not be empty</translation>
    </message>
    <message>
        <source>“Địa chỉ cơ sở dữ liệu”: “{url}” không phải địa chỉ hợp lệ (dạng driver://người-dùng@máy/tên); để trống để dùng SQLite</source>
        <translation>“Database address”: “{url}” is not a valid address (form driver://user@host/name); leave it empty to use SQLite</translation>
    </message>
    <message>
        <source>Chưa lưu — {problems}</source>
        <translation>Not saved — {problems}</translation>
    </message>
    <message>
        <source>Chưa lưu — {path}: {reason}</source>
        <translation>Not saved — {path}: {reason}</translation>
    </message>
    <message>
        <source>Đã lưu cài đặt.</source>
        <translation>Settings saved.</translation>
    </message>
    <message>
        <source>Ngôn ngữ và địa chỉ cơ sở dữ liệu có hiệu lực khi mở lại chương trình.</source>
        <translation>The language and the database address take effect when the program is opened again.</translation>
    </message>
    <message>
        <source>Cài đặt…</source>
        <translation>Settings…</translation>
    </message>
    <message>
        <source>Nhập từ Excel/CSV — chọn tệp</source>
        <translation>Import from Excel/CSV — choose a file</translation>
    </message>
    <message>
        <source>Nhập từ Excel/CSV</source>
        <translation>Import from Excel/CSV</translation>
    </message>
    <message>
        <source>Đang nhập {name}…</source>
        <translation>Importing {name}…</translation>
    </message>
    <message>
        <source>Không nhập gì — dữ liệu giữ nguyên như trước.

{reason}</source>
        <translation>Nothing was imported — the data is exactly as before.

{reason}</translation>
    </message>
    <message>
        <source>Tải mẫu Excel</source>
        <translation>Excel template</translation>
    </message>
    <message>
        <source>Đã ghi tệp mẫu {path}.
Mở bằng Excel, nhập mỗi trang một bảng (xem trang &quot;Hướng dẫn&quot;), lưu lại rồi dùng Tệp → Nhập từ Excel/CSV…</source>
        <translation>Template written to {path}.
Open it in Excel, fill in one table per sheet (see the guide sheet, &quot;Hướng dẫn&quot;), save it, then use File → Import from Excel/CSV…</translation>
    </message>
    <message>
        <source>Nhập từ Excel/CSV…</source>
        <translation>Import from Excel/CSV…</translation>
    </message>
    <message>
        <source>Nhập hoạt động, văn bản, chỉ tiêu, lời văn từ tệp .xlsx hoặc .csv (toàn bộ hoặc không gì)</source>
        <translation>Import activities, documents, indicators and narratives from an .xlsx or .csv file (all or nothing)</translation>
    </message>
    <message>
        <source>Tải mẫu Excel…</source>
        <translation>Excel template…</translation>
    </message>
    <message>
        <source>Đăng ký khóa đơn vị cấp dưới</source>
        <translation>Register a subordinate unit&apos;s key</translation>
    </message>
    <message>
        <source>Đăng ký khóa của cấp trên</source>
        <translation>Enrol the parent&apos;s key</translation>
    </message>
    <message>
        <source>Cấp trên gửi tệp khóa công khai của mình. Đăng ký xong, gói báo cáo gửi lên được mã hóa (chỉ cấp trên mở được) và tệp trả lại để sửa của cấp trên được kiểm tra chữ ký. Gọi điện cho cán bộ cấp trên: hai bên đọc vân tay, phải giống nhau từng ký tự.</source>
        <translation>The parent sends its public key file. Once it is enrolled, report bundles sent up are encrypted (only the parent can open them) and the parent&apos;s returns for correction are checked against its signature. Call the parent&apos;s officer: both read the fingerprint, which must match character by character.</translation>
    </message>
    <message>
        <source>Đơn vị cấp dưới gửi tệp khóa công khai (Tệp → Xuất khóa công khai…). Chọn tệp và đơn vị, rồi gọi điện cho cán bộ đơn vị đó: hai bên đọc vân tay, phải giống nhau từng ký tự.</source>
        <translation>The subordinate unit sends its public key file (File → Export public key…). Choose the file and the unit, then call that unit&apos;s officer: both sides read out the fingerprint, which must match character for character.</translation>
    </message>
    <message>
        <source>chưa chọn tệp</source>
        <translation>no file chosen</translation>
    </message>
    <message>
        <source>Chọn tệp…</source>
        <translation>Choose file…</translation>
    </message>
    <message>
        <source>Tệp khóa công khai:</source>
        <translation>Public key file:</translation>
    </message>
    <message>
        <source>Của đơn vị:</source>
        <translation>For unit:</translation>
    </message>
    <message>
        <source>Gói vừa nhận được ký bằng khóa có vân tay &lt;b&gt;{fingerprint}&lt;/b&gt;.</source>
        <translation>The bundle just received is signed with the key whose fingerprint is &lt;b&gt;{fingerprint}&lt;/b&gt;.</translation>
    </message>
    <message>
        <source>Vân tay tính từ khóa trong tệp:</source>
        <translation>Fingerprint computed from the key in the file:</translation>
    </message>
    <message>
        <source>Tôi đã đọc vân tay với cán bộ đơn vị qua điện thoại và hai bên giống nhau</source>
        <translation>I have read the fingerprint with the unit&apos;s officer over the phone and both match</translation>
    </message>
    <message>
        <source>Đăng ký khóa</source>
        <translation>Register key</translation>
    </message>
    <message>
        <source>Chọn tệp khóa công khai của đơn vị cấp dưới</source>
        <translation>Choose the subordinate unit&apos;s public key file</translation>
    </message>
    <message>
        <source>Tệp ghi là khóa của: &lt;b&gt;{name}&lt;/b&gt; ({code})</source>
        <translation>The file says it is the key of: &lt;b&gt;{name}&lt;/b&gt; ({code})</translation>
    </message>
    <message>
        <source>Vân tay của khóa trong tệp khác vân tay đã ký gói vừa nhận: tệp này không phải khóa đã ký gói đó.</source>
        <translation>The key in this file has another fingerprint than the key that signed the bundle just received: this file is not that key.</translation>
    </message>
    <message>
        <source>Đơn vị {code} trong tệp không phải đơn vị cấp dưới trực tiếp của {own}.</source>
        <translation>Unit {code} in the file is not a direct subordinate unit of {own}.</translation>
    </message>
    <message>
        <source>Khóa này đã được đăng ký trước đó</source>
        <translation>This key was already registered</translation>
    </message>
    <message>
        <source>Đã đăng ký khóa</source>
        <translation>Key registered</translation>
    </message>
    <message>
        <source>Danh sách khóa đơn vị cấp dưới</source>
        <translation>Keys of subordinate units</translation>
    </message>
    <message>
        <source>Vân tay</source>
        <translation>Fingerprint</translation>
    </message>
    <message>
        <source>Đăng ký</source>
        <translation>Registered</translation>
    </message>
    <message>
        <source>Trạng thái</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Đăng ký khóa mới…</source>
        <translation>Register a new key…</translation>
    </message>
    <message>
        <source>Thu hồi khóa đã chọn…</source>
        <translation>Revoke the selected key…</translation>
    </message>
    <message>
        <source>Đã thu hồi {day}</source>
        <translation>Revoked {day}</translation>
    </message>
    <message>
        <source>Đã đổi sang khóa mới từ gói số {sequence}</source>
        <translation>Replaced by a new key from bundle number {sequence}</translation>
    </message>
    <message>
        <source>Hiệu lực</source>
        <translation>Valid</translation>
    </message>
    <message>
        <source>khóa cũ {fingerprint} xác nhận</source>
        <translation>endorsed by old key {fingerprint}</translation>
    </message>
    <message>
        <source>Thu hồi khóa {fingerprint} của {name} ({code})?
Mọi gói ký bằng khóa này sẽ bị từ chối từ nay; dữ liệu đã nhận vẫn giữ nguyên.</source>
        <translation>Revoke key {fingerprint} of {name} ({code})?
Every bundle signed with this key will be refused from now on; data already received stays as it is.</translation>
    </message>
    <message>
        <source>Thu hồi khóa</source>
        <translation>Revoke key</translation>
    </message>
    <message>
        <source>Thu hồi</source>
        <translation>Revoke</translation>
    </message>
    <message>
        <source>Đã thu hồi khóa {fingerprint}</source>
        <translation>Key {fingerprint} revoked</translation>
    </message>
    <message>
        <source>Đăng ký khóa đơn vị cấp dưới…</source>
        <translation>Register a subordinate unit&apos;s key…</translation>
    </message>
    <message>
        <source>Danh sách khóa…</source>
        <translation>Keys…</translation>
    </message>
    <message>
        <source>Hoàn tác</source>
        <translation>Undo</translation>
    </message>
    <message>
        <source>Làm lại</source>
        <translation>Redo</translation>
    </message>
    <message>
        <source>Thêm dòng</source>
        <translation>Add row</translation>
    </message>
    <message>
        <source>Hoàn tác: {action}</source>
        <translation>Undo: {action}</translation>
    </message>
    <message>
        <source>Làm lại: {action}</source>
        <translation>Redo: {action}</translation>
    </message>
    <message>
        <source>mục tiêu đến năm {year} là {target}</source>
        <translation>{year} target {target}</translation>
    </message>
    <message>
        <source>chưa có số liệu</source>
        <translation>no data yet</translation>
    </message>
    <message>
        <source>mục tiêu đến năm {year} là {target}: {verdict}</source>
        <translation>{year} target {target}: {verdict}</translation>
    </message>
    <message>
        <source>đạt</source>
        <translation>met</translation>
    </message>
    <message>
        <source>chưa đạt</source>
        <translation>not met</translation>
    </message>
    <message>
        <source>mục tiêu của tỉnh năm {year} là {target} ({decision})</source>
        <translation>province&apos;s {year} target {target} ({decision})</translation>
    </message>
    <message>
        <source>mục tiêu của tỉnh năm {year} là {target} ({decision}): {verdict}</source>
        <translation>province&apos;s {year} target {target} ({decision}): {verdict}</translation>
    </message>
    <message>
        <source>đơn vị kế tục chính: cấp huyện không còn từ 01/7/2025, hồ sơ chuyển lên tỉnh mới</source>
        <translation>main successor: districts are abolished from 1 July 2025, the profile moves up to the new province</translation>
    </message>
    <message>
        <source> (một phần)</source>
        <translation> (in part)</translation>
    </message>
    <message>
        <source>nhận {parts}</source>
        <translation>took {parts}</translation>
    </message>
    <message>
        <source>đơn vị kế tục chính; {what}</source>
        <translation>main successor; {what}</translation>
    </message>
    <message>
        <source>Chuyển sang đơn vị sau sáp nhập</source>
        <translation>Move to the unit after the merger</translation>
    </message>
    <message>
        <source>Hồ sơ này là của {unit} ({code}), đơn vị hành chính trước khi sắp xếp ngày 01/7/2025. Địa bàn của đơn vị nay thuộc các đơn vị dưới đây; chọn đơn vị mà hồ sơ sẽ chuyển sang:</source>
        <translation>This profile is of {unit} ({code}), an administrative unit from before the reorganisation of 1 July 2025. Its area now belongs to the units below; choose the unit the profile moves to:</translation>
    </message>
    <message>
        <source>Căn cứ: {source}</source>
        <translation>Basis: {source}</translation>
    </message>
    <message>
        <source>Khi chuyển:
• Chương trình sao lưu hồ sơ trước (Công cụ → Danh sách bản sao lưu…: khôi phục bản “Trước khi chuyển đơn vị” để quay lại).
• Hồ sơ từ đây là của đơn vị mới; tiêu đề báo cáo (cơ quan chủ quản, địa danh, nơi nhận) được lập lại theo đơn vị mới, sửa được trong Công cụ → Cài đặt…
• Số liệu đã ghi giữ nguyên và vẫn thuộc {unit} (mã {code}): các trang của cửa sổ mở số liệu của đơn vị mới; so sánh cùng kỳ của đơn vị mới cộng số liệu các đơn vị cũ của nó.
• Khóa ký giữ nguyên; đơn vị cấp trên cần đăng ký lại khóa công khai của hồ sơ này cho mã mới.</source>
        <translation>When moving:
• The profile is backed up first (Tools → Backups…: restore the one “Before moving to another unit” to go back).
• From then on the profile is the new unit&apos;s; the report header (governing body, place, recipients) is made again for the new unit and can be changed in Tools → Settings…
• The data recorded stay as they are and still belong to {unit} (code {code}): the window&apos;s pages show the new unit&apos;s data; year-on-year comparisons of the new unit add up its old units&apos; figures.
• The signing key is kept; the unit above must enrol this profile&apos;s public key again for the new code.</translation>
    </message>
    <message>
        <source>Chuyển hồ sơ…</source>
        <translation>Move the profile…</translation>
    </message>
    <message>
        <source>Cơ sở dữ liệu bị hỏng: khôi phục bản sao lưu còn tốt trước khi chuyển hồ sơ sang đơn vị mới.</source>
        <translation>The database is damaged: restore a good backup before moving the profile to the new unit.</translation>
    </message>
    <message>
        <source>Chuyển hồ sơ của {old} sang {new} ({code})?

Số liệu đã ghi giữ nguyên, vẫn thuộc đơn vị cũ; chương trình sao lưu trước khi chuyển.</source>
        <translation>Move the profile of {old} to {new} ({code})?

The data recorded stay as they are and still belong to the old unit; a backup is taken before the move.</translation>
    </message>
    <message>
        <source>Chuyển hồ sơ</source>
        <translation>Move the profile</translation>
    </message>
    <message>
        <source>Đang chuyển hồ sơ…</source>
        <translation>Moving the profile…</translation>
    </message>
    <message>
        <source>Đã chuyển hồ sơ sang {new} ({code}); số liệu các kỳ trước vẫn thuộc {old} ({old_code}).</source>
        <translation>The profile moved to {new} ({code}); the earlier periods&apos; data still belong to {old} ({old_code}).</translation>
    </message>
    <message>
        <source>Chuyển sang đơn vị sau sáp nhập…</source>
        <translation>Move to the unit after the merger…</translation>
    </message>
    <message>
        <source>Chuyển hồ sơ của đơn vị cũ (trước 01/7/2025) sang đơn vị mới sau sắp xếp, giữ nguyên số liệu</source>
        <translation>Move the profile of an old unit (before 1 July 2025) to its new unit after the reorganisation, its data kept</translation>
    </message>
    <message>
        <source>Chuyển sang đơn vị sau sáp nhập (đã chuyển từ đơn vị {old})</source>
        <translation>Move to the unit after the merger (moved from unit {old})</translation>
    </message>
</context>
<context>
    <name>ActivitiesController</name>
    <message>
        <source>Hoạt động mới</source>
        <translation>New activity</translation>
    </message>
    <message>
        <source>Số hoạt động: {count}</source>
        <translation>Activities: {count}</translation>
    </message>
    <message>
        <source>Tìm thấy {count} hoạt động</source>
        <translation>{count} activities found</translation>
    </message>
    <message>
        <source>Số cuộc: {n}</source>
        <translation>Sessions: {n}</translation>
    </message>
    <message>
        <source>Lượt người: {n}</source>
        <translation>Participants: {n}</translation>
    </message>
    <message>
        <source>Trong đó nữ: {n}</source>
        <translation>Women: {n}</translation>
    </message>
    <message>
        <source>Chuyên mục truyền thông: {n}</source>
        <translation>Media items: {n}</translation>
    </message>
</context>
<context>
    <name>ActivityTableModel</name>
    <message>
        <source>Ngày</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Loại hoạt động</source>
        <translation>Activity kind</translation>
    </message>
    <message>
        <source>Nội dung</source>
        <translation>Content</translation>
    </message>
    <message>
        <source>Số cuộc</source>
        <translation>Sessions</translation>
    </message>
    <message>
        <source>Lượt người</source>
        <translation>Participants</translation>
    </message>
    <message>
        <source>Trong đó nữ</source>
        <translation>Women</translation>
    </message>
    <message>
        <source>Địa điểm</source>
        <translation>Place</translation>
    </message>
</context>
<context>
    <name>DocumentTableModel</name>
    <message>
        <source>Số, ký hiệu</source>
        <translation>Number and symbol</translation>
    </message>
    <message>
        <source>Ngày ban hành</source>
        <translation>Date issued</translation>
    </message>
    <message>
        <source>Cơ quan ban hành</source>
        <translation>Issuing body</translation>
    </message>
    <message>
        <source>Loại văn bản</source>
        <translation>Document kind</translation>
    </message>
    <message>
        <source>Trích yếu</source>
        <translation>Summary</translation>
    </message>
</context>
<context>
    <name>DocumentsController</name>
    <message>
        <source>Chưa có số</source>
        <translation>No number yet</translation>
    </message>
    <message>
        <source>Văn bản mới</source>
        <translation>New document</translation>
    </message>
</context>
<context>
    <name>FiguresController</name>
    <message>
        <source>Cần xem lại (vẫn lưu được): {flag}
{history}</source>
        <translation>To look at again (saved all the same): {flag}
{history}</translation>
    </message>
    <message>
        <source>Chưa lưu — {reason}</source>
        <translation>Not saved — {reason}</translation>
    </message>
    <message>
        <source>Đã lưu {name}</source>
        <translation>Saved {name}</translation>
    </message>
    <message>
        <source>đã phân tổ</source>
        <translation>broken down</translation>
    </message>
    <message>
        <source>chưa biết phân tổ</source>
        <translation>breakdown not known</translation>
    </message>
    <message>
        <source>có ghi chú</source>
        <translation>commented</translation>
    </message>
    <message>
        <source>cần theo dõi</source>
        <translation>to follow up</translation>
    </message>
    <message>
        <source>Tổng các ô phân tổ: sửa ở nút Phân tổ, ghi chú…</source>
        <translation>The sum of its breakdown cells: change them with Breakdown, comment…</translation>
    </message>
    <message>
        <source>Chỉ tiêu đã ngừng dùng: giá trị của kỳ này chỉ để xem</source>
        <translation>Indicator retired: this period&apos;s value is shown only</translation>
    </message>
    <message>
        <source>Đã lưu: số liệu toàn địa bàn</source>
        <translation>Saved: figures for the whole area</translation>
    </message>
    <message>
        <source>Đã lưu: số liệu cấp mình</source>
        <translation>Saved: figures of the unit&apos;s own level</translation>
    </message>
</context>
<context>
    <name>FiguresPage</name>
    <message>
        <source>Số liệu</source>
        <translation>Figures</translation>
    </message>
    <message>
        <source>Số liệu toàn địa bàn (các cấp)</source>
        <translation>Figures for the whole area (all levels)</translation>
    </message>
    <message>
        <source>Chọn: số liệu của cả địa bàn, giữ nguyên, không cộng thêm số liệu các đơn vị cấp dưới. Bỏ chọn: số liệu riêng của cấp mình, được cộng với số liệu các đơn vị cấp dưới gửi lên.</source>
        <translation>Ticked: figures of the whole area, kept as typed; the units below are not added to them. Unticked: figures of the unit&apos;s own level, added to the figures the units below send.</translation>
    </message>
    <message>
        <source>Phân tổ, ghi chú…</source>
        <translation>Breakdown, comment…</translation>
    </message>
    <message>
        <source>Ghi chú…</source>
        <translation>Comment…</translation>
    </message>
    <message>
        <source>Tỷ lệ (tính tự động) so với mục tiêu quốc gia và của tỉnh</source>
        <translation>Shares (calculated) against the national and the province&apos;s targets</translation>
    </message>
</context>
<context>
    <name>GridController</name>
    <message>
        <source>Hiện cột mã chỉ tiêu</source>
        <translation>Show the indicator code column</translation>
    </message>
    <message>
        <source>Chưa lưu — {reason}</source>
        <translation>Not saved — {reason}</translation>
    </message>
</context>
<context>
    <name>GridPage</name>
    <message>
        <source>Ô nền xám được tính tự động từ các số liệu và hoạt động đã nhập; chỉ các ô “Nhập” được sửa: gõ số hoặc F2 để sửa, Enter để lưu và xuống dòng.</source>
        <translation>Grey cells are computed from the figures and activities entered; only “Typed” cells can be edited: type a number or press F2 to edit, Enter to save and move down.</translation>
    </message>
</context>
<context>
    <name>IndicatorTableModel</name>
    <message>
        <source>Mã</source>
        <translation>Code</translation>
    </message>
    <message>
        <source>Chỉ tiêu</source>
        <translation>Indicators</translation>
    </message>
    <message>
        <source>Đơn vị tính</source>
        <translation>Unit</translation>
    </message>
    <message>
        <source>Giá trị</source>
        <translation>Value</translation>
    </message>
    <message>
        <source>Mục tiêu 2025</source>
        <translation>2025 target</translation>
    </message>
    <message>
        <source>Mục tiêu 2030</source>
        <translation>2030 target</translation>
    </message>
    <message>
        <source>Mục tiêu tỉnh</source>
        <translation>Province&apos;s target</translation>
    </message>
    <message>
        <source>Cách có</source>
        <translation>Source</translation>
    </message>
    <message>
        <source>đạt</source>
        <translation>met</translation>
    </message>
    <message>
        <source>chưa đạt</source>
        <translation>not met</translation>
    </message>
    <message>
        <source>Nhập</source>
        <translation>Entered</translation>
    </message>
    <message>
        <source>Tính: tỷ lệ</source>
        <translation>Calculated: share</translation>
    </message>
    <message>
        <source>Tính: từ hoạt động</source>
        <translation>Calculated: from activities</translation>
    </message>
    <message>
        <source>Cần theo dõi</source>
        <translation>To follow up</translation>
    </message>
</context>
<context>
    <name>MainController</name>
    <message>
        <source>Đang xem kỳ {period}</source>
        <translation>Viewing period {period}</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>VSTBPN Desktop — Ghi nhận công tác vì sự tiến bộ của phụ nữ và bình đẳng giới</source>
        <translation>VSTBPN Desktop — Recording work for the advancement of women and gender equality</translation>
    </message>
    <message>
        <source>Kỳ báo cáo:</source>
        <translation>Reporting period:</translation>
    </message>
    <message>
        <source>{name} (lời văn)</source>
        <translation>{name} (narrative)</translation>
    </message>
    <message>
        <source>&amp;Tệp</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <source>&amp;Sửa</source>
        <translation>&amp;Edit</translation>
    </message>
    <message>
        <source>&amp;Kỳ báo cáo</source>
        <translation>&amp;Period</translation>
    </message>
    <message>
        <source>&amp;Báo cáo</source>
        <translation>&amp;Report</translation>
    </message>
    <message>
        <source>Đơn vị cấp &amp;dưới</source>
        <translation>&amp;Subordinate units</translation>
    </message>
    <message>
        <source>&amp;Công cụ</source>
        <translation>&amp;Tools</translation>
    </message>
    <message>
        <source>Trợ &amp;giúp</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <source>Thoát</source>
        <translation>Quit</translation>
    </message>
</context>
<context>
    <name>NarrativeController</name>
    <message>
        <source>Đang soạn… (tự lưu)</source>
        <translation>Editing… (saved automatically)</translation>
    </message>
    <message>
        <source>Chưa lưu: {reason}</source>
        <translation>Not saved: {reason}</translation>
    </message>
    <message>
        <source>sửa lời văn</source>
        <translation>edit narrative</translation>
    </message>
    <message>
        <source>Đã lưu lúc {time}</source>
        <translation>Saved at {time}</translation>
    </message>
</context>
<context>
    <name>PendingShown</name>
    <message>
        <source>Chưa lưu — {reason}</source>
        <translation>Not saved — {reason}</translation>
    </message>
</context>
<context>
    <name>TableController</name>
    <message>
        <source>Dòng {row} chưa lưu — {reason}</source>
        <translation>Row {row} not saved — {reason}</translation>
    </message>
    <message>
        <source>Số dòng: {count}</source>
        <translation>Rows: {count}</translation>
    </message>
    <message>
        <source>thêm dòng</source>
        <translation>add row</translation>
    </message>
    <message>
        <source>dán {count} ô</source>
        <translation>paste {count} cells</translation>
    </message>
    <message>
        <source>Xóa dòng</source>
        <translation>Delete rows</translation>
    </message>
    <message>
        <source>Xóa {count} dòng đã chọn? (Hoàn tác: Ctrl+Z)</source>
        <translation>Delete the {count} selected rows? (Undo: Ctrl+Z)</translation>
    </message>
    <message>
        <source>Xóa</source>
        <translation>Delete</translation>
    </message>
    <message>
        <source>xóa {count} dòng</source>
        <translation>delete {count} rows</translation>
    </message>
    <message>
        <source>Đã xóa {count} dòng</source>
        <translation>{count} rows deleted</translation>
    </message>
</context>
<context>
    <name>TablePage</name>
    <message>
        <source>Nội dung, địa điểm — gõ không dấu cũng được</source>
        <translation>Title or place, with or without Vietnamese accents</translation>
    </message>
    <message>
        <source>Tìm:</source>
        <translation>Search:</translation>
    </message>
    <message>
        <source>Thêm dòng (Ctrl+N)</source>
        <translation>Add row (Ctrl+N)</translation>
    </message>
    <message>
        <source>Xóa dòng đã chọn (Delete)</source>
        <translation>Delete selected rows (Delete)</translation>
    </message>
    <message>
        <source>Thêm dòng</source>
        <translation>Add row</translation>
    </message>
    <message>
        <source>Xóa dòng</source>
        <translation>Delete rows</translation>
    </message>
</context>
<context>
    <name>ValueDetailDialog</name>
    <message>
        <source>Phân tổ và ghi chú — {name}</source>
        <translation>Breakdown and comment — {name}</translation>
    </message>
    <message>
        <source>Phân tổ theo {axes}:</source>
        <translation>Broken down by {axes}:</translation>
    </message>
    <message>
        <source>Chưa biết phân tổ: chỉ có tổng số ({total})</source>
        <translation>Breakdown not known: the total only ({total})</translation>
    </message>
    <message>
        <source>Một vụ có thể có nhiều hình thức: mỗi ô không lớn hơn tổng số, tổng số nhập riêng.</source>
        <translation>One case may take several forms: no cell exceeds the total, which is typed on its own.</translation>
    </message>
    <message>
        <source>Ghi chú (vì sao bằng 0, số liệu lấy từ đâu):</source>
        <translation>Comment (why it is zero, where the figure comes from):</translation>
    </message>
    <message>
        <source>Cần theo dõi, kiểm tra lại số liệu này</source>
        <translation>Follow up: check this figure again</translation>
    </message>
    <message>
        <source>Lưu</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>Hủy</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Tổng số (tổng các ô): {total}</source>
        <translation>Total (sum of the cells): {total}</translation>
    </message>
    <message>
        <source>Chưa lưu — {reason}</source>
        <translation>Not saved — {reason}</translation>
    </message>
</context>
<context>
    <name>_RecordTable</name>
    <message>
        <source>sửa ô {column}</source>
        <translation>edit cell {column}</translation>
    </message>
</context>
<context>
    <name>worker</name>
    <message>
        <source>Hủy</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Đang hủy…</source>
        <translation>Cancelling…</translation>
    </message>
</context>
</TS>
