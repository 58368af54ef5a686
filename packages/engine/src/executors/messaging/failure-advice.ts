import { DeliveryFailureCode, type Message } from '@crmflow/flow/messaging';

/** Where a step's message went: each names who refused it and where the user fixes it. */
export type AdviceChannel = 'email' | 'sms' | 'zns' | 'webhook' | 'workapp';

/** Who answers for each channel, as a sentence's subject. */
const who: Record<AdviceChannel, Message> = {
  email: { vi: 'Máy chủ SMTP', en: 'The SMTP server' },
  sms: { vi: 'Cổng SMS', en: 'The SMS gateway' },
  zns: { vi: 'Cổng Zalo ZNS', en: 'The Zalo ZNS gateway' },
  webhook: { vi: 'Máy nhận webhook', en: 'The webhook receiver' },
  workapp: { vi: 'Ứng dụng công việc', en: 'The work app' },
};

const providersPage: Message = { vi: 'Thiết lập → Nhà cung cấp', en: 'Settings → Providers' };

/** What an HTTP status says, for a webhook or gateway that answered with it. */
const httpMeanings: Record<number, Message> = {
  400: { vi: 'yêu cầu không hợp lệ', en: 'bad request' },
  401: { vi: 'chưa xác thực', en: 'not authenticated' },
  403: { vi: 'không có quyền', en: 'forbidden' },
  404: { vi: 'không tìm thấy địa chỉ', en: 'address not found' },
  405: { vi: 'không nhận phương thức POST', en: 'POST not allowed' },
  408: { vi: 'hết thời gian chờ', en: 'request timeout' },
  410: { vi: 'địa chỉ không còn dùng', en: 'gone' },
  413: { vi: 'dữ liệu quá lớn', en: 'payload too large' },
  422: { vi: 'dữ liệu không xử lý được', en: 'unprocessable data' },
  429: { vi: 'quá nhiều yêu cầu', en: 'too many requests' },
  500: { vi: 'lỗi phía máy nhận', en: 'server error' },
  502: { vi: 'cổng trung gian lỗi', en: 'bad gateway' },
  503: { vi: 'máy nhận tạm thời không phục vụ', en: 'service unavailable' },
  504: { vi: 'cổng trung gian hết thời gian chờ', en: 'gateway timeout' },
};

/** "HTTP 404 (không tìm thấy địa chỉ)", or "HTTP 418" for a status without a known meaning. */
export function httpStatusText(status: number): Message {
  const meaning = httpMeanings[status];
  return meaning
    ? { vi: `HTTP ${status} (${meaning.vi})`, en: `HTTP ${status} (${meaning.en})` }
    : { vi: `HTTP ${status}`, en: `HTTP ${status}` };
}

const lowerFirst = (text: string) => `${text.charAt(0).toLowerCase()}${text.slice(1)}`;

const both = (make: (lang: 'vi' | 'en') => string): Message => ({ vi: make('vi'), en: make('en') });

/**
 * Why a message was refused and what the user does next, as one or two sentences: the failure
 * code the provider reported, the channel it went through, and for HTTP the status it answered.
 */
