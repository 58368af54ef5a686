/**
 * Vietnamese texts of the salesperson's day on a phone: my tasks, care cards, the profile with
 * push notifications on this device. Spread into `vi.ts`; `phone.en.ts` must hold the same keys.
 */
export const phoneVi = {
  myTasks: {
    title: 'Việc của tôi',
    subtitle: 'Nhiệm vụ đang mở được giao cho bạn.',
    overdue: 'Quá hạn',
    today: 'Hôm nay',
    later: 'Sắp tới',
    empty: 'Không còn việc nào',
    emptyBody: 'Bạn đã hoàn thành mọi nhiệm vụ được giao. Nhiệm vụ mới sẽ hiện ở đây.',
    due: 'Hạn {{date}}',
    noDue: 'Chưa có hạn',
    done: 'Xong',
    markDone: 'Xong: {{title}}',
    marked: 'Đã hoàn thành “{{title}}”.',
    untitled: '(Chưa có tiêu đề)',
  },
  careCards: {
    title: 'Thẻ chăm sóc',
    subtitle: 'Khách hàng cần chăm sóc theo ngày chăm sóc.',
    period: {
      label: 'Thời gian',
      today: 'Đến hạn hôm nay',
      week: 'Tuần này',
      all: 'Tất cả',
    },
    whose: {
      label: 'Người phụ trách',
      mine: 'Của tôi',
      everyone: 'Mọi người',
    },
    empty: 'Không có thẻ chăm sóc',
    emptyBody: 'Không có thẻ nào trong khoảng thời gian này. Thẻ mới do quy trình tạo sẽ hiện ở đây.',
    order: 'Đơn hàng {{code}}',
    careDate: 'Ngày chăm sóc {{date}}',
    noDate: 'Chưa có ngày chăm sóc',
    owner: 'Phụ trách: {{name}}',
    noOwner: 'Chưa có người phụ trách',
    category: 'Nhóm {{category}}',
  },
  profile: {
    title: 'Hồ sơ của bạn',
    menuLink: 'Hồ sơ và thông báo',
    account: 'Tài khoản',
  },
  push: {
    title: 'Thông báo trên điện thoại',
    body: 'Nhận thông báo của quy trình (nhiệm vụ được giao, thẻ chăm sóc mới…) ngay trên thiết bị này, kể cả khi không mở ứng dụng.',
    enable: 'Bật thông báo trên thiết bị này',
    enabling: 'Đang bật…',
    enabledHere: 'Thiết bị này đang nhận thông báo.',
    refused: 'Bạn chưa cho phép thông báo. Hãy cho phép trong cài đặt của trình duyệt rồi thử lại.',
    denied: 'Trình duyệt đang chặn thông báo của crmflow. Hãy cho phép trong cài đặt trang web.',
    unsupported:
      'Trình duyệt này không hỗ trợ thông báo đẩy. Trên iPhone, hãy thêm crmflow vào Màn hình chính trước.',
    devices: 'Thiết bị nhận thông báo',
    noDevices: 'Chưa có thiết bị nào.',
    thisDevice: 'Thiết bị này',
    unnamed: 'Thiết bị không rõ tên',
    added: 'Thêm ngày {{date}}',
    lastPushed: 'Lần gửi gần nhất {{date}}',
    remove: 'Gỡ',
    removeLabel: 'Gỡ thiết bị {{name}}',
  },
  phone: {
    editorNotice:
      'Trình thiết kế quy trình dùng tốt nhất trên máy tính. Trên điện thoại bạn vẫn xem được quy trình và bật, tắt quy trình ở danh sách.',
    nav: { workflows: 'Quy trình' },
  },
};
