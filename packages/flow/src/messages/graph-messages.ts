import { defineCatalogue } from './define-catalogue.ts';

/**
 * Problems of a flow as a whole and of its connections: each says what is wrong and what to do.
 * `{step}`, `{from}`, `{to}` are steps as the author named them.
 */
export const graphMessages = defineCatalogue({
  'validation.in_step': { vi: "Bước '{step}': {problem}", en: "Step '{step}': {problem}" },
  'validation.summary': {
    vi: 'Quy trình còn {count} vấn đề cần sửa. Vấn đề đầu tiên: {first}',
    en: 'The flow has {count} problems to fix. The first: {first}',
  },
  'validation.graph_unreadable': {
    vi: 'Không đọc được dữ liệu của quy trình (bản lưu hoặc tệp nhập bị hỏng): hãy xóa bước bị lỗi rồi thêm lại.',
    en: "The flow's data cannot be read (a damaged save or import): delete the broken step and add it again.",
  },
  'validation.step_unreadable': {
    vi: 'dữ liệu của bước bị hỏng: hãy xóa bước này rồi thêm lại.',
    en: "the step's data is damaged: delete this step and add it again.",
  },
  'validation.node_duplicate_id': {
    vi: 'hai bước trùng mã nhận diện: hãy xóa một bước rồi thêm lại.',
    en: 'two steps share one identifier: delete one of them and add it again.',
  },
  'validation.edge_duplicate_id': {
    vi: "Hai đường nối từ '{from}' trùng mã nhận diện: hãy xóa một đường rồi nối lại.",
    en: "Two connections from '{from}' share one identifier: delete one and connect again.",
  },
  'validation.node_type_unknown': {
    vi: 'ứng dụng không còn hỗ trợ loại bước này: hãy xóa bước và chọn một bước khác.',
    en: 'this kind of step is no longer supported: delete it and choose another step.',
  },
  'validation.trigger_missing': {
    vi: "Quy trình chưa có bước 'Khi nào': hãy thêm bước này để chọn lúc quy trình bắt đầu.",
    en: "The flow has no 'When' step: add one to choose when the flow starts.",
  },
  'validation.trigger_multiple': {
    vi: "một quy trình chỉ có một bước 'Khi nào': hãy xóa bước thừa.",
    en: "a flow has only one 'When' step: delete the extra one.",
  },
  'validation.trigger_kind_event': {
    vi: 'quy trình làm việc bắt đầu khi bản ghi được thêm, sửa hoặc xóa, không theo ngày: hãy chọn lại lúc bắt đầu.',
    en: 'a workflow starts when a record is added, edited or deleted, not on a date: choose when it starts again.',
  },
  'validation.trigger_kind_schedule': {
    vi: 'quy trình chăm sóc bắt đầu theo một trường ngày của bản ghi: hãy chọn trường ngày.',
    en: 'a care process starts on a date field of the record: choose the date field.',
  },
  'validation.action_missing': {
    vi: "Quy trình chưa có hành động nào: hãy thêm ít nhất một hành động (ví dụ 'Gửi Email thông báo' hoặc 'Cập nhật thông tin') sau bước 'Khi nào'.",
    en: "The flow has no action yet: add at least one action (such as 'Send email' or 'Update fields') after the 'When' step.",
  },
  'validation.edge_into_trigger': {
    vi: "Không thể nối từ '{from}' vào bước 'Khi nào': hãy xóa đường nối này.",
    en: "Nothing can lead from '{from}' into the 'When' step: delete this connection.",
  },
  'validation.edge_missing_node': {
    vi: 'Một đường nối dẫn tới bước đã bị xóa: hãy xóa đường nối đó.',
    en: 'A connection leads to a step that was deleted: delete that connection.',
  },
  'validation.condition_handle_missing': {
    vi: "Đường nối từ '{from}' tới '{to}' phải đi từ nhánh Đúng hoặc Sai của điều kiện: hãy nối lại từ một nhánh.",
    en: "The connection from '{from}' to '{to}' must leave the condition from its Yes or No branch: connect it from a branch.",
  },
  'validation.handle_not_allowed': {
    vi: "Chỉ bước điều kiện mới rẽ nhánh Đúng/Sai: hãy nối lại '{from}' tới '{to}'.",
    en: "Only a condition branches on Yes/No: connect '{from}' to '{to}' again.",
  },
  'validation.edge_duplicate': {
    vi: "'{from}' được nối tới '{to}' hai lần: hãy xóa một đường nối.",
    en: "'{from}' is connected to '{to}' twice: delete one of the connections.",
  },
  'validation.cycle': {
    vi: 'quy trình bị lặp vòng ({path}): hãy xóa một đường nối để bỏ vòng lặp.',
    en: 'the flow loops back on itself ({path}): delete a connection to break the loop.',
  },
  'validation.unreachable': {
    vi: "bước chưa được nối từ bước 'Khi nào' nên sẽ không bao giờ chạy: hãy nối bước này vào quy trình.",
    en: "it is not connected from the 'When' step, so it would never run: connect it to the flow.",
  },
  'validation.node_not_allowed_module': {
    vi: 'bước này không dùng được cho phân hệ {module}: hãy xóa bước.',
    en: 'this step is not available for {module}: delete it.',
  },
  'validation.node_not_allowed_event': {
    vi: 'bước này không dùng được trong quy trình làm việc: hãy xóa bước.',
    en: 'this step is not available in a workflow: delete it.',
  },
  'validation.node_not_allowed_schedule': {
    vi: 'bước này không dùng được trong quy trình chăm sóc: hãy xóa bước.',
    en: 'this step is not available in a care process: delete it.',
  },
});
