import { describe, expect, it } from 'vitest';
import type { Text } from '../messages/locale.ts';
import { standardModules } from '../metadata/standard-modules.ts';
import { testContext } from './test-graphs.ts';
import { validateGraph } from './validate-graph.ts';
import { ValidationCode } from './validation-error.ts';
import { sentenceCases } from './validation-sentences.cases.ts';

/** What each validation code says, in both languages, for the flow of its case. */
const expected: Record<ValidationCode, Text> = {
  graph_invalid: {
    vi: 'Không đọc được dữ liệu của quy trình (bản lưu hoặc tệp nhập bị hỏng): hãy xóa bước bị lỗi rồi thêm lại.',
    en: "The flow's data cannot be read (a damaged save or import): delete the broken step and add it again.",
  },
  node_duplicate_id: {
    vi: "Bước 'Xác nhận đơn hàng': hai bước trùng mã nhận diện: hãy xóa một bước rồi thêm lại.",
    en: "Step 'Xác nhận đơn hàng': two steps share one identifier: delete one of them and add it again.",
  },
  edge_duplicate_id: {
    vi: "Hai đường nối từ 'Khi nào' trùng mã nhận diện: hãy xóa một đường rồi nối lại.",
    en: "Two connections from 'When' share one identifier: delete one and connect again.",
  },
  node_type_unknown: {
    vi: "Bước 'Gửi fax': ứng dụng không còn hỗ trợ loại bước này: hãy xóa bước và chọn một bước khác.",
    en: "Step 'Gửi fax': this kind of step is no longer supported: delete it and choose another step.",
  },
  trigger_missing: {
    vi: "Quy trình chưa có bước 'Khi nào': hãy thêm bước này để chọn lúc quy trình bắt đầu.",
    en: "The flow has no 'When' step: add one to choose when the flow starts.",
  },
  trigger_multiple: {
    vi: "Bước 'Khi nào': một quy trình chỉ có một bước 'Khi nào': hãy xóa bước thừa.",
    en: "Step 'When': a flow has only one 'When' step: delete the extra one.",
  },
  trigger_kind_mismatch: {
    vi: "Bước 'Khi nào': quy trình chăm sóc bắt đầu theo một trường ngày của bản ghi: hãy chọn trường ngày.",
    en: "Step 'When': a care process starts on a date field of the record: choose the date field.",
  },
  action_missing: {
    vi: "Quy trình chưa có hành động nào: hãy thêm ít nhất một hành động (ví dụ 'Gửi Email thông báo' hoặc 'Cập nhật thông tin') sau bước 'Khi nào'.",
    en: "The flow has no action yet: add at least one action (such as 'Send email' or 'Update fields') after the 'When' step.",
  },
  edge_into_trigger: {
    vi: "Không thể nối từ 'Xác nhận đơn hàng' vào bước 'Khi nào': hãy xóa đường nối này.",
    en: "Nothing can lead from 'Xác nhận đơn hàng' into the 'When' step: delete this connection.",
  },
  edge_missing_node: {
    vi: 'Một đường nối dẫn tới bước đã bị xóa: hãy xóa đường nối đó.',
    en: 'A connection leads to a step that was deleted: delete that connection.',
  },
  edge_duplicate: {
    vi: "'Khi nào' được nối tới 'Điều kiện' hai lần: hãy xóa một đường nối.",
    en: "'When' is connected to 'Condition' twice: delete one of the connections.",
  },
  cycle: {
    vi: "Bước 'Điều kiện': quy trình bị lặp vòng (Điều kiện → Xác nhận đơn hàng): hãy xóa một đường nối để bỏ vòng lặp.",
    en: "Step 'Condition': the flow loops back on itself (Condition → Xác nhận đơn hàng): delete a connection to break the loop.",
  },
  unreachable: {
    vi: "Bước 'Xác nhận đơn hàng': bước chưa được nối từ bước 'Khi nào' nên sẽ không bao giờ chạy: hãy nối bước này vào quy trình.",
    en: "Step 'Xác nhận đơn hàng': it is not connected from the 'When' step, so it would never run: connect it to the flow.",
  },
  condition_handle_missing: {
    vi: "Đường nối từ 'Điều kiện' tới 'Xác nhận đơn hàng' phải đi từ nhánh Đúng hoặc Sai của điều kiện: hãy nối lại từ một nhánh.",
    en: "The connection from 'Condition' to 'Xác nhận đơn hàng' must leave the condition from its Yes or No branch: connect it from a branch.",
  },
  handle_not_allowed: {
    vi: "Chỉ bước điều kiện mới rẽ nhánh Đúng/Sai: hãy nối lại 'Khi nào' tới 'Điều kiện'.",
    en: "Only a condition branches on Yes/No: connect 'When' to 'Condition' again.",
  },
  node_not_allowed_module: {
    vi: "Bước 'Đề nghị ghi': bước này không dùng được cho phân hệ Tiềm năng: hãy xóa bước.",
    en: "Step 'Đề nghị ghi': this step is not available for Leads: delete it.",
  },
  node_not_allowed_kind: {
    vi: "Bước 'Đề nghị ghi': bước này không dùng được trong quy trình chăm sóc: hãy xóa bước.",
    en: "Step 'Đề nghị ghi': this step is not available in a care process: delete it.",
  },
  config_invalid: {
    vi: "Bước 'Chờ giao': thời gian chờ phải từ 1 trở lên: hãy nhập số lớn hơn.",
    en: "Step 'Chờ giao': how long to wait must be at least 1: enter a larger number.",
  },
  required: {
    vi: "Bước 'Gửi email xác nhận': chưa chọn mẫu in để đính kèm.",
    en: "Step 'Gửi email xác nhận': choose the print template to attach.",
  },
  field_unknown: {
    vi: "Bước 'Cập nhật đơn': phân hệ Đơn hàng không có trường 'colour': hãy chọn trường khác cho trường cần cập nhật.",
    en: "Step 'Cập nhật đơn': Orders has no field 'colour': choose another field for the field to update.",
  },
  field_type_mismatch: {
    vi: "Bước 'Chờ': trường 'Số đơn hàng' không phải trường ngày hoặc ngày giờ: hãy chọn trường khác cho trường ngày cần chờ tới.",
    en: "Step 'Chờ': field 'Order number' is not a date or date and time field: choose another field for the date field to wait for.",
  },
  field_not_updatable: {
    vi: "Bước 'Cập nhật đơn': quy trình không cập nhật được trường 'Chi tiết hàng hóa': hãy chọn trường khác.",
    en: "Step 'Cập nhật đơn': a flow cannot update field 'Order lines': choose another field.",
  },
  field_duplicate: {
    vi: "Bước 'Cập nhật đơn': trường 'Tình trạng' được cập nhật hai lần: hãy xóa một dòng.",
    en: "Step 'Cập nhật đơn': field 'Status' is updated twice: remove one of the rows.",
  },
  picklist_value_unknown: {
    vi: "Bước 'Cập nhật đơn': giá trị 'lost' không có trong danh sách của trường 'Tình trạng': hãy chọn lại giá trị.",
    en: "Step 'Cập nhật đơn': 'lost' is not an option of field 'Status': choose the value again.",
  },
  value_invalid: {
    vi: "Bước 'Cập nhật đơn': 'nhiều' không phải giá trị tiền tệ hợp lệ cho trường 'Tổng tiền': hãy nhập lại.",
    en: "Step 'Cập nhật đơn': 'nhiều' is not a valid money value for field 'Total': enter it again.",
  },
  operator_not_allowed: {
    vi: "Bước 'Điều kiện': không thể so sánh 'bắt đầu bằng' với trường 'Tổng tiền': hãy chọn phép so sánh khác.",
    en: "Step 'Condition': field 'Total' cannot be compared with 'starts with': choose another comparison.",
  },
  operator_not_for_kind: {
    vi: "Bước 'Điều kiện': quy trình chăm sóc chạy theo ngày nên không có thay đổi nào để so sánh 'thay đổi': hãy chọn phép so sánh khác.",
    en: "Step 'Condition': a care process runs on dates, so there is no edit for 'changed' to look at: choose another comparison.",
  },
  condition_empty: {
    vi: "Bước 'Điều kiện': nhóm điều kiện chưa có điều kiện nào: hãy thêm một điều kiện hoặc xóa nhóm.",
    en: "Step 'Condition': a group of criteria is empty: add a criterion or delete the group.",
  },
  reference_field_expected: {
    vi: "Bước 'Gửi email xác nhận': trường 'Số đơn hàng' không liên kết tới bản ghi khác: hãy chọn một trường liên kết.",
    en: "Step 'Gửi email xác nhận': field 'Order number' does not link to another record: choose a linked field.",
  },
  merge_field_unknown: {
    vi: "Bước 'Gửi email xác nhận': trường trộn #nope không có trong phân hệ Đơn hàng: hãy chèn lại trường từ danh sách.",
    en: "Step 'Gửi email xác nhận': merge field #nope does not exist in Orders: insert the field from the list again.",
  },
  recipients_missing: {
    vi: "Bước 'Gửi email xác nhận': chưa có người nhận: hãy chọn ít nhất một người nhận.",
    en: "Step 'Gửi email xác nhận': choose at least one recipient.",
  },
  user_unknown: {
    vi: "Bước 'Giao cho Lan': không còn tìm thấy người nhận bàn giao đã chọn ('u9'): hãy chọn lại.",
    en: "Step 'Giao cho Lan': choose the user to hand over to again: the one chosen ('u9') no longer exists.",
  },
  template_unknown: {
    vi: "Bước 'Gửi email xác nhận': không còn tìm thấy mẫu email đã chọn ('et9'): hãy chọn lại.",
    en: "Step 'Gửi email xác nhận': choose the email template again: the one chosen ('et9') no longer exists.",
  },
  allocation_rule_unknown: {
    vi: "Bước 'Chia đều': không còn tìm thấy quy tắc phân bổ đã chọn ('r9'): hãy chọn lại.",
    en: "Step 'Chia đều': choose the allocation rule again: the one chosen ('r9') no longer exists.",
  },
  provider_unknown: {
    vi: "Bước 'Nhắn tin': không còn tìm thấy nhà cung cấp SMS đã chọn ('viettel'): hãy chọn lại.",
    en: "Step 'Nhắn tin': choose the SMS provider again: the one chosen ('viettel') no longer exists.",
  },
  product_unknown: {
    vi: "Bước 'Chăm sóc': không còn tìm thấy hàng hóa đã chọn ('prod9'): hãy chọn lại.",
    en: "Step 'Chăm sóc': choose the products again: the one chosen ('prod9') no longer exists.",
  },
  zns_param_missing: {
    vi: "Bước 'Báo đơn qua Zalo': thiếu giá trị cho tham số order_code: hãy sửa phần ghép tham số của mẫu ZNS.",
    en: "Step 'Báo đơn qua Zalo': no value for parameter order_code: correct the ZNS template parameters.",
  },
  zns_param_unknown: {
    vi: "Bước 'Báo đơn qua Zalo': mẫu ZNS không có tham số gift: hãy sửa phần ghép tham số của mẫu ZNS.",
    en: "Step 'Báo đơn qua Zalo': the ZNS template has no parameter gift: correct the ZNS template parameters.",
  },
  zns_param_too_long: {
    vi: "Bước 'Báo đơn qua Zalo': tham số order_code dài 17 ký tự, tối đa 10: hãy sửa phần ghép tham số của mẫu ZNS.",
    en: "Step 'Báo đơn qua Zalo': parameter order_code is 17 characters long, at most 10 allowed: correct the ZNS template parameters.",
  },
  zns_param_type: {
    vi: "Bước 'Báo đơn qua Zalo': tham số amount của mẫu ZNS cần giá trị tiền tệ, trường 'Số đơn hàng' không phù hợp: hãy chọn trường khác.",
    en: "Step 'Báo đơn qua Zalo': ZNS parameter amount needs a money value and field 'Order number' does not fit: choose another field.",
  },
};

const table = sentenceCases.map((testCase) => ({ ...testCase, sentence: expected[testCase.code] }));

describe('validation sentences', () => {
  it('covers every validation code', () => {
    expect(sentenceCases.map((testCase) => testCase.code).sort()).toEqual([...ValidationCode.options].sort());
  });

  it.each(table)('$code', ({ code, graph, kind, module, context, sentence }) => {
    const { errors } = validateGraph({
      graph,
      module: module ?? 'order',
      kind: kind ?? 'event',
      catalog: standardModules,
      context: { ...testContext, ...context },
    });
    expect(errors.find((error) => error.code === code)?.message).toEqual(sentence);
  });
});
