import { createECDH, randomBytes } from 'node:crypto';
import { organizations } from '@crmflow/db';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { useStaffedHarness } from '../../test/harness.ts';

const h = useStaffedHarness();

/** What a browser's `PushSubscription.toJSON()` gives. */
function browserSubscription(endpoint: string) {
  const ecdh = createECDH('prime256v1');
  return {
    endpoint,
    keys: { p256dh: ecdh.generateKeys().toString('base64url'), auth: randomBytes(16).toString('base64url') },
  };
}

describe('push devices', () => {
  it('hands out one VAPID public key, an uncompressed P-256 point', async () => {
    const first = await h.call('GET', '/api/push/vapid-public-key', undefined, h.member.headers);
    const again = await h.call('GET', '/api/push/vapid-public-key');
    expect(first.statusCode).toBe(200);
    expect(again.json().publicKey).toBe(first.json().publicKey);
    const point = Buffer.from(first.json().publicKey, 'base64url');
    expect([point.length, point[0]]).toEqual([65, 4]);
  });

  it('enables push on a device, lists only the user’s own, updates it on re-subscribe and removes it', async () => {
    const phone = browserSubscription('https://fcm.googleapis.com/fcm/send/abc123');
    const created = await h.call(
      'POST',
      '/api/push/subscriptions',
      { ...phone, label: 'Chrome · Android' },
      h.member.headers,
    );
    expect(created.statusCode).toBe(201);
    const device = created.json();
    expect(device).toMatchObject({ label: 'Chrome · Android', endpoint: phone.endpoint, lastPushedAt: null });

    const renewed = browserSubscription(phone.endpoint);
    const again = await h.call('POST', '/api/push/subscriptions', renewed, h.member.headers);
    expect(again.json().id).toBe(device.id);

    const mine = await h.call('GET', '/api/push/subscriptions', undefined, h.member.headers);
    expect(mine.json().items.map((d: { id: string }) => d.id)).toEqual([device.id]);
    const theirs = await h.call('GET', '/api/push/subscriptions', undefined, h.manager.headers);
    expect(theirs.json().items).toEqual([]);

    expect(
      (await h.call('DELETE', `/api/push/subscriptions/${device.id}`, undefined, h.manager.headers))
        .statusCode,
    ).toBe(404);
    expect(
      (await h.call('DELETE', `/api/push/subscriptions/${device.id}`, undefined, h.member.headers))
        .statusCode,
    ).toBe(204);
    expect(
      (await h.call('GET', '/api/push/subscriptions', undefined, h.member.headers)).json().items,
    ).toEqual([]);
  });

  it.each([
    ['endpoint', { endpoint: 'http://push.example.com/d' }],
    ['endpoint', { endpoint: 'không phải URL' }],
    [
      'keys.p256dh',
      {
        keys: { p256dh: randomBytes(65).toString('base64url'), auth: randomBytes(16).toString('base64url') },
      },
    ],
    [
      'keys.auth',
      { keys: { p256dh: createECDH('prime256v1').generateKeys().toString('base64url'), auth: 'ngắn' } },
    ],
  ])('refuses a bad %s with a 400 naming it', async (field, change) => {
    const body = { ...browserSubscription('https://push.example.com/d'), ...change };
    const res = await h.call('POST', '/api/push/subscriptions', body, h.member.headers);
    expect(res.statusCode).toBe(400);
    expect(JSON.stringify(res.json().error.details)).toContain(field);
  });

  it('accepts a plain-http endpoint only where the organization allows private networks', async () => {
    const local = browserSubscription('http://127.0.0.1:9/push');
    expect((await h.call('POST', '/api/push/subscriptions', local, h.member.headers)).statusCode).toBe(400);
    await h.database.db
      .update(organizations)
      .set({ settings: { allowPrivateNetwork: true } })
      .where(eq(organizations.id, h.org.id));
    expect((await h.call('POST', '/api/push/subscriptions', local, h.member.headers)).statusCode).toBe(201);
  });

  it('is for signed-in users only', async () => {
    const res = await h.app.inject({ method: 'GET', url: '/api/push/subscriptions' });
    expect(res.statusCode).toBe(401);
  });
});
