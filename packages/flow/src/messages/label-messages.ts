import { defineCatalogue } from './define-catalogue.ts';

/**
 * Settings of a step as problems name them (`{field}` of `config.*`): "chưa chọn người nhận".
 * Lower case, with the article English needs, since they go inside a sentence. A node's
 * declaration names its settings by these codes (`labels` in `defineNode`); `pick` there says the
 * setting is chosen rather than typed ("chưa chọn …" rather than "chưa nhập …").
 */
export const labelMessages = defineCatalogue({
  'label.recipients': { vi: 'người nhận', en: 'the recipients' },
  'label.recipient_field': { vi: 'trường người nhận', en: 'the recipient field' },
  'label.recipient_user': { vi: 'người dùng nhận', en: 'the user to send to' },
  'label.recipient_address': { vi: 'địa chỉ email nhận', en: 'the address to send to' },
  'label.recipient_phone_field': { vi: 'trường số điện thoại nhận', en: 'the phone field to send to' },
  'label.step_name': { vi: 'tên bước', en: 'the step name' },
  'label.offset_days': { vi: 'số ngày trước hoặc sau', en: 'the days before or after' },
  'label.attachment': { vi: 'tệp đính kèm', en: 'the attachment' },
  'label.attachment_template': { vi: 'mẫu in để đính kèm', en: 'the print template to attach' },
  'label.attachment_format': { vi: 'định dạng tệp đính kèm', en: 'the attachment format' },

  'label.trigger.on': { vi: 'lúc bắt đầu', en: 'when the flow starts' },
  'label.trigger.fields': { vi: 'trường cần theo dõi', en: 'the fields to watch' },
  'label.trigger.match': { vi: 'cách so các trường theo dõi', en: 'how watched fields are matched' },
  'label.trigger.repeat': { vi: 'số lần chạy', en: 'how often it runs' },
  'label.trigger.date_field': { vi: 'trường ngày', en: 'the date field' },
  'label.trigger.recurrence': { vi: 'mức lặp lại', en: 'the repetition' },
  'label.trigger.window': { vi: 'khoảng thời gian', en: 'the time window' },
  'label.trigger.run_at': { vi: 'giờ chạy', en: 'the time to run' },

  'label.condition.mode': { vi: 'bản ghi áp dụng', en: 'which records go on' },
  'label.condition.logic': { vi: 'cách kết hợp điều kiện', en: 'how criteria combine' },
  'label.condition.rules': { vi: 'điều kiện', en: 'a criterion' },
  'label.condition.rule': { vi: 'điều kiện', en: 'the criterion' },
  'label.condition.field': { vi: 'trường so sánh', en: 'the field to compare' },
  'label.condition.op': { vi: 'phép so sánh', en: 'the comparison' },
  'label.condition.value': { vi: 'giá trị so sánh', en: 'the value to compare with' },
  'label.condition.group_rules': { vi: 'điều kiện của nhóm', en: 'a criterion of the group' },

  'label.update.target': { vi: 'bản ghi cần cập nhật', en: 'the record to update' },
  'label.update.via': {
    vi: 'trường liên kết tới bản ghi cần cập nhật',
    en: 'the link to the record to update',
  },
  'label.update.values': { vi: 'trường cần cập nhật', en: 'a field to update' },
  'label.update.field': { vi: 'trường cần cập nhật', en: 'the field to update' },
  'label.update.value': { vi: 'giá trị mới', en: 'the new value' },
  'label.update.from': { vi: 'trường nguồn để chép', en: 'the field to copy from' },
  'label.update.today': { vi: 'số ngày so với hôm nay', en: 'the days from today' },

  'label.email.provider': { vi: 'nơi gửi', en: 'the sender' },
  'label.email.subject': { vi: 'tiêu đề email', en: 'the subject' },
  'label.email.body': { vi: 'nội dung email', en: 'the email body' },
  'label.email.template': { vi: 'mẫu email', en: 'the email template' },

  'label.sms.provider': { vi: 'nhà cung cấp SMS', en: 'the SMS provider' },
  'label.sms.template': { vi: 'mẫu SMS', en: 'the SMS template' },
  'label.sms.text': { vi: 'nội dung SMS', en: 'the SMS text' },

  'label.zns.provider': { vi: 'nhà cung cấp ZNS', en: 'the ZNS provider' },
  'label.zns.template': { vi: 'mẫu ZNS', en: 'the ZNS template' },
  'label.zns.params': { vi: 'tham số của mẫu ZNS', en: 'the ZNS template parameters' },
  'label.zns.param': { vi: 'tên tham số', en: 'the parameter name' },
  'label.zns.param_field': { vi: 'trường điền vào tham số', en: 'the field that fills the parameter' },
  'label.zns.param_value': { vi: 'giá trị của tham số', en: 'the parameter value' },

  'label.notify.user_field': { vi: 'trường người dùng nhận', en: 'the user field to notify' },
  'label.notify.message': { vi: 'nội dung thông báo', en: 'the message' },

  'label.task.title': { vi: 'tiêu đề nhiệm vụ', en: 'the task title' },
  'label.task.description': { vi: 'mô tả nhiệm vụ', en: 'the task description' },
  'label.task.due': { vi: 'số ngày đến hạn', en: 'the days until due' },
  'label.task.type': { vi: 'loại nhiệm vụ', en: 'the task type' },
  'label.task.priority': { vi: 'mức ưu tiên', en: 'the priority' },
  'label.task.assignee': { vi: 'người thực hiện', en: 'the assignee' },
  'label.task.assignee_field': { vi: 'trường người thực hiện', en: 'the assignee field' },
  'label.task.related': { vi: 'người liên quan', en: 'the related users' },
  'label.task.work_app_sync': { vi: 'đồng bộ sang ứng dụng công việc', en: 'the work app sync' },
  'label.task.work_app': { vi: 'ứng dụng công việc', en: 'the work app' },
  'label.task.project': { vi: 'dự án', en: 'the project' },
  'label.task.group': { vi: 'nhóm công việc', en: 'the task group' },

  'label.care.per': { vi: 'cách tạo thẻ', en: 'how cards are made' },
  'label.care.apply': { vi: 'phạm vi áp dụng', en: 'what the cards apply to' },
  'label.care.products': { vi: 'hàng hóa', en: 'the products' },
  'label.care.categories': { vi: 'loại hàng hóa', en: 'the product categories' },
  'label.care.owner': { vi: 'người phụ trách thẻ', en: 'the card owner' },
  'label.care.layout': { vi: 'bố cục thẻ chăm sóc', en: 'the care card layout' },
  'label.care.date': { vi: 'ngày chăm sóc', en: 'the care date' },
  'label.care.in_days': { vi: 'số ngày tới ngày chăm sóc', en: 'the days until the care date' },
  'label.care.date_field': { vi: 'trường ngày chăm sóc', en: 'the care date field' },
  'label.care.fields': { vi: 'trường của thẻ', en: 'the card fields' },
  'label.care.field': { vi: 'trường của thẻ', en: 'the card field' },
  'label.care.field_value': { vi: 'giá trị trường của thẻ', en: 'the card field value' },

  'label.owner.mode': { vi: 'cách bàn giao', en: 'how to hand over' },
  'label.owner.user': { vi: 'người nhận bàn giao', en: 'the user to hand over to' },
  'label.owner.rule': { vi: 'quy tắc phân bổ', en: 'the allocation rule' },

  'label.delay.mode': { vi: 'cách chờ', en: 'how to wait' },
  'label.delay.amount': { vi: 'thời gian chờ', en: 'how long to wait' },
  'label.delay.unit': { vi: 'đơn vị thời gian', en: 'the unit of time' },
  'label.delay.field': { vi: 'trường ngày cần chờ tới', en: 'the date field to wait for' },

  'label.webhook.url': { vi: 'địa chỉ webhook', en: 'the webhook URL' },
  'label.webhook.endpoint': { vi: 'điểm nhận webhook', en: 'the webhook endpoint' },
  'label.webhook.timeout': { vi: 'thời gian chờ phản hồi', en: 'the response timeout' },
});
