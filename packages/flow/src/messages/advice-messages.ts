import { defineCatalogue } from './define-catalogue.ts';

/**
 * What a step's message came to and what the user does next: who refused it, why, and where it
 * is fixed. `{subject}` is a `advice.who_*` text, `{answered}` a `advice.answered` one (or
 * nothing), `{page}` is `advice.providers_page`.
 */
export const adviceMessages = defineCatalogue({
  'advice.who_email': { vi: 'Máy chủ SMTP', en: 'The SMTP server' },
  'advice.who_sms': { vi: 'Cổng SMS', en: 'The SMS gateway' },
  'advice.who_zns': { vi: 'Cổng Zalo ZNS', en: 'The Zalo ZNS gateway' },
  'advice.who_webhook': { vi: 'Máy nhận webhook', en: 'The webhook receiver' },
  'advice.who_workapp': { vi: 'Ứng dụng công việc', en: 'The work app' },
  'advice.providers_page': { vi: 'Thiết lập → Nhà cung cấp', en: 'Settings → Providers' },
  'advice.http_400': { vi: 'yêu cầu không hợp lệ', en: 'bad request' },
  'advice.http_401': { vi: 'chưa xác thực', en: 'not authenticated' },
  'advice.http_403': { vi: 'không có quyền', en: 'forbidden' },
  'advice.http_404': { vi: 'không tìm thấy địa chỉ', en: 'address not found' },
  'advice.http_405': { vi: 'không nhận phương thức POST', en: 'POST not allowed' },
  'advice.http_408': { vi: 'hết thời gian chờ', en: 'request timeout' },
  'advice.http_410': { vi: 'địa chỉ không còn dùng', en: 'gone' },
  'advice.http_413': { vi: 'dữ liệu quá lớn', en: 'payload too large' },
  'advice.http_422': { vi: 'dữ liệu không xử lý được', en: 'unprocessable data' },
  'advice.http_429': { vi: 'quá nhiều yêu cầu', en: 'too many requests' },
  'advice.http_500': { vi: 'lỗi phía máy nhận', en: 'server error' },
  'advice.http_502': { vi: 'cổng trung gian lỗi', en: 'bad gateway' },
  'advice.http_503': { vi: 'máy nhận tạm thời không phục vụ', en: 'service unavailable' },
  'advice.http_504': { vi: 'cổng trung gian hết thời gian chờ', en: 'gateway timeout' },
  'advice.http_status': { vi: 'HTTP {status}', en: 'HTTP {status}' },
  'advice.http_status_meaning': { vi: 'HTTP {status} ({meaning})', en: 'HTTP {status} ({meaning})' },
  'advice.answered': { vi: ' trả về {status}', en: ' answered {status}' },
  'advice.temporary_failure': { vi: ' gặp lỗi tạm thời', en: ' had a temporary failure' },
  'advice.auth_smtp': {
    vi: 'Máy chủ SMTP từ chối đăng nhập. Kiểm tra tên đăng nhập và mật khẩu trong {page}.',
    en: 'The SMTP server refused the sign-in. Check the user name and password in {page}.',
  },
  'advice.auth': {
    vi: '{subject}{answered}: từ chối thông tin xác thực. Kiểm tra khóa truy cập (hoặc khóa ký) trong {page}.',
    en: '{subject}{answered}: it refused the credentials. Check the access key (or signing secret) in {page}.',
  },
  'advice.timeout': {
    vi: '{subject} không phản hồi kịp thời. Hệ thống tự thử lại; nếu vẫn lỗi, kiểm tra máy chủ đó còn hoạt động.',
    en: '{subject} did not answer in time. It is tried again automatically; if it keeps failing, check that the server is up.',
  },
  'advice.network': {
    vi: 'Không kết nối được tới {subject}. Kiểm tra địa chỉ máy chủ và cổng trong {page}.',
    en: 'Could not connect to {subject}. Check the server address and port in {page}.',
  },
  'advice.provider_error': {
    vi: '{subject}{answered}. Hệ thống tự thử lại sau ít phút.',
    en: '{subject}{answered}. It is tried again in a few minutes.',
  },
  'advice.rejected_webhook': {
    vi: '{subject}{answered}: từ chối yêu cầu. Kiểm tra địa chỉ URL của bước hoặc của điểm nhận trong {page}, và nhật ký của máy nhận.',
    en: "{subject}{answered}: it refused the request. Check the step's URL or its endpoint's in {page}, and the receiver's log.",
  },
  'advice.rejected': {
    vi: '{subject}{answered} từ chối tin nhắn. Xem lý do trong Chi tiết kỹ thuật; nếu do nội dung, sửa nội dung của bước.',
    en: "{subject}{answered} refused the message. See why under Technical details; if it is the content, edit the step's text.",
  },
  'advice.invalid_recipient': {
    vi: 'Địa chỉ người nhận không hợp lệ. Sửa địa chỉ email hoặc số điện thoại trên bản ghi.',
    en: "The recipient's address is not valid. Correct the email address or phone number on the record.",
  },
  'advice.invalid_url': {
    vi: 'Địa chỉ URL không hợp lệ. Sửa URL trong bước hoặc trong điểm nhận ở {page}.',
    en: 'The URL is not valid. Correct the URL in the step or in its endpoint under {page}.',
  },
  'advice.private_address': {
    vi: 'Địa chỉ thuộc mạng nội bộ nên bị chặn. Nếu đó là máy chủ của bạn, bật "Cho phép gọi tới địa chỉ mạng nội bộ" trong Thiết lập → Tổ chức.',
    en: 'The address is on a private network, so it is refused. If it is your own server, turn on "Allow private network addresses" in Settings → Organization.',
  },
  'advice.redirect': {
    vi: '{subject}{answered}: chuyển hướng, không được theo. Dùng địa chỉ đích cuối cùng làm URL.',
    en: '{subject}{answered}: a redirect, which is not followed. Use the final address as the URL.',
  },
  'advice.misconfigured': {
    vi: 'Cấu hình nhà cung cấp chưa đầy đủ. Mở {page}, điền thông tin còn thiếu rồi lưu lại.',
    en: "The provider's settings are incomplete. Open {page}, fill in what is missing and save.",
  },
  'advice.not_taken': {
    vi: '{subject}{answered} không nhận tin. Xem Chi tiết kỹ thuật để biết câu trả lời của nhà cung cấp.',
    en: "{subject}{answered} did not take the message. See Technical details for the provider's answer.",
  },
  'advice.channel_email': { vi: 'email', en: 'the email' },
  'advice.channel_sms': { vi: 'SMS', en: 'the SMS' },
  'advice.channel_zns': { vi: 'tin ZNS', en: 'the ZNS message' },
  'advice.channel_webhook': { vi: 'yêu cầu webhook', en: 'the webhook request' },
  'advice.channel_workapp': { vi: 'nhiệm vụ sang ứng dụng công việc', en: 'the task to the work app' },
  'advice.not_yet': {
    vi: 'Chưa gửi được {what} tới {who}. {advice}',
    en: 'Could not deliver {what} to {who} yet. {advice}',
  },
  'advice.to_nobody': {
    vi: 'Không gửi được {what} tới ai ({who}). {advice}',
    en: 'Could not deliver {what} to anyone ({who}). {advice}',
  },
  'advice.no_recipient': {
    vi: 'Không có người nhận: không gửi tin nào.',
    en: 'No recipient: nothing sent.',
  },
  'advice.no_email': { vi: 'Chưa có địa chỉ email', en: 'No email address' },
  'advice.bad_email': { vi: 'Địa chỉ email không hợp lệ', en: 'Not a valid email address' },
  'advice.kind_email': { vi: 'email', en: 'email' },
  'advice.kind_sms': { vi: 'SMS', en: 'SMS' },
  'advice.kind_zns': { vi: 'Zalo ZNS', en: 'Zalo ZNS' },
  'advice.kind_webhook': { vi: 'webhook', en: 'webhook' },
  'advice.kind_workapp': { vi: 'ứng dụng công việc', en: 'work app' },
  'advice.no_default_provider': {
    vi: 'Chưa có nhà cung cấp {kind}: bước không chọn nhà cung cấp và tổ chức chưa có nhà cung cấp {kind} mặc định. Thêm một nhà cung cấp {kind} trong Thiết lập → Nhà cung cấp và đặt làm mặc định, hoặc chọn nhà cung cấp trong bước.',
    en: 'No {kind} provider: the step names none and the organization has no default {kind} provider. Add a {kind} provider in Settings → Providers and make it the default, or choose one in the step.',
  },
  'advice.provider_gone': {
    vi: 'Nhà cung cấp {kind} đã chọn ở bước này không còn (có thể đã bị xóa). Chọn nhà cung cấp khác trong bước, hoặc thêm lại trong Thiết lập → Nhà cung cấp.',
    en: 'The {kind} provider chosen in this step no longer exists (it may have been deleted). Choose another provider in the step, or add it again in Settings → Providers.',
  },
  'advice.provider_misconfigured': {
    vi: 'Nhà cung cấp "{name}" chưa được cấu hình đúng: {error}',
    en: 'The provider "{name}" is not configured correctly: {error}',
  },
  'advice.system_email': { vi: 'Email hệ thống', en: 'System email' },
});
