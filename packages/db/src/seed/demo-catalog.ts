/**
 * Fictional Vietnamese businesses, people and goods for the demo organization. Any likeness to a
 * real company is in the naming style only.
 */

export type DemoCompany = { name: string; short: string; domain: string; industry: string };

const company = (name: string, short: string, domain: string, industry: string): DemoCompany => ({
  name,
  short,
  domain,
  industry,
});

export const demoCompanies: readonly DemoCompany[] = [
  company(
    'Công ty CP Thép Hòa Phát Miền Nam',
    'Thép Hòa Phát Miền Nam',
    'hoaphatmiennam.vn',
    'manufacturing',
  ),
  company('Công ty TNHH Thực phẩm Sài Gòn Xanh', 'Thực phẩm Sài Gòn Xanh', 'saigonxanhfood.vn', 'food'),
  company('Công ty CP Công nghệ Phương Nam Số', 'Phương Nam Số', 'phuongnamso.vn', 'technology'),
  company('Công ty TNHH Xây dựng Đông Á', 'Xây dựng Đông Á', 'xaydungdonga.vn', 'construction'),
  company('Công ty CP Bán lẻ Minh Châu', 'Bán lẻ Minh Châu', 'minhchau.vn', 'retail'),
  company('Công ty TNHH Vận tải Hải Vân', 'Vận tải Hải Vân', 'vantaihaivan.vn', 'services'),
  company(
    'Công ty CP Nhựa Bình Minh Long An',
    'Nhựa Bình Minh Long An',
    'nhuabinhminhla.vn',
    'manufacturing',
  ),
  company('Công ty TNHH Phần mềm Lạc Hồng', 'Phần mềm Lạc Hồng', 'lachongsoft.vn', 'technology'),
  company('Công ty CP Siêu thị Gia Đình Việt', 'Siêu thị Gia Đình Việt', 'giadinhviet.vn', 'retail'),
  company('Công ty TNHH Cà phê Tây Nguyên Xanh', 'Cà phê Tây Nguyên Xanh', 'caphetaynguyen.vn', 'food'),
  company('Công ty CP Đầu tư Xây dựng Sông Hồng', 'Xây dựng Sông Hồng', 'xdsonghong.vn', 'construction'),
  company('Công ty TNHH Kế toán Tín Việt', 'Kế toán Tín Việt', 'ketoantinviet.vn', 'services'),
  company(
    'Công ty CP May mặc Thành Công Bình Dương',
    'May Thành Công Bình Dương',
    'maythanhcong.vn',
    'manufacturing',
  ),
  company('Công ty TNHH Giải pháp Số An Khang', 'Giải pháp Số An Khang', 'ankhangtech.vn', 'technology'),
  company('Công ty CP Chuỗi cửa hàng Hạnh Phúc', 'Cửa hàng Hạnh Phúc', 'hanhphucmart.vn', 'retail'),
  company('Công ty TNHH Nước mắm Phú Quốc Hưng Thịnh', 'Nước mắm Hưng Thịnh', 'nuocmamhungthinh.vn', 'food'),
  company(
    'Công ty CP Kết cấu Thép Trường Sơn',
    'Kết cấu Thép Trường Sơn',
    'theptruongson.vn',
    'construction',
  ),
  company('Công ty TNHH Tư vấn Quản lý Sao Mai', 'Tư vấn Sao Mai', 'tuvansaomai.vn', 'services'),
  company('Công ty CP Gạch men Đồng Tâm Phát', 'Gạch men Đồng Tâm Phát', 'dongtamphat.vn', 'manufacturing'),
  company('Công ty TNHH Điện tử Việt Nhật', 'Điện tử Việt Nhật', 'dientuvietnhat.vn', 'technology'),
  company('Công ty CP Thời trang Ngọc Trai', 'Thời trang Ngọc Trai', 'ngoctraifashion.vn', 'retail'),
  company('Công ty TNHH Bánh kẹo Hương Quê', 'Bánh kẹo Hương Quê', 'banhkeohuongque.vn', 'food'),
  company(
    'Công ty CP Cơ điện lạnh Bắc Trung Nam',
    'Cơ điện lạnh Bắc Trung Nam',
    'codienbtn.vn',
    'construction',
  ),
  company('Công ty TNHH Du lịch Biển Xanh Nha Trang', 'Du lịch Biển Xanh', 'bienxanhtravel.vn', 'services'),
  company('Công ty CP Bao bì Tân Phú', 'Bao bì Tân Phú', 'baobitanphu.vn', 'manufacturing'),
  company('Công ty TNHH Dữ liệu Mây Việt', 'Dữ liệu Mây Việt', 'mayviet.vn', 'technology'),
  company('Công ty CP Nội thất Hòa Bình Home', 'Hòa Bình Home', 'hoabinhhome.vn', 'retail'),
  company('Công ty TNHH Sữa tươi Mộc Châu Xanh', 'Sữa Mộc Châu Xanh', 'suamocchauxanh.vn', 'food'),
  company('Công ty CP Hạ tầng Đô thị Cửu Long', 'Hạ tầng Cửu Long', 'hatangcuulong.vn', 'construction'),
  company(
    'Công ty TNHH Logistics Cảng Sài Gòn Mới',
    'Logistics Sài Gòn Mới',
    'saigonmoilogistics.vn',
    'services',
  ),
];

