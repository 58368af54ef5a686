import { captureEmailProvider } from './capture.provider.ts';
import type { EmailProvider } from './provider-types.ts';
import { emailProviderOverSmtp } from './smtp-email.provider.ts';

export type SystemEmailEnv = {
  /** `smtp://user:pass@host:587` or `smtps://…:465`; unset means capture only. */
  CRMFLOW_SMTP_URL?: string | undefined;
  /** Sender, e.g. `CRMflow <no-reply@example.vn>`. */
  CRMFLOW_SMTP_FROM?: string | undefined;
};

/**
 * The `system` email provider every organization has: the server's own SMTP relay when one is
 * configured, otherwise capture — a fresh install never mails real customers by surprise.
 */
export function systemEmailProvider(
  env: SystemEmailEnv = process.env,
): EmailProvider & { mode: 'smtp' | 'capture' } {
  const from = parseFrom(env.CRMFLOW_SMTP_FROM ?? '');
  const url = env.CRMFLOW_SMTP_URL?.trim();
  if (!url) return { mode: 'capture', ...captureEmailProvider({ fromAddress: from.address }) };
  const user = decodeURIComponent(new URL(url).username);
  const sender = env.CRMFLOW_SMTP_FROM
    ? from
    : { name: 'CRMflow', address: user.includes('@') ? user : from.address };
  // The operator's own relay, set in the server's environment: trusted, private addresses included.
  return { mode: 'smtp', ...emailProviderOverSmtp({ transport: { url, allowPrivate: true }, from: sender }) };
}

/** `Name <address>` or a bare address. */
function parseFrom(text: string): { name: string; address: string } {
  const match = /^\s*"?([^"<]*?)"?\s*<([^>]+)>\s*$/.exec(text);
  if (match) return { name: match[1] ?? '', address: match[2] ?? '' };
  return { name: 'CRMflow', address: text.trim() || 'no-reply@crmflow.local' };
}
