export * from './care.ts';
export * from './crm.ts';
export * from './history.ts';
export * from './push.ts';
export * from './records.ts';
export * from './tenancy.ts';
export * from './work-app.ts';
export * from './workflows.ts';
