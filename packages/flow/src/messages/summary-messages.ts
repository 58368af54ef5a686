import { defineCatalogue } from './define-catalogue.ts';

/**
 * The one-line summaries steps show on the canvas and in run logs. A code ending in `_one` is
 * the singular of the code without it (`summary.days_one`: "1 day"). Placeholders hold texts
 * already in the reader's language: field labels, names, the step's own words.
 */
export const summaryMessages = defineCatalogue({
  'summary.days': { vi: '{count} ngày', en: '{count} days' },
  'summary.days_one': { vi: '{count} ngày', en: '{count} day' },
  'summary.hours': { vi: '{count} giờ', en: '{count} hours' },
  'summary.hours_one': { vi: '{count} giờ', en: '{count} hour' },
  'summary.minutes': { vi: '{count} phút', en: '{count} minutes' },
  'summary.minutes_one': { vi: '{count} phút', en: '{count} minute' },
  'summary.lines': { vi: '{count} dòng hàng hóa', en: '{count} lines' },
  'summary.lines_one': { vi: '{count} dòng hàng hóa', en: '{count} line' },
  'summary.yes': { vi: 'Có', en: 'Yes' },
  'summary.no': { vi: 'Không', en: 'No' },
  'summary.users': { vi: '{count} người dùng', en: '{count} users' },
  'summary.users_one': { vi: '{count} người dùng', en: '{count} user' },
  'summary.nobody': { vi: '(chưa chọn)', en: '(nobody yet)' },
  'summary.trigger_create': { vi: 'Khi thêm mới bản ghi', en: 'When a record is created' },
  'summary.trigger_create_or_update': {
    vi: 'Khi thêm hoặc sửa bản ghi',
    en: 'When a record is created or edited',
  },
  'summary.trigger_update': { vi: 'Khi sửa bản ghi', en: 'When a record is edited' },
  'summary.trigger_delete': { vi: 'Khi xóa bản ghi', en: 'When a record is deleted' },
  'summary.trigger_all_changed': {
    vi: '{trigger}, đổi tất cả: {fields}',
    en: '{trigger}, all of {fields} changed',
  },
  'summary.trigger_any_changed': {
    vi: '{trigger}, đổi bất kỳ: {fields}',
    en: '{trigger}, any of {fields} changed',
  },
  'summary.trigger_first_time': { vi: '{trigger} (chỉ lần đầu)', en: '{trigger} (first time only)' },
  'summary.schedule_yearly': { vi: 'Hằng năm vào {date}', en: 'Every year on {date}' },
  'summary.schedule_on': { vi: 'Vào {date}', en: 'On {date}' },
  'summary.schedule_before': { vi: 'trước {days}', en: '{days} before' },
  'summary.schedule_after': { vi: 'sau {days}', en: '{days} after' },
  'summary.schedule_week': { vi: 'trong tuần', en: 'during that week' },
  'summary.schedule_at': { vi: 'lúc {time}', en: 'at {time}' },
  'summary.condition_all': { vi: 'Tất cả bản ghi của phân hệ', en: 'Every record of the module' },
  'summary.condition_ignoring_accents': {
    vi: '{criteria} (bỏ qua dấu)',
    en: '{criteria} (ignoring accents)',
  },
  'summary.wait': { vi: 'Chờ {duration}', en: 'Wait {duration}' },
  'summary.wait_until': { vi: 'Chờ đến {date}{shift}', en: 'Wait until {date}{shift}' },
  'summary.care_in': { vi: 'sau {days}', en: 'in {days}' },
  'summary.care_per_order': { vi: 'theo đơn hàng', en: 'per order' },
  'summary.care_per_product': { vi: 'theo hàng hóa', en: 'per product' },
  'summary.care_per_category': { vi: 'theo loại hàng hóa', en: 'per product category' },
  'summary.add_care_card': {
    vi: 'Thêm thẻ chăm sóc {per}, ngày chăm sóc {when}',
    en: 'Add care cards {per}, care date {when}',
  },
  'summary.assign_user': { vi: 'Bàn giao cho người dùng {user}', en: 'Hand over to user {user}' },
  'summary.assign_rule': {
    vi: 'Bàn giao theo quy tắc phân bổ "{rule}"',
    en: 'Hand over by allocation rule "{rule}"',
  },
  'summary.create_task': {
    vi: 'Giao nhiệm vụ "{title}" cho {who}, hạn {due}',
    en: 'Task "{title}" for {who}, due in {due}',
  },
  'summary.notify': { vi: 'Thông báo tới {to}: {message}', en: 'Notify {to}: {message}' },
  'summary.propose_revenue': { vi: 'Đề nghị ghi doanh số cho đơn hàng', en: 'Propose the order for revenue' },
  'summary.record_revenue': {
    vi: 'Ghi doanh số cho đơn hàng đã đề nghị',
    en: 'Record revenue of the proposed order',
  },
  'summary.send': { vi: 'Gửi {what} tới {to}', en: 'Send {what} to {to}' },
  'summary.email_template': { vi: 'mẫu email "{name}"', en: 'email template "{name}"' },
  'summary.email_subject': { vi: 'email "{subject}"', en: 'email "{subject}"' },
  'summary.email_no_subject': { vi: 'email (chưa có tiêu đề)', en: 'email (no subject yet)' },
  'summary.sms_template': { vi: 'mẫu SMS "{name}"', en: 'SMS template "{name}"' },
  'summary.sms_no_text': { vi: 'SMS (chưa có nội dung)', en: 'SMS (no text yet)' },
  'summary.send_zns': { vi: 'Gửi Zalo ZNS mẫu {template} tới {to}', en: 'Zalo ZNS {template} to {to}' },
  'summary.update': { vi: 'Cập nhật', en: 'Update' },
  'summary.value_empty': { vi: '(trống)', en: '(empty)' },
  'summary.today': { vi: 'hôm nay', en: 'today' },
  'summary.webhook_endpoint': { vi: 'POST tới điểm nhận webhook', en: 'POST to the webhook endpoint' },
});
