import { defineCatalogue } from './define-catalogue.ts';

/** The comparisons of a condition rule, as the rule reads: "Tình trạng bằng Đã giao hàng". */
export const operatorMessages = defineCatalogue({
  'operator.eq': { vi: 'bằng', en: 'equals' },
  'operator.ne': { vi: 'khác', en: 'does not equal' },
  'operator.contains': { vi: 'chứa', en: 'contains' },
  'operator.not_contains': { vi: 'không chứa', en: 'does not contain' },
  'operator.starts_with': { vi: 'bắt đầu bằng', en: 'starts with' },
  'operator.empty': { vi: 'để trống', en: 'is empty' },
  'operator.not_empty': { vi: 'không để trống', en: 'is not empty' },
  'operator.gt': { vi: 'lớn hơn', en: 'is greater than' },
  'operator.gte': { vi: 'lớn hơn hoặc bằng', en: 'is at least' },
  'operator.lt': { vi: 'nhỏ hơn', en: 'is less than' },
  'operator.lte': { vi: 'nhỏ hơn hoặc bằng', en: 'is at most' },
  'operator.between': { vi: 'trong khoảng', en: 'is between' },
  'operator.in': { vi: 'thuộc', en: 'is one of' },
  'operator.not_in': { vi: 'không thuộc', en: 'is none of' },
  'operator.changed': { vi: 'thay đổi', en: 'changed' },
  'operator.changed_to': { vi: 'thay đổi thành', en: 'changed to' },
  'operator.changed_from': { vi: 'thay đổi từ', en: 'changed from' },
  'operator.date_today': { vi: 'là hôm nay', en: 'is today' },
  'operator.date_within_last': { vi: 'trong vòng … ngày qua', en: 'is within the last … days' },
  'operator.date_within_next': { vi: 'trong vòng … ngày tới', en: 'is within the next … days' },
  'operator.and': { vi: 'và', en: 'and' },
  'operator.or': { vi: 'hoặc', en: 'or' },
});

/**
 * Why a record event did or did not start a workflow, for run logs and the test panel.
 * `{fields}` are field keys, `{wanted}` and `{got}` operations.
 */
export const triggerMessages = defineCatalogue({
  'trigger.schedule_not_event': {
    vi: 'quy trình chăm sóc chạy theo ngày, không theo thay đổi bản ghi',
    en: 'a care process runs on dates, not on record events',
  },
  'trigger.wrong_operation': { vi: 'chờ thao tác {wanted}, nhận {got}', en: 'waits for {wanted}, got {got}' },
  'trigger.created': { vi: 'bản ghi được thêm', en: 'record created' },
  'trigger.deleted': { vi: 'bản ghi được xóa', en: 'record deleted' },
  'trigger.nothing_changed': { vi: 'lần sửa không thay đổi gì', en: 'the edit changed nothing' },
  'trigger.changed': { vi: 'đã đổi {fields}', en: 'changed {fields}' },
  'trigger.unchanged': { vi: 'chưa đổi: {fields}', en: 'unchanged: {fields}' },
  'trigger.none_changed': { vi: 'không đổi trường nào trong {fields}', en: 'none of {fields} changed' },
});

