export * from './common.ts';
export * from './records.ts';
