import { defineCatalogue } from './define-catalogue.ts';

/** Why the runtime refused or stopped a run or a step, in words for the run history. */
export const runMessages = defineCatalogue({
  'run.loop_depth': {
    vi: 'Bỏ qua để tránh vòng lặp: thay đổi này do quy trình gây ra ở độ sâu {depth}, vượt giới hạn {max}.',
    en: 'Dropped to prevent a loop: this change was made by a workflow at depth {depth}, past the limit of {max}.',
  },
  'run.loop_chain': {
    vi: 'Bỏ qua để tránh vòng lặp: quy trình này đã chạy cho bản ghi này trong cùng chuỗi thay đổi.',
    en: 'Dropped to prevent a loop: this workflow already ran for this record in the same chain of changes.',
  },
  'run.node_missing': {
    vi: 'Không tìm thấy bước {nodeId} trong phiên bản quy trình.',
    en: 'Step {nodeId} is not in the workflow version.',
  },
  'run.unexpected': {
    vi: 'Lỗi không mong đợi: {detail}. Hệ thống tự thử lại; nếu vẫn lỗi, bấm "Thử lại" sau ít phút.',
    en: 'Unexpected error: {detail}. It is tried again automatically; if it keeps failing, press "Retry" in a few minutes.',
  },
  'run.worker_lost': {
    vi: 'Bước không hoàn thành sau mọi lần thử (tiến trình xử lý dừng giữa chừng). Bấm "Thử lại" để chạy lại bước.',
    en: 'The step did not finish after every attempt (its worker stopped midway). Press "Retry" to run it again.',
  },
  'run.condition_no_longer_met': {
    vi: 'Hết thời gian chờ, bản ghi không còn thỏa mãn điều kiện {nodeId}: bỏ qua các bước sau.',
    en: 'After the wait the record no longer meets condition {nodeId}: the remaining steps are skipped.',
  },
  'run.record_gone': {
    vi: 'Bản ghi đã bị xóa trong lúc chờ: bỏ qua các bước sau.',
    en: 'The record was deleted during the wait: the remaining steps are skipped.',
  },
});

