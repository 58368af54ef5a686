import type { FieldMeta, FieldType, ModuleCatalog, ModuleKey, PicklistOption } from './field-meta.ts';

type FieldSpec = [key: string, labelVi: string, labelEn: string, type: FieldType, extra?: Partial<FieldMeta>];

const opt = (value: string, labelVi: string, labelEn: string): PicklistOption => ({
  value,
  labelVi,
  labelEn,
});
const ref = (refModule: ModuleKey): Partial<FieldMeta> => ({ refModule });
const pick = (...options: PicklistOption[]): Partial<FieldMeta> => ({ options });

function fields(specs: FieldSpec[]): FieldMeta[] {
  return specs.map(([key, labelVi, labelEn, type, extra]) => ({
    key,
    labelVi,
    labelEn,
    type,
    options: [],
    refModule: null,
    required: false,
    system: true,
    ...extra,
  }));
}

const owner: FieldSpec = ['owner_id', 'Chủ sở hữu', 'Owner', 'user'];

/** The modules and system fields every organization starts with (docs/graph-contract.md). */
export const standardModules: ModuleCatalog = {
  account: {
    key: 'account',
    labelVi: 'Khách hàng',
    labelEn: 'Accounts',
    titleField: 'name',
    fields: fields([
      ['name', 'Tên khách hàng', 'Account name', 'text', { required: true }],
      ['email', 'Email', 'Email', 'email'],
      ['phone', 'Điện thoại', 'Phone', 'phone'],
      ['founded_date', 'Ngày thành lập', 'Founded on', 'date'],
      [
        'industry',
        'Lĩnh vực',
        'Industry',
        'picklist',
        pick(
          opt('retail', 'Bán lẻ', 'Retail'),
          opt('manufacturing', 'Sản xuất', 'Manufacturing'),
          opt('technology', 'Công nghệ', 'Technology'),
          opt('construction', 'Xây dựng', 'Construction'),
          opt('food', 'Thực phẩm', 'Food and beverage'),
          opt('services', 'Dịch vụ', 'Services'),
        ),
      ],
      ['tax_code', 'Mã số thuế', 'Tax code', 'text'],
      ['address', 'Địa chỉ', 'Address', 'text'],
      owner,
    ]),
  },
  contact: {
    key: 'contact',
    labelVi: 'Liên hệ',
    labelEn: 'Contacts',
    titleField: 'name',
    fields: fields([
      ['name', 'Họ và tên', 'Full name', 'text', { required: true }],
      ['email', 'Email', 'Email', 'email'],
      ['phone', 'Điện thoại', 'Phone', 'phone'],
      ['birthday', 'Ngày sinh', 'Birthday', 'date'],
      ['account_id', 'Khách hàng', 'Account', 'reference', ref('account')],
      ['title', 'Chức danh', 'Job title', 'text'],
      owner,
    ]),
  },
  lead: {
    key: 'lead',
    labelVi: 'Tiềm năng',
    labelEn: 'Leads',
    titleField: 'name',
    fields: fields([
      ['name', 'Họ và tên', 'Full name', 'text', { required: true }],
      ['email', 'Email', 'Email', 'email'],
      ['phone', 'Điện thoại', 'Phone', 'phone'],
      [
        'source',
        'Nguồn',
        'Source',
        'picklist',
        pick(
          opt('website', 'Website', 'Website'),
          opt('referral', 'Giới thiệu', 'Referral'),
          opt('event', 'Sự kiện', 'Event'),
          opt('facebook', 'Facebook', 'Facebook'),
          opt('zalo', 'Zalo', 'Zalo'),
        ),
      ],
      [
        'status',
        'Tình trạng',
        'Status',
        'picklist',
        pick(
          opt('new', 'Mới', 'New'),
          opt('contacted', 'Đã liên hệ', 'Contacted'),
          opt('qualified', 'Đủ điều kiện', 'Qualified'),
          opt('lost', 'Không tiềm năng', 'Disqualified'),
        ),
      ],
      owner,
    ]),
  },
  opportunity: {
    key: 'opportunity',
    labelVi: 'Cơ hội',
    labelEn: 'Opportunities',
    titleField: 'name',
    fields: fields([
      ['name', 'Tên cơ hội', 'Opportunity name', 'text', { required: true }],
      ['account_id', 'Khách hàng', 'Account', 'reference', ref('account')],
      [
        'stage',
        'Giai đoạn',
        'Stage',
        'picklist',
        pick(
          opt('prospecting', 'Tìm hiểu nhu cầu', 'Prospecting'),
          opt('proposal', 'Gửi báo giá', 'Proposal'),
          opt('negotiation', 'Đàm phán', 'Negotiation'),
          opt('won', 'Thành công', 'Closed won'),
          opt('lost', 'Thất bại', 'Closed lost'),
        ),
      ],
      ['amount', 'Giá trị', 'Amount', 'money'],
      ['close_date', 'Ngày kỳ vọng kết thúc', 'Expected close date', 'date'],
      owner,
    ]),
  },
  quote: {
    key: 'quote',
    labelVi: 'Báo giá',
    labelEn: 'Quotes',
    titleField: 'code',
    fields: fields([
      ['code', 'Số báo giá', 'Quote number', 'text', { required: true }],
      ['account_id', 'Khách hàng', 'Account', 'reference', ref('account')],
      ['opportunity_id', 'Cơ hội', 'Opportunity', 'reference', ref('opportunity')],
      ['total', 'Tổng tiền', 'Total', 'money'],
      [
        'status',
        'Tình trạng',
        'Status',
        'picklist',
        pick(
          opt('draft', 'Nháp', 'Draft'),
          opt('sent', 'Đã gửi', 'Sent'),
          opt('accepted', 'Đã chấp nhận', 'Accepted'),
          opt('rejected', 'Từ chối', 'Rejected'),
        ),
      ],
      ['valid_until', 'Hiệu lực đến', 'Valid until', 'date'],
      owner,
    ]),
  },
  order: {
    key: 'order',
    labelVi: 'Đơn hàng',
    labelEn: 'Orders',
    titleField: 'code',
    fields: fields([
      ['code', 'Số đơn hàng', 'Order number', 'text', { required: true }],
      ['account_id', 'Khách hàng', 'Account', 'reference', ref('account')],
      ['contact_id', 'Liên hệ', 'Contact', 'reference', ref('contact')],
      ['order_date', 'Ngày đặt hàng', 'Order date', 'date'],
      [
        'status',
        'Tình trạng',
        'Status',
        'picklist',
        pick(
          opt('draft', 'Nháp', 'Draft'),
          opt('confirmed', 'Đã xác nhận', 'Confirmed'),
          opt('delivered', 'Đã giao hàng', 'Delivered'),
          opt('cancelled', 'Đã hủy', 'Cancelled'),
        ),
      ],
      ['total', 'Tổng tiền', 'Total', 'money'],
      ['lines', 'Chi tiết hàng hóa', 'Order lines', 'lines'],
      [
        'revenue_status',
        'Tình trạng ghi doanh số',
        'Revenue status',
        'picklist',
        pick(
          opt('none', 'Chưa ghi', 'Not recorded'),
          opt('proposed', 'Đã đề nghị ghi', 'Proposed'),
          opt('recorded', 'Đã ghi doanh số', 'Recorded'),
        ),
      ],
      owner,
    ]),
  },
  task: {
    key: 'task',
    labelVi: 'Nhiệm vụ',
    labelEn: 'Tasks',
    titleField: 'title',
    fields: fields([
      ['title', 'Tiêu đề', 'Title', 'text', { required: true }],
      ['description', 'Mô tả', 'Description', 'textarea'],
      [
        'status',
        'Tình trạng',
        'Status',
        'picklist',
        pick(opt('open', 'Đang thực hiện', 'Open'), opt('done', 'Hoàn thành', 'Done')),
      ],
      ['due_date', 'Hạn hoàn thành', 'Due date', 'date'],
      [
        'task_type',
        'Loại nhiệm vụ',
        'Task type',
        'picklist',
        pick(
          opt('call', 'Gọi điện', 'Call'),
          opt('meeting', 'Gặp mặt', 'Meeting'),
          opt('email', 'Gửi email', 'Email'),
          opt('care', 'Chăm sóc khách hàng', 'Customer care'),
          opt('other', 'Khác', 'Other'),
        ),
      ],
      [
        'priority',
        'Mức độ ưu tiên',
        'Priority',
        'picklist',
        pick(opt('low', 'Thấp', 'Low'), opt('normal', 'Trung bình', 'Normal'), opt('high', 'Cao', 'High')),
      ],
      ['opportunity_id', 'Cơ hội', 'Opportunity', 'reference', ref('opportunity')],
      ['account_id', 'Khách hàng', 'Account', 'reference', ref('account')],
      owner,
    ]),
  },
  product: {
    key: 'product',
    labelVi: 'Hàng hóa',
    labelEn: 'Products',
    titleField: 'name',
    fields: fields([
      ['code', 'Mã hàng hóa', 'Product code', 'text', { required: true }],
      ['name', 'Tên hàng hóa', 'Product name', 'text', { required: true }],
      [
        'category',
        'Loại hàng hóa',
        'Category',
        'picklist',
        pick(
          opt('electronics', 'Điện tử', 'Electronics'),
          opt('furniture', 'Nội thất', 'Furniture'),
          opt('software', 'Phần mềm', 'Software'),
          opt('stationery', 'Văn phòng phẩm', 'Stationery'),
          opt('services', 'Dịch vụ', 'Services'),
        ),
      ],
      ['price', 'Đơn giá', 'Unit price', 'money'],
    ]),
  },
};

export const moduleKeys = Object.keys(standardModules) as ModuleKey[];
