import { type OutboxChannel, outboxChannels } from '../api/outbox.ts';

export function isOutboxChannel(channel: string): channel is OutboxChannel {
  return outboxChannels.some((known) => known === channel);
}

/** A text to list a message by: the email's subject, else the start of the text, on one line. */
export function contentLine(message: { subject?: string | null; body?: string | null }, max = 90): string {
  const text = message.subject?.trim() || plainText(message.body ?? '');
  return text.length > max ? `${text.slice(0, max - 1).trimEnd()}…` : text;
}

/** Markup removed and whitespace collapsed, for a one-line glance at an HTML body. */
export function plainText(html: string): string {
  return html
    .replace(/<(style|script)[^>]*>[\s\S]*?<\/\1>/gi, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&nbsp;/g, ' ')
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/\s+/g, ' ')
    .trim();
}
