export * from './common.ts';
export * from './modules.ts';
export * from './organization.ts';
export * from './outbox.ts';
export * from './record-history.ts';
export * from './records.ts';
export * from './users.ts';
