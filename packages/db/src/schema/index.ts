export * from './care.ts';
export * from './crm.ts';
export * from './files.ts';
export * from './records.ts';
export * from './tenancy.ts';
export * from './workflows.ts';
