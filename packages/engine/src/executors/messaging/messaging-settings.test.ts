import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { configureMessaging, messagingSettings } from './messaging-settings.ts';
import { secretKeyFromText } from './secret-key.ts';

const dataDir = mkdtempSync(join(tmpdir(), 'crmflow-settings-'));
const saved = { key: process.env.CRMFLOW_SECRET_KEY, dir: process.env.CRMFLOW_DATA_DIR };
afterAll(() => {
  for (const [name, value] of [
    ['CRMFLOW_DATA_DIR', saved.dir],
    ['CRMFLOW_SECRET_KEY', saved.key],
  ] as const) {
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
  rmSync(dataDir, { recursive: true, force: true });
});

describe('messagingSettings', () => {
  it('finds the key an embedded server keeps in its data directory, then follows what it is told', () => {
    const stored = 'cd'.repeat(32);
    writeFileSync(join(dataDir, 'secret.key'), `${stored}\n`);
    delete process.env.CRMFLOW_SECRET_KEY;
    process.env.CRMFLOW_DATA_DIR = dataDir;
    expect(messagingSettings().secretKey?.equals(secretKeyFromText(stored))).toBe(true);

    const handed = secretKeyFromText('khoa-tu-cau-hinh-may-chu');
    configureMessaging({ secretKey: handed, env: { CRMFLOW_SMTP_URL: 'smtp://relay.example.vn:587' } });
    expect(messagingSettings().secretKey?.equals(handed)).toBe(true);
    expect(messagingSettings().env.CRMFLOW_SMTP_URL).toBe('smtp://relay.example.vn:587');
    configureMessaging({ secretKey: null });
    expect(messagingSettings().secretKey).toBeNull();
  });
});
