export * from './catalogue.ts';
export { type Entry, type Param, placeholdersOf } from './define-catalogue.ts';
export type { FormTextCode } from './form-messages.ts';
export * from './locale.ts';
