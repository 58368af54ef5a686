import type { UserRole } from '../schema/tenancy.ts';
import { familyNames, personNames } from './demo-catalog.ts';
import type { Random } from './random.ts';

export type DemoPerson = { name: string; family: string; given: string };

/** A Vietnamese full name: family, middle and given name of one gender. */
export function demoPerson(random: Random): DemoPerson {
  const names = random.next() < 0.5 ? personNames.male : personNames.female;
  const family = random.pick(familyNames);
  const given = random.pick(names.given);
  // "Hoàng Hoàng Hiếu" is possible but reads like a typo in a demo.
  const middle = random.pick(names.middle.filter((name) => name !== family));
  return { name: `${family} ${middle} ${given}`, family, given };
}

/** Lower-case ASCII for e-mail addresses: accents dropped, đ as d. */
export function asciiSlug(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '');
}

/** A mobile number as Vietnamese carriers issue them: 10 digits starting 03, 07, 08 or 09. */
export function mobilePhone(random: Random): string {
  return `${random.pick(['09', '03', '07', '08'])}${random.digits(8)}`;
}

/** Hands out e-mail addresses, numbering a repeated one (`an.nguyen2@…`) so each stays unique. */
export function emailBook(): (local: string, domain: string) => string {
  const used = new Map<string, number>();
  return (local, domain) => {
    const key = `${local}@${domain}`;
    const count = (used.get(key) ?? 0) + 1;
    used.set(key, count);
    return count === 1 ? key : `${local}${count}@${domain}`;
  };
}

export type DemoUser = { email: string; name: string; role: UserRole; phone: string | null };

export const demoManager: DemoUser = {
  email: 'mai.tran@demo.vn',
  name: 'Trần Thị Mai',
  role: 'manager',
  phone: '0909888777',
};

/** The sales staff (NVKD) who own the demo records. */
export const demoSalespeople: readonly DemoUser[] = [
  { email: 'hung.nguyen@demo.vn', name: 'Nguyễn Văn Hùng', role: 'member', phone: '0903123456' },
  { email: 'ha.le@demo.vn', name: 'Lê Thị Thu Hà', role: 'member', phone: '0912345678' },
  { email: 'tuan.pham@demo.vn', name: 'Phạm Minh Tuấn', role: 'member', phone: '0938765432' },
];
