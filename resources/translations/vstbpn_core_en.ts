<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="vi_VN">
    <context>
        <name>core</name>
        <message>
            <source>"action" phải là "{ACTION_RETURN}"</source>
            <translation>"action" must be "{ACTION_RETURN}"</translation>
        </message>
        <message>
            <source>"bundle_id" phải là UUID viết thường</source>
            <translation>"bundle_id" must be a lower-case UUID</translation>
        </message>
        <message>
            <source>"bundle_sequence" phải là số nguyên dương</source>
            <translation>"bundle_sequence" must be a positive whole number</translation>
        </message>
        <message>
            <source>"changes" phải có đúng {TABLES}</source>
            <translation>"changes" must have exactly {TABLES}</translation>
        </message>
        <message>
            <source>"changes"."{table}" phải có đúng {ACTIONS}</source>
            <translation>"changes"."{table}" must have exactly {ACTIONS}</translation>
        </message>
        <message>
            <source>"counts" của gói trả lời hoặc tệp cấu hình phải là {}</source>
            <translation>"counts" of an answer or a configuration file must be {}</translation>
        </message>
        <message>
            <source>"counts" phải có đúng activities, documents, indicators, narratives (số nguyên ≥ 0)</source>
            <translation>"counts" must have exactly activities, documents, indicators, narratives (whole numbers ≥ 0)</translation>
        </message>
        <message>
            <source>"deadlines" phải là đối tượng JSON: mã kỳ → ngày "YYYY-MM-DD"</source>
            <translation>"deadlines" must be a JSON object: period code → date "YYYY-MM-DD"</translation>
        </message>
        <message>
            <source>"deadlines": {code}: cần mã kỳ (2026H1) và ngày YYYY-MM-DD</source>
            <translation>"deadlines": {code}: a period code (2026H1) and a date YYYY-MM-DD are needed</translation>
        </message>
        <message>
            <source>"format" phải là "{FORMAT}"</source>
            <translation>"format" must be "{FORMAT}"</translation>
        </message>
        <message>
            <source>"format_minor" 0 thì bỏ trường này đi (phiên bản 1.0)</source>
            <translation>"format_minor" 0 means leaving this field out (version 1.0)</translation>
        </message>
        <message>
            <source>"format_minor" phải là số nguyên 0 … {FORMAT_MINOR} (phiên bản phụ {minor!r} không được hỗ trợ; hãy cập nhật ứng dụng)</source>
            <translation>"format_minor" must be a whole number 0 … {FORMAT_MINOR} (minor version {minor!r} is not supported; update the application)</translation>
        </message>
        <message>
            <source>"issued_by" phải là chuỗi tối đa 200 ký tự</source>
            <translation>"issued_by" must be a string of at most 200 characters</translation>
        </message>
        <message>
            <source>"key_fingerprint" phải là 32 chữ số hex viết hoa</source>
            <translation>"key_fingerprint" must be 32 upper-case hex digits</translation>
        </message>
        <message>
            <source>"members" ({name}): dài {length} byte cho {count} dòng, vượt giới hạn {cap} byte mỗi dòng</source>
            <translation>"members" ({name}): {length} bytes for {count} lines, over the limit of {cap} bytes a line</translation>
        </message>
        <message>
            <source>"members" thiếu {missing}</source>
            <translation>"members" lacks {missing}</translation>
        </message>
        <message>
            <source>"members": thành phần '{name}' được kê hai lần</source>
            <translation>"members": member '{name}' is listed twice</translation>
        </message>
        <message>
            <source>"members"[{index}] ({name}): dài {length} byte, vượt giới hạn {cap} byte</source>
            <translation>"members"[{index}] ({name}): {length} bytes long, over the limit of {cap} bytes</translation>
        </message>
        <message>
            <source>"members"[{index}] ({name}): sha256 phải là 64 chữ số hex viết thường</source>
            <translation>"members"[{index}] ({name}): sha256 must be 64 lower-case hex digits</translation>
        </message>
        <message>
            <source>"members"[{index}] ({name}): độ dài không hợp lệ</source>
            <translation>"members"[{index}] ({name}): invalid length</translation>
        </message>
        <message>
            <source>"members"[{index}] phải có đúng name, length, sha256</source>
            <translation>"members"[{index}] must have exactly name, length, sha256</translation>
        </message>
        <message>
            <source>"members"[{index}]: thành phần '{name}' không có trong định dạng</source>
            <translation>"members"[{index}]: member '{name}' is not part of the format</translation>
        </message>
        <message>
            <source>"period" phải viết dạng {code}</source>
            <translation>"period" must be written as {code}</translation>
        </message>
        <message>
            <source>"period": {error}</source>
            <translation>"period": {error}</translation>
        </message>
        <message>
            <source>"reason" phải khác rỗng, tối đa {MAX_REASON} ký tự</source>
            <translation>"reason" must not be empty and at most {MAX_REASON} characters</translation>
        </message>
        <message>
            <source>"reopened" phải là một mảng tối đa {MAX_REOPENS} phần tử</source>
            <translation>"reopened" must be an array of at most {MAX_REOPENS} items</translation>
        </message>
        <message>
            <source>"retire" phải là danh sách mã chỉ tiêu có trong danh mục</source>
            <translation>"retire" must be a list of indicator codes of the catalogue</translation>
        </message>
        <message>
            <source>"returned_by" dài quá 200 ký tự</source>
            <translation>"returned_by" is longer than 200 characters</translation>
        </message>
        <message>
            <source>"revoked_keys" phải là danh sách</source>
            <translation>"revoked_keys" must be a list</translation>
        </message>
        <message>
            <source>"revoked_keys"[{index}] phải có đúng fingerprint, org_unit, revoked_at</source>
            <translation>"revoked_keys"[{index}] must have exactly fingerprint, org_unit, revoked_at</translation>
        </message>
        <message>
            <source>"revoked_keys"[{index}]: vân tay 32 chữ số hex viết hoa, mã đơn vị bằng số</source>
            <translation>"revoked_keys"[{index}]: the fingerprint is 32 upper-case hex digits, the unit code digits</translation>
        </message>
        <message>
            <source>"sequence" phải là số nguyên dương</source>
            <translation>"sequence" must be a positive whole number</translation>
        </message>
        <message>
            <source>"targets" phải là danh sách</source>
            <translation>"targets" must be a list</translation>
        </message>
        <message>
            <source>"{name}" dài quá 200 ký tự</source>
            <translation>"{name}" is longer than 200 characters</translation>
        </message>
        <message>
            <source>"{name}" phải là chuỗi</source>
            <translation>"{name}" must be a string</translation>
        </message>
        <message>
            <source>"{name}" phải là mã đơn vị (chữ số)</source>
            <translation>"{name}" must be a unit code (digits)</translation>
        </message>
        <message>
            <source>"{where}" phải là thời điểm có thật dạng YYYY-MM-DDTHH:MM:SSZ (năm 2000-2100)</source>
            <translation>"{where}" must be a real moment written YYYY-MM-DDTHH:MM:SSZ (years 2000-2100)</translation>
        </message>
        <message>
            <source>'{text}' không phải là số</source>
            <translation>'{text}' is not a number</translation>
        </message>
        <message>
            <source>'{text}' phải là số nguyên</source>
            <translation>'{text}' must be a whole number</translation>
        </message>
        <message>
            <source>'{value}' không hợp lệ (issued: văn bản ban hành, received: văn bản nhận để thực hiện)</source>
            <translation>'{value}' is not valid (issued: a document the unit issued, received: a document received to carry out)</translation>
        </message>
        <message>
            <source>'{value}' không phải là số</source>
            <translation>'{value}' is not a number</translation>
        </message>
        <message>
            <source>'{value}' không phải là số hữu hạn</source>
            <translation>'{value}' is not a finite number</translation>
        </message>
        <message>
            <source>(không có)</source>
            <translation>(none)</translation>
        </message>
        <message>
            <source>--date: {error}</source>
            <translation>--date: {error}</translation>
        </message>
        <message>
            <source>--lost: cần mật khẩu cho khóa mới (--new-passphrase-env BIẾN)</source>
            <translation>--lost: a passphrase for the new key is needed (--new-passphrase-env VARIABLE)</translation>
        </message>
        <message>
            <source>--sequence-from: số thứ tự phải là số nguyên 1 … {limit}</source>
            <translation>--sequence-from: the sequence must be a whole number 1 … {limit}</translation>
        </message>
        <message>
            <source>; gói ký bằng khóa khác với gói đang giữ: nếu đơn vị dùng khóa hoặc máy mới, đơn vị xuất lại gói với bundle export --sequence-from {next}, hoặc cấp trên trả lại gói đang giữ để sửa (tệp trả lời) và đơn vị nhập tệp đó rồi gửi lại: số thứ tự tiếp tục từ đó</source>
            <translation>; the bundle is signed by another key than the bundle held: if the unit uses a new key or computer, it exports again with bundle export --sequence-from {next}, or the parent returns the bundle held for correction (an answer file) and the unit imports it and sends again: its sequence continues from there</translation>
        </message>
        <message>
            <source>Chưa có số liệu các kỳ trước</source>
            <translation>No figures of earlier periods yet</translation>
        </message>
        <message>
            <source>Các kỳ trước: {lines}</source>
            <translation>Earlier periods: {lines}</translation>
        </message>
        <message>
            <source>JSON không hợp lệ ({error})</source>
            <translation>invalid JSON ({error})</translation>
        </message>
        <message>
            <source>SHA-256 không khớp với manifest (nội dung đã bị thay đổi hoặc lấy từ gói khác)</source>
            <translation>SHA-256 does not match the manifest (the content was altered or taken from another bundle)</translation>
        </message>
        <message>
            <source>activity_kinds phải là các loại hoạt động của danh mục</source>
            <translation>activity_kinds must be activity kinds of the catalogue</translation>
        </message>
        <message>
            <source>biến môi trường {variable} (--new-passphrase-env) chưa được đặt</source>
            <translation>environment variable {variable} (--new-passphrase-env) is not set</translation>
        </message>
        <message>
            <source>biến môi trường {variable} (--passphrase-env) chưa được đặt</source>
            <translation>environment variable {variable} (--passphrase-env) is not set</translation>
        </message>
        <message>
            <source>bản ghi đã được sửa sau lần thay đổi này; không thể khôi phục</source>
            <translation>the record was changed after this change; it cannot be restored</translation>
        </message>
        <message>
            <source>bảng {table} dòng {rowid}: tham chiếu tới {parent} không tồn tại</source>
            <translation>table {table} row {rowid}: the reference to {parent} does not exist</translation>
        </message>
        <message>
            <source>bị mã hóa bằng mật khẩu zip; không được phép</source>
            <translation>encrypted with a zip password; not allowed</translation>
        </message>
        <message>
            <source>bỏ hạn nộp báo cáo kỳ {code}</source>
            <translation>report deadline of period {code} removed</translation>
        </message>
        <message>
            <source>bỏ mục tiêu của tỉnh cho {code} năm {year}</source>
            <translation>the province's target for {code} in {year} removed</translation>
        </message>
        <message>
            <source>change_factor phải lớn hơn 1</source>
            <translation>change_factor must be greater than 1</translation>
        </message>
        <message>
            <source>chuỗi chứa nửa cặp thay thế U+{code:04X} đứng một mình (không phải ký tự Unicode)</source>
            <translation>a string holds a lone surrogate U+{code:04X} (not a Unicode character)</translation>
        </message>
        <message>
            <source>chuỗi dùng chung số '{value}' không có trong tệp ({count} chuỗi)</source>
            <translation>shared string number '{value}' does not exist in the file ({count} strings)</translation>
        </message>
        <message>
            <source>chuỗi đổi khóa kết thúc ở khóa {last}, không phải khóa ký gói {fingerprint}</source>
            <translation>the chain of key changes ends at key {last}, not at the key {fingerprint} that signed the bundle</translation>
        </message>
        <message>
            <source>chưa có số liệu để ghi chú; không có số liệu thì nhập 0 và ghi lý do</source>
            <translation>no figure to comment on yet; where there is none, enter 0 and say why</translation>
        </message>
        <message>
            <source>chưa nhận báo cáo kỳ {code} của đơn vị {child}: không có gói nào để trả lại</source>
            <translation>no report for period {code} has been received from unit {child}: there is no bundle to return</translation>
        </message>
        <message>
            <source>chỉ tiêu tỷ lệ (share) mới có {key}</source>
            <translation>only a share has {key}</translation>
        </message>
        <message>
            <source>chỉ tiêu tỷ lệ phải có numerator và denominator</source>
            <translation>a share must have a numerator and a denominator</translation>
        </message>
        <message>
            <source>chỉ tiêu {code}</source>
            <translation>indicator {code}</translation>
        </message>
        <message>
            <source>chỉ tiêu {code} của kỳ {period} đã có ở {place}</source>
            <translation>indicator {code} for period {period} is already given at {place}</translation>
        </message>
        <message>
            <source>chỉ tiêu {code} không có phân tổ</source>
            <translation>indicator {code} has no breakdown</translation>
        </message>
        <message>
            <source>chỉ tiêu {code} kỳ {period}: {reason}</source>
            <translation>indicator {code}, period {period}: {reason}</translation>
        </message>
        <message>
            <source>chỉ tiêu {code} là chỉ tiêu quốc gia: không sửa được định nghĩa (chỉ có thể ngừng dùng)</source>
            <translation>indicator {code} is a national indicator: its definition cannot be changed (it can only be retired)</translation>
        </message>
        <message>
            <source>chỉ tiêu {code} là số đếm, phải là số nguyên (không phải {value})</source>
            <translation>indicator {code} is a count and must be a whole number (not {value})</translation>
        </message>
        <message>
            <source>chỉ tiêu {code} xuất hiện hai lần</source>
            <translation>indicator {code} appears twice</translation>
        </message>
        <message>
            <source>chỉ tiêu {code} được kê hai lần</source>
            <translation>indicator {code} is listed twice</translation>
        </message>
        <message>
            <source>chỉ tiêu {code} được tính từ các hoạt động; chỉ nhập trực tiếp khi là số liệu toàn địa bàn (phạm vi area)</source>
            <translation>indicator {code} is computed from the activities; it is typed only as a whole-area figure (coverage area)</translation>
        </message>
        <message>
            <source>chỉ tiêu {code} được tính tự động, không nhập trực tiếp</source>
            <translation>indicator {code} is calculated automatically and cannot be entered directly</translation>
        </message>
        <message>
            <source>chỉ tiêu {code}: phải nhập tổng số (một vụ có thể có nhiều hình thức)</source>
            <translation>indicator {code}: the total must be entered (one case may take several forms)</translation>
        </message>
        <message>
            <source>chỉ tiêu {code}: {reason}</source>
            <translation>indicator {code}: {reason}</translation>
        </message>
        <message>
            <source>chỉ tiêu {code}: ô phân tổ '{key}' không có trong danh mục</source>
            <translation>indicator {code}: breakdown cell '{key}' is not in the catalogue</translation>
        </message>
        <message>
            <source>chỉ tiêu {code}: ô phân tổ '{key}' rỗng hoặc xuất hiện hai lần</source>
            <translation>indicator {code}: breakdown cell '{key}' is empty or appears twice</translation>
        </message>
        <message>
            <source>chỉ tiêu {code}: ô phân tổ rỗng</source>
            <translation>indicator {code}: empty breakdown cell</translation>
        </message>
        <message>
            <source>chức vụ và họ tên người ký: tối đa {limit} ký tự</source>
            <translation>signer's title and name: at most {limit} characters</translation>
        </message>
        <message>
            <source>chữ ký Ed25519 phải dài 64 byte</source>
            <translation>an Ed25519 signature must be 64 bytes long</translation>
        </message>
        <message>
            <source>chữ ký bị từ chối: {reason}</source>
            <translation>signature refused: {reason}</translation>
        </message>
        <message>
            <source>chữ ký không khớp với manifest.json theo khóa {fingerprint} (gói đã bị sửa sau khi ký, hoặc không do khóa này ký)</source>
            <translation>the signature does not match manifest.json under key {fingerprint} (the bundle was altered after signing, or not signed with this key)</translation>
        </message>
        <message>
            <source>chữ ký không đúng định dạng: {error}</source>
            <translation>the signature is not in the right format: {error}</translation>
        </message>
        <message>
            <source>cài đặt {name} quá dài cho cơ sở dữ liệu dùng chung (tối đa {value} ký tự)</source>
            <translation>setting {name} is too long for the shared database (at most {value} characters)</translation>
        </message>
        <message>
            <source>cài đặt {name}: {reason}</source>
            <translation>setting {name}: {reason}</translation>
        </message>
        <message>
            <source>các thành phần giải nén ra {size} byte, quá giới hạn {limit} byte</source>
            <translation>the parts unpack to {size} bytes, over the limit of {limit} bytes</translation>
        </message>
        <message>
            <source>có dấu BOM ở đầu (cần UTF-8 không BOM)</source>
            <translation>starts with a BOM (UTF-8 without BOM is needed)</translation>
        </message>
        <message>
            <source>có {count} thành phần, quá giới hạn {limit}</source>
            <translation>has {count} parts, over the limit of {limit}</translation>
        </message>
        <message>
            <source>có {length} dòng, manifest ghi {value}</source>
            <translation>has {length} lines, the manifest records {value}</translation>
        </message>
        <message>
            <source>cơ sở dữ liệu</source>
            <translation>database</translation>
        </message>
        <message>
            <source>cơ sở dữ liệu '{driver}' không hỗ trợ; chỉ SQLite (mặc định) hoặc máy chủ PostgreSQL (postgresql+psycopg://người-dùng@máy:5432/tên)</source>
            <translation>database '{driver}' is not supported; only SQLite (the default) or a PostgreSQL server (postgresql+psycopg://user@host:5432/name)</translation>
        </message>
        <message>
            <source>cơ sở dữ liệu bị hỏng; hãy chạy lệnh check và khôi phục bản sao lưu gần nhất còn tốt (restore TỆP)</source>
            <translation>the database is damaged; run the check command and restore the latest good backup (restore FILE)</translation>
        </message>
        <message>
            <source>cơ sở dữ liệu được tạo bởi phiên bản mới hơn của ứng dụng (lược đồ {current}); hãy cập nhật ứng dụng</source>
            <translation>the database was made by a newer version of the application (schema {current}); update the application</translation>
        </message>
        <message>
            <source>cấp trên đã thu hồi khóa {fingerprint} của chính đơn vị này: hãy tạo khóa mới</source>
            <translation>the higher level revoked this unit's own key {fingerprint}: make a new key</translation>
        </message>
        <message>
            <source>cấu hình của đơn vị {sender}, số {sequence}</source>
            <translation>configuration no. {sequence} of unit {sender}</translation>
        </message>
        <message>
            <source>cấu trúc lồng nhau quá sâu</source>
            <translation>nested too deeply</translation>
        </message>
        <message>
            <source>cần chương trình {name} của PostgreSQL trên PATH để sao lưu/khôi phục cơ sở dữ liệu máy chủ (gói postgresql-client; cùng phiên bản với máy chủ); không thay đổi gì</source>
            <translation>PostgreSQL's program {name} is needed on the PATH to back up or restore a server database (package postgresql-client, the server's version); nothing was changed</translation>
        </message>
        <message>
            <source>cần mật khẩu khóa ký: dùng --passphrase-env BIẾN hoặc đặt VSTBPN_PASSPHRASE</source>
            <translation>the signing key passphrase is needed: use --passphrase-env VARIABLE or set VSTBPN_PASSPHRASE</translation>
        </message>
        <message>
            <source>cần mật khẩu để bảo vệ khóa ký của hồ sơ</source>
            <translation>a passphrase is needed to protect the profile's signing key</translation>
        </message>
        <message>
            <source>cần đúng 3 dòng: '{SIGNATURE_MAGIC}', vân tay khóa, chữ ký base64</source>
            <translation>exactly 3 lines are needed: '{SIGNATURE_MAGIC}', the key fingerprint, the base64 signature</translation>
        </message>
        <message>
            <source>cột không có trong bảng {table}: {columns}</source>
            <translation>columns not in table {table}: {columns}</translation>
        </message>
        <message>
            <source>cột {column}</source>
            <translation>column {column}</translation>
        </message>
        <message>
            <source>date: ngày trong gói phải viết dạng YYYY-MM-DD (chữ số ASCII)</source>
            <translation>date: a date in a bundle must be written YYYY-MM-DD (ASCII digits)</translation>
        </message>
        <message>
            <source>dimensions {value} phải là các mã phân tổ khác nhau của danh mục</source>
            <translation>dimensions {value} must be different breakdown codes of the catalogue</translation>
        </message>
        <message>
            <source>dài quá {limit} ký tự</source>
            <translation>longer than {limit} characters</translation>
        </message>
        <message>
            <source>dài {length} byte, manifest ghi {length2} byte</source>
            <translation>{length} bytes long, the manifest records {length2} bytes</translation>
        </message>
        <message>
            <source>dòng 2 phải là vân tay khóa: 32 chữ số hex viết hoa</source>
            <translation>line 2 must be the key fingerprint: 32 upper-case hex digits</translation>
        </message>
        <message>
            <source>dòng 3 không phải base64</source>
            <translation>line 3 is not base64</translation>
        </message>
        <message>
            <source>dòng cuối phải kết thúc bằng ký tự xuống dòng</source>
            <translation>the last line must end with a line break</translation>
        </message>
        <message>
            <source>dòng {number} dài hơn {limit} byte (giới hạn của một bản ghi); dừng đọc</source>
            <translation>line {number} is longer than {limit} bytes (the limit of one record); reading stopped</translation>
        </message>
        <message>
            <source>dòng {number}: có ký tự CR (xuống dòng kiểu Windows CRLF); mỗi dòng chỉ kết thúc bằng LF</source>
            <translation>line {number}: holds a CR character (Windows CRLF line ends); each line ends in LF only</translation>
        </message>
        <message>
            <source>dòng {number}: phải là một đối tượng JSON phẳng</source>
            <translation>line {number}: must be a flat JSON object</translation>
        </message>
        <message>
            <source>dòng {number}: trường "{key}" phải là chuỗi hoặc số, không được lồng đối tượng/mảng</source>
            <translation>line {number}: field "{key}" must be a string or a number, not a nested object/array</translation>
        </message>
        <message>
            <source>dòng {number}: trường không biết "{value}"</source>
            <translation>line {number}: unknown field "{value}"</translation>
        </message>
        <message>
            <source>dòng {number}: {error}</source>
            <translation>line {number}: {error}</translation>
        </message>
        <message>
            <source>dòng {row}</source>
            <translation>row {row}</translation>
        </message>
        <message>
            <source>dòng ô phân tổ chỉ có indicator, cell, value</source>
            <translation>a breakdown cell's line holds only indicator, cell, value</translation>
        </message>
        <message>
            <source>dùng lại chỉ tiêu {code}: {name}</source>
            <translation>indicator {code} in use again: {name}</translation>
        </message>
        <message>
            <source>expected_min lớn hơn expected_max</source>
            <translation>expected_min is greater than expected_max</translation>
        </message>
        <message>
            <source>follow_up: phải là 0 hoặc 1</source>
            <translation>follow_up: must be 0 or 1</translation>
        </message>
        <message>
            <source>frequency '{value}' phải là half_year hoặc year</source>
            <translation>frequency '{value}' must be half_year or year</translation>
        </message>
        <message>
            <source>ghi chú của chỉ tiêu {code} kỳ {period} đã ghi khác ở {place}</source>
            <translation>the comment of indicator {code}, period {period}, is written differently at {place}</translation>
        </message>
        <message>
            <source>ghi độ dài {length} byte, vượt giới hạn {limit} byte</source>
            <translation>states a length of {length} bytes, above the limit of {limit} bytes</translation>
        </message>
        <message>
            <source>giá trị quá lớn</source>
            <translation>value too large</translation>
        </message>
        <message>
            <source>giá trị {name} không được phép (chỉ số hữu hạn)</source>
            <translation>the value {name} is not allowed (finite numbers only)</translation>
        </message>
        <message>
            <source>giải nén ra nhiều hơn {limit} byte mà manifest ghi; dừng đọc (nội dung bị thay đổi, lấy từ gói khác, hoặc bom zip)</source>
            <translation>unpacks to more than the {limit} bytes the manifest records; reading stopped (content altered, taken from another bundle, or a zip bomb)</translation>
        </message>
        <message>
            <source>gói báo cáo của đơn vị {sender_org_unit}, không phải đơn vị cấp dưới của {org_unit_code} (khóa của cấp trên chỉ dùng cho tệp trả lời)</source>
            <translation>a report bundle from unit {sender_org_unit}, which is not a subordinate unit of {org_unit_code} (the higher level's key is only for answer files)</translation>
        </message>
        <message>
            <source>gói chưa được ký (không có thành phần manifest.sig)</source>
            <translation>the bundle is not signed (there is no manifest.sig member)</translation>
        </message>
        <message>
            <source>gói ghi đơn vị gửi {sender_org_unit} nhưng khóa {fingerprint} chỉ được đăng ký cho đơn vị {org_unit}; một khóa chỉ đại diện cho một đơn vị</source>
            <translation>the bundle names sender unit {sender_org_unit} but key {fingerprint} is registered only for unit {org_unit}; a key stands for one unit only</translation>
        </message>
        <message>
            <source>gói gửi cho đơn vị {recipient_org_unit}, không phải đơn vị nhận {org_unit_code}</source>
            <translation>the bundle is addressed to unit {recipient_org_unit}, not to the importing unit {org_unit_code}</translation>
        </message>
        <message>
            <source>gói gửi lên cấp trên từ nay được mã hóa bằng khóa mã hóa mới {fingerprint}</source>
            <translation>bundles sent up to the parent are now encrypted to its new encryption key {fingerprint}</translation>
        </message>
        <message>
            <source>gói loại "{kind}" cần "format_minor" ≥ 1</source>
            <translation>a bundle of kind "{kind}" needs "format_minor" ≥ 1</translation>
        </message>
        <message>
            <source>gói {bundle}: gói mã hóa: {rule}</source>
            <translation>bundle {bundle}: encrypted bundle: {rule}</translation>
        </message>
        <message>
            <source>gói {bundle}: thành phần {member}</source>
            <translation>bundle {bundle}: member {member}</translation>
        </message>
        <message>
            <source>gói {bundle}: thành phần {member}: {rule}</source>
            <translation>bundle {bundle}: member {member}: {rule}</translation>
        </message>
        <message>
            <source>gói {bundle}: {rule}</source>
            <translation>bundle {bundle}: {rule}</translation>
        </message>
        <message>
            <source>gói {bundle}: được mã hóa nhưng hồ sơ này chưa có khóa giải mã ({path})</source>
            <translation>bundle {bundle}: encrypted, but this profile has no decryption key ({path})</translation>
        </message>
        <message>
            <source>gói {name}: mã bản ghi (id) trùng với bản ghi của đơn vị khác đang giữ; không nhập</source>
            <translation>bundle {name}: a record id is the same as a record held for another unit; not imported</translation>
        </message>
        <message>
            <source>gói {name}: {error}</source>
            <translation>bundle {name}: {error}</translation>
        </message>
        <message>
            <source>gói được mã hóa cho khóa {key}, không phải khóa giải mã của hồ sơ này ({own}); đơn vị gửi đã đăng ký một tệp khóa công khai khác của đơn vị này (hãy gửi lại tệp khóa công khai: keys export-public)</source>
            <translation>the file is encrypted for key {key}, not for this profile's decryption key ({own}); the sending unit enrolled another public key file of this unit (send the public key file again: keys export-public)</translation>
        </message>
        <message>
            <source>gói được mã hóa gửi cho đơn vị {unit}, không phải {org_unit_code}; chỉ đơn vị nhận mở được</source>
            <translation>the bundle is encrypted for unit {unit}, not {org_unit_code}; only the receiving unit can open it</translation>
        </message>
        <message>
            <source>hai lần nhập mật khẩu không khớp</source>
            <translation>the two passphrases entered do not match</translation>
        </message>
        <message>
            <source>hoạt động</source>
            <translation>activity</translation>
        </message>
        <message>
            <source>hạn nộp báo cáo kỳ {code}: {day}</source>
            <translation>report deadline of period {code}: {day}</translation>
        </message>
        <message>
            <source>hồ sơ của đơn vị {old} thuộc danh mục {tree}, không phải {old_tree}: không có gì để chuyển</source>
            <translation>the profile of unit {old} belongs to the list {tree}, not {old_tree}: there is nothing to move</translation>
        </message>
        <message>
            <source>hồ sơ đã có dữ liệu; dữ liệu mẫu chỉ nạp vào hồ sơ trống</source>
            <translation>the profile already holds data; sample data is loaded only into an empty profile</translation>
        </message>
        <message>
            <source>id {record_id} xuất hiện hai lần</source>
            <translation>id {record_id} appears twice</translation>
        </message>
        <message>
            <source>id: phải là UUID viết thường</source>
            <translation>id: must be a lower-case UUID</translation>
        </message>
        <message>
            <source>indicators[{index}]</source>
            <translation>indicators[{index}]</translation>
        </message>
        <message>
            <source>khóa "{key}" xuất hiện hai lần trong cùng một đối tượng</source>
            <translation>key "{key}" appears twice in the same object</translation>
        </message>
        <message>
            <source>khóa công khai Ed25519 phải dài 32 byte</source>
            <translation>an Ed25519 public key must be 32 bytes long</translation>
        </message>
        <message>
            <source>khóa công khai bị từ chối: {reason}</source>
            <translation>public key refused: {reason}</translation>
        </message>
        <message>
            <source>khóa công khai không hợp lệ (cần 32 byte Ed25519 mã hóa base64)</source>
            <translation>invalid public key (32 bytes of Ed25519, base64-encoded, are needed)</translation>
        </message>
        <message>
            <source>khóa công khai không phải mã hóa chuẩn của một điểm trên đường cong Ed25519</source>
            <translation>the public key is not the canonical encoding of a point on the Ed25519 curve</translation>
        </message>
        <message>
            <source>khóa công khai là điểm bậc nhỏ (hoặc có thành phần bậc nhỏ): khóa yếu, ai cũng ký được</source>
            <translation>the public key is a point of small order (or has a small-order part): a weak key anyone can sign for</translation>
        </message>
        <message>
            <source>khóa ký hết hạn ngày {date:%d/%m/%Y} (còn {days} ngày); hãy đổi khóa (keys rotate)</source>
            <translation>the signing key expires on {date:%d/%m/%Y} ({days} days left); change the key (keys rotate)</translation>
        </message>
        <message>
            <source>khóa ký mới của cấp trên {org_unit}: {old} → {new} (đổi khóa ngày {day}); khóa cũ chỉ còn dùng để kiểm tra các tệp trước đó</source>
            <translation>the parent {org_unit}'s new signing key: {old} → {new} (rotated on {day}); the old key now only verifies earlier files</translation>
        </message>
        <message>
            <source>khóa ký đã hết hạn ngày {date:%d/%m/%Y}; hãy đổi khóa (keys rotate) trước khi gửi báo cáo</source>
            <translation>the signing key expired on {date:%d/%m/%Y}; change the key (keys rotate) before sending a report</translation>
        </message>
        <message>
            <source>khóa mã hóa đi kèm không hợp lệ hoặc không được khóa mới {fingerprint} xác nhận</source>
            <translation>the accompanying encryption key is not valid or not endorsed by the new key {fingerprint}</translation>
        </message>
        <message>
            <source>khóa tạm trong phần đầu không hợp lệ</source>
            <translation>the ephemeral key in the header is not valid</translation>
        </message>
        <message>
            <source>khóa {fingerprint} chưa được đăng ký, và chuỗi đổi khóa không bắt đầu từ khóa nào đã đăng ký ở đơn vị này (trust add TỆP --org-unit MÃ)</source>
            <translation>key {fingerprint} is not enrolled, and the chain of key changes does not start at any key enrolled at this unit (trust add FILE --org-unit CODE)</translation>
        </message>
        <message>
            <source>khóa {fingerprint} đã bị thu hồi ngày {revoked_at:%d/%m/%Y}; đơn vị cần tạo khóa mới</source>
            <translation>key {fingerprint} was revoked on {revoked_at:%d/%m/%Y}; the unit needs to create a new key</translation>
        </message>
        <message>
            <source>khóa {fingerprint} đã được đăng ký cho đơn vị {org_unit_code}; một khóa chỉ đại diện cho một đơn vị</source>
            <translation>key {fingerprint} is already registered for unit {org_unit_code}; a key stands for one unit only</translation>
        </message>
        <message>
            <source>khóa {fingerprint} đã được đổi sang khóa mới từ gói số {replaced_from}; gói số {sequence} ký bằng khóa cũ không được chấp nhận (khóa cũ chỉ còn dùng để kiểm tra các gói trước đó)</source>
            <translation>key {fingerprint} was replaced by a new key from bundle number {replaced_from}; bundle number {sequence} signed with the old key is not accepted (the old key only verifies earlier bundles)</translation>
        </message>
        <message>
            <source>khóa {fingerprint} đã được đổi sang khóa {successor}; chuỗi đổi khóa này rẽ nhánh sang khóa {other}, không chấp nhận</source>
            <translation>key {fingerprint} was already replaced by key {successor}; this chain of key changes forks to key {other}: not accepted</translation>
        </message>
        <message>
            <source>không có khóa {plain} trong danh sách khóa tin cậy</source>
            <translation>key {plain} is not in the list of trusted keys</translation>
        </message>
        <message>
            <source>không ghi mật khẩu vào địa chỉ cơ sở dữ liệu (nó sẽ nằm trong settings.json); hãy ghi vào tệp mật khẩu của PostgreSQL ({pgpass}, dòng máy:cổng:tên:người-dùng:mật-khẩu) hoặc đặt PGPASSFILE</source>
            <translation>do not put the password in the database address (it would be kept in settings.json); write it into PostgreSQL's password file ({pgpass}, a line host:port:database:user:password) or set PGPASSFILE</translation>
        </message>
        <message>
            <source>không giải mã được đoạn {index} (nội dung hoặc phần đầu đã bị sửa, ghép từ gói khác, hoặc bị cắt); từ chối, không nhập gì</source>
            <translation>chunk {index} cannot be decrypted (the content or the header was altered, taken from another bundle, or cut); refused, nothing imported</translation>
        </message>
        <message>
            <source>không giải nén được (hỏng hoặc bị cắt cụt: {error})</source>
            <translation>cannot be unpacked (damaged or truncated: {error})</translation>
        </message>
        <message>
            <source>không giải nén được thành phần {name} ({error})</source>
            <translation>cannot unpack part {name} ({error})</translation>
        </message>
        <message>
            <source>không hợp lệ: {error}</source>
            <translation>not valid: {error}</translation>
        </message>
        <message>
            <source>không khớp với manifest</source>
            <translation>does not match the manifest</translation>
        </message>
        <message>
            <source>không phải UTF-8 hợp lệ (byte {start})</source>
            <translation>not valid UTF-8 (byte {start})</translation>
        </message>
        <message>
            <source>không phải tệp thường</source>
            <translation>not a regular file</translation>
        </message>
        <message>
            <source>không phải tệp thường (FIFO, thiết bị hay socket); hãy chọn một tệp thật</source>
            <translation>not a regular file (a FIFO, device or socket); choose a real file</translation>
        </message>
        <message>
            <source>không phải tệp zip (.vstb), định dạng tệp không đúng</source>
            <translation>not a zip file (.vstb); wrong file format</translation>
        </message>
        <message>
            <source>không phải văn bản ASCII</source>
            <translation>not ASCII text</translation>
        </message>
        <message>
            <source>không rõ</source>
            <translation>unknown</translation>
        </message>
        <message>
            <source>không tìm thấy hoạt động {activity_id}</source>
            <translation>activity {activity_id} not found</translation>
        </message>
        <message>
            <source>không tìm thấy phông chữ Times New Roman hoặc phông tương thích có đủ dấu tiếng Việt để in báo cáo; trên Windows Times New Roman có sẵn (hãy kiểm tra thư mục Fonts); trên Debian/Ubuntu hãy cài gói fonts-croscore (Tinos) hoặc fonts-liberation (Liberation Serif): sudo apt install fonts-croscore; hoặc đặt biến môi trường {variable} chỉ tới thư mục chứa bốn tệp phông</source>
            <translation>no Times New Roman font, or a compatible font with all Vietnamese accents, was found to print the report; on Windows Times New Roman is built in (check the Fonts folder); on Debian/Ubuntu install the package fonts-croscore (Tinos) or fonts-liberation (Liberation Serif): sudo apt install fonts-croscore; or set the environment variable {variable} to the folder holding the four font files</translation>
        </message>
        <message>
            <source>không tìm thấy tệp</source>
            <translation>file not found</translation>
        </message>
        <message>
            <source>không tìm thấy văn bản {document_id}</source>
            <translation>document {document_id} not found</translation>
        </message>
        <message>
            <source>không được kê trong manifest (thành phần thừa)</source>
            <translation>not listed in the manifest (an extra member)</translation>
        </message>
        <message>
            <source>không được để trống</source>
            <translation>must not be empty</translation>
        </message>
        <message>
            <source>không đọc được chuỗi đổi khóa ({error})</source>
            <translation>the chain of key changes cannot be read ({error})</translation>
        </message>
        <message>
            <source>không đọc được tệp ({error})</source>
            <translation>cannot read the file ({error})</translation>
        </message>
        <message>
            <source>kind '{value}' phải là count, share hoặc from_activities</source>
            <translation>kind '{value}' must be count, share or from_activities</translation>
        </message>
        <message>
            <source>kiểu ô '{value}' không biết</source>
            <translation>unknown cell type '{value}'</translation>
        </message>
        <message>
            <source>ký hiệu báo cáo '{symbol}' không hợp lệ: không để trống, không chứa '/' hay xuống dòng, tối đa 40 ký tự (ví dụ BC-BVSTBPN, BC-UBND)</source>
            <translation>report symbol '{symbol}' is not valid: not empty, no '/' or line break, at most 40 characters (e.g. BC-BVSTBPN, BC-UBND)</translation>
        </message>
        <message>
            <source>ký tự U+{code} ở vị trí {position} không được phép trong văn bản (ký tự điều khiển hoặc không hợp lệ)</source>
            <translation>character U+{code} at position {position} is not allowed in text (a control or invalid character)</translation>
        </message>
        <message>
            <source>kỳ báo cáo '{code}' không hợp lệ (dạng 2023H1, 2023H2 hoặc 2023)</source>
            <translation>reporting period '{code}' is not valid (write 2023H1, 2023H2 or 2023)</translation>
        </message>
        <message>
            <source>kỳ báo cáo '{code}': năm {year} nằm ngoài 2000-2100</source>
            <translation>reporting period '{code}': year {year} is outside 2000-2100</translation>
        </message>
        <message>
            <source>kỳ {code} chưa khóa; không cần mở lại</source>
            <translation>period {code} is not locked; there is no need to reopen it</translation>
        </message>
        <message>
            <source>kỳ {code} đã khóa để gửi ({locked_by}, {locked_at:%d/%m/%Y %H:%M}); hãy mở lại kỳ trước khi sửa</source>
            <translation>period {code} is locked for sending ({locked_by}, {locked_at:%d/%m/%Y %H:%M}); reopen the period before making changes</translation>
        </message>
        <message>
            <source>kỳ {code} đã khóa để gửi ({locked_by}, {when}); hãy mở lại kỳ (reopen --period ... --reason ...) trước khi sửa</source>
            <translation>period {code} is locked for sending ({locked_by}, {when}); reopen the period (reopen --period ... --reason ...) before making changes</translation>
        </message>
        <message>
            <source>kỳ {period} khác kỳ đang nhập {wanted} (--period)</source>
            <translation>period {period} differs from the period being imported, {wanted} (--period)</translation>
        </message>
        <message>
            <source>kỳ {period}: {reason}</source>
            <translation>period {period}: {reason}</translation>
        </message>
        <message>
            <source>loại gói "{kind}" không biết (chỉ "{KIND_REPORT}", "{KIND_ANSWER}" hoặc "{KIND_CONFIG}")</source>
            <translation>unknown bundle kind "{kind}" (only "{KIND_REPORT}", "{KIND_ANSWER}" or "{KIND_CONFIG}")</translation>
        </message>
        <message>
            <source>loại {what} '{code}' không có trong danh mục ({vocabulary})</source>
            <translation>{what} kind '{code}' is not in the catalogue ({vocabulary})</translation>
        </message>
        <message>
            <source>là gói loại "{kind}", không phải tệp cấu hình (.vstc) của cấp trên</source>
            <translation>is a bundle of kind "{kind}", not a configuration file (.vstc) of the higher level</translation>
        </message>
        <message>
            <source>là gói loại "{kind}", không phải tệp cấu hình (.vstc) của cấp trên; gói báo cáo nhập bằng bundle import</source>
            <translation>is a bundle of kind "{kind}", not a configuration file (.vstc) of the higher level; report bundles are imported with bundle import</translation>
        </message>
        <message>
            <source>là liên kết tượng trưng (symlink); chỉ chấp nhận tệp thường</source>
            <translation>is a symbolic link; only regular files are accepted</translation>
        </message>
        <message>
            <source>là liên kết tới {target}, tệp của thư mục khác (có thể là cơ sở dữ liệu của hồ sơ khác); mỗi hồ sơ phải có tệp cơ sở dữ liệu riêng</source>
            <translation>is a link to {target}, a file of another folder (perhaps another profile's database); each profile must have its own database file</translation>
        </message>
        <message>
            <source>là một thư mục, không phải tệp</source>
            <translation>is a folder, not a file</translation>
        </message>
        <message>
            <source>là tệp cấu hình của cấp trên, không phải gói báo cáo; nhập bằng config import (Cấu hình từ tỉnh)</source>
            <translation>is a configuration file of the higher level, not a report bundle; import it with config import (Configuration from the province)</translation>
        </message>
        <message>
            <source>lược đồ khác với ứng dụng: {difference}</source>
            <translation>the schema differs from the app's: {difference}</translation>
        </message>
        <message>
            <source>lỗi đọc/ghi ổ đĩa (ổ đĩa đầy, ổ USB bị rút hay mạng bị ngắt?); không thay đổi gì — hãy kiểm tra ổ đĩa rồi chạy lệnh check</source>
            <translation>disk read/write error (disk full, USB drive removed or network cut?); nothing was changed — check the drive, then run the check command</translation>
        </message>
        <message>
            <source>manifest không hợp lệ: {error}</source>
            <translation>invalid manifest: {error}</translation>
        </message>
        <message>
            <source>manifest phải là một đối tượng JSON</source>
            <translation>the manifest must be a JSON object</translation>
        </message>
        <message>
            <source>mã chỉ tiêu '{code}' không có trong danh mục</source>
            <translation>indicator code '{code}' is not in the catalogue</translation>
        </message>
        <message>
            <source>mã gói (bundle_id) đã có trong sổ nhận</source>
            <translation>the bundle id (bundle_id) is already in the receipt register</translation>
        </message>
        <message>
            <source>mã gói (bundle_id) đã có trong sổ nhận với nội dung khác</source>
            <translation>the bundle id (bundle_id) is already in the receipt register with different content</translation>
        </message>
        <message>
            <source>mã đơn vị '{code}' không có trong danh mục đơn vị hành chính</source>
            <translation>unit code '{code}' is not in the catalogue of administrative units</translation>
        </message>
        <message>
            <source>mã đơn vị '{org_unit_code}' không có trong danh mục {tree}</source>
            <translation>unit code '{org_unit_code}' is not in catalogue {tree}</translation>
        </message>
        <message>
            <source>mã đơn vị '{org_unit_code}' không có trong danh mục đơn vị hành chính</source>
            <translation>unit code '{org_unit_code}' is not in the catalogue of administrative units</translation>
        </message>
        <message>
            <source>mật khẩu khóa ký có byte không phải UTF-8 (biến môi trường đặt sai bảng mã?); hãy đặt lại mật khẩu bằng chữ gõ được từ bàn phím</source>
            <translation>the signing key passphrase has bytes that are not UTF-8 (the environment variable set in the wrong encoding?); set the passphrase again with characters typed on the keyboard</translation>
        </message>
        <message>
            <source>mật khẩu khóa ký không đúng (hoặc tệp khóa bị hỏng)</source>
            <translation>wrong signing key passphrase (or the key file is damaged)</translation>
        </message>
        <message>
            <source>mật khẩu khóa ký quá ngắn: cần ít nhất {value} ký tự</source>
            <translation>the signing key passphrase is too short: at least {value} characters are needed</translation>
        </message>
        <message>
            <source>mở lại kỳ {code}: cần ghi lý do (--reason)</source>
            <translation>reopen period {code}: a reason is required (--reason)</translation>
        </message>
        <message>
            <source>mục "{section}" xuất hiện hai lần</source>
            <translation>section "{section}" appears twice</translation>
        </message>
        <message>
            <source>mục tiêu của tỉnh cho {code} năm {year}: {target} (theo {decision})</source>
            <translation>the province's target for {code} in {year}: {target} (under {decision})</translation>
        </message>
        <message>
            <source>mục tiêu của {indicator} năm {year} được kê hai lần</source>
            <translation>the target of {indicator} in {year} is listed twice</translation>
        </message>
        <message>
            <source>mục {section} kỳ {period} ghép lại {reason}</source>
            <translation>section {section} of period {period}, joined together, {reason}</translation>
        </message>
        <message>
            <source>ngày '{text}' không tồn tại</source>
            <translation>date '{text}' does not exist</translation>
        </message>
        <message>
            <source>ngày '{text}' không đúng dạng (dd/mm/yyyy hoặc yyyy-mm-dd)</source>
            <translation>date '{text}' is not in the right form (dd/mm/yyyy or yyyy-mm-dd)</translation>
        </message>
        <message>
            <source>ngày '{value}' không đúng dạng ISO</source>
            <translation>date '{value}' is not in ISO form</translation>
        </message>
        <message>
            <source>ngày hết hạn {date:%d/%m/%Y} phải sau hôm nay</source>
            <translation>the expiry date {date:%d/%m/%Y} must be after today</translation>
        </message>
        <message>
            <source>ngày {date} nằm ngoài các năm {first}-{last} của kỳ báo cáo</source>
            <translation>the date {date} is outside the reporting years {first}-{last}</translation>
        </message>
        <message>
            <source>ngày {date} nằm ngoài kỳ {period}</source>
            <translation>date {date} is outside period {period}</translation>
        </message>
        <message>
            <source>ngày {date} nằm ngoài kỳ {period} ({start} - {end})</source>
            <translation>date {date} is outside period {period} ({start} - {end})</translation>
        </message>
        <message>
            <source>ngôn ngữ '{language}' không hỗ trợ (vi, en)</source>
            <translation>language '{language}' is not supported (vi, en)</translation>
        </message>
        <message>
            <source>ngừng dùng chỉ tiêu {code}: {name}</source>
            <translation>indicator {code} retired: {name}</translation>
        </message>
        <message>
            <source>nén bằng phương pháp không được phép (chỉ stored hoặc deflate)</source>
            <translation>compressed with a method that is not allowed (only stored or deflate)</translation>
        </message>
        <message>
            <source>phiên bản lược đồ {revision}, ứng dụng cần {head}</source>
            <translation>schema version {revision}, the app needs {head}</translation>
        </message>
        <message>
            <source>phiên bản định dạng {format_version} không được hỗ trợ (ứng dụng này đọc phiên bản {FORMAT_VERSION}); hãy cập nhật ứng dụng</source>
            <translation>format version {format_version} is not supported (this application reads version {FORMAT_VERSION}); update the application</translation>
        </message>
        <message>
            <source>phạm vi số liệu '{value}' không hợp lệ (own: cấp mình, area: toàn địa bàn)</source>
            <translation>coverage '{value}' is not valid (own: the unit's own level, area: its whole area)</translation>
        </message>
        <message>
            <source>phải là 0 hoặc 1</source>
            <translation>must be 0 or 1</translation>
        </message>
        <message>
            <source>phải là một đối tượng có đúng since, changes, reopened</source>
            <translation>must be an object with exactly since, changes, reopened</translation>
        </message>
        <message>
            <source>phải là một đối tượng có đúng {ANSWER_FIELDS}</source>
            <translation>must be an object with exactly {ANSWER_FIELDS}</translation>
        </message>
        <message>
            <source>phải là một đối tượng có đúng {fields}</source>
            <translation>must be an object with exactly {fields}</translation>
        </message>
        <message>
            <source>phải là số nguyên</source>
            <translation>must be a whole number</translation>
        </message>
        <message>
            <source>phải là {{"endorsements": [...]}} với 1 … {limit} xác nhận đổi khóa</source>
            <translation>must be {{"endorsements": [...]}} with 1 … {limit} key endorsements</translation>
        </message>
        <message>
            <source>phải là đối tượng JSON có "indicators" (danh sách chỉ tiêu), như resources/indicators.json</source>
            <translation>must be a JSON object with "indicators" (a list of indicators), as resources/indicators.json</translation>
        </message>
        <message>
            <source>phải lớn hơn hoặc bằng 0</source>
            <translation>must be 0 or more</translation>
        </message>
        <message>
            <source>phải lớn hơn hoặc bằng {minimum}</source>
            <translation>must be at least {minimum}</translation>
        </message>
        <message>
            <source>phần R của chữ ký không phải mã hóa chuẩn của một điểm bậc L (chữ ký không chuẩn hoặc bậc nhỏ)</source>
            <translation>the R part of the signature is not the canonical encoding of a point of order L (a non-canonical or small-order signature)</translation>
        </message>
        <message>
            <source>phần S của chữ ký không nhỏ hơn bậc L của nhóm (chữ ký không chuẩn)</source>
            <translation>the S part of the signature is not below the group order L (a non-canonical signature)</translation>
        </message>
        <message>
            <source>phần đầu có trường không hợp lệ (mã đơn vị, vân tay khóa, khóa tạm hoặc độ dài)</source>
            <translation>the header has an invalid field (unit code, key fingerprint, ephemeral key or length)</translation>
        </message>
        <message>
            <source>phần đầu không đúng định dạng ({error})</source>
            <translation>the header is not in the right format ({error})</translation>
        </message>
        <message>
            <source>phần đầu không đúng định dạng hoặc dài quá {limit} byte</source>
            <translation>the header is not in the right format or longer than {limit} bytes</translation>
        </message>
        <message>
            <source>phần đầu phải có đúng các trường {fields}</source>
            <translation>the header must have exactly the fields {fields}</translation>
        </message>
        <message>
            <source>quy tắc làm tròn '{share_rounding}' không hợp lệ (half_up, truncate)</source>
            <translation>rounding rule '{share_rounding}' is not valid (half_up, truncate)</translation>
        </message>
        <message>
            <source>section '{value}' không phải là mục của báo cáo</source>
            <translation>section '{value}' is not a section of the report</translation>
        </message>
        <message>
            <source>stock phải là true hoặc false</source>
            <translation>stock must be true or false</translation>
        </message>
        <message>
            <source>số dài {length} ký tự, vượt giới hạn {MAX_NUMBER_CHARS}</source>
            <translation>a number {length} characters long, over the limit of {MAX_NUMBER_CHARS}</translation>
        </message>
        <message>
            <source>số nguyên dài {length} chữ số, vượt giới hạn {MAX_INT_DIGITS}</source>
            <translation>a whole number {length} digits long, over the limit of {MAX_INT_DIGITS}</translation>
        </message>
        <message>
            <source>số nữ ({women}) lớn hơn tổng số người tham dự ({total})</source>
            <translation>the number of women ({women}) is greater than the total number of participants ({total})</translation>
        </message>
        <message>
            <source>số thứ tự gói đã đạt giới hạn {limit}</source>
            <translation>the bundle sequence has reached its limit {limit}</translation>
        </message>
        <message>
            <source>số thứ tự {sequence} không lớn hơn số {newest} của trả lời đã áp dụng; tệp cũ gửi lại, từ chối (chống phát lại)</source>
            <translation>sequence number {sequence} is not greater than {newest} of the answer already applied; an old file sent again, refused (replay protection)</translation>
        </message>
        <message>
            <source>số thứ tự {sequence} không lớn hơn số {newest} của tệp cấu hình đã áp dụng ngày {received_at}; tệp cũ hơn, từ chối (không quay lui cấu hình)</source>
            <translation>sequence {sequence} is not above {newest} of the configuration file applied on {received_at}; an older file, refused (no rollback of the configuration)</translation>
        </message>
        <message>
            <source>số thứ tự {sequence} không lớn hơn số {sequence2} của gói kỳ {period} đã nhận cho nửa năm {half} (nhận ngày {received_at}); gói cũ gửi lại hoặc bị quay lui, từ chối (chống phát lại){hint}</source>
            <translation>sequence {sequence} is not above {sequence2}, of the bundle for {period} received for the half-year {half} (received on {received_at}); an old bundle sent again or rolled back, refused (replay protection){hint}</translation>
        </message>
        <message>
            <source>số {text} vượt quá phạm vi</source>
            <translation>the number {text} is out of range</translation>
        </message>
        <message>
            <source>sửa định nghĩa chỉ tiêu {code}: {name}</source>
            <translation>definition of indicator {code} changed: {name}</translation>
        </message>
        <message>
            <source>target_basis phải là bảng mã chỉ tiêu → văn bản giao mục tiêu</source>
            <translation>target_basis must map indicator codes to the document that sets the target</translation>
        </message>
        <message>
            <source>targets[{index}]</source>
            <translation>targets[{index}]</translation>
        </message>
        <message>
            <source>thay đổi này không khôi phục được</source>
            <translation>this change cannot be restored</translation>
        </message>
        <message>
            <source>thiếu cột {columns}</source>
            <translation>missing columns {columns}</translation>
        </message>
        <message>
            <source>thiếu giá trị</source>
            <translation>value missing</translation>
        </message>
        <message>
            <source>thiếu giá trị (để trống chỉ tiêu thì bỏ cả dòng)</source>
            <translation>value missing (to leave an indicator empty, leave out the whole row)</translation>
        </message>
        <message>
            <source>thiếu kỳ báo cáo (2023H1, 2023H2 hoặc 2023)</source>
            <translation>reporting period missing (2023H1, 2023H2 or 2023)</translation>
        </message>
        <message>
            <source>thiếu ngày</source>
            <translation>date missing</translation>
        </message>
        <message>
            <source>thiếu source: chỉ tiêu của bộ quốc gia phải ghi văn bản và điều khoản</source>
            <translation>source is missing: an indicator of the national set must cite its document and article</translation>
        </message>
        <message>
            <source>thiếu thành phần {name}</source>
            <translation>part {name} is missing</translation>
        </message>
        <message>
            <source>thiếu trong gói</source>
            <translation>missing from the bundle</translation>
        </message>
        <message>
            <source>thiếu trường "{field}"</source>
            <translation>field "{field}" is missing</translation>
        </message>
        <message>
            <source>thiếu trường "{name}"</source>
            <translation>field "{name}" is missing</translation>
        </message>
        <message>
            <source>thiếu trường: {names}</source>
            <translation>missing fields: {names}</translation>
        </message>
        <message>
            <source>thiếu tên mục</source>
            <translation>section name missing</translation>
        </message>
        <message>
            <source>thu hồi khóa {fingerprint} của đơn vị {org_unit}</source>
            <translation>key {fingerprint} of unit {org_unit} revoked</translation>
        </message>
        <message>
            <source>thành phần {name} có khai báo DTD (&lt;!DOCTYPE&gt;); tệp Excel không có, không đọc</source>
            <translation>part {name} declares a DTD (&lt;!DOCTYPE&gt;); Excel files have none, not read</translation>
        </message>
        <message>
            <source>thành phần {name} giải nén ra {size} byte, quá giới hạn {limit} byte</source>
            <translation>part {name} unpacks to {size} bytes, over the limit of {limit} bytes</translation>
        </message>
        <message>
            <source>thành phần {name} không phải XML hợp lệ ({error})</source>
            <translation>part {name} is not valid XML ({error})</translation>
        </message>
        <message>
            <source>thêm chỉ tiêu {code}: {name}</source>
            <translation>indicator {code} added: {name}</translation>
        </message>
        <message>
            <source>thư mục chia sẻ ({system})</source>
            <translation>a shared folder ({system})</translation>
        </message>
        <message>
            <source>thư mục hoặc tệp dữ liệu chỉ đọc (không có quyền ghi); không thay đổi gì — hãy chép hồ sơ vào thư mục ghi được</source>
            <translation>the data folder or file is read-only (no permission to write); nothing was changed — copy the profile to a writable folder</translation>
        </message>
        <message>
            <source>thư mục khóa ký</source>
            <translation>signing-key folder</translation>
        </message>
        <message>
            <source>thư mục mạng ({system})</source>
            <translation>a network folder ({system})</translation>
        </message>
        <message>
            <source>trang tính '{title}' không có phần dữ liệu</source>
            <translation>sheet '{title}' has no data part</translation>
        </message>
        <message>
            <source>trang tính {sheet}</source>
            <translation>sheet {sheet}</translation>
        </message>
        <message>
            <source>trang tính {sheet}, dòng {row}: địa chỉ ô '{ref}' sai</source>
            <translation>sheet {sheet}, row {row}: wrong cell address '{ref}'</translation>
        </message>
        <message>
            <source>trang tính {sheet}, ô {ref}: {reason}</source>
            <translation>sheet {sheet}, cell {ref}: {reason}</translation>
        </message>
        <message>
            <source>trang tính {sheet}: số dòng '{row}' sai hoặc không theo thứ tự</source>
            <translation>sheet {sheet}: row number '{row}' is wrong or out of order</translation>
        </message>
        <message>
            <source>trường "{field}" phải là chuỗi JSON</source>
            <translation>field "{field}" must be a JSON string</translation>
        </message>
        <message>
            <source>trường "{field}" phải là số JSON (không phải {value})</source>
            <translation>field "{field}" must be a JSON number (not {value})</translation>
        </message>
        <message>
            <source>trường "{field}" phải là số nguyên JSON (không phải {value})</source>
            <translation>field "{field}" must be a JSON integer (not {value})</translation>
        </message>
        <message>
            <source>trường "{name}" phải là {kind}</source>
            <translation>field "{name}" must be {kind}</translation>
        </message>
        <message>
            <source>trường không biết: {names}</source>
            <translation>unknown fields: {names}</translation>
        </message>
        <message>
            <source>trường không biết: {unknown}</source>
            <translation>unknown fields: {unknown}</translation>
        </message>
        <message>
            <source>trả lại để sửa: cần ghi lý do (--reason)</source>
            <translation>return for correction: a reason is required (--reason)</translation>
        </message>
        <message>
            <source>trả lại để sửa: lý do dài {length} ký tự, tối đa {MAX_REASON}</source>
            <translation>return for correction: the reason is {length} characters long, at most {MAX_REASON}</translation>
        </message>
        <message>
            <source>tên mục dài quá 60 ký tự</source>
            <translation>section name longer than 60 characters</translation>
        </message>
        <message>
            <source>tên thành phần không an toàn: {reason}</source>
            <translation>unsafe member name: {reason}</translation>
        </message>
        <message>
            <source>tóm tắt thay đổi không hợp lệ: {error}</source>
            <translation>invalid summary of changes: {error}</translation>
        </message>
        <message>
            <source>tệp cài đặt</source>
            <translation>settings file</translation>
        </message>
        <message>
            <source>tệp cấu hình của đơn vị {sender} ({tree}); chỉ nhận cấu hình của đơn vị cấp trên {parent}</source>
            <translation>a configuration file of unit {sender} ({tree}); only the configuration of the higher-level unit {parent} is accepted</translation>
        </message>
        <message>
            <source>tệp cấu hình này đã được áp dụng ngày {received_at}; mỗi tệp chỉ áp dụng một lần (chống phát lại)</source>
            <translation>this configuration file was applied on {received_at}; each file is applied once (replay protection)</translation>
        </message>
        <message>
            <source>tệp cấu hình phải gửi cho các đơn vị của chính đơn vị ký</source>
            <translation>a configuration file must be addressed to the units of the signing unit itself</translation>
        </message>
        <message>
            <source>tệp dài {size} byte, phần đầu ghi {expected} byte (bị cắt cụt hoặc bị thêm dữ liệu); hãy chép lại tệp từ nguồn</source>
            <translation>the file is {size} bytes long, the header says {expected} bytes (truncated or with data added); copy the file again from its source</translation>
        </message>
        <message>
            <source>tệp hỏng hoặc không phải .xlsx ({error})</source>
            <translation>the file is damaged or not an .xlsx ({error})</translation>
        </message>
        <message>
            <source>tệp rỗng (0 byte), không phải gói báo cáo</source>
            <translation>empty file (0 bytes), not a report bundle</translation>
        </message>
        <message>
            <source>tệp rỗng (0 byte): hồ sơ chưa được tạo xong hoặc tệp đã bị xóa trắng; hãy khôi phục bản sao lưu (restore TỆP) hoặc xóa tệp rồi khởi tạo lại (init)</source>
            <translation>empty file (0 bytes): the profile was never finished or the file was emptied; restore a backup (restore FILE) or delete the file and create the profile again (init)</translation>
        </message>
        <message>
            <source>tệp trả lời do đơn vị {sender_org_unit} ký; chỉ chấp nhận trả lời của đơn vị cấp trên {parent}</source>
            <translation>the answer file is signed by unit {sender_org_unit}; only answers from the higher-level unit {parent} are accepted</translation>
        </message>
        <message>
            <source>tệp trả lời gửi cho đơn vị {recipient_org_unit}, không phải {org_unit_code}</source>
            <translation>the answer file is addressed to unit {recipient_org_unit}, not {org_unit_code}</translation>
        </message>
        <message>
            <source>tệp trả lời này đã được áp dụng ngày {received_at}; một trả lời chỉ áp dụng một lần (chống phát lại)</source>
            <translation>this answer file was already applied on {received_at}; an answer is applied only once (replay protection)</translation>
        </message>
        <message>
            <source>tệp zip bị cắt cụt hoặc hỏng (không đọc được danh mục zip); hãy chép lại tệp từ nguồn</source>
            <translation>the zip file is truncated or damaged (its directory cannot be read); copy the file again from its source</translation>
        </message>
        <message>
            <source>tổng {total} khác tổng các ô phân tổ ({added})</source>
            <translation>total {total} differs from the sum of the breakdown cells ({added})</translation>
        </message>
        <message>
            <source>tổng độ dài các thành phần vượt giới hạn 1 GiB</source>
            <translation>the members together exceed the 1 GiB limit</translation>
        </message>
        <message>
            <source>unreported_note phải là true hoặc false</source>
            <translation>unreported_note must be true or false</translation>
        </message>
        <message>
            <source>vân tay khóa '{text}' không hợp lệ: cần {value} chữ số hex (8 nhóm 4 ký tự, có hoặc không có dấu cách)</source>
            <translation>key fingerprint '{text}' is not valid: {value} hex digits are needed (8 groups of 4, with or without spaces)</translation>
        </message>
        <message>
            <source>vân tay khóa trong manifest khác vân tay trong manifest.sig</source>
            <translation>the key fingerprint in the manifest differs from the one in manifest.sig</translation>
        </message>
        <message>
            <source>văn bản</source>
            <translation>document</translation>
        </message>
        <message>
            <source>vượt quá giới hạn {limit}</source>
            <translation>over the limit of {limit}</translation>
        </message>
        <message>
            <source>xuất hiện hai lần trong gói (mỗi thành phần chỉ được có một)</source>
            <translation>appears twice in the bundle (each member may appear only once)</translation>
        </message>
        <message>
            <source>xác nhận {number}: chữ ký không khớp với khóa {fingerprint}</source>
            <translation>endorsement {number}: the signature does not match key {fingerprint}</translation>
        </message>
        <message>
            <source>xác nhận {number}: endorsed_at không hợp lệ</source>
            <translation>endorsement {number}: endorsed_at is not valid</translation>
        </message>
        <message>
            <source>xác nhận {number}: khóa của đơn vị {org_unit}, nhưng khóa cũ được đăng ký cho {unit}</source>
            <translation>endorsement {number}: a key of unit {org_unit}, but the old key is enrolled for {unit}</translation>
        </message>
        <message>
            <source>xác nhận {number}: không nối tiếp xác nhận trước</source>
            <translation>endorsement {number}: does not follow the previous endorsement</translation>
        </message>
        <message>
            <source>xác nhận {number}: không đúng định dạng</source>
            <translation>endorsement {number}: not in the right format</translation>
        </message>
        <message>
            <source>xác nhận {number}: phải có đúng statement, signature</source>
            <translation>endorsement {number}: must have exactly statement, signature</translation>
        </message>
        <message>
            <source>xác nhận {number}: vân tay không khớp khóa mới</source>
            <translation>endorsement {number}: the fingerprint does not match the new key</translation>
        </message>
        <message>
            <source>xác nhận {number}: {error}</source>
            <translation>endorsement {number}: {error}</translation>
        </message>
        <message>
            <source>{data_dir}: chưa có hồ sơ; hãy khởi tạo bằng lệnh init --org-unit MÃ</source>
            <translation>{data_dir}: there is no profile yet; create one with the command init --org-unit CODE</translation>
        </message>
        <message>
            <source>{data_dir}: hồ sơ chưa có khóa ký</source>
            <translation>{data_dir}: the profile has no signing key yet</translation>
        </message>
        <message>
            <source>{data_dir}: hồ sơ chưa gắn với đơn vị nào; hãy chạy init</source>
            <translation>{data_dir}: the profile is not tied to any unit yet; run init</translation>
        </message>
        <message>
            <source>{data_dir}: không ghi được vào thư mục hồ sơ ({error})</source>
            <translation>{data_dir}: cannot write to the profile folder ({error})</translation>
        </message>
        <message>
            <source>{data_dir}: đã có hồ sơ của đơn vị {org_unit_code}; dùng --data-dir khác cho đơn vị khác</source>
            <translation>{data_dir}: a profile of unit {org_unit_code} already exists; use another --data-dir for another unit</translation>
        </message>
        <message>
            <source>{database_path}: cơ sở dữ liệu bị hỏng ({value}); hãy chạy lệnh check và khôi phục bản sao lưu còn tốt (restore TỆP)</source>
            <translation>{database_path}: the database is damaged ({value}); run the check command and restore a good backup (restore FILE)</translation>
        </message>
        <message>
            <source>{database_path}: không mở được cơ sở dữ liệu ({orig}); hãy chạy lệnh check</source>
            <translation>{database_path}: cannot open the database ({orig}); run the check command</translation>
        </message>
        <message>
            <source>{database_path}: {error}</source>
            <translation>{database_path}: {error}</translation>
        </message>
        <message>
            <source>{database_path}: {problem}</source>
            <translation>{database_path}: {problem}</translation>
        </message>
        <message>
            <source>{database}: không tìm thấy cơ sở dữ liệu; hãy khởi tạo bằng lệnh init</source>
            <translation>{database}: database not found; create it with the init command</translation>
        </message>
        <message>
            <source>{database}: tệp nhật ký ghi ({name}-wal) đã bị xóa khi chương trình chưa đóng hẳn; những thay đổi cuối cùng có thể đã mất (dữ liệu còn lại vẫn nguyên vẹn). Hãy kiểm tra lại; nếu thiếu, khôi phục bản sao lưu.</source>
            <translation>{database}: the write-ahead log ({name}-wal) was deleted before the program had fully closed; the last changes may have been lost (the rest of the data is intact). Please check; if anything is missing, restore a backup.</translation>
        </message>
        <message>
            <source>{error}</source>
            <translation>{error}</translation>
        </message>
        <message>
            <source>{family} ({folder}) thiếu chữ {letters}</source>
            <translation>{family} ({folder}) lacks the letters {letters}</translation>
        </message>
        <message>
            <source>{field} '{value}': không được chứa '/' hay xuống dòng, tối đa 40 ký tự (ví dụ số 15, ký hiệu BC-UBND)</source>
            <translation>{field} '{value}': no '/' or line break, at most 40 characters (e.g. number 15, symbol BC-UBND)</translation>
        </message>
        <message>
            <source>{field}: '{value}' không có trong danh mục ({words}); trong gói phải viết đúng như vậy</source>
            <translation>{field}: '{value}' is not in the list ({words}); a bundle writes it exactly so</translation>
        </message>
        <message>
            <source>{field}: {reason}</source>
            <translation>{field}: {reason}</translation>
        </message>
        <message>
            <source>{file}: bản chép tạm không vượt qua kiểm tra toàn vẹn; dữ liệu hiện tại được giữ nguyên</source>
            <translation>{file}: the temporary copy failed the integrity check; the current data is kept as it is</translation>
        </message>
        <message>
            <source>{file}: bản sao lưu của đơn vị {unit}, hồ sơ này là {expected_unit}; dữ liệu hiện tại được giữ nguyên</source>
            <translation>{file}: a backup of unit {unit}, this profile is {expected_unit}; the current data is kept</translation>
        </message>
        <message>
            <source>{file}: chỉ tiêu {code} đã có trong {other}</source>
            <translation>{file}: indicator {code} is already in {other}</translation>
        </message>
        <message>
            <source>{file}: chỉ tiêu {code}: {rule}</source>
            <translation>{file}: indicator {code}: {rule}</translation>
        </message>
        <message>
            <source>{file}: danh mục phân tổ chỉ ghi ở {first}</source>
            <translation>{file}: the breakdown vocabulary is written only in {first}</translation>
        </message>
        <message>
            <source>{file}: không phải bản sao lưu pg_dump của VSTBPN; dữ liệu hiện tại được giữ nguyên</source>
            <translation>{file}: not a pg_dump backup of VSTBPN; the current data is kept</translation>
        </message>
        <message>
            <source>{file}: không tìm thấy tệp</source>
            <translation>{file}: file not found</translation>
        </message>
        <message>
            <source>{file}: không tìm thấy tệp sao lưu</source>
            <translation>{file}: backup file not found</translation>
        </message>
        <message>
            <source>{file}: không đọc được danh mục ({error})</source>
            <translation>{file}: cannot read the catalogue ({error})</translation>
        </message>
        <message>
            <source>{file}: mã chỉ tiêu '{code}' phải là chữ in hoa A-Z, 0-9, _</source>
            <translation>{file}: indicator code '{code}' must be capitals A-Z, 0-9, _</translation>
        </message>
        <message>
            <source>{file}: {where} phải có đúng name_vi, name_en, overlapping, categories, source</source>
            <translation>{file}: {where} must have exactly name_vi, name_en, overlapping, categories, source</translation>
        </message>
        <message>
            <source>{file}: {where} phải là chuỗi khác rỗng</source>
            <translation>{file}: {where} must be a non-empty string</translation>
        </message>
        <message>
            <source>{file}: {where} phải viết ở dạng NFC, không có khoảng trắng thừa</source>
            <translation>{file}: {where} must be written in NFC, without extra spaces</translation>
        </message>
        <message>
            <source>{file}: {where}: cần ít nhất hai nhóm, không trùng mã</source>
            <translation>{file}: {where}: at least two categories are needed, with different codes</translation>
        </message>
        <message>
            <source>{file}: {where}: mã nhóm '{value}' không hợp lệ</source>
            <translation>{file}: {where}: category code '{value}' is not valid</translation>
        </message>
        <message>
            <source>{file}: {where}: mã phân tổ phải là chữ thường a-z, 0-9, _</source>
            <translation>{file}: {where}: a breakdown code must be lower case a-z, 0-9, _</translation>
        </message>
        <message>
            <source>{file}: {where}: nhóm thứ {number} phải có đúng code, name_vi, name_en</source>
            <translation>{file}: {where}: category {number} must have exactly code, name_vi, name_en</translation>
        </message>
        <message>
            <source>{file}: {where}: overlapping phải là true hoặc false</source>
            <translation>{file}: {where}: overlapping must be true or false</translation>
        </message>
        <message>
            <source>{file}: đây là chính cơ sở dữ liệu đang dùng, không phải bản sao lưu</source>
            <translation>{file}: this is the database in use itself, not a backup</translation>
        </message>
        <message>
            <source>{folder}: không tạo được thư mục sao lưu</source>
            <translation>{folder}: cannot create the backup folder</translation>
        </message>
        <message>
            <source>{folder}: thư mục hồ sơ không tồn tại</source>
            <translation>{folder}: the profile folder does not exist</translation>
        </message>
        <message>
            <source>{hint} (đã loại: {rejected})</source>
            <translation>{hint} (ruled out: {rejected})</translation>
        </message>
        <message>
            <source>{key} phải là số không âm</source>
            <translation>{key} must be a number, not negative</translation>
        </message>
        <message>
            <source>{key} phải là số từ 0 đến 100</source>
            <translation>{key} must be a number from 0 to 100</translation>
        </message>
        <message>
            <source>{key} {other} phải cùng kỳ (frequency) và cùng phân tổ (hoặc chỉ tiêu này không phân tổ)</source>
            <translation>{key} {other} must have the same frequency and the same breakdown (or this indicator none)</translation>
        </message>
        <message>
            <source>{key} {other} phải là một chỉ tiêu số đếm (count) của danh mục</source>
            <translation>{key} {other} must be a count indicator of the catalogue</translation>
        </message>
        <message>
            <source>{label}: chỉ nhận tệp .csv hoặc .xlsx (mẫu tạo bằng lệnh data template)</source>
            <translation>{label}: only .csv or .xlsx files are accepted (the template is made with the data template command)</translation>
        </message>
        <message>
            <source>{label}: cột {name} xuất hiện hai lần (ô thứ {value} và {index})</source>
            <translation>{label}: column {name} appears twice (cells {value} and {index})</translation>
        </message>
        <message>
            <source>{label}: dòng 1 phải là dòng tiêu đề (tên các cột)</source>
            <translation>{label}: line 1 must be the heading row (the column names)</translation>
        </message>
        <message>
            <source>{label}: dòng 1 phải là dòng tiêu đề (tên các cột), nhưng đang để trống</source>
            <translation>{label}: line 1 must be the heading row (the column names), but it is empty</translation>
        </message>
        <message>
            <source>{label}: dòng 1: không nhận ra bảng từ tiêu đề ({value}); tiêu đề phải là một trong các bảng — {tables}</source>
            <translation>{label}: line 1: the table cannot be recognised from the headings ({value}); the headings must be those of one of the tables — {tables}</translation>
        </message>
        <message>
            <source>{label}: dòng {row}: dấu ngoặc kép (") của một ô mở ở dòng {line} của tệp không được đóng đúng ({error}); hãy sửa dấu ngoặc kép của dòng này rồi nhập lại</source>
            <translation>{label}: row {row}: the quote (") of a cell opened on line {line} of the file is not closed properly ({error}); fix the quotes of this row and import again</translation>
        </message>
        <message>
            <source>{label}: dòng {row}: một ô mở dấu ngoặc kép ở dòng {start} của tệp và chỉ đóng ở dòng {end}, làm dòng này có {count} ô thay vì {width}; hãy kiểm tra dấu ngoặc kép (") của dòng {row}</source>
            <translation>{label}: row {row}: a cell opens a quote on line {start} of the file and closes it only on line {end}, giving this row {count} cells instead of {width}; check the quotes (") of row {row}</translation>
        </message>
        <message>
            <source>{label}: không có dòng dữ liệu nào (chỉ có dòng tiêu đề)</source>
            <translation>{label}: no data rows (only the heading row)</translation>
        </message>
        <message>
            <source>{label}: không có trang tính nào của mẫu ({TABLES}); hãy dùng tệp tạo bằng lệnh data template</source>
            <translation>{label}: none of the template's sheets ({TABLES}) is there; use a file made with the data template command</translation>
        </message>
        <message>
            <source>{label}: không đọc được tệp ({error})</source>
            <translation>{label}: cannot read the file ({error})</translation>
        </message>
        <message>
            <source>{label}: không đọc được tệp Excel (.xlsx) — {error}</source>
            <translation>{label}: cannot read the Excel file (.xlsx) — {error}</translation>
        </message>
        <message>
            <source>{label}: trang tính '{title}' không phải bảng của mẫu ({TABLES}, {GUIDE_SHEET}); hãy đổi tên trang đúng tên bảng hoặc xóa trang</source>
            <translation>{label}: sheet '{title}' is not a table of the template ({TABLES}, {GUIDE_SHEET}); rename the sheet to a table name or delete it</translation>
        </message>
        <message>
            <source>{label}: trang tính '{title}' đang bị ẩn ({state}) nhưng có dữ liệu; Excel không cho thấy trang này nên không nhập — hãy bỏ ẩn (Unhide) để kiểm tra, hoặc xóa trang</source>
            <translation>{label}: sheet '{title}' is hidden ({state}) but holds data; Excel does not show it, so it is not imported — unhide it to check it, or delete the sheet</translation>
        </message>
        <message>
            <source>{label}: tệp Excel dạng cũ (.xls); hãy mở bằng Excel và lưu lại dạng .xlsx</source>
            <translation>{label}: an old-style Excel file (.xls); open it in Excel and save it again as .xlsx</translation>
        </message>
        <message>
            <source>{label}: tệp không phải mã UTF-8 (gặp ký tự lạ ở dòng {line}); trong Excel hãy chọn Lưu thành (Save As) › "CSV UTF-8 (Comma delimited)" rồi nhập lại</source>
            <translation>{label}: the file is not UTF-8 (an unexpected character on line {line}); in Excel choose Save As › "CSV UTF-8 (Comma delimited)" and import again</translation>
        </message>
        <message>
            <source>{label}: tệp rỗng, không có dòng tiêu đề và dữ liệu</source>
            <translation>{label}: the file is empty, with no heading row and no data</translation>
        </message>
        <message>
            <source>{label}: {place}</source>
            <translation>{label}: {place}</translation>
        </message>
        <message>
            <source>{label}: {problems} (bảng {table} cần các cột {expected})</source>
            <translation>{label}: {problems} (table {table} needs the columns {expected})</translation>
        </message>
        <message>
            <source>{label}: ô thứ {value} có giá trị nhưng nằm ngoài các cột của tiêu đề ({length} cột)</source>
            <translation>{label}: cell {value} has a value but lies beyond the heading's columns ({length} columns)</translation>
        </message>
        <message>
            <source>{label}: ô tiêu đề thứ {index} để trống</source>
            <translation>{label}: heading cell {index} is empty</translation>
        </message>
        <message>
            <source>{label}: đã hủy nhập; dữ liệu không thay đổi</source>
            <translation>{label}: import cancelled; the data is unchanged</translation>
        </message>
        <message>
            <source>{live}: không khôi phục được ({error})</source>
            <translation>{live}: cannot restore ({error})</translation>
        </message>
        <message>
            <source>{live}: sau khi khôi phục, kiểm tra toàn vẹn thất bại ({value})</source>
            <translation>{live}: after restoring, the integrity check failed ({value})</translation>
        </message>
        <message>
            <source>{name}: dòng {number}: loại đơn vị '{type}' không biết</source>
            <translation>{name}: line {number}: unknown unit type '{type}'</translation>
        </message>
        <message>
            <source>{name}: dòng {number}: mã đơn vị '{code}' phải là số</source>
            <translation>{name}: line {number}: unit code '{code}' must be a number</translation>
        </message>
        <message>
            <source>{name}: dòng {number}: mã đơn vị {code} bị trùng</source>
            <translation>{name}: line {number}: unit code {code} is a duplicate</translation>
        </message>
        <message>
            <source>{name}: dòng {number}: phải có {count} cột</source>
            <translation>{name}: line {number}: must have {count} columns</translation>
        </message>
        <message>
            <source>{name}: dòng {number}: share '{share}' phải là whole, part hoặc rest</source>
            <translation>{name}: line {number}: share '{share}' must be whole, part or rest</translation>
        </message>
        <message>
            <source>{name}: dòng {number}: {unit} đã có ở dòng trên</source>
            <translation>{name}: line {number}: {unit} is already on a line above</translation>
        </message>
        <message>
            <source>{name}: dòng {number}: đơn vị cũ của danh sách khác ({tree}) chỉ ghi tên, không ghi mã</source>
            <translation>{name}: line {number}: an old unit of another list ({tree}) is given by its name only, without a code</translation>
        </message>
        <message>
            <source>{name}: dòng {number}: đơn vị {code} '{unit}' không có trong danh sách {tree}</source>
            <translation>{name}: line {number}: unit {code} '{unit}' is not in the list {tree}</translation>
        </message>
        <message>
            <source>{name}: khóa mã hóa trong tệp không hợp lệ hoặc không được khóa ký của tệp xác nhận (tệp đã bị sửa)</source>
            <translation>{name}: the encryption key in the file is not valid or not vouched for by the file's signing key (the file was altered)</translation>
        </message>
        <message>
            <source>{name}: khóa thuộc danh mục đơn vị {tree}, hồ sơ này dùng {org_unit_tree}</source>
            <translation>{name}: the key belongs to unit catalogue {tree}; this profile uses {org_unit_tree}</translation>
        </message>
        <message>
            <source>{name}: không phải tệp khóa công khai (thiếu "format": "{PUBLIC_KEY_FORMAT}")</source>
            <translation>{name}: not a public key file ("format": "{PUBLIC_KEY_FORMAT}" is missing)</translation>
        </message>
        <message>
            <source>{name}: không phải tệp khóa công khai ({error})</source>
            <translation>{name}: not a public key file ({error})</translation>
        </message>
        <message>
            <source>{name}: không đọc được tệp ({error})</source>
            <translation>{name}: cannot read the file ({error})</translation>
        </message>
        <message>
            <source>{name}: là gói báo cáo đã mã hóa gửi cho đơn vị {unit}, không phải tệp cấu hình (.vstc) của cấp trên; gói báo cáo nhập bằng bundle import ở đơn vị nhận</source>
            <translation>{name}: is an encrypted report bundle sent to unit {unit}, not a configuration file (.vstc) from the parent unit; report bundles are imported with bundle import at the receiving unit</translation>
        </message>
        <message>
            <source>{name}: quá lớn để là tệp khóa công khai</source>
            <translation>{name}: too large to be a public key file</translation>
        </message>
        <message>
            <source>{name}: thiếu trường "{name2}"</source>
            <translation>{name}: field "{name2}" is missing</translation>
        </message>
        <message>
            <source>{name}: tiêu đề cột phải là {COLUMNS}</source>
            <translation>{name}: the column headings must be {COLUMNS}</translation>
        </message>
        <message>
            <source>{name}: tệp danh mục lớn hơn 1 MiB</source>
            <translation>{name}: the catalogue file is larger than 1 MiB</translation>
        </message>
        <message>
            <source>{name}: tệp là khóa của {key_unit}, không phải của cấp trên {parent} của đơn vị {org_unit}; hãy xin cấp trên đúng tệp khóa công khai của họ</source>
            <translation>{name}: the file is the key of {key_unit}, not of {parent}, the parent unit of unit {org_unit}; ask the parent unit for its own public key file</translation>
        </message>
        <message>
            <source>{name}: tệp là khóa của đơn vị {org_unit}, không phải {code} (--org-unit)</source>
            <translation>{name}: the file is the key of unit {org_unit}, not {code} (--org-unit)</translation>
        </message>
        <message>
            <source>{name}: vân tay ghi trong tệp không khớp với khóa công khai (tệp đã bị sửa)</source>
            <translation>{name}: the fingerprint in the file does not match the public key (the file has been altered)</translation>
        </message>
        <message>
            <source>{name}: {error}</source>
            <translation>{name}: {error}</translation>
        </message>
        <message>
            <source>{name}: {problem}</source>
            <translation>{name}: {problem}</translation>
        </message>
        <message>
            <source>{name}: {value} nằm ngoài khoảng hợp lý {low} – {high}</source>
            <translation>{name}: {value} is outside the expected range {low} – {high}</translation>
        </message>
        <message>
            <source>{name}: {value} nằm ngoài khoảng {low} – {high} của các kỳ trước</source>
            <translation>{name}: {value} is outside the range {low} – {high} of earlier periods</translation>
        </message>
        <message>
            <source>{name}: {value} so với {last} cùng kỳ năm trước ({period}): thay đổi quá {factor} lần</source>
            <translation>{name}: {value} against {last} in the same period last year ({period}): changed more than {factor} times</translation>
        </message>
        <message>
            <source>{name}: đây là khóa của chính hồ sơ này ({org_unit_code}); chỉ đăng ký khóa của đơn vị khác (khóa của mình không thể đại diện cho đơn vị cấp dưới)</source>
            <translation>{name}: this is this profile's own key ({org_unit_code}); only another unit's key can be enrolled (your own key cannot speak for a unit below)</translation>
        </message>
        <message>
            <source>{name}: đơn vị cũ {code} ({unit}) ghi 'rest' nhưng không có phần nào ở đơn vị khác</source>
            <translation>{name}: old unit {code} ({unit}) is marked 'rest' but no part of it went to another unit</translation>
        </message>
        <message>
            <source>{name}: đơn vị cũ {code} ({unit}) phải thuộc đúng một đơn vị mới (whole hoặc rest), có {count}</source>
            <translation>{name}: old unit {code} ({unit}) must go to exactly one new unit (whole or rest); it goes to {count}</translation>
        </message>
        <message>
            <source>{name}: đơn vị mới {code} ({unit}) không có đơn vị cũ nào</source>
            <translation>{name}: new unit {code} ({unit}) comes from no old unit</translation>
        </message>
        <message>
            <source>{name}: đơn vị {code} có đơn vị cấp trên {parent_code} không có trong danh sách</source>
            <translation>{name}: unit {code} has a higher-level unit {parent_code} that is not in the list</translation>
        </message>
        <message>
            <source>{out}: không ghi được ({error})</source>
            <translation>{out}: cannot be written ({error})</translation>
        </message>
        <message>
            <source>{out}: không ghi được tệp ({error})</source>
            <translation>{out}: cannot write the file ({error})</translation>
        </message>
        <message>
            <source>{out}: không đọc lại được ({error})</source>
            <translation>{out}: cannot be read back ({error})</translation>
        </message>
        <message>
            <source>{out}: là một thư mục; hãy ghi rõ tên tệp, ví dụ {value}</source>
            <translation>{out}: is a folder; give a file name, for example {value}</translation>
        </message>
        <message>
            <source>{out}: tệp mẫu phải có đuôi .xlsx</source>
            <translation>{out}: the template file must end in .xlsx</translation>
        </message>
        <message>
            <source>{out}: đã có một thư mục cùng tên; hãy chọn tên tệp khác</source>
            <translation>{out}: a folder of the same name exists; choose another file name</translation>
        </message>
        <message>
            <source>{out}: định dạng long ghi ra tệp .csv hoặc .xlsx</source>
            <translation>{out}: the long format is written to a .csv or .xlsx file</translation>
        </message>
        <message>
            <source>{out}: đọc lại gói vừa ghi không khớp; hãy ghi lại vào chỗ khác</source>
            <translation>{out}: reading back the bundle just written does not match; write it again somewhere else</translation>
        </message>
        <message>
            <source>{out}: đọc lại tệp vừa ghi không khớp; hãy ghi lại vào chỗ khác</source>
            <translation>{out}: reading back the file just written does not match; write it elsewhere</translation>
        </message>
        <message>
            <source>{part} ({value}) lớn hơn {whole} ({whole_value})</source>
            <translation>{part} ({value}) is greater than {whole} ({whole_value})</translation>
        </message>
        <message>
            <source>{part}, ô {cell} ({value}) lớn hơn cùng ô của {whole} ({whole_value})</source>
            <translation>{part}, cell {cell} ({value}) is greater than the same cell of {whole} ({whole_value})</translation>
        </message>
        <message>
            <source>{path}: cơ sở dữ liệu bị hỏng ({value}); không sửa tự động — hãy khôi phục bản sao lưu gần nhất còn tốt (restore TỆP)</source>
            <translation>{path}: the database is damaged ({value}); it is not repaired automatically — restore the latest good backup (restore FILE)</translation>
        </message>
        <message>
            <source>{path}: cơ sở dữ liệu đang nằm trên thư mục mạng; SQLite không an toàn ở đó.</source>
            <translation>{path}: the database is on a network folder; SQLite is not safe there.</translation>
        </message>
        <message>
            <source>{path}: cơ sở dữ liệu đang nằm trên {kind} ({point}); SQLite không an toàn ở đó — rút ổ hoặc mất mạng khi đang ghi có thể làm hỏng dữ liệu. Hãy chuyển hồ sơ vào ổ cứng của máy.</source>
            <translation>{path}: the database is on {kind} ({point}); SQLite is not safe there — removing the drive or losing the network while writing can damage the data. Please move the profile to the computer's own disk.</translation>
        </message>
        <message>
            <source>{path}: cơ sở dữ liệu đang nằm trên ổ USB/thẻ nhớ; SQLite không an toàn ở đó.</source>
            <translation>{path}: the database is on a USB stick or memory card; SQLite is not safe there.</translation>
        </message>
        <message>
            <source>{path}: cơ sở dữ liệu đang nằm trên ổ mạng; SQLite không an toàn ở đó.</source>
            <translation>{path}: the database is on a network drive; SQLite is not safe there.</translation>
        </message>
        <message>
            <source>{path}: hồ sơ đã có khóa ký; không tạo đè</source>
            <translation>{path}: the profile already has a signing key; it is not overwritten</translation>
        </message>
        <message>
            <source>{path}: khóa ký không khớp với khóa công khai ghi trong hồ sơ</source>
            <translation>{path}: the signing key does not match the public key recorded in the profile</translation>
        </message>
        <message>
            <source>{path}: không ghi được khóa giải mã ({error})</source>
            <translation>{path}: the decryption key cannot be written ({error})</translation>
        </message>
        <message>
            <source>{path}: không ghi được khóa ký ({error})</source>
            <translation>{path}: cannot write the signing key ({error})</translation>
        </message>
        <message>
            <source>{path}: không ghi được khóa ký mới ({error})</source>
            <translation>{path}: the new signing key cannot be written ({error})</translation>
        </message>
        <message>
            <source>{path}: không ghi được số thứ tự gói ({error})</source>
            <translation>{path}: cannot write the bundle sequence ({error})</translation>
        </message>
        <message>
            <source>{path}: không giữ lại được khóa giải mã cũ ({error})</source>
            <translation>{path}: cannot keep the old decryption key ({error})</translation>
        </message>
        <message>
            <source>{path}: không mở được cơ sở dữ liệu ({error})</source>
            <translation>{path}: cannot open the database ({error})</translation>
        </message>
        <message>
            <source>{path}: không phải khóa Ed25519</source>
            <translation>{path}: not an Ed25519 key</translation>
        </message>
        <message>
            <source>{path}: không phải khóa X25519</source>
            <translation>{path}: not an X25519 key</translation>
        </message>
        <message>
            <source>{path}: không phải tệp sao lưu (không phải cơ sở dữ liệu SQLite); dữ liệu hiện tại được giữ nguyên</source>
            <translation>{path}: not a backup file (not an SQLite database); the current data is kept as it is</translation>
        </message>
        <message>
            <source>{path}: không phải tệp sao lưu của VSTBPN Desktop; dữ liệu hiện tại được giữ nguyên</source>
            <translation>{path}: not a VSTBPN Desktop backup file; the current data is kept as it is</translation>
        </message>
        <message>
            <source>{path}: không tìm thấy khóa ký của hồ sơ</source>
            <translation>{path}: the profile's signing key was not found</translation>
        </message>
        <message>
            <source>{path}: không tìm thấy tệp</source>
            <translation>{path}: file not found</translation>
        </message>
        <message>
            <source>{path}: không đọc được ({error})</source>
            <translation>{path}: cannot be read ({error})</translation>
        </message>
        <message>
            <source>{path}: không đọc được khóa giải mã ({error})</source>
            <translation>{path}: the decryption key cannot be read ({error})</translation>
        </message>
        <message>
            <source>{path}: không đọc được khóa ký ({error})</source>
            <translation>{path}: cannot read the signing key ({error})</translation>
        </message>
        <message>
            <source>{path}: không đọc được số thứ tự gói đã dùng ({error})</source>
            <translation>{path}: cannot read the bundle sequence used ({error})</translation>
        </message>
        <message>
            <source>{path}: không đọc được tệp cấu hình ({error})</source>
            <translation>{path}: cannot read the settings file ({error})</translation>
        </message>
        <message>
            <source>{path}: thư mục hoặc tệp dữ liệu chỉ đọc (không có quyền ghi); SQLite cần ghi được vào thư mục hồ sơ — hãy chép hồ sơ vào thư mục ghi được; dữ liệu không bị thay đổi</source>
            <translation>{path}: the data folder or file is read-only (no permission to write); SQLite must be able to write in the profile folder — copy the profile to a writable folder; the data has not been changed</translation>
        </message>
        <message>
            <source>{path}: tệp sao lưu bị hỏng hoặc không trọn vẹn ({value}); dữ liệu hiện tại được giữ nguyên</source>
            <translation>{path}: the backup file is damaged or incomplete ({value}); the current data is kept as it is</translation>
        </message>
        <message>
            <source>{path}: tệp sao lưu thuộc hồ sơ đơn vị {unit}, không phải đơn vị {expected_unit} của hồ sơ này; dữ liệu hiện tại được giữ nguyên</source>
            <translation>{path}: the backup file belongs to the profile of unit {unit}, not unit {expected_unit} of this profile; the current data is kept as it is</translation>
        </message>
        <message>
            <source>{path}: tệp sao lưu được tạo bởi phiên bản mới hơn của ứng dụng (lược đồ {revision}); hãy cập nhật ứng dụng; dữ liệu hiện tại được giữ nguyên</source>
            <translation>{path}: the backup file was made by a newer version of the application (schema {revision}); update the application; the current data is kept as it is</translation>
        </message>
        <message>
            <source>{path}: tệp số thứ tự gói bị hỏng (cần một số nguyên); hãy khôi phục tệp hoặc hỏi cấp trên số thứ tự gói cuối cùng đã nhận rồi dùng bundle export --sequence-from</source>
            <translation>{path}: the bundle sequence file is damaged (a whole number is needed); restore the file, or ask the parent for the last sequence it received and use bundle export --sequence-from</translation>
        </message>
        <message>
            <source>{path}: {problem}</source>
            <translation>{path}: {problem}</translation>
        </message>
        <message>
            <source>{period}: {value}</source>
            <translation>{period}: {value}</translation>
        </message>
        <message>
            <source>{period}: {value} (cộng của đơn vị cũ {units})</source>
            <translation>{period}: {value} (sum of the old units {units})</translation>
        </message>
        <message>
            <source>{period}: {value} (cộng của đơn vị cũ {units}, gần đúng: địa bàn hoặc số liệu các đơn vị cũ không đủ)</source>
            <translation>{period}: {value} (sum of the old units {units}, approximate: the old units' area or figures are incomplete)</translation>
        </message>
        <message>
            <source>{place}, {part}</source>
            <translation>{place}, {part}</translation>
        </message>
        <message>
            <source>{place}: {error}</source>
            <translation>{place}: {error}</translation>
        </message>
        <message>
            <source>{place}: {reason}</source>
            <translation>{place}: {reason}</translation>
        </message>
        <message>
            <source>{problems}</source>
            <translation>{problems}</translation>
        </message>
        <message>
            <source>{problems}; và {count} lỗi khác</source>
            <translation>{problems}; and {count} more errors</translation>
        </message>
        <message>
            <source>{source}: bản sao lưu không vượt qua kiểm tra toàn vẹn ({value}); cơ sở dữ liệu có thể đã hỏng — hãy chạy lệnh check</source>
            <translation>{source}: the backup failed the integrity check ({value}); the database may be damaged — run the check command</translation>
        </message>
        <message>
            <source>{source}: chưa có cơ sở dữ liệu để sao lưu</source>
            <translation>{source}: there is no database to back up yet</translation>
        </message>
        <message>
            <source>{source}: cơ sở dữ liệu bị hỏng, không sao lưu được ({error}); hãy chạy lệnh check</source>
            <translation>{source}: the database is damaged and cannot be backed up ({error}); run the check command</translation>
        </message>
        <message>
            <source>{target}: không ghi đè lên {what} của hồ sơ {folder}; hãy chọn tệp ở thư mục khác</source>
            <translation>{target}: will not overwrite the {what} of the profile {folder}; choose a file in another folder</translation>
        </message>
        <message>
            <source>{target}: không ghi được vào thư mục {folder} ({error})</source>
            <translation>{target}: cannot write to folder {folder} ({error})</translation>
        </message>
        <message>
            <source>{target}: không tạo được bản sao lưu ({error})</source>
            <translation>{target}: cannot make the backup ({error})</translation>
        </message>
        <message>
            <source>{target}: thư mục {folder} không tồn tại</source>
            <translation>{target}: folder {folder} does not exist</translation>
        </message>
        <message>
            <source>{target}: tệp đang được mở trong chương trình khác hoặc không có quyền ghi</source>
            <translation>{target}: the file is open in another program or you have no permission to write it</translation>
        </message>
        <message>
            <source>{url}: cơ sở dữ liệu VSTBPN chưa gắn với đơn vị nào (lần khởi tạo trước bị gián đoạn); quản trị viên xóa và tạo lại cơ sở dữ liệu trống</source>
            <translation>{url}: the VSTBPN database belongs to no unit (an earlier init was interrupted); the administrator should drop it and create an empty database</translation>
        </message>
        <message>
            <source>{url}: cơ sở dữ liệu này là của đơn vị {org_unit} ({held_tree}), không phải {org_unit_code}; không thay đổi gì</source>
            <translation>{url}: this database belongs to unit {org_unit} ({held_tree}), not {org_unit_code}; nothing was changed</translation>
        </message>
        <message>
            <source>{url}: cơ sở dữ liệu đã có bảng của ứng dụng khác; không dùng chung, không ghi gì vào đó — hãy dùng một cơ sở dữ liệu trống (CREATE DATABASE) cho VSTBPN</source>
            <translation>{url}: the database holds another application's tables; it is not shared and nothing was written to it — use an empty database (CREATE DATABASE) for VSTBPN</translation>
        </message>
        <message>
            <source>{url}: không kết nối được máy chủ cơ sở dữ liệu (máy chủ tắt, sai tên máy hoặc cổng, hoặc mạng không thông): {reason}</source>
            <translation>{url}: cannot connect to the database server (the server is off, the host name or port is wrong, or the network is down): {reason}</translation>
        </message>
        <message>
            <source>{url}: không phải cơ sở dữ liệu VSTBPN (chưa khởi tạo hoặc của ứng dụng khác); không ghi gì vào đó — hãy kiểm tra database_url trong {data_dir}/settings.json</source>
            <translation>{url}: not a VSTBPN database (not initialised, or another application's); nothing was written to it — check database_url in {data_dir}/settings.json</translation>
        </message>
        <message>
            <source>{url}: kết nối tốt; cơ sở dữ liệu trống — sẽ tạo hồ sơ mới của đơn vị ở đó</source>
            <translation>{url}: connected; the database is empty — the unit's new profile will be created there</translation>
        </message>
        <message>
            <source>{url}: kết nối tốt; đã có dữ liệu của đơn vị {org_unit} — máy này sẽ gắn vào, không tạo lại</source>
            <translation>{url}: connected; it already holds the data of unit {org_unit} — this PC will attach to it, nothing is re-created</translation>
        </message>
        <message>
            <source>{url}: lỗi của máy chủ cơ sở dữ liệu: {reason}</source>
            <translation>{url}: database server error: {reason}</translation>
        </message>
        <message>
            <source>{url}: máy chủ chưa có cơ sở dữ liệu này; quản trị viên tạo nó trước (CREATE DATABASE)</source>
            <translation>{url}: the server has no such database; the administrator creates it first (CREATE DATABASE)</translation>
        </message>
        <message>
            <source>{url}: máy chủ từ chối đăng nhập (sai người dùng hoặc mật khẩu; mật khẩu lấy từ {pgpass}): {reason}</source>
            <translation>{url}: the server refused the login (wrong user or password; the password is read from {pgpass}): {reason}</translation>
        </message>
        <message>
            <source>{url}: mất kết nối tới máy chủ cơ sở dữ liệu giữa chừng ({reason}); giao dịch đã bị hủy, dữ liệu không thay đổi — hãy làm lại khi máy chủ trả lời</source>
            <translation>{url}: the connection to the database server was lost midway ({reason}); the transaction was cancelled and the data is unchanged — try again when the server answers</translation>
        </message>
        <message>
            <source>{url}: pg_dump không sao lưu được</source>
            <translation>{url}: pg_dump could not back up</translation>
        </message>
        <message>
            <source>{url}: pg_restore không khôi phục được; dữ liệu hiện tại được giữ nguyên</source>
            <translation>{url}: pg_restore could not restore; the current data is kept</translation>
        </message>
        <message>
            <source>{url}: {error}</source>
            <translation>{url}: {error}</translation>
        </message>
        <message>
            <source>{url}: {value}</source>
            <translation>{url}: {value}</translation>
        </message>
        <message>
            <source>{what}: {error}</source>
            <translation>{what}: {error}</translation>
        </message>
        <message>
            <source>{where} phải có đúng at, who, reason</source>
            <translation>{where} must have exactly at, who, reason</translation>
        </message>
        <message>
            <source>{where} phải là số nguyên 0 … {MAX_COUNT}</source>
            <translation>{where} must be a whole number 0 … {MAX_COUNT}</translation>
        </message>
        <message>
            <source>{where}."{name}" phải là chuỗi tối đa {limit} ký tự</source>
            <translation>{where}."{name}" must be a string of at most {limit} characters</translation>
        </message>
        <message>
            <source>{where}: "activity_kinds" phải là danh sách loại hoạt động ({kinds})</source>
            <translation>{where}: "activity_kinds" must be a list of activity kinds ({kinds})</translation>
        </message>
        <message>
            <source>{where}: "at_most" phải là mã một chỉ tiêu đếm của danh mục</source>
            <translation>{where}: "at_most" must be the code of a count indicator of the catalogue</translation>
        </message>
        <message>
            <source>{where}: "code" phải là mã chữ in hoa, số và "_" (bắt đầu bằng chữ, 2-60 ký tự)</source>
            <translation>{where}: "code" must be upper-case letters, digits and "_" (starting with a letter, 2-60 characters)</translation>
        </message>
        <message>
            <source>{where}: "dimensions" phải là danh sách mã phân tổ của danh mục quốc gia ({known})</source>
            <translation>{where}: "dimensions" must be a list of dimension codes of the national catalogue ({known})</translation>
        </message>
        <message>
            <source>{where}: "indicator" phải là mã một chỉ tiêu tỷ lệ (share) của danh mục</source>
            <translation>{where}: "indicator" must be the code of a share indicator of the catalogue</translation>
        </message>
        <message>
            <source>{where}: "kind" phải là một trong {kinds}</source>
            <translation>{where}: "kind" must be one of {kinds}</translation>
        </message>
        <message>
            <source>{where}: "retired" phải là true hoặc false</source>
            <translation>{where}: "retired" must be true or false</translation>
        </message>
        <message>
            <source>{where}: "section" phải là một trong {sections}</source>
            <translation>{where}: "section" must be one of {sections}</translation>
        </message>
        <message>
            <source>{where}: "year" phải là năm 2000-2100</source>
            <translation>{where}: "year" must be a year 2000-2100</translation>
        </message>
        <message>
            <source>{where}: "{name}" chứa ký tự điều khiển hoặc không hợp lệ</source>
            <translation>{where}: "{name}" holds a control or invalid character</translation>
        </message>
        <message>
            <source>{where}: "{name}" dài quá {limit} ký tự</source>
            <translation>{where}: "{name}" is longer than {limit} characters</translation>
        </message>
        <message>
            <source>{where}: "{name}" phải là chuỗi khác rỗng</source>
            <translation>{where}: "{name}" must be a non-empty string</translation>
        </message>
        <message>
            <source>{where}: "{name}" phải là số từ 0 đến 100</source>
            <translation>{where}: "{name}" must be a number from 0 to 100</translation>
        </message>
        <message>
            <source>{where}: chỉ chỉ tiêu tỷ lệ (share) mới có "numerator", "denominator"</source>
            <translation>{where}: only a share indicator has "numerator", "denominator"</translation>
        </message>
        <message>
            <source>{where}: chỉ tiêu tỷ lệ cần "{name}" là mã một chỉ tiêu đếm của danh mục</source>
            <translation>{where}: a share indicator needs "{name}" to be the code of a count indicator of the catalogue</translation>
        </message>
        <message>
            <source>{where}: chứa ký tự điều khiển hoặc không hợp lệ U+{code:04X} (vị trí {position}); gói không được chứa ký tự này</source>
            <translation>{where}: holds the control or invalid character U+{code:04X} (position {position}); a bundle may not hold it</translation>
        </message>
        <message>
            <source>{where}: khóa {fingerprint} chưa được đăng ký ở đơn vị này (trust add TỆP --org-unit MÃ)</source>
            <translation>{where}: key {fingerprint} is not registered at this unit (trust add FILE --org-unit CODE)</translation>
        </message>
        <message>
            <source>{where}: khóa {fingerprint} của đơn vị {org_unit_code} đã bị thu hồi ngày {revoked_at:%d/%m/%Y}</source>
            <translation>{where}: key {fingerprint} of unit {org_unit_code} was revoked on {revoked_at:%d/%m/%Y}</translation>
        </message>
        <message>
            <source>{where}: phải là một đối tượng JSON</source>
            <translation>{where}: must be a JSON object</translation>
        </message>
        <message>
            <source>{where}: phải là đối tượng có "indicator", "year", "target", "decision"</source>
            <translation>{where}: must be an object with "indicator", "year", "target", "decision"</translation>
        </message>
        <message>
            <source>{where}: trường không biết: {unknown}</source>
            <translation>{where}: unknown fields: {unknown}</translation>
        </message>
        <message>
            <source>{where}: {error}</source>
            <translation>{where}: {error}</translation>
        </message>
        <message>
            <source>ô phân tổ của chỉ tiêu {code} phải là một bảng mã ô → số</source>
            <translation>the breakdown cells of indicator {code} must map cell keys to numbers</translation>
        </message>
        <message>
            <source>ô phân tổ của chỉ tiêu {code} phải ngay sau dòng tổng số của nó</source>
            <translation>the breakdown cells of indicator {code} must follow its total's line</translation>
        </message>
        <message>
            <source>ô số có giá trị '{value}' không phải là số</source>
            <translation>a number cell holds '{value}', which is not a number</translation>
        </message>
        <message>
            <source>ô {cell} ({value}) lớn hơn tổng số ({total})</source>
            <translation>cell {cell} ({value}) is greater than the total ({total})</translation>
        </message>
        <message>
            <source>ô {cell} của chỉ tiêu {code} kỳ {period} đã có ở {place}</source>
            <translation>cell {cell} of indicator {code}, period {period}, is already at {place}</translation>
        </message>
        <message>
            <source>đã hủy theo yêu cầu; dữ liệu không thay đổi</source>
            <translation>cancelled as requested; the data is unchanged</translation>
        </message>
        <message>
            <source>đơn vị gửi thuộc danh mục {sender_tree}, hồ sơ này dùng {org_unit_tree}</source>
            <translation>the sending unit belongs to catalogue {sender_tree}; this profile uses {org_unit_tree}</translation>
        </message>
        <message>
            <source>đơn vị hoặc kỳ trong answer.json khác với manifest</source>
            <translation>the unit or period in answer.json differs from the manifest</translation>
        </message>
        <message>
            <source>đơn vị {code} không nhận địa bàn của đơn vị {old}; đơn vị kế tục: {allowed}</source>
            <translation>unit {code} took none of the area of unit {old}; its successors: {allowed}</translation>
        </message>
        <message>
            <source>đơn vị {code} không thuộc {org_unit_code}: chỉ đăng ký được khóa của đơn vị cấp dưới (hoặc của đơn vị cấp trên, để nhận tệp trả lại để sửa)</source>
            <translation>unit {code} is not under {org_unit_code}: only keys of subordinate units can be registered (or of the higher-level unit, to receive files returned for correction)</translation>
        </message>
        <message>
            <source>đơn vị {org_unit_code} không có đơn vị cấp dưới: không có ai nhận tệp cấu hình</source>
            <translation>unit {org_unit_code} has no subordinate units: nobody would receive a configuration file</translation>
        </message>
        <message>
            <source>đơn vị {org_unit_code} là cấp cao nhất trong danh mục: không có cấp trên để gửi báo cáo</source>
            <translation>unit {org_unit_code} is the top level of the catalogue: there is no higher level to send the report to</translation>
        </message>
        <message>
            <source>đơn vị {org_unit} là cấp cao nhất trong danh mục: không có cấp trên để đăng ký khóa</source>
            <translation>unit {org_unit} is the top level of the unit list: it has no parent unit whose key could be enrolled</translation>
        </message>
        <message>
            <source>được kê trong manifest nhưng thiếu trong gói</source>
            <translation>listed in the manifest but missing from the bundle</translation>
        </message>
        <message>
            <source>địa chỉ cơ sở dữ liệu '{url}' không hợp lệ; dạng đúng: postgresql+psycopg://người-dùng@máy:5432/tên</source>
            <translation>database address '{url}' is not valid; the form is postgresql+psycopg://user@host:5432/name</translation>
        </message>
        <message>
            <source>địa chỉ cơ sở dữ liệu '{url}' thiếu tên máy chủ hoặc tên cơ sở dữ liệu; dạng đúng: postgresql+psycopg://người-dùng@máy:5432/tên</source>
            <translation>database address '{url}' lacks the server's host or the database name; the form is postgresql+psycopg://user@host:5432/name</translation>
        </message>
        <message>
            <source>định dạng '{form}' không có (long hoặc adx)</source>
            <translation>there is no format '{form}' (long or adx)</translation>
        </message>
        <message>
            <source>định dạng báo cáo '{kind}' không hỗ trợ (pdf, docx, xlsx)</source>
            <translation>report format '{kind}' is not supported (pdf, docx, xlsx)</translation>
        </message>
        <message>
            <source>định dạng {format} phiên bản {version}, cách mã hóa {scheme} không được hỗ trợ (ứng dụng này đọc {FORMAT} 1, {SCHEME}); hãy cập nhật ứng dụng</source>
            <translation>format {format} version {version}, encryption {scheme} is not supported (this application reads {FORMAT} 1, {SCHEME}); update the application</translation>
        </message>
        <message>
            <source>đổi khóa được xác nhận bằng khóa {fingerprint} đã bị thu hồi ngày {revoked_at:%d/%m/%Y}; không chấp nhận (đơn vị gửi tệp khóa công khai mới để đăng ký sau khi đối chiếu vân tay)</source>
            <translation>the key change is endorsed by key {fingerprint}, revoked on {revoked_at:%d/%m/%Y}; not accepted (the unit sends its new public key file, enrolled after comparing the fingerprint)</translation>
        </message>
        <message>
            <source>ổ USB/thẻ nhớ ({system})</source>
            <translation>a USB stick or memory card ({system})</translation>
        </message>
        <message>
            <source>ổ gắn ngoài ({system})</source>
            <translation>an external drive ({system})</translation>
        </message>
        <message>
            <source>ổ đĩa đầy (hoặc vượt giới hạn kích thước tệp); không thay đổi gì — hãy giải phóng chỗ trống rồi làm lại</source>
            <translation>the disk is full (or the file size limit was reached); nothing was changed — free some space and try again</translation>
        </message>
        <message>
            <source>“Kính gửi”: tối đa {count} nơi, mỗi nơi tối đa {limit} ký tự</source>
            <translation>“Kính gửi” (addressed to): at most {count} addressees, each at most {limit} characters</translation>
        </message>
    </context>
</TS>
