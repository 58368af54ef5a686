export * from './availability.ts';
export * from './connection.ts';
export * from './json-rows.ts';
export * from './migrate.ts';
export * from './queue.ts';
export * from './schema/index.ts';
export * from './seed/index.ts';
