import { defineCatalogue } from './define-catalogue.ts';

/**
 * The labels, choices and help texts of the inspector forms the SPA draws from node
 * declarations (`form` in `defineNode`). A declaration names these by code; the texts of the
 * forms that stay hand-written, and those a widget always shows the same (the print attachment's,
 * the work app sync's), live with them in the SPA.
 */
export const formMessages = defineCatalogue({
  'form.name': { vi: 'Tên hành động', en: 'Action name' },
  'form.owner.mode': { vi: 'Bàn giao cho', en: 'Hand over to' },
  'form.owner.user': { vi: 'Chọn người dùng', en: 'A chosen user' },
  'form.owner.rule': { vi: 'Chọn quy tắc phân bổ', en: 'An allocation rule' },
  'form.owner.user_label': { vi: 'Người dùng', en: 'User' },
  'form.owner.rule_label': { vi: 'Quy tắc phân bổ', en: 'Allocation rule' },
  'form.owner.no_rules': {
    vi: 'Phân hệ này chưa có quy tắc phân bổ nào.',
    en: 'This module has no allocation rules.',
  },
  'form.notify.fields': {
    vi: 'Người nhận thông báo (trường của bản ghi)',
    en: 'Recipients (fields of the record)',
  },
  'form.notify.users': { vi: 'Người dùng nhận thông báo', en: 'Users' },
  'form.notify.message': { vi: 'Nội dung thông báo', en: 'Message' },
  'form.sms.provider': { vi: 'Gửi từ (SMS Brandname)', en: 'Send from (SMS brandname)' },
  'form.sms.template': { vi: 'Mẫu SMS', en: 'SMS template' },
  'form.sms.no_template': { vi: 'Không dùng mẫu — tự soạn', en: 'No template — write it here' },
  'form.sms.text': { vi: 'Nội dung SMS', en: 'SMS text' },
  'form.sms.fields': {
    vi: 'Người nhận SMS (trường của bản ghi)',
    en: 'SMS recipients (fields of the record)',
  },
  'form.sms.users': { vi: 'Người dùng nhận SMS', en: 'Users' },
  'form.revenue.propose': {
    vi: 'Đơn hàng được đề nghị ghi doanh số khi quy trình chạy tới bước này.',
    en: 'The order is proposed for revenue recording when the flow reaches this step.',
  },
  'form.revenue.record': {
    vi: 'Doanh số đã được đề nghị sẽ được ghi; mỗi đơn hàng chỉ ghi một lần.',
    en: 'Revenue that was proposed is recorded; never twice for one order.',
  },
  'form.webhook.url': { vi: 'Địa chỉ nhận (URL)', en: 'Receiving URL' },
  'form.webhook.url_hint': {
    vi: 'Để trống để gửi tới địa chỉ của điểm nhận.',
    en: 'Leave empty to post to the endpoint’s own URL.',
  },
  'form.webhook.endpoint': { vi: 'Điểm nhận webhook', en: 'Webhook endpoint' },
  'form.webhook.default_endpoint': {
    vi: 'Điểm nhận mặc định của tổ chức',
    en: 'The organization’s default endpoint',
  },
  'form.webhook.timeout': { vi: 'Thời gian chờ (mili giây)', en: 'Timeout (milliseconds)' },
  'form.delay.mode': { vi: 'Chờ', en: 'Wait' },
  'form.delay.duration': { vi: 'Một khoảng thời gian', en: 'For a while' },
  'form.delay.until_field': { vi: 'Đến một ngày của bản ghi', en: 'Until a date of the record' },
  'form.delay.amount': { vi: 'Bao lâu', en: 'How long' },
  'form.delay.unit': { vi: 'Đơn vị', en: 'Unit' },
  'form.delay.minutes': { vi: 'Phút', en: 'Minutes' },
  'form.delay.hours': { vi: 'Giờ', en: 'Hours' },
  'form.delay.days': { vi: 'Ngày', en: 'Days' },
  'form.delay.field': { vi: 'Trường ngày', en: 'Date field' },
  'form.delay.offset': { vi: 'Lệch (số ngày, âm là trước)', en: 'Offset (days, negative is before)' },
  'form.email.provider': { vi: 'Gửi từ', en: 'Send from' },
  'form.email.system': { vi: 'Email hệ thống', en: 'System email' },
  'form.email.fields': { vi: 'Người nhận (trường của bản ghi)', en: 'Recipients (fields of the record)' },
  'form.email.users': { vi: 'Người dùng nhận', en: 'Users' },
  'form.email.addresses': { vi: 'Thêm người nhận email', en: 'Other email recipients' },
  'form.email.template': { vi: 'Mẫu email', en: 'Email template' },
  'form.email.no_template': { vi: 'Không dùng mẫu — tự soạn', en: 'No template — write it here' },
  'form.email.subject': { vi: 'Tiêu đề', en: 'Subject' },
  'form.email.body': { vi: 'Nội dung', en: 'Body' },
  'form.task.title': { vi: 'Tiêu đề', en: 'Title' },
  'form.task.description': { vi: 'Mô tả', en: 'Description' },
  'form.task.due': { vi: 'Hạn hoàn thành (số ngày sau khi giao)', en: 'Due (days after it is assigned)' },
  'form.task.type': { vi: 'Loại nhiệm vụ', en: 'Task type' },
  'form.task.priority': { vi: 'Mức độ ưu tiên', en: 'Priority' },
  'form.task.assignee': { vi: 'Người thực hiện', en: 'Assignee' },
  'form.task.assignee_field': { vi: 'Theo trường người dùng của bản ghi', en: 'A user field of the record' },
  'form.task.assignee_user': { vi: 'Người dùng cụ thể', en: 'A chosen user' },
  'form.task.related': { vi: 'Người liên quan', en: 'Related users' },
});

export type FormTextCode = keyof typeof formMessages;
