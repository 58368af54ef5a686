/** "Nếu kích hoạt…" and the conflict warnings of the editor and the workflow list. */
export const impactVi = {
  impact: {
    open: 'Nếu kích hoạt…',
    title: 'Nếu kích hoạt…',
    close: 'Đóng "Nếu kích hoạt…"',
    introEvent:
      'Quy trình (bản đã lưu) được chạy thử trên lịch sử thay đổi của phân hệ: những lần nó sẽ chạy và việc mỗi bước sẽ làm. Không gửi, không ghi gì.',
    introSchedule:
      'Quy trình chăm sóc (bản đã lưu) theo dữ liệu hôm nay: những bản ghi nó sẽ chăm sóc và việc mỗi bước sẽ làm. Không gửi, không ghi gì.',
    lastDays: 'Trong',
    nextDays: 'Trong',
    days_one: '{{count}} ngày',
    days_other: '{{count}} ngày',
    unsaved: 'Có thay đổi chưa lưu: lưu quy trình để xem theo bản mới.',
    runs_one: 'Sẽ chạy {{count}} lần',
    runs_other: 'Sẽ chạy {{count}} lần',
    onRecords_one: 'trên {{count}} bản ghi',
    onRecords_other: 'trên {{count}} bản ghi',
    periodLast_one: '{{count}} ngày qua, trên {{scanned}} thay đổi có thể kích hoạt quy trình.',
    periodLast_other: '{{count}} ngày qua, trên {{scanned}} thay đổi có thể kích hoạt quy trình.',
    periodNext: 'Từ {{from}} đến {{to}}.',
    noneEvent: 'Không có thay đổi nào trong khoảng này làm quy trình chạy.',
    noneSchedule: 'Không có bản ghi nào đến hạn trong khoảng này.',
    more_one: 'và {{count}} lần chạy khác',
    more_other: 'và {{count}} lần chạy khác',
  },
  conflicts: {
    title_one: '{{count}} cảnh báo với các quy trình khác',
    title_other: '{{count}} cảnh báo với các quy trình khác',
    chain: 'Chuỗi quy trình',
    open: 'Mở quy trình kia',
    badge_one: '{{count}} cảnh báo',
    badge_other: '{{count}} cảnh báo',
    kind: {
      same_field: 'Cùng ghi một trường',
      cycle: 'Vòng lặp',
      never_fires: 'Không bao giờ chạy',
    },
  },
};
