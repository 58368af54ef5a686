export * from './import-records.ts';
export * from './record-errors.ts';
export * from './record-event.ts';
export * from './record-history.ts';
export * from './record-meta.ts';
export * from './record-references.ts';
export * from './record-store.ts';
