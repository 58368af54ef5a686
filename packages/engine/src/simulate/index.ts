export * from './impact-preview.ts';
export * from './simulate-run.ts';
