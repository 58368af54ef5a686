import type { Text } from '@crmflow/flow';

/** A sentence in both of the product's languages; stored or shown in the reader's. */
export type Bilingual = Text;

export { inLocale } from '@crmflow/flow';