/** Why a message was not delivered, explaining the code the outbox keeps beside the provider's words. */
export const deliveryMessages = defineCatalogue({
  'delivery.timeout': {
    vi: 'Nhà cung cấp không phản hồi kịp thời',
    en: 'The provider did not answer in time',
  },
  'delivery.network': { vi: 'Không kết nối được tới nhà cung cấp', en: 'Could not connect to the provider' },
  'delivery.provider_error': {
    vi: 'Nhà cung cấp gặp lỗi tạm thời',
    en: 'The provider had a temporary failure',
  },
  'delivery.rejected': { vi: 'Nhà cung cấp từ chối tin nhắn', en: 'The provider refused the message' },
  'delivery.auth': {
    vi: 'Thông tin đăng nhập nhà cung cấp không đúng',
    en: 'The provider refused the credentials',
  },
  'delivery.invalid_recipient': { vi: 'Người nhận không hợp lệ', en: 'The recipient is not valid' },
  'delivery.invalid_url': { vi: 'Địa chỉ URL không hợp lệ', en: 'The URL is not valid' },
  'delivery.private_address': {
    vi: 'Địa chỉ nội bộ hoặc riêng tư bị chặn',
    en: 'Private and internal addresses are refused',
  },
  'delivery.redirect': {
    vi: 'Máy nhận trả về chuyển hướng, không được theo',
    en: 'The receiver answered with a redirect, not followed',
  },
  'delivery.misconfigured': {
    vi: 'Cấu hình nhà cung cấp không hợp lệ',
    en: 'The provider is not configured correctly',
  },
});

/** Why a text is not a Vietnamese mobile number a text message can go to. */
export const phoneMessages = defineCatalogue({
  'phone.empty': { vi: 'Chưa có số điện thoại', en: 'No phone number' },
  'phone.invalid_characters': {
    vi: 'Số điện thoại chứa ký tự không hợp lệ',
    en: 'The phone number contains characters that are not digits',
  },
  'phone.not_vietnamese': { vi: 'Không phải số điện thoại Việt Nam', en: 'Not a Vietnamese phone number' },
  'phone.legacy_eleven_digits': {
    vi: 'Số 11 chữ số kiểu cũ (01x…) đã được chuyển sang 10 chữ số từ năm 2018',
    en: 'Old 11-digit number (01x…): these became 10-digit numbers in 2018',
  },
  'phone.landline': {
    vi: 'Số máy bàn không nhận được tin nhắn',
    en: 'A landline cannot receive text messages',
  },
  'phone.not_mobile': { vi: 'Không phải đầu số di động Việt Nam', en: 'Not a Vietnamese mobile prefix' },
  'phone.wrong_length': {
    vi: 'Số di động Việt Nam phải có 10 chữ số (0xxxxxxxxx)',
    en: 'A Vietnamese mobile number has 10 digits (0xxxxxxxxx)',
  },
});

/**
 * What the conflict analysis finds between flows. `{rules}` are quoted criteria joined by " + ",
 * `{other}`, `{winner}`, `{flow}`, `{next}` flows as their authors named them.
 */
export const conflictMessages = defineCatalogue({
  'conflict.never_fires': {
    vi: 'Quy trình sẽ không bao giờ chạy: {rules} không thể cùng đúng.',
    en: 'This flow can never run: {rules} cannot all hold.',
  },
  'conflict.never_fires_on_create': {
    vi: 'Quy trình sẽ không bao giờ chạy: {rules} không thể cùng đúng khi thêm mới bản ghi.',
    en: 'This flow can never run: {rules} cannot all hold when a record is created.',
  },
  'conflict.same_field': {
    vi: 'Quy trình “{other}” cũng ghi trường {field} khi cùng một thay đổi xảy ra. Theo thứ tự ưu tiên, “{winner}” chạy sau nên giá trị của nó được giữ lại.',
    en: 'The flow “{other}” also writes {field} on the same change. By priority order “{winner}” runs later, so its value is the one kept.',
  },
  'conflict.cycle': {
    vi: 'Vòng lặp giữa các quy trình: {chain}. Khi chạy, cơ chế chống lặp sẽ cắt vòng này.',
    en: 'A loop between flows: {chain}. At run time the loop guard will cut it.',
  },
  'conflict.cycle_creates': {
    vi: '“{flow}” › {action} tạo bản ghi mới → kích hoạt “{next}”',
    en: '“{flow}” › {action} creates a record → starts “{next}”',
  },
  'conflict.cycle_writes': {
    vi: '“{flow}” › {action} ghi {fields} → kích hoạt “{next}”',
    en: '“{flow}” › {action} writes {fields} → starts “{next}”',
  },
});