export function failureAdvice(args: {
  channel: AdviceChannel;
  code: string | undefined;
  httpStatus?: number | undefined;
}): Message {
  const { channel, httpStatus } = args;
  const code = DeliveryFailureCode.safeParse(args.code);
  const subject = who[channel];
  const status = httpStatus === undefined ? null : httpStatusText(httpStatus);
  const answered = (lang: 'vi' | 'en') =>
    status ? (lang === 'vi' ? ` trả về ${status.vi}` : ` answered ${status.en}`) : '';
  const page = providersPage;
  switch (code.success ? code.data : undefined) {
    case 'auth':
      return channel === 'email'
        ? {
            vi: `Máy chủ SMTP từ chối đăng nhập. Kiểm tra tên đăng nhập và mật khẩu trong ${page.vi}.`,
            en: `The SMTP server refused the sign-in. Check the user name and password in ${page.en}.`,
          }
        : both((l) =>
            l === 'vi'
              ? `${subject.vi}${answered(l)}: từ chối thông tin xác thực. Kiểm tra khóa truy cập (hoặc khóa ký) trong ${page.vi}.`
              : `${subject.en}${answered(l)}: it refused the credentials. Check the access key (or signing secret) in ${page.en}.`,
          );
    case 'timeout':
      return both((l) =>
        l === 'vi'
          ? `${subject.vi} không phản hồi kịp thời. Hệ thống tự thử lại; nếu vẫn lỗi, kiểm tra máy chủ đó còn hoạt động.`
          : `${subject.en} did not answer in time. It is tried again automatically; if it keeps failing, check that the server is up.`,
      );
    case 'network':
      return both((l) =>
        l === 'vi'
          ? `Không kết nối được tới ${lowerFirst(subject.vi)}. Kiểm tra địa chỉ máy chủ và cổng trong ${page.vi}.`
          : `Could not connect to ${lowerFirst(subject.en)}. Check the server address and port in ${page.en}.`,
      );
    case 'provider_error':
      return both((l) =>
        l === 'vi'
          ? `${subject.vi}${answered(l) || ' gặp lỗi tạm thời'}. Hệ thống tự thử lại sau ít phút.`
          : `${subject.en}${answered(l) || ' had a temporary failure'}. It is tried again in a few minutes.`,
      );
    case 'rejected':
      return channel === 'webhook'
        ? both((l) =>
            l === 'vi'
              ? `${subject.vi}${answered(l)}: từ chối yêu cầu. Kiểm tra địa chỉ URL của bước hoặc của điểm nhận trong ${page.vi}, và nhật ký của máy nhận.`
              : `${subject.en}${answered(l)}: it refused the request. Check the step's URL or its endpoint's in ${page.en}, and the receiver's log.`,
          )
        : both((l) =>
            l === 'vi'
              ? `${subject.vi}${answered(l)} từ chối tin nhắn. Xem lý do trong Chi tiết kỹ thuật; nếu do nội dung, sửa nội dung của bước.`
              : `${subject.en}${answered(l)} refused the message. See why under Technical details; if it is the content, edit the step's text.`,
          );
    case 'invalid_recipient':
      return {
        vi: 'Địa chỉ người nhận không hợp lệ. Sửa địa chỉ email hoặc số điện thoại trên bản ghi.',
        en: "The recipient's address is not valid. Correct the email address or phone number on the record.",
      };
    case 'invalid_url':
      return {
        vi: `Địa chỉ URL không hợp lệ. Sửa URL trong bước hoặc trong điểm nhận ở ${page.vi}.`,
        en: `The URL is not valid. Correct the URL in the step or in its endpoint under ${page.en}.`,
      };
    case 'private_address':
      return {
        vi: 'Địa chỉ thuộc mạng nội bộ nên bị chặn. Nếu đó là máy chủ của bạn, bật "Cho phép gọi tới địa chỉ mạng nội bộ" trong Thiết lập → Tổ chức.',
        en: 'The address is on a private network, so it is refused. If it is your own server, turn on "Allow private network addresses" in Settings → Organization.',
      };
    case 'redirect':
      return both((l) =>
        l === 'vi'
          ? `${subject.vi}${answered(l)}: chuyển hướng, không được theo. Dùng địa chỉ đích cuối cùng làm URL.`
          : `${subject.en}${answered(l)}: a redirect, which is not followed. Use the final address as the URL.`,
      );
    case 'misconfigured':
      return {
        vi: `Cấu hình nhà cung cấp chưa đầy đủ. Mở ${page.vi}, điền thông tin còn thiếu rồi lưu lại.`,
        en: `The provider's settings are incomplete. Open ${page.en}, fill in what is missing and save.`,
      };
    default:
      return both((l) =>
        l === 'vi'
          ? `${subject.vi}${answered(l)} không nhận tin. Xem Chi tiết kỹ thuật để biết câu trả lời của nhà cung cấp.`
          : `${subject.en}${answered(l)} did not take the message. See Technical details for the provider's answer.`,
      );
  }
}
