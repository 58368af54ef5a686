import { defineCatalogue } from './define-catalogue.ts';

/** Record values that do not fit their field, shown beside the field of a record form. */
export const recordMessages = defineCatalogue({
  'record.unknown_field': { vi: 'Trường không tồn tại trong phân hệ', en: 'The module has no such field' },
  'record.required': { vi: 'Bắt buộc nhập', en: 'Required' },
  'record.not_object': { vi: 'Dữ liệu bản ghi phải là một đối tượng', en: 'Record data must be an object' },
  'record.text': { vi: 'Phải là chuỗi ký tự', en: 'Must be text' },
  'record.too_long': { vi: 'Dài quá {max} ký tự', en: 'Longer than {max} characters' },
  'record.email': { vi: 'Địa chỉ email không hợp lệ', en: 'Not a valid email address' },
  'record.phone': { vi: 'Số điện thoại không hợp lệ', en: 'Not a valid phone number' },
  'record.number': { vi: 'Phải là một số', en: 'Must be a number' },
  'record.money': { vi: 'Phải là một số tiền hợp lệ', en: 'Must be an amount of money' },
  'record.date': {
    vi: 'Ngày không hợp lệ (yyyy-MM-dd hoặc dd/MM/yyyy)',
    en: 'Not a valid date (yyyy-MM-dd or dd/MM/yyyy)',
  },
  'record.datetime': { vi: 'Thời điểm không hợp lệ (ISO 8601)', en: 'Not a valid date and time (ISO 8601)' },
  'record.picklist': {
    vi: 'Giá trị không có trong danh sách: {allowed}',
    en: 'Not one of the listed values: {allowed}',
  },
  'record.multipicklist': {
    vi: 'Phải là danh sách các giá trị trong: {allowed}',
    en: 'Must be a list of values from: {allowed}',
  },
  'record.id': { vi: 'Mã định danh không hợp lệ', en: 'Not a valid id' },
  'record.boolean': { vi: 'Phải là đúng hoặc sai', en: 'Must be true or false' },
  'record.lines': { vi: 'Phải là danh sách dòng hàng hóa', en: 'Must be a list of order lines' },
  'record.line_product': { vi: 'Dòng {row}: hàng hóa không hợp lệ', en: 'Line {row}: not a valid product' },
  'record.line_quantity': {
    vi: 'Dòng {row}: số lượng phải lớn hơn 0',
    en: 'Line {row}: quantity must be above 0',
  },
  'record.line_price': { vi: 'Dòng {row}: đơn giá không hợp lệ', en: 'Line {row}: not a valid price' },
  'record.unknown_user': { vi: 'Người dùng không tồn tại', en: 'No such user' },
  'record.unknown_record': {
    vi: 'Bản ghi được liên kết không tồn tại',
    en: 'The linked record does not exist',
  },
  'record.unknown_line_product': {
    vi: 'Dòng {row}: hàng hóa không tồn tại',
    en: 'Line {row}: no such product',
  },
});

/** A ZNS template's parameter values against what Zalo approved. */
export const znsMessages = defineCatalogue({
  'zns.missing': { vi: 'Thiếu giá trị cho tham số {key}', en: 'No value for parameter {key}' },
  'zns.unknown': { vi: 'Mẫu ZNS không có tham số {key}', en: 'The ZNS template has no parameter {key}' },
  'zns.too_long': {
    vi: 'Tham số {key} dài {length} ký tự, tối đa {max}',
    en: 'Parameter {key} is {length} characters long, at most {max} allowed',
  },
  'zns.not_number': { vi: 'Tham số {key} phải là số', en: 'Parameter {key} must be a number' },
  'zns.not_date': {
    vi: 'Tham số {key} phải là ngày (dd/MM/yyyy)',
    en: 'Parameter {key} must be a date (dd/MM/yyyy)',
  },
});

/** Words other messages take as parameters: kinds of fields and values. */
export const wordMessages = defineCatalogue({
  'word.text': { vi: 'văn bản', en: 'text' },
  'word.textarea': { vi: 'văn bản dài', en: 'long text' },
  'word.number': { vi: 'số', en: 'number' },
  'word.money': { vi: 'tiền tệ', en: 'money' },
  'word.date': { vi: 'ngày', en: 'date' },
  'word.datetime': { vi: 'ngày giờ', en: 'date and time' },
  'word.picklist': { vi: 'danh sách chọn', en: 'picklist' },
  'word.multipicklist': { vi: 'danh sách chọn nhiều', en: 'multi-select' },
  'word.user': { vi: 'người dùng', en: 'user' },
  'word.reference': { vi: 'liên kết', en: 'reference' },
  'word.email': { vi: 'email', en: 'email' },
  'word.phone': { vi: 'điện thoại', en: 'phone' },
  'word.boolean': { vi: 'có/không', en: 'yes/no' },
  'word.lines': { vi: 'chi tiết', en: 'lines' },
  'word.or': { vi: ' hoặc ', en: ' or ' },
  'word.step_settings': { vi: 'cài đặt của bước', en: "the step's settings" },
  'word.missing_step': { vi: 'bước đã xóa', en: 'a deleted step' },
});
