import { describe, expect, it } from 'vitest';
import { fieldKeyFrom } from './custom-fields.ts';

describe('fieldKeyFrom', () => {
  it.each([
    ['Hạng thành viên', 'hang_thanh_vien'],
    ['Mã Zalo', 'ma_zalo'],
    ['Đại lý cấp 1', 'dai_ly_cap_1'],
    ['  Ngày   kỷ niệm! ', 'ngay_ky_niem'],
    ['2025 mục tiêu', 'f_2025_muc_tieu'],
  ])('%s → %s', (label, key) => {
    expect(fieldKeyFrom(label)).toBe(key);
  });
});