/** What a step reports when it fails or does nothing: the run history's summary of that step. */
export const stepMessages = defineCatalogue({
  'step.config_invalid': {
    vi: 'Thiết lập của bước chưa hợp lệ. Mở quy trình, sửa bước theo các lỗi được đánh dấu rồi lưu lại.',
    en: "The step's settings are not valid. Open the workflow, fix the step where it is marked and save.",
  },
  'step.rule_not_found': {
    vi: 'Quy tắc phân bổ không tồn tại, đã tắt hoặc không thuộc phân hệ này. Bật lại quy tắc trong Thiết lập → Quy tắc phân bổ, hoặc chọn quy tắc khác trong bước.',
    en: 'The allocation rule does not exist, is switched off or belongs to another module. Switch it back on in Settings → Allocation rules, or choose another rule in the step.',
  },
  'step.no_active_user': {
    vi: 'Quy tắc phân bổ không còn người dùng nào đang hoạt động. Thêm người dùng vào quy tắc trong Thiết lập → Quy tắc phân bổ.',
    en: 'The allocation rule has no active user left. Add users to the rule in Settings → Allocation rules.',
  },
  'step.user_inactive': {
    vi: 'Người nhận bàn giao không tồn tại hoặc đã ngừng hoạt động. Chọn người nhận khác trong bước, hoặc kích hoạt lại người dùng trong Thiết lập → Người dùng.',
    en: 'The user to hand over to does not exist or is inactive. Choose someone else in the step, or reactivate the user in Settings → Users.',
  },
  'step.sms_empty': {
    vi: 'Nội dung SMS trống sau khi trộn trường: không gửi.',
    en: 'The SMS is empty once its merge fields are filled: not sent.',
  },
  'step.notify_nobody': {
    vi: 'Không có người nhận đang hoạt động: không gửi thông báo nào.',
    en: 'No active recipient: no notification sent.',
  },
  'step.template_missing': {
    vi: 'Không tìm thấy {what} đã chọn ở bước này (có thể đã bị xóa). Chọn {what} khác trong bước, hoặc tạo lại trong Thiết lập.',
    en: 'The {what} chosen in this step no longer exists (it may have been deleted). Choose another {what} in the step, or make it again in Settings.',
  },
  'step.template_email': { vi: 'mẫu email', en: 'email template' },
  'step.template_sms': { vi: 'mẫu SMS', en: 'SMS template' },
  'step.template_zns': { vi: 'mẫu ZNS', en: 'ZNS template' },
  'step.template_print': { vi: 'mẫu in', en: 'print template' },
  'step.record_not_found': {
    vi: 'Không tìm thấy bản ghi cần ghi (có thể đã bị xóa).',
    en: 'The record to write was not found (it may have been deleted).',
  },
  'step.version_conflict': {
    vi: 'Bản ghi vừa được sửa bởi người khác.',
    en: 'The record was just changed by someone else.',
  },
  'step.invalid_values': { vi: 'Giá trị không hợp lệ: {problems}', en: 'Invalid values: {problems}' },
  'step.no_target': {
    vi: 'Trường {via} không trỏ tới bản ghi nào: không có gì để cập nhật.',
    en: 'Field {via} points to no record: nothing to update.',
  },
  'step.already_proposed': {
    vi: 'Đơn hàng đã được đề nghị ghi doanh số.',
    en: 'The order was already proposed for revenue.',
  },
  'step.not_proposed': {
    vi: 'Đơn hàng chưa được đề nghị ghi doanh số: chỉ ghi doanh số đã đề nghị.',
    en: 'The order has not been proposed for revenue: only proposed revenue is recorded.',
  },
  'step.no_date': {
    vi: 'Bản ghi không có ngày để chờ: làm tiếp ngay.',
    en: 'The record has no date to wait for: going on at once.',
  },
  'step.no_care_product': {
    vi: 'Đơn hàng không có hàng hóa phù hợp: không thêm thẻ nào.',
    en: 'The order has no matching product: no card would be added.',
  },
  'step.webhook_no_url': {
    vi: 'Bước webhook chưa có địa chỉ URL và điểm nhận của nó cũng không có. Nhập URL trong bước, hoặc cho điểm nhận trong Thiết lập → Nhà cung cấp.',
    en: 'The webhook step has no URL and neither has its endpoint. Enter a URL in the step, or on the endpoint in Settings → Providers.',
  },
  'step.webhook_no_secret': {
    vi: 'Điểm nhận webhook chưa có khóa ký (hoặc máy chủ không đọc được khóa), nên yêu cầu không được gửi. Bấm "Tạo khóa mới" cho điểm nhận trong Thiết lập → Nhà cung cấp.',
    en: 'The webhook endpoint has no signing secret (or the server cannot read it), so nothing was sent. Press "New secret" on the endpoint in Settings → Providers.',
  },
  'step.would_add_cards': { vi: 'Sẽ thêm {count} thẻ chăm sóc', en: 'Would add {count} care card(s)' },
  'step.care_cards_notice': {
    vi: 'Bạn có {count} thẻ chăm sóc mới cho đơn hàng {order}',
    en: '{count} new care card(s) for order {order}',
  },
  'step.would_assign': { vi: 'Sẽ bàn giao bản ghi cho {name}', en: 'Would hand the record over to {name}' },
  'step.task_assigned': { vi: 'Bạn được giao nhiệm vụ: {title}', en: 'You have a new task: {title}' },
  'step.task_related': { vi: 'Bạn được thêm vào nhiệm vụ: {title}', en: 'You were added to a task: {title}' },
  'step.would_create_task': { vi: 'Sẽ tạo nhiệm vụ "{title}"', en: 'Would create the task "{title}"' },
  'step.would_notify': { vi: 'Sẽ gửi thông báo tới {names}', en: 'Would notify {names}' },
  'step.would_propose': { vi: 'Sẽ đề nghị ghi doanh số {amount}', en: 'Would propose {amount} for revenue' },
  'step.no_email_recipient': {
    vi: 'Không có người nhận có địa chỉ email',
    en: 'No recipient with an email address',
  },
  'step.would_email': { vi: 'Sẽ gửi email "{subject}" tới {to}', en: 'Would email "{subject}" to {to}' },
  'step.no_mobile_to_text': { vi: 'Không có số di động hợp lệ để gửi', en: 'No valid mobile number to text' },
  'step.would_text': {
    vi: 'Sẽ gửi SMS tới {to} (mỗi số {count}, {encoding})',
    en: 'Would text {to} ({count} each, {encoding})',
  },
  'step.no_mobile': { vi: 'Không có số di động hợp lệ', en: 'No valid mobile number' },
  'step.would_send_zns': {
    vi: 'Sẽ gửi ZNS "{template}" tới {to}',
    en: 'Would send ZNS "{template}" to {to}',
  },
  'step.would_post': { vi: 'Sẽ gửi bản ghi tới {url} (POST)', en: 'Would POST the record to {url}' },
  'step.zns_params_invalid': {
    vi: 'Tham số ZNS không hợp lệ với bản ghi này: {problems}',
    en: 'The ZNS params do not fit this record: {problems}',
  },
});

