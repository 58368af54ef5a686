import { defineCatalogue } from './define-catalogue.ts';

/**
 * What is wrong with one field of a request, as the `details` of a 400 name it (`{ field,
 * message }`). Sentences shared with record values (required, email, id…) are `record.*`.
 */
export const requestMessages = defineCatalogue({
  'request.must_be': { vi: 'Phải là {type}', en: 'Must be {type}' },
  'request.type_string': { vi: 'chuỗi ký tự', en: 'text' },
  'request.type_number': { vi: 'số', en: 'a number' },
  'request.type_int': { vi: 'số nguyên', en: 'a whole number' },
  'request.type_boolean': { vi: 'đúng/sai', en: 'true or false' },
  'request.type_object': { vi: 'đối tượng', en: 'an object' },
  'request.type_array': { vi: 'danh sách', en: 'a list' },
  'request.type_other': { vi: 'giá trị hợp lệ', en: 'a valid value' },
  'request.min_chars': { vi: 'Ít nhất {min} ký tự', en: 'At least {min} characters' },
  'request.min_items': { vi: 'Ít nhất {min} phần tử', en: 'At least {min} items' },
  'request.min': { vi: 'Không được nhỏ hơn {min}', en: 'Must be at least {min}' },
  'request.max_chars': { vi: 'Tối đa {max} ký tự', en: 'At most {max} characters' },
  'request.max_items': { vi: 'Tối đa {max} phần tử', en: 'At most {max} items' },
  'request.max': { vi: 'Không được lớn hơn {max}', en: 'Must be at most {max}' },
  'request.datetime': { vi: 'Thời điểm không hợp lệ (ISO 8601)', en: 'Not a valid ISO 8601 date and time' },
  'request.format': { vi: 'Sai định dạng', en: 'Wrong format' },
  'request.one_of': { vi: 'Phải là một trong: {values}', en: 'Must be one of: {values}' },
  'request.unsupported_field': { vi: 'Trường không được hỗ trợ', en: 'Not a supported field' },
  'request.invalid': { vi: 'Giá trị không hợp lệ', en: 'Not a valid value' },
  'request.invalid_text': {
    vi: 'Không được chứa ký tự NUL hoặc ký tự không hợp lệ',
    en: 'Must not contain NUL bytes or invalid characters',
  },
  'request.too_deep': { vi: 'Dữ liệu lồng nhau quá {max} cấp', en: 'Nested more than {max} levels deep' },
  'request.url': { vi: 'Địa chỉ http(s) không hợp lệ', en: 'Not a valid http(s) URL' },
  'request.time_zone': {
    vi: '"{zone}" không phải múi giờ IANA (ví dụ Asia/Ho_Chi_Minh)',
    en: '"{zone}" is not an IANA time zone (for example Asia/Ho_Chi_Minh)',
  },
  'request.push_endpoint': {
    vi: 'Địa chỉ nhận thông báo đẩy phải dùng https',
    en: 'The push endpoint must use https',
  },
  'request.push_device_key': {
    vi: 'Khóa thiết bị không hợp lệ (cần khóa P-256 65 byte)',
    en: 'Invalid device key (a 65-byte P-256 key is expected)',
  },
  'request.push_auth_secret': {
    vi: 'Mã xác thực không hợp lệ (cần 16 byte)',
    en: 'Invalid auth secret (16 bytes are expected)',
  },
  'request.option_not_picklist': {
    vi: 'Chỉ trường danh sách chọn mới có lựa chọn',
    en: 'Only picklist fields have options',
  },
  'request.option_duplicate': { vi: 'Hai lựa chọn trùng giá trị', en: 'Two options have the same value' },
  'request.option_in_use': {
    vi: 'Không thể bỏ lựa chọn đang được bản ghi sử dụng',
    en: 'An option that records hold cannot be removed',
  },
  'request.preview_care_only': {
    vi: 'Chỉ quy trình chăm sóc mới có xem trước theo ngày',
    en: 'Only care processes have a preview by date',
  },
  'request.workflow_other_list': {
    vi: 'Không phải quy trình của phân hệ và loại này',
    en: 'Not a workflow of this module and kind',
  },
  'request.zns_test_template': { vi: 'Bắt buộc khi gửi thử ZNS', en: 'Required for a ZNS test' },
  'request.zns_key_twice': { vi: 'Khóa {key} bị trùng', en: 'The key {key} is used twice' },
  'request.merge_field_unknown': {
    vi: 'Trường trộn {raw}: phân hệ {module} không có trường "{field}"',
    en: 'Merge field {raw}: {module} has no field "{field}"',
  },
  'request.merge_field_not_reference': {
    vi: 'Trường trộn {raw}: "{field}" không phải trường liên kết',
    en: 'Merge field {raw}: "{field}" is not a reference field',
  },
  'request.merge_line_unknown': {
    vi: 'Trường trộn #line.{key} không phải giá trị của dòng hàng hóa',
    en: 'Merge field #line.{key} is not a value of an order line',
  },
});

/** Texts of the settings screens' answers that are not refusals: provider lists, test sends, copies. */
export const settingsMessages = defineCatalogue({
  'settings.zns_no_provider': {
    vi: 'Chưa có nhà cung cấp Zalo ZNS nào. Hãy thêm một nhà cung cấp trước.',
    en: 'There is no Zalo ZNS provider yet. Add one first.',
  },
  'settings.zns_cannot_list': {
    vi: 'Nhà cung cấp này không liệt kê được mẫu ZNS; hãy nhập mã mẫu và tham số bằng tay.',
    en: 'This provider cannot list ZNS templates; enter the template id and params by hand.',
  },
  'settings.provider_unreachable': {
    vi: 'Không kết nối được tới nhà cung cấp',
    en: 'Could not reach the provider',
  },
  'settings.provider_rejected': {
    vi: 'Nhà cung cấp từ chối yêu cầu',
    en: 'The provider refused the request',
  },
  'settings.provider_bad_answer': {
    vi: 'Nhà cung cấp trả lời không đúng định dạng',
    en: 'The provider answered in an unexpected form',
  },
  'settings.provider_misconfigured': {
    vi: 'Thiết lập nhà cung cấp chưa đúng',
    en: 'The provider is not set up correctly',
  },
  'settings.work_app_bad_answer': {
    vi: 'Ứng dụng trả lời không đúng dạng danh sách {shape}',
    en: 'The app did not answer with a list of {shape}',
  },
  'settings.with_details': { vi: '{problem} (chi tiết: {details})', en: '{problem} (details: {details})' },
  'settings.test_message': { vi: 'Tin nhắn thử từ crmflow', en: 'Test message from crmflow' },
  'settings.copy': { vi: 'bản sao', en: 'copy' },
});
