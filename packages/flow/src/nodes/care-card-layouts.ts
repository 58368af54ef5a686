/**
 * The layouts a care card can take, and the fields each shows. A card made by "Thêm thẻ chăm
 * sóc" takes one layout; its extra fields are chosen among that layout's fields, by label.
 */
export type CareCardField = {
  key: string;
  labelVi: string;
  labelEn: string;
  /** `textarea` for long notes; every value is text once merged. */
  type: 'text' | 'textarea' | 'date';
};

export type CareCardLayout = {
  key: string;
  labelVi: string;
  labelEn: string;
  fields: readonly CareCardField[];
};

const field = (key: string, labelVi: string, labelEn: string, type: CareCardField['type'] = 'text') => ({
  key,
  labelVi,
  labelEn,
  type,
});

const topic = field('topic', 'Nội dung chăm sóc', 'Care topic');
const note = field('note', 'Ghi chú', 'Note', 'textarea');
const contactChannel = field('channel', 'Kênh liên hệ', 'Contact channel');

export const careCardLayouts: readonly CareCardLayout[] = [
  {
    key: 'default',
    labelVi: 'Chăm sóc sau bán hàng',
    labelEn: 'After-sales care',
    fields: [topic, contactChannel, note],
  },
  {
    key: 'call',
    labelVi: 'Gọi điện hỏi thăm',
    labelEn: 'Follow-up call',
    fields: [topic, field('phone_script', 'Kịch bản gọi', 'Call script', 'textarea'), note],
  },
  {
    key: 'warranty',
    labelVi: 'Bảo hành, bảo trì',
    labelEn: 'Warranty and maintenance',
    fields: [
      topic,
      field('serial_number', 'Số sê-ri', 'Serial number'),
      field('warranty_until', 'Bảo hành đến', 'Warranty until', 'date'),
      note,
    ],
  },
  {
    key: 'reorder',
    labelVi: 'Nhắc mua lại',
    labelEn: 'Reorder reminder',
    fields: [topic, field('offer', 'Ưu đãi', 'Offer'), contactChannel, note],
  },
];

export function findCareCardLayout(key: string): CareCardLayout | undefined {
  return careCardLayouts.find((layout) => layout.key === key);
}
