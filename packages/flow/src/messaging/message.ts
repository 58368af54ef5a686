/** A user-facing text in both languages the product speaks. */
export type Message = { vi: string; en: string };
