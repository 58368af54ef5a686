export * from './simulate-run.ts';
