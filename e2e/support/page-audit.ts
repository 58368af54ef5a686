import type { Page } from 'playwright-core';

/** A page's frame as assistive technology sees it: its landmarks and its headings in order. */
export type PageStructure = { main: number; nav: number; header: number; h1: number; headings: number[] };

/** Counts the landmarks and lists the page's visible headings' levels (not a dialog's), in order. */
export function pageStructure(page: Page): Promise<PageStructure> {
  // A string, evaluated in the page: this package is compiled without the DOM's types.
  return page.evaluate<PageStructure>(`(() => {
    const visible = (el) => el.checkVisibility ? el.checkVisibility() : el.offsetParent !== null;
    const count = (selector) => [...document.querySelectorAll(selector)].filter(visible).length;
    // A dialog or a panel over the page has an outline of its own.
    const headings = [...document.querySelectorAll('h1, h2, h3, h4, h5, h6, [role="heading"]')]
      .filter((el) => visible(el) && !el.closest('dialog, [role="dialog"], [role="alertdialog"]'))
      .map((el) => Number(el.getAttribute('aria-level') ?? el.tagName.slice(1)));
    return {
      main: count('main, [role="main"]'),
      nav: count('nav, [role="navigation"]'),
      header: count('header, [role="banner"]'),
      h1: headings.filter((level) => level === 1).length,
      headings,
    };
  })()`);
}

/**
 * Where a heading skips a level on the way down (h1 → h3): the outline a screen reader lists has a
 * hole there. Going back up any number of levels is fine.
 */
export function headingSkips(levels: number[]): string[] {
  const skips: string[] = [];
  levels.forEach((level, index) => {
    const before = index === 0 ? 0 : (levels[index - 1] ?? 0);
    if (level > before + 1) skips.push(`h${before} → h${level}`);
  });
  return skips;
}

/**
 * Every text a person meets on the page now: visible text nodes and the names, hints and
 * placeholders that screen readers read. Text marked `lang="vi"` (the language switch's own
 * "Tiếng Việt") is left out: it is meant to stay in Vietnamese.
 */
export function visibleTexts(page: Page): Promise<string[]> {
  return page.evaluate<string[]>(`(() => {
    const keep = (el) => el && !el.closest('[lang="vi"], script, style, noscript') &&
      (el.checkVisibility ? el.checkVisibility() : el.offsetParent !== null);
    const texts = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.textContent.trim();
      if (text && keep(node.parentElement)) texts.push(text);
    }
    for (const el of document.querySelectorAll('[aria-label], [title], [placeholder]')) {
      if (!keep(el)) continue;
      for (const name of ['aria-label', 'title', 'placeholder']) {
        const value = el.getAttribute(name);
        if (value && value.trim()) texts.push(value.trim());
      }
    }
    return texts;
  })()`);
}

/** A letter only Vietnamese writes: what an English page must not show outside the user's data. */
export const vietnameseLetter = /[àáảãạăắằẳẵặâấầẩẫậèéẻẽẹêếềểễệìíỉĩịòóỏõọôốồổỗộơớờởỡợùúủũụưứừửữựỳýỷỹỵđ]/i;

/**
 * The texts that still hold a Vietnamese letter once every piece of user data (names, records,
 * what the organization typed) is taken out of them.
 */
export function vietnameseLeft(texts: string[], userData: ReadonlySet<string>): string[] {
  // Longest first, so a record's full title goes before a shorter name inside it.
  const data = [...userData].filter((value) => value.trim().length > 1).sort((a, b) => b.length - a.length);
  const left = new Set<string>();
  for (const text of texts) {
    let rest = text;
    for (const value of data) if (rest.includes(value)) rest = rest.split(value).join(' ');
    if (vietnameseLetter.test(rest)) left.add(text);
  }
  return [...left];
}
