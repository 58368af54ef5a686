/** A validation problem with one field of a record, in both languages the product speaks. */
export type FieldError = { field: string; message: string; messageEn: string };

type Message = { vi: string; en: string };

/** Every message a record value can fail with; `{…}` placeholders are filled by `fieldError`. */
export const recordMessages = {
  unknownField: { vi: 'Trường không tồn tại trong phân hệ', en: 'The module has no such field' },
  required: { vi: 'Bắt buộc nhập', en: 'Required' },
  notObject: { vi: 'Dữ liệu bản ghi phải là một đối tượng', en: 'Record data must be an object' },
  text: { vi: 'Phải là chuỗi ký tự', en: 'Must be text' },
  tooLong: { vi: 'Dài quá {max} ký tự', en: 'Longer than {max} characters' },
  email: { vi: 'Địa chỉ email không hợp lệ', en: 'Not a valid email address' },
  phone: { vi: 'Số điện thoại không hợp lệ', en: 'Not a valid phone number' },
  number: { vi: 'Phải là một số', en: 'Must be a number' },
  money: { vi: 'Phải là một số tiền hợp lệ', en: 'Must be an amount of money' },
  date: {
    vi: 'Ngày không hợp lệ (yyyy-MM-dd hoặc dd/MM/yyyy)',
    en: 'Not a valid date (yyyy-MM-dd or dd/MM/yyyy)',
  },
  datetime: { vi: 'Thời điểm không hợp lệ (ISO 8601)', en: 'Not a valid date and time (ISO 8601)' },
  picklist: {
    vi: 'Giá trị không có trong danh sách: {allowed}',
    en: 'Not one of the listed values: {allowed}',
  },
  multipicklist: {
    vi: 'Phải là danh sách các giá trị trong: {allowed}',
    en: 'Must be a list of values from: {allowed}',
  },
  id: { vi: 'Mã định danh không hợp lệ', en: 'Not a valid id' },
  boolean: { vi: 'Phải là đúng hoặc sai', en: 'Must be true or false' },
  lines: { vi: 'Phải là danh sách dòng hàng hóa', en: 'Must be a list of order lines' },
  lineProduct: { vi: 'Dòng {row}: hàng hóa không hợp lệ', en: 'Line {row}: not a valid product' },
  lineQuantity: { vi: 'Dòng {row}: số lượng phải lớn hơn 0', en: 'Line {row}: quantity must be above 0' },
  linePrice: { vi: 'Dòng {row}: đơn giá không hợp lệ', en: 'Line {row}: not a valid price' },
  unknownUser: { vi: 'Người dùng không tồn tại', en: 'No such user' },
  unknownRecord: { vi: 'Bản ghi được liên kết không tồn tại', en: 'The linked record does not exist' },
  unknownLineProduct: { vi: 'Dòng {row}: hàng hóa không tồn tại', en: 'Line {row}: no such product' },
} satisfies Record<string, Message>;

export type RecordMessageKey = keyof typeof recordMessages;

function fill(template: string, params: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => String(params[name] ?? whole));
}

export function fieldError(
  field: string,
  key: RecordMessageKey,
  params: Record<string, string | number> = {},
): FieldError {
  const message = recordMessages[key];
  return { field, message: fill(message.vi, params), messageEn: fill(message.en, params) };
}
