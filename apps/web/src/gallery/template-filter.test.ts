import type { FlowGraph } from '@crmflow/flow';
import { describe, expect, it } from 'vitest';
import {
  channelsOf,
  type FilterableTemplate,
  foldText,
  matchesFilter,
  type TemplateFilter,
} from './template-filter.ts';

const graph = (...types: string[]): FlowGraph => ({
  nodes: types.map((type, index) => ({
    id: `n${index}`,
    type,
    position: { x: 0, y: index * 160 },
    config: type === 'trigger' ? {} : { name: type === 'send_sms' ? 'SMS chúc mừng sinh nhật' : 'Bước' },
  })),
  edges: [],
});

const birthday: FilterableTemplate = {
  module: 'contact',
  kind: 'schedule',
  nameVi: 'Gửi SMS chúc mừng sinh nhật khách hàng',
  nameEn: 'Birthday SMS to contacts',
  descriptionVi: 'Hằng năm vào ngày sinh nhật của liên hệ.',
  descriptionEn: null,
  graph: graph('trigger', 'condition', 'send_sms', 'create_task'),
};

describe('foldText', () => {
  it.each([
    ['Sinh Nhật', 'sinh nhat'],
    ['Đơn hàng ĐÃ GIAO', 'don hang da giao'],
    ['Quy trình chăm sóc', 'quy trinh cham soc'],
    ['Webhook', 'webhook'],
  ])('%s → %s', (text, folded) => expect(foldText(text)).toBe(folded));
});

describe('matchesFilter', () => {
  it.each<[string, TemplateFilter, boolean]>([
    ['no filter', {}, true],
    ['its module', { module: 'contact' }, true],
    ['another module', { module: 'order' }, false],
    ['its kind', { kind: 'schedule' }, true],
    ['the other kind', { kind: 'event' }, false],
    ['a channel it uses', { channel: 'sms' }, true],
    ['a channel it does not use', { channel: 'email' }, false],
    ['words without accents', { search: 'sinh nhat' }, true],
    ['words in capitals with accents', { search: 'SINH NHẬT' }, true],
    ['English words', { search: 'birthday' }, true],
    ['a word of the description', { search: 'hang nam' }, true],
    ['words in any order', { search: 'khach sms' }, true],
    ['a word it lacks', { search: 'sinh nhat email' }, false],
    [
      'everything at once',
      { module: 'contact', kind: 'schedule', channel: 'sms', search: 'chuc mung' },
      true,
    ],
  ])('%s', (_what, filter, expected) => expect(matchesFilter(birthday, filter)).toBe(expected));
});

describe('channelsOf', () => {
  it.each<[string[], string[]]>([
    [['trigger', 'send_email', 'create_task'], ['email']],
    [
      ['trigger', 'send_zalo_zns', 'send_sms', 'webhook'],
      ['sms', 'zns', 'webhook'],
    ],
    [['trigger', 'notify'], []],
  ])('%j → %j', (types, channels) => expect(channelsOf(graph(...types))).toEqual(channels));
});
