import { describe, expect, it } from 'vitest';
import { filterPalette, paletteGroups } from './palette-items.ts';

const typesOf = (args: Parameters<typeof paletteGroups>[0]) =>
  paletteGroups(args).flatMap((group) => group.items.map((item) => item.type));

describe('palette', () => {
  it('groups the node types Khi nào / Điều kiện / Hành động in the catalogue order', () => {
    const groups = paletteGroups({ module: 'order', kind: 'event', locale: 'vi' });
    expect(groups.map((group) => group.category)).toEqual(['trigger', 'condition', 'action']);
    expect(groups[2]?.items[0]).toMatchObject({
      type: 'update_fields',
      label: 'Cập nhật thông tin',
      icon: 'pencil',
    });
  });

  it.each([
    ['order', 'event', ['add_care_card', 'propose_revenue', 'record_revenue'], []],
    ['order', 'schedule', ['add_care_card'], ['propose_revenue', 'record_revenue']],
    [
      'contact',
      'event',
      ['send_email', 'assign_owner'],
      ['add_care_card', 'propose_revenue', 'record_revenue'],
    ],
    ['product', 'event', ['update_fields'], ['assign_owner', 'add_care_card']],
  ] as const)('on %s in a %s flow offers %j and not %j', (module, kind, offered, refused) => {
    const types = typesOf({ module, kind, locale: 'vi' });
    for (const type of offered) expect(types).toContain(type);
    for (const type of refused) expect(types).not.toContain(type);
  });

  it('speaks English when asked', () => {
    const [trigger] = paletteGroups({ module: 'lead', kind: 'event', locale: 'en' });
    expect(trigger?.items[0]?.label).toBe('When');
  });

  it.each([
    ['email', ['send_email']],
    ['nhiem vu', ['create_task']],
    ['GỬI', ['send_email', 'notify', 'send_sms', 'send_zalo_zns', 'webhook']],
    ['zzz', []],
  ])('finds %s without caring for case or accents', (query, expected) => {
    const found = filterPalette(
      paletteGroups({ module: 'order', kind: 'event', locale: 'vi' }),
      query,
    ).flatMap((group) => group.items.map((item) => item.type));
    expect(found).toEqual(expected);
  });
});
