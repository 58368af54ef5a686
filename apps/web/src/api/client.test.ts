import { afterEach, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { changeLocale } from '../i18n/index.ts';
import { apiError, mockApi, ok } from '../test/mock-api.ts';
import { ApiError, apiRequest, buildUrl, setUnauthorizedHandler } from './client.ts';

afterEach(() => setUnauthorizedHandler(() => {}));

describe('ApiError.fieldErrors', () => {
  it.each([
    [[{ field: 'code', message: 'Đã tồn tại' }], { code: 'Đã tồn tại' }],
    [[{ field: 'data.total', message: 'Phải là số' }], { total: 'Phải là số' }],
    [[{ field: 'lines.0.quantity', message: 'Phải lớn hơn 0' }], { lines: 'Phải lớn hơn 0' }],
    [
      [
        { field: 'email', message: 'Sai định dạng.' },
        { field: 'email', message: 'Đã được dùng.' },
      ],
      { email: 'Sai định dạng. Đã được dùng.' },
    ],
    ['not a list', {}],
    [[{ nope: true }], {}],
  ])('%j → %j', (details, expected) => {
    expect(new ApiError({ status: 400, code: 'invalid_input', message: 'x', details }).fieldErrors()).toEqual(
      expected,
    );
  });
});

describe('buildUrl', () => {
  it.each([
    [{ q: 'ánh dương', page: 2 }, '/api/records/order?q=%C3%A1nh+d%C6%B0%C6%A1ng&page=2'],
    [{ q: '', sort: undefined, order: null }, '/api/records/order'],
  ])('%j → %s', (query, expected) => {
    expect(buildUrl('/api/records/order', query)).toBe(expected);
  });
});

describe('apiRequest', () => {
  it('sends the chosen language and cookies, and parses the answer', async () => {
    await changeLocale('en');
    const api = mockApi([{ path: '/api/me', reply: () => ok({ value: 1 }) }]);
    await expect(apiRequest({ path: '/api/me', schema: z.object({ value: z.number() }) })).resolves.toEqual({
      value: 1,
    });
    expect(api.calls[0]?.headers.get('Accept-Language')).toBe('en');
  });

  it('turns an error body into a typed error', async () => {
    mockApi([{ path: '/api/x', reply: () => apiError(409, { code: 'version_conflict', message: 'Stale' }) }]);
    await expect(apiRequest({ path: '/api/x', schema: z.unknown() })).rejects.toMatchObject({
      status: 409,
      code: 'version_conflict',
      message: 'Stale',
    });
  });

  it.each([
    ['/api/records/order', 1],
    ['/api/auth/login', 0],
  ])('a 401 from %s calls the session guard %i time(s)', async (path, times) => {
    const guard = vi.fn();
    setUnauthorizedHandler(guard);
    mockApi([{ path, reply: () => apiError(401, { code: 'unauthenticated', message: 'No' }) }]);
    await expect(apiRequest({ path, schema: z.unknown() })).rejects.toBeInstanceOf(ApiError);
    expect(guard).toHaveBeenCalledTimes(times);
  });

  it('reports an unreachable server as a network error', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => Promise.reject(new TypeError('Failed to fetch'))),
    );
    await expect(apiRequest({ path: '/api/me', schema: z.unknown() })).rejects.toMatchObject({
      code: 'network',
    });
  });
});
