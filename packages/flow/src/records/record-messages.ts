import { messages, type ParamsArg } from '../messages/catalogue.ts';
import { fill, type Param } from '../messages/define-catalogue.ts';
import type { Text } from '../messages/locale.ts';

/** A validation problem with one field of a record, in both languages the product speaks. */
export type FieldError = { field: string; message: Text };

/** Each way a record value can fail, and its sentence in the message catalogue (`record.*`). */
const recordCodes = {
  unknownField: 'record.unknown_field',
  required: 'record.required',
  notObject: 'record.not_object',
  text: 'record.text',
  tooLong: 'record.too_long',
  email: 'record.email',
  phone: 'record.phone',
  number: 'record.number',
  money: 'record.money',
  date: 'record.date',
  datetime: 'record.datetime',
  picklist: 'record.picklist',
  multipicklist: 'record.multipicklist',
  id: 'record.id',
  boolean: 'record.boolean',
  lines: 'record.lines',
  lineProduct: 'record.line_product',
  lineQuantity: 'record.line_quantity',
  linePrice: 'record.line_price',
  unknownUser: 'record.unknown_user',
  unknownRecord: 'record.unknown_record',
  unknownLineProduct: 'record.unknown_line_product',
} as const;

export type RecordMessageKey = keyof typeof recordCodes;

export function fieldError<Key extends RecordMessageKey>(
  field: string,
  key: Key,
  ...args: ParamsArg<(typeof recordCodes)[Key]>
): FieldError {
  const entry = messages[recordCodes[key]];
  const params: Readonly<Record<string, Param>> = args[0] ?? {};
  return { field, message: { vi: fill(entry.vi, 'vi', params), en: fill(entry.en, 'en', params) } };
}