export const familyNames = [
  'Nguyễn',
  'Trần',
  'Lê',
  'Phạm',
  'Hoàng',
  'Huỳnh',
  'Phan',
  'Vũ',
  'Võ',
  'Đặng',
  'Bùi',
  'Đỗ',
  'Hồ',
  'Ngô',
  'Dương',
  'Lý',
] as const;

/** Middle and given names go by gender, as Vietnamese names do. */
export const personNames = {
  male: {
    middle: ['Văn', 'Minh', 'Đức', 'Quốc', 'Hữu', 'Gia', 'Thanh', 'Hoàng'],
    given: [
      'An',
      'Bình',
      'Dũng',
      'Hải',
      'Hiếu',
      'Hùng',
      'Khánh',
      'Long',
      'Nam',
      'Phong',
      'Phúc',
      'Quân',
      'Sơn',
      'Trung',
      'Tuấn',
      'Việt',
    ],
  },
  female: {
    middle: ['Thị', 'Ngọc', 'Thu', 'Thanh', 'Bảo', 'Minh', 'Kim', 'Phương'],
    given: [
      'Anh',
      'Châu',
      'Giang',
      'Hà',
      'Hạnh',
      'Hoa',
      'Hương',
      'Lan',
      'Linh',
      'Mai',
      'Ngân',
      'Nhung',
      'Quỳnh',
      'Thảo',
      'Trang',
      'Yến',
    ],
  },
} as const;

export const jobTitles = [
  'Giám đốc',
  'Phó giám đốc',
  'Kế toán trưởng',
  'Trưởng phòng mua hàng',
  'Trưởng phòng hành chính',
  'Chuyên viên mua hàng',
  'Trưởng phòng IT',
  'Trợ lý giám đốc',
] as const;

export const streets = [
  'Nguyễn Huệ, Quận 1, TP. Hồ Chí Minh',
  'Lê Lợi, Quận 1, TP. Hồ Chí Minh',
  'Cộng Hòa, Quận Tân Bình, TP. Hồ Chí Minh',
  'Nguyễn Văn Linh, Quận 7, TP. Hồ Chí Minh',
  'Võ Văn Kiệt, Quận 5, TP. Hồ Chí Minh',
  'Đại lộ Bình Dương, TP. Thủ Dầu Một, Bình Dương',
  'Trần Duy Hưng, Quận Cầu Giấy, Hà Nội',
  'Láng Hạ, Quận Đống Đa, Hà Nội',
  'Nguyễn Văn Linh, Quận Hải Châu, Đà Nẵng',
  'Trần Phú, TP. Nha Trang, Khánh Hòa',
  'Quốc lộ 1A, TP. Tân An, Long An',
  '30 Tháng 4, Quận Ninh Kiều, Cần Thơ',
] as const;

export type DemoProduct = { name: string; category: string; price: number };

const product = (name: string, category: string, price: number): DemoProduct => ({ name, category, price });

export const demoProducts: readonly DemoProduct[] = [
  product('Máy tính xách tay Dell Latitude 5440', 'electronics', 24_990_000),
  product('Màn hình LG 27 inch 4K', 'electronics', 8_490_000),
  product('Máy in laser Canon LBP2900', 'electronics', 3_990_000),
  product('Bộ phát Wi-Fi TP-Link Archer AX55', 'electronics', 1_890_000),
  product('Bàn làm việc gỗ sồi 1m4', 'furniture', 4_500_000),
  product('Ghế công thái học Ergo Pro', 'furniture', 5_900_000),
  product('Tủ hồ sơ sắt 3 ngăn', 'furniture', 2_750_000),
  product('Bàn họp 8 chỗ', 'furniture', 12_800_000),
  product('Phần mềm kế toán (gói 1 năm)', 'software', 6_000_000),
  product('Microsoft 365 Business Standard (1 năm)', 'software', 3_100_000),
  product('Phần mềm diệt virus (1 năm)', 'software', 290_000),
  product('Gói CRM 10 người dùng (1 năm)', 'software', 18_000_000),
  product('Giấy A4 80gsm (thùng 5 ram)', 'stationery', 420_000),
  product('Bút bi (hộp 20 cây)', 'stationery', 90_000),
  product('Sổ tay bìa da A5', 'stationery', 85_000),
  product('Bìa còng 7cm', 'stationery', 45_000),
  product('Lắp đặt mạng văn phòng', 'services', 3_500_000),
  product('Bảo trì máy tính định kỳ (tháng)', 'services', 1_200_000),
  product('Đào tạo sử dụng phần mềm (buổi)', 'services', 2_000_000),
  product('Tư vấn chuyển đổi số (ngày công)', 'services', 8_000_000),
];

/** What an opportunity is about; the account's short name follows. */
export const opportunityTopics = [
  'Trang bị máy tính văn phòng',
  'Nâng cấp hệ thống mạng',
  'Triển khai phần mềm kế toán',
  'Nội thất văn phòng mới',
  'Gói CRM cho phòng kinh doanh',
  'Văn phòng phẩm cả năm',
  'Đào tạo chuyển đổi số',
  'Hợp đồng bảo trì thiết bị',
] as const;

export const taskTopics = [
  { title: 'Gọi điện tư vấn', taskType: 'call' },
  { title: 'Gửi báo giá', taskType: 'email' },
  { title: 'Hẹn gặp trao đổi hợp đồng', taskType: 'meeting' },
  { title: 'Chăm sóc sau bán hàng', taskType: 'care' },
  { title: 'Chuẩn bị hồ sơ dự thầu', taskType: 'other' },
] as const;
