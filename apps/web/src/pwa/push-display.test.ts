import { describe, expect, it } from 'vitest';
import { pushMessageOf, safeAppPath } from './push-display.ts';
import { applicationServerKey, deviceLabel } from './push-subscription.ts';

describe('pushMessageOf', () => {
  it('reads what the server pushes', () => {
    expect(
      pushMessageOf({ title: 'Công ty Demo', body: 'Khách mới: Chị Hoa', url: '/records/lead/1', tag: 'n1' }),
    ).toEqual({ title: 'Công ty Demo', body: 'Khách mới: Chị Hoa', url: '/records/lead/1', tag: 'n1' });
  });
  it.each([null, 'chữ', 42, { title: 7 }])('still shows something for %j', (data) => {
    expect(pushMessageOf(data)).toMatchObject({ title: 'crmflow', url: '/' });
  });
});

describe('safeAppPath', () => {
  it.each([
    ['/records/order/9', '/records/order/9'],
    ['/my-tasks?x=1', '/my-tasks?x=1'],
    ['https://evil.example/', '/'],
    ['//evil.example/', '/'],
    ['/\\evil.example', '/'],
    ['javascript:alert(1)', '/'],
    ['', '/'],
  ])('%s opens %s', (url, expected) => {
    expect(safeAppPath(url)).toBe(expected);
  });
});

describe('deviceLabel', () => {
  it.each([
    [
      'Mozilla/5.0 (Linux; Android 14; SM-A546E) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Mobile Safari/537.36',
      'Chrome · Android',
    ],
    [
      'Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1',
      'Safari · iPhone',
    ],
    ['Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:133.0) Gecko/20100101 Firefox/133.0', 'Firefox · Windows'],
    ['curl/8.0', ''],
  ])('%s → %s', (userAgent, label) => {
    expect(deviceLabel(userAgent)).toBe(label);
  });
});

describe('applicationServerKey', () => {
  it('decodes base64url without padding', () => {
    expect([...applicationServerKey('BP-_AQ')]).toEqual([0x04, 0xff, 0xbf, 0x01]);
  });
});
