import type { Locale } from '../i18n/locale.ts';
import type { ErrorCode } from './app-error.ts';

const messages: Record<ErrorCode, { vi: string; en: string }> = {
  invalid_input: { vi: 'Dữ liệu gửi lên không hợp lệ', en: 'The request is not valid' },
  validation_failed: { vi: 'Giá trị của bản ghi không hợp lệ', en: 'Some record values are not valid' },
  nothing_to_change: { vi: 'Không có thay đổi nào để lưu', en: 'Nothing to change' },
  unauthenticated: { vi: 'Bạn cần đăng nhập', en: 'You need to sign in' },
  invalid_credentials: { vi: 'Email hoặc mật khẩu không đúng', en: 'Wrong email or password' },
  forbidden: { vi: 'Bạn không có quyền thực hiện thao tác này', en: 'You are not allowed to do this' },
  signup_disabled: { vi: 'Đăng ký tài khoản mới đang bị tắt', en: 'Sign-up is switched off' },
  not_found: { vi: 'Không tìm thấy', en: 'Not found' },
  record_not_found: { vi: 'Không tìm thấy bản ghi', en: 'Record not found' },
  user_not_found: { vi: 'Không tìm thấy người dùng', en: 'User not found' },
  token_not_found: { vi: 'Không tìm thấy khóa truy cập', en: 'API token not found' },
  workflow_not_found: { vi: 'Không tìm thấy quy trình', en: 'Workflow not found' },
  run_not_found: { vi: 'Không tìm thấy lượt chạy', en: 'Run not found' },
  template_not_found: { vi: 'Không tìm thấy quy trình mẫu', en: 'Workflow template not found' },
  allocation_rule_not_found: { vi: 'Không tìm thấy quy tắc phân bổ', en: 'Allocation rule not found' },
  notification_not_found: { vi: 'Không tìm thấy thông báo', en: 'Notification not found' },
  outbox_not_found: { vi: 'Không tìm thấy tin nhắn trong hộp thư đi', en: 'Outbox message not found' },
  version_conflict: {
    vi: 'Bản ghi đã được người khác cập nhật, vui lòng tải lại rồi thử lại',
    en: 'Someone else has updated the record; reload it and try again',
  },
  email_taken: { vi: 'Email này đã được sử dụng', en: 'This email is already in use' },
  field_exists: { vi: 'Phân hệ đã có trường {key}', en: 'The module already has a field {key}' },
  field_system: {
    vi: 'Trường {key} là trường chuẩn, không sửa được',
    en: 'The field {key} is a standard field and cannot be changed',
  },
  field_not_found: { vi: 'Phân hệ không có trường {key}', en: 'The module has no field {key}' },
  last_admin: {
    vi: 'Tổ chức phải còn ít nhất một quản trị viên đang hoạt động',
    en: 'The organization must keep at least one active admin',
  },
  workflow_active: {
    vi: 'Không thể sửa hoặc xóa quy trình đang được kích hoạt, vui lòng ngừng kích hoạt trước',
    en: 'An active workflow cannot be edited or deleted; deactivate it first',
  },
  active_limit: {
    vi: 'Phân hệ {module} đã có {max} quy trình đang kích hoạt, vui lòng ngừng kích hoạt một quy trình khác trước',
    en: 'The {moduleEn} module already has {max} active workflows of this kind; deactivate another one first',
  },
  template_built_in: {
    vi: 'Quy trình mẫu có sẵn chỉ để xem và dùng, không sửa hay xóa được',
    en: 'Built-in templates can be viewed and used, not edited or deleted',
  },
  allocation_rule_in_use: {
    vi: 'Quy tắc phân bổ đang được dùng trong quy trình đang kích hoạt: {workflows}',
    en: 'The allocation rule is used by active workflows: {workflows}',
  },
  provider_unreachable: {
    vi: 'Không lấy được dữ liệu từ nhà cung cấp: {reason}',
    en: 'Could not get the data from the provider: {reason}',
  },
  provider_in_use: {
    vi: 'Nhà cung cấp đang được dùng trong quy trình đang kích hoạt: {workflows}. Hãy ngừng kích hoạt hoặc chọn nhà cung cấp khác cho các quy trình đó trước',
    en: 'The provider is used by active workflows: {workflows}. Deactivate them or choose another provider for them first',
  },
  invalid_graph: {
    vi: 'Quy trình chưa hợp lệ, vui lòng sửa các lỗi được chỉ ra',
    en: 'The workflow is not valid; fix the errors shown',
  },
  payload_too_large: { vi: 'Dữ liệu gửi lên quá lớn', en: 'The request body is too large' },
  unsupported_media_type: { vi: 'Định dạng dữ liệu không được hỗ trợ', en: 'Unsupported content type' },
  rate_limited: {
    vi: 'Bạn đã thử quá nhiều lần, vui lòng thử lại sau {minutes} phút',
    en: 'Too many attempts; try again in {minutes} minutes',
  },
  internal_error: { vi: 'Đã có lỗi xảy ra phía máy chủ', en: 'Something went wrong on the server' },
  database_unavailable: {
    vi: 'Cơ sở dữ liệu tạm thời không kết nối được, vui lòng thử lại sau ít giây',
    en: 'The database cannot be reached right now; try again in a few seconds',
  },
};

export function errorMessage(
  code: ErrorCode,
  locale: Locale,
  params: Record<string, string | number> = {},
): string {
  const template = messages[code][locale];
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => String(params[name] ?? whole));
}