/** The test panel's words: how a simulated run went, step by step. */
export const simulationMessages = defineCatalogue({
  'simulation.schedule_trigger': {
    vi: 'Quy trình chăm sóc: mô phỏng như thể bản ghi đến hạn hôm nay.',
    en: 'Care process: simulated as if the record were due today.',
  },
  'simulation.as_created': {
    vi: 'Mô phỏng như khi bản ghi vừa được thêm mới.',
    en: 'Simulated as if the record had just been created.',
  },
  'simulation.as_deleted': {
    vi: 'Mô phỏng như khi bản ghi bị xóa.',
    en: 'Simulated as if the record were being deleted.',
  },
  'simulation.as_updated': {
    vi: 'Mô phỏng một lần sửa bản ghi thay đổi mọi trường (trước khi sửa không có giá trị nào).',
    en: 'Simulated as an edit that changed every field (with no values before it).',
  },
  'simulation.already_fired': {
    vi: 'Lưu ý: quy trình chỉ chạy lần đầu và đã chạy cho bản ghi này; một lần sửa thật sẽ không chạy nữa.',
    en: 'Note: the workflow runs only the first time and already ran for this record; a real edit would not run it again.',
  },
  'simulation.not_fired': { vi: 'Không kích hoạt: {reason}', en: 'Does not fire: {reason}' },
  'simulation.condition_met': { vi: 'Bản ghi thỏa mãn điều kiện.', en: 'The record meets the condition.' },
  'simulation.condition_not_met': {
    vi: 'Bản ghi không thỏa mãn điều kiện: {failed}',
    en: 'The record does not meet the condition: {failed}',
  },
  'simulation.all_records': {
    vi: 'Áp dụng cho mọi bản ghi của phân hệ.',
    en: 'Applies to every record of the module.',
  },
  'simulation.not_reached': { vi: 'Không nằm trên nhánh được chọn.', en: 'Not on the branch taken.' },
  'simulation.config_invalid': {
    vi: 'Cấu hình của bước chưa hợp lệ.',
    en: 'The step is not configured correctly.',
  },
  'simulation.preview_failed': { vi: 'Không xem trước được: {detail}', en: 'Could not preview: {detail}' },
  'simulation.unknown_node': { vi: 'Loại bước không xác định.', en: 'Unknown kind of step.' },
  'simulation.records_proposed': {
    vi: 'Sẽ ghi doanh số {amount} vừa được đề nghị ở bước trước.',
    en: 'Would record the {amount} proposed by the step before.',
  },
  'simulation.now': { vi: 'hiện tại', en: 'now' },
});
