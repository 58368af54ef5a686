import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { type ApiClient, apiClient, apiToken, type Credentials } from './api.ts';

/** The admin console journey's organization: its customer, its products, and its first order. */
export const CUSTOMER = 'Nguyễn Thị Hồng Nhung';
export const PRODUCTS = [
  { code: 'TRA-01', name: 'Trà sen Tây Hồ', price: 450000, quantity: 2, amountText: '900.000 ₫' },
  { code: 'CF-02', name: 'Cà phê Buôn Ma Thuột', price: 180000, quantity: 3, amountText: '540.000 ₫' },
];

export type Fixtures = {
  admin: Credentials;
  api: ApiClient & {
    /** A POST answered with a file: its bytes. */
    file(path: string, body: unknown): Promise<Buffer>;
  };
  firstOrderId: string;
};

/**
 * Signs a new organization up (nothing seeded, as a customer starts) and gives it a customer with
 * an email address, two products and a first order, for template previews to fill in.
 */
export async function prepareOrganization(baseUrl: string): Promise<Fixtures> {
  const admin: Credentials = { email: 'chu@hoasen.vn', password: 'matkhau-hoasen' };
  const signup = await fetch(`${baseUrl}/api/auth/signup`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ organizationName: 'Công ty TNHH Hoa Sen', name: 'Lê Văn Chủ', ...admin }),
  });
  if (signup.status !== 201) throw new Error(`sign-up answered ${signup.status}`);
  const api = await apiClient(baseUrl, admin);
  const contact = await api.call<{ id: string }>('/api/records/contact', {
    method: 'POST',
    body: { data: { name: CUSTOMER, email: 'nhung@khach.vn' } },
  });
  const productIds: string[] = [];
  for (const product of PRODUCTS) {
    const created = await api.call<{ id: string }>('/api/records/product', {
      method: 'POST',
      body: { data: { code: product.code, name: product.name, price: product.price } },
    });
    productIds.push(created.body.id);
  }
  const createOrder = async (code: string) => {
    const res = await api.call<{ id: string }>('/api/records/order', {
      method: 'POST',
      body: {
        data: {
          code,
          contact_id: contact.body.id,
          lines: PRODUCTS.map((product, index) => ({
            product_id: productIds[index],
            quantity: product.quantity,
            price: product.price,
          })),
        },
      },
    });
    if (res.status !== 201) throw new Error(`order ${code} answered ${res.status}`);
    return res.body.id;
  };
  const firstOrderId = await createOrder('ĐH-0001');
  const token = await apiToken(baseUrl, admin);
  const file = async (path: string, body: unknown) => {
    const res = await fetch(`${baseUrl}${path}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    if (!res.ok) throw new Error(`${path} answered ${res.status}`);
    return Buffer.from(await res.arrayBuffer());
  };
  return { admin, api: { ...api, file }, firstOrderId };
}

/** The text of a PDF as poppler's `pdftotext -layout` reads it: a table row stays on one line. */
export async function pdfText(pdf: Buffer): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'crmflow-pdf-'));
  try {
    const file = join(dir, 'document.pdf');
    writeFileSync(file, pdf);
    const { stdout } = await promisify(execFile)('pdftotext', ['-layout', '-enc', 'UTF-8', file, '-']);
    return stdout;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Polls `what` until it answers something other than undefined. */
export async function until<T>(what: () => Promise<T | undefined>, timeoutMs = 60_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await what();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
}

export const node = (id: string, type: string, config: object, y: number) => ({
  id,
  type,
  position: { x: 0, y },
  config,
});

export const chain = (ids: string[]) =>
  ids.slice(1).map((target, index) => ({ id: `e${index}`, source: ids[index] ?? '', target }));
