import { defineCatalogue } from './define-catalogue.ts';

/**
 * The message of every error the API answers with, keyed `error.<code>` by the error's code
 * (the code is the contract, the message is for people).
 */
export const errorMessages = defineCatalogue({
  'error.invalid_input': { vi: 'Dữ liệu gửi lên không hợp lệ', en: 'The request is not valid' },
  'error.validation_failed': {
    vi: 'Giá trị của bản ghi không hợp lệ',
    en: 'Some record values are not valid',
  },
  'error.nothing_to_change': { vi: 'Không có thay đổi nào để lưu', en: 'Nothing to change' },
  'error.unauthenticated': { vi: 'Bạn cần đăng nhập', en: 'You need to sign in' },
  'error.invalid_credentials': { vi: 'Email hoặc mật khẩu không đúng', en: 'Wrong email or password' },
  'error.forbidden': {
    vi: 'Bạn không có quyền thực hiện thao tác này',
    en: 'You are not allowed to do this',
  },
  'error.signup_disabled': { vi: 'Đăng ký tài khoản mới đang bị tắt', en: 'Sign-up is switched off' },
  'error.not_found': { vi: 'Không tìm thấy', en: 'Not found' },
  'error.record_not_found': { vi: 'Không tìm thấy bản ghi', en: 'Record not found' },
  'error.user_not_found': { vi: 'Không tìm thấy người dùng', en: 'User not found' },
  'error.token_not_found': { vi: 'Không tìm thấy khóa truy cập', en: 'API token not found' },
  'error.workflow_not_found': { vi: 'Không tìm thấy quy trình', en: 'Workflow not found' },
  'error.run_not_found': { vi: 'Không tìm thấy lượt chạy', en: 'Run not found' },
  'error.template_not_found': { vi: 'Không tìm thấy quy trình mẫu', en: 'Workflow template not found' },
  'error.allocation_rule_not_found': {
    vi: 'Không tìm thấy quy tắc phân bổ',
    en: 'Allocation rule not found',
  },
  'error.notification_not_found': { vi: 'Không tìm thấy thông báo', en: 'Notification not found' },
  'error.outbox_not_found': {
    vi: 'Không tìm thấy tin nhắn trong hộp thư đi',
    en: 'Outbox message not found',
  },
  'error.version_conflict': {
    vi: 'Bản ghi đã được người khác cập nhật, vui lòng tải lại rồi thử lại',
    en: 'Someone else has updated the record; reload it and try again',
  },
  'error.email_taken': { vi: 'Email này đã được sử dụng', en: 'This email is already in use' },
  'error.field_exists': { vi: 'Phân hệ đã có trường {key}', en: 'The module already has a field {key}' },
  'error.field_system': {
    vi: 'Trường {key} là trường chuẩn, không sửa được',
    en: 'The field {key} is a standard field and cannot be changed',
  },
  'error.field_not_found': { vi: 'Phân hệ không có trường {key}', en: 'The module has no field {key}' },
  'error.last_admin': {
    vi: 'Tổ chức phải còn ít nhất một quản trị viên đang hoạt động',
    en: 'The organization must keep at least one active admin',
  },
  'error.workflow_active': {
    vi: 'Không thể sửa hoặc xóa quy trình đang được kích hoạt, vui lòng ngừng kích hoạt trước',
    en: 'An active workflow cannot be edited or deleted; deactivate it first',
  },
  'error.active_limit': {
    vi: 'Phân hệ {module} đã có {max} quy trình đang kích hoạt, vui lòng ngừng kích hoạt một quy trình khác trước',
    en: 'The {module} module already has {max} active workflows of this kind; deactivate another one first',
  },
  'error.template_built_in': {
    vi: 'Quy trình mẫu có sẵn chỉ để xem và dùng, không sửa hay xóa được',
    en: 'Built-in templates can be viewed and used, not edited or deleted',
  },
  'error.allocation_rule_in_use': {
    vi: 'Quy tắc phân bổ đang được dùng trong quy trình đang kích hoạt: {workflows}',
    en: 'The allocation rule is used by active workflows: {workflows}',
  },
  'error.provider_unreachable': {
    vi: 'Không lấy được dữ liệu từ nhà cung cấp: {reason}',
    en: 'Could not get the data from the provider: {reason}',
  },
  'error.provider_in_use': {
    vi: 'Nhà cung cấp đang được dùng trong quy trình đang kích hoạt: {workflows}. Hãy ngừng kích hoạt hoặc chọn nhà cung cấp khác cho các quy trình đó trước',
    en: 'The provider is used by active workflows: {workflows}. Deactivate them or choose another provider for them first',
  },
  'error.invalid_graph': {
    vi: 'Quy trình chưa hợp lệ, vui lòng sửa các lỗi được chỉ ra',
    en: 'The workflow is not valid; fix the errors shown',
  },
  'error.payload_too_large': { vi: 'Dữ liệu gửi lên quá lớn', en: 'The request body is too large' },
  'error.unsupported_media_type': {
    vi: 'Định dạng dữ liệu không được hỗ trợ',
    en: 'Unsupported content type',
  },
  'error.rate_limited': {
    vi: 'Bạn đã thử quá nhiều lần, vui lòng thử lại sau {minutes} phút',
    en: 'Too many attempts; try again in {minutes} minutes',
  },
  'error.internal_error': { vi: 'Đã có lỗi xảy ra phía máy chủ', en: 'Something went wrong on the server' },
  'error.database_unavailable': {
    vi: 'Cơ sở dữ liệu tạm thời không kết nối được, vui lòng thử lại sau ít giây',
    en: 'The database cannot be reached right now; try again in a few seconds',
  },
});
