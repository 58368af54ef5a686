import type { Text } from '../messages/locale.ts';

/** A user-facing text in both languages the product speaks (the message catalogue's `Text`). */
export type Message = Text;
