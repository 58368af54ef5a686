import { describe, expect, it } from 'vitest';
import { useStaffedHarness } from '../test/harness.ts';
import { changeCount, invalidInput, MAX_DEPTH } from './input-guard.ts';

const nested = (depth: number): unknown => {
  let value: unknown = 'đáy';
  for (let i = 0; i < depth; i++) value = { a: value };
  return value;
};

describe('invalidInput', () => {
  it.each([
    ['plain Vietnamese text', { body: { name: 'Nguyễn Văn An 😀' } }, []],
    ['a NUL in a body value', { body: { name: 'An\u0000' } }, ['name']],
    ['a NUL deep in the body', { body: { data: { notes: ['ok', 'x\u0000y'] } } }, ['data.notes.1']],
    ['a lone high surrogate', { body: { name: 'a\ud800b' } }, ['name']],
    ['a lone low surrogate', { body: { name: '\udc00' } }, ['name']],
    ['a NUL in a key', { body: { data: { 'bad\u0000key': 1 } } }, ['data.bad\\0key']],
    ['a NUL in the query', { query: { q: '%\u0000' } }, ['q']],
    ['a NUL in a path parameter', { params: { id: '\u0000' } }, ['id']],
    ['a NUL as the whole body', { body: '\u0000' }, ['body']],
    ['nesting at the limit', { body: nested(MAX_DEPTH - 1) }, []],
    ['nesting past the limit', { body: nested(MAX_DEPTH + 5) }, [Array(MAX_DEPTH).fill('a').join('.')]],
  ])('%s', (_name, parts, fields) => {
    expect(invalidInput(parts, 'vi').map((d) => d.field)).toEqual(fields);
  });

  it('words its message in the caller’s language', () => {
    expect(invalidInput({ body: { a: '\u0000' } }, 'en')[0]?.message).toMatch(/NUL/);
    expect(invalidInput({ body: { a: '\u0000' } }, 'vi')[0]?.message).toMatch(/ký tự NUL/);
  });

  it('survives nesting far deeper than any stack', () => {
    expect(invalidInput({ body: nested(100_000) }, 'vi')).toHaveLength(1);
  });
});

describe('changeCount', () => {
  it.each([
    [{}, 0],
    [{ name: undefined }, 0],
    [{ version: 3 }, 0],
    [{ data: {}, version: 2 }, 0],
    [{ data: { name: 'An' } }, 1],
    [{ name: 'An', active: false }, 2],
    [{ secrets: null }, 1],
    [null, 1],
  ])('%j asks for %i changes', (body, count) => {
    expect(changeCount(body)).toBe(count);
  });
});

describe('bad input through the API', () => {
  const h = useStaffedHarness();

  it.each([
    ['login, anonymously', '/api/auth/login', { email: 'a\u0000@example.vn', password: 'x' }, 'email'],
    ['login password', '/api/auth/login', { email: 'a@example.vn', password: 'x\u0000' }, 'password'],
    [
      'signup',
      '/api/auth/signup',
      { organizationName: 'Cty\u0000', name: 'An', email: 'an@example.vn', password: 'mat-khau-dai' },
      'organizationName',
    ],
  ])('refuses a NUL byte at %s with 400 naming the field', async (_name, url, payload, field) => {
    const res = await h.app.inject({ method: 'POST', url, payload });
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({ code: 'invalid_input', details: [{ field }] });
  });

  it('refuses a NUL byte in a record value, a query and a path parameter', async () => {
    const created = await h.call('POST', '/api/records/contact', { data: { name: 'An\u0000' } });
    expect(created.statusCode).toBe(400);
    expect(created.json().error.details).toEqual([{ field: 'data.name', message: expect.any(String) }]);
    const listed = await h.call('GET', '/api/records/contact?q=%00');
    expect(listed.statusCode).toBe(400);
    expect(listed.json().error.details[0].field).toBe('q');
    const fetched = await h.call('GET', '/api/records/contact/%00');
    expect(fetched.statusCode).toBe(400);
  });

  it.each([
    ['PATCH /api/me {}', () => '/api/me', {}],
    ['PATCH /api/me with only unknown keys', () => '/api/me', { colour: 'đỏ' }],
    ['PATCH /api/users/:id {}', () => `/api/users/${h.member.id}`, {}],
    ['PATCH /api/users/:id with only unknown keys', () => `/api/users/${h.member.id}`, { shoe: 42 }],
  ])('answers %s with 400 nothing_to_change', async (_name, url, payload) => {
    const res = await h.call('PATCH', url(), payload);
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({
      code: 'nothing_to_change',
      message: 'Không có thay đổi nào để lưu',
    });
  });

  it('answers an empty record edit with nothing_to_change, and a real one with 200', async () => {
    const created = await h.call('POST', '/api/records/contact', { data: { name: 'Bình' } });
    const id = created.json().id as string;
    const empty = await h.call('PATCH', `/api/records/contact/${id}`, { data: {}, version: 1 });
    expect(empty.statusCode).toBe(400);
    expect(empty.json().error.code).toBe('nothing_to_change');
    const real = await h.call('PATCH', `/api/records/contact/${id}`, {
      data: { name: 'Bình An' },
      version: 1,
    });
    expect(real.statusCode).toBe(200);
    const me = await h.call('PATCH', '/api/me', { name: 'Quản trị' });
    expect(me.statusCode).toBe(200);
  });

  it('refuses a body nested too deep with 400', async () => {
    const res = await h.call('POST', '/api/records/contact', { data: { name: 'An', notes: nested(200) } });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('invalid_input');
  });
});
