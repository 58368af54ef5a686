export * from './changed-fields.ts';
export * from './fold-text-sql.ts';
export * from './parse-field-value.ts';
export * from './record-messages.ts';
export * from './validate-record-data.ts';
