/** Lịch sử thay đổi of a record. */
export const historyVi = {
  history: {
    title: 'Lịch sử thay đổi',
    loading: 'Đang tải lịch sử…',
    empty: 'Chưa có thay đổi nào được ghi lại.',
    emptyValue: '(trống)',
    by: 'bởi',
    byRun: 'quy trình “{{name}}”',
    deletedWorkflow: 'đã xóa',
    system: 'hệ thống',
    viaImport: 'nhập dữ liệu',
    total_one: '{{count}} thay đổi',
    total_other: '{{count}} thay đổi',
    operation: { create: 'Tạo bản ghi', update: 'Cập nhật', delete: 'Xóa bản ghi' },
  },
};
