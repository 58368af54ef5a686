export * from './create-organization.ts';
export type { DemoRecord } from './demo-context.ts';
export * from './demo-data.ts';
export { demoOrderSlipBody } from './demo-templates.ts';
export * from './gallery-templates.ts';
export * from './seed-demo.ts';
