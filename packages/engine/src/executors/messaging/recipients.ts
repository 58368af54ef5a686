import { type FieldMeta, findField, referencedModule, text } from '@crmflow/flow';
import { type Message, normalizeVietnamesePhone, phoneProblemMessages } from '@crmflow/flow/messaging';
import { z } from 'zod';
import type { MergeSource, Person } from './merge-source.ts';

/** One address a message goes to, and where it came from (`email`, `contact_id.phone`, `user:<id>`, `typed`). */
export type Destination = { to: string; source: string };

/** A would-be recipient that cannot receive the message, reported on the step instead of failing it. */
export type Unreachable = { value: string; source: string; reason: Message };

export type ResolvedRecipients = { destinations: Destination[]; unreachable: Unreachable[] };

type Channel = 'email' | 'phone';

const noEmail = text('advice.no_email');
const badEmail = text('advice.bad_email');
const isEmail = (text: string) => z.email().safeParse(text).success;

/** The field a path names and the values it holds on this record (or the related one). */
function valuesAt(source: MergeSource, path: string): { field: FieldMeta; values: unknown[] } | null {
  const [head = '', tail] = path.split('.');
  const list = (value: unknown) => (Array.isArray(value) ? value : [value]);
  if (tail === undefined) {
    const field = findField(source.module, head);
    return field ? { field, values: list(source.record[head]) } : null;
  }
  const target = referencedModule({ catalog: source.catalog, module: source.module, refFieldKey: head });
  const field = target ? findField(target, tail) : undefined;
  if (!field) return null;
  return { field, values: list(source.related[head]?.[tail]) };
}

function fromPerson(person: Person, channel: Channel): string | null {
  return channel === 'email' ? person.email : person.phone;
}

/**
 * Checks one raw value for the channel: an email address as written (lower-cased for
 * comparison), a phone number normalised to +84….
 */
function accept(args: { raw: string; source: string; channel: Channel; out: ResolvedRecipients }): void {
  const { raw, source, channel, out } = args;
  const text = raw.trim();
  if (channel === 'phone') {
    const phone = normalizeVietnamesePhone(text);
    if (phone.ok) out.destinations.push({ to: phone.e164, source });
    else out.unreachable.push({ value: text, source, reason: phoneProblemMessages[phone.reason] });
    return;
  }
  if (text === '') out.unreachable.push({ value: text, source, reason: noEmail });
  else if (!isEmail(text)) out.unreachable.push({ value: text, source, reason: badEmail });
  else out.destinations.push({ to: text, source });
}

/**
 * Who a message reaches: email or phone fields of the record or of a related record, the users
 * named by user fields there, chosen users, and typed addresses. Inactive users are left out;
 * empty and malformed values are reported; each address once, in the order named.
 */
export function resolveRecipients(args: {
  source: MergeSource;
  channel: Channel;
  to: { fields: readonly string[]; users: readonly string[]; addresses?: readonly string[] };
}): ResolvedRecipients {
  const { source, channel, to } = args;
  const out: ResolvedRecipients = { destinations: [], unreachable: [] };
  const wantedType = channel === 'email' ? 'email' : 'phone';
  const addUser = (id: unknown, origin: string) => {
    const person = typeof id === 'string' ? source.people.get(id) : undefined;
    if (!person?.active) return;
    const value = fromPerson(person, channel);
    accept({ raw: value ?? '', source: `${origin}:${person.name}`, channel, out });
  };
  for (const path of to.fields) {
    const found = valuesAt(source, path);
    if (!found) continue;
    if (found.field.type === 'user') {
      for (const id of found.values) addUser(id, path);
    } else if (found.field.type === wantedType) {
      const texts = found.values.flatMap((value) =>
        typeof value === 'string' ? value.split(channel === 'email' ? /[,;]/ : /[,;/]/) : [''],
      );
      for (const raw of texts) accept({ raw, source: path, channel, out });
    }
  }
  for (const id of to.users) addUser(id, 'user');
  for (const address of to.addresses ?? []) accept({ raw: address, source: 'typed', channel, out });

  const seen = new Set<string>();
  out.destinations = out.destinations.filter((destination) => {
    const key = destination.to.toLowerCase();
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  return out;
}
