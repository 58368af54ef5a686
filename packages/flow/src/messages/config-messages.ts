import { defineCatalogue } from './define-catalogue.ts';

/**
 * Problems inside one step's settings, shown after the step's name ("Bước 'X': …") and alone
 * beside the control. `{field}` is the label of the setting as the declaration of the step
 * names it; `{recordField}` the label of a field of the record.
 */
export const configMessages = defineCatalogue({
  'config.choose': { vi: 'chưa chọn {field}.', en: 'choose {field}.' },
  'config.enter': { vi: 'chưa nhập {field}.', en: 'enter {field}.' },
  'config.invalid': {
    vi: '{field} chưa hợp lệ: hãy chọn hoặc nhập lại.',
    en: 'check {field}: its value is not valid, choose or enter it again.',
  },
  'config.choose_from_list': {
    vi: 'hãy chọn lại {field} trong danh sách.',
    en: 'choose {field} from the list again.',
  },
  'config.text_too_long': {
    vi: 'hãy rút gọn {field} còn tối đa {max} ký tự.',
    en: 'shorten {field} to at most {max} characters.',
  },
  'config.text_too_short': {
    vi: 'hãy nhập {field} dài ít nhất {min} ký tự.',
    en: 'enter at least {min} characters in {field}.',
  },
  'config.number_too_big': {
    vi: '{field} không được quá {max}: hãy nhập số nhỏ hơn.',
    en: '{field} may be at most {max}: enter a smaller number.',
  },
  'config.number_too_small': {
    vi: '{field} phải từ {min} trở lên: hãy nhập số lớn hơn.',
    en: '{field} must be at least {min}: enter a larger number.',
  },
  'config.whole_number': {
    vi: 'hãy nhập {field} là số nguyên.',
    en: 'enter {field} as a whole number.',
  },
  'config.too_many': {
    vi: 'hãy bớt {field}, tối đa {max} mục.',
    en: 'remove some of {field}: at most {max} are allowed.',
  },
  'config.email': {
    vi: "'{value}' trong {field} không phải địa chỉ email: hãy sửa lại.",
    en: "'{value}' in {field} is not an email address: correct it.",
  },
  'config.time': {
    vi: 'hãy nhập {field} theo dạng giờ:phút, ví dụ 08:00.',
    en: 'enter {field} as hours:minutes, for example 08:00.',
  },
  'config.not_found': {
    vi: "không còn tìm thấy {field} đã chọn ('{id}'): hãy chọn lại.",
    en: "choose {field} again: the one chosen ('{id}') no longer exists.",
  },
  'config.field_unknown': {
    vi: "phân hệ {module} không có trường '{key}': hãy chọn trường khác cho {field}.",
    en: "{module} has no field '{key}': choose another field for {field}.",
  },
  'config.field_type_mismatch': {
    vi: "trường '{recordField}' không phải trường {types}: hãy chọn trường khác cho {field}.",
    en: "field '{recordField}' is not a {types} field: choose another field for {field}.",
  },
  'config.reference_expected': {
    vi: "trường '{recordField}' không liên kết tới bản ghi khác: hãy chọn một trường liên kết.",
    en: "field '{recordField}' does not link to another record: choose a linked field.",
  },
  'config.record_field_required': {
    vi: "trường '{recordField}' là bắt buộc: hãy nhập một giá trị.",
    en: "field '{recordField}' is required: enter a value.",
  },
  'config.option_unknown': {
    vi: "giá trị '{value}' không có trong danh sách của trường '{recordField}': hãy chọn lại giá trị.",
    en: "'{value}' is not an option of field '{recordField}': choose the value again.",
  },
  'config.user_unknown': {
    vi: "không còn tìm thấy người dùng '{value}' của trường '{recordField}': hãy chọn người dùng khác.",
    en: "user '{value}' of field '{recordField}' no longer exists: choose another user.",
  },
  'config.value_invalid': {
    vi: "{value} không phải giá trị {type} hợp lệ cho trường '{recordField}': hãy nhập lại.",
    en: "{value} is not a valid {type} value for field '{recordField}': enter it again.",
  },
  'config.recipients_missing': {
    vi: 'chưa có người nhận: hãy chọn ít nhất một người nhận.',
    en: 'choose at least one recipient.',
  },
  'config.no_provider': {
    vi: 'chưa có {field} nào để chọn: hãy thêm trong Thiết lập › Nhà cung cấp rồi chọn ở bước này.',
    en: 'nothing can be chosen as {field} yet: add one in Settings › Providers, then choose it in this step.',
  },
  'config.url_invalid': {
    vi: "'{url}' không phải địa chỉ web hợp lệ: hãy nhập địa chỉ bắt đầu bằng https://.",
    en: "'{url}' is not a web address: enter one that starts with https://.",
  },
  'config.url_private': {
    vi: 'không được gửi webhook tới địa chỉ nội bộ {host}: hãy dùng một địa chỉ công khai.',
    en: 'webhooks may not go to the private address {host}: use a public address.',
  },
  'config.care_field_twice': {
    vi: "trường '{key}' của thẻ chăm sóc được điền hai lần: hãy xóa một dòng.",
    en: "care card field '{key}' is filled twice: remove one of the rows.",
  },
  'config.care_field_unknown': {
    vi: "bố cục '{layout}' không có trường '{key}': hãy xóa dòng này hoặc chọn bố cục khác.",
    en: "layout '{layout}' has no field '{key}': remove this row or choose another layout.",
  },
  'config.copy_type_mismatch': {
    vi: "không thể chép trường '{from}' vào trường '{recordField}' vì khác kiểu dữ liệu: hãy chọn trường nguồn khác.",
    en: "field '{from}' cannot be copied into '{recordField}', their kinds differ: choose another source field.",
  },
  'config.relative_date_not_date': {
    vi: "ngày tương đối chỉ dùng cho trường ngày, không dùng cho '{recordField}': hãy nhập một giá trị.",
    en: "a relative date only fits a date field, not '{recordField}': enter a value instead.",
  },
  'config.field_updated_twice': {
    vi: "trường '{recordField}' được cập nhật hai lần: hãy xóa một dòng.",
    en: "field '{recordField}' is updated twice: remove one of the rows.",
  },
  'config.field_not_updatable': {
    vi: "quy trình không cập nhật được trường '{recordField}': hãy chọn trường khác.",
    en: "a flow cannot update field '{recordField}': choose another field.",
  },
  'config.condition_group_empty': {
    vi: 'nhóm điều kiện chưa có điều kiện nào: hãy thêm một điều kiện hoặc xóa nhóm.',
    en: 'a group of criteria is empty: add a criterion or delete the group.',
  },
  'config.operator_not_allowed': {
    vi: "không thể so sánh '{op}' với trường '{recordField}': hãy chọn phép so sánh khác.",
    en: "field '{recordField}' cannot be compared with '{op}': choose another comparison.",
  },
  'config.operator_not_for_kind': {
    vi: "quy trình chăm sóc chạy theo ngày nên không có thay đổi nào để so sánh '{op}': hãy chọn phép so sánh khác.",
    en: "a care process runs on dates, so there is no edit for '{op}' to look at: choose another comparison.",
  },
  'config.compare_value_missing': {
    vi: 'chưa nhập giá trị để so sánh.',
    en: 'enter a value to compare with.',
  },
  'config.merge_field_unknown': {
    vi: 'trường trộn {raw} không có trong phân hệ {module}: hãy chèn lại trường từ danh sách.',
    en: 'merge field {raw} does not exist in {module}: insert the field from the list again.',
  },
  'config.merge_field_not_reference': {
    vi: 'trường trộn {raw}: trường trước dấu chấm không liên kết tới bản ghi khác: hãy chèn lại trường từ danh sách.',
    en: 'merge field {raw}: the field before the dot does not link to another record: insert the field from the list again.',
  },
  'config.merge_field_key_unknown': {
    vi: 'trường trộn {raw} không có trong bản ghi liên kết: hãy chèn lại trường từ danh sách.',
    en: 'merge field {raw} does not exist on the linked record: insert the field from the list again.',
  },
  'config.zns_problem': {
    vi: '{problem}: hãy sửa phần ghép tham số của mẫu ZNS.',
    en: '{problem}: correct the ZNS template parameters.',
  },
  'config.zns_param_field_type': {
    vi: "tham số {param} của mẫu ZNS cần giá trị {type}, trường '{recordField}' không phù hợp: hãy chọn trường khác.",
    en: "ZNS parameter {param} needs a {type} value and field '{recordField}' does not fit: choose another field.",
  },
});
