import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { Run } from './print-document.ts';

/**
 * DejaVu Sans covers every Vietnamese letter (precomposed, with stacked diacritics) and `₫`.
 * Embedded as TrueType with a ToUnicode map, so the PDF both shows and yields the real text —
 * the standard PDF fonts have no Vietnamese and would print "?".
 */
const FACES = {
  regular: 'DejaVuSans.ttf',
  bold: 'DejaVuSans-Bold.ttf',
  italic: 'DejaVuSans-Oblique.ttf',
  boldItalic: 'DejaVuSans-BoldOblique.ttf',
} as const;

export type FontFace = keyof typeof FACES;

export function defaultFontDir(): string {
  const require = createRequire(import.meta.url);
  return join(dirname(require.resolve('dejavu-fonts-ttf/package.json')), 'ttf');
}

export function fontFiles(fontDir: string): Record<FontFace, string> {
  const files = {
    regular: join(fontDir, FACES.regular),
    bold: join(fontDir, FACES.bold),
    italic: join(fontDir, FACES.italic),
    boldItalic: join(fontDir, FACES.boldItalic),
  };
  for (const file of Object.values(files)) {
    if (!existsSync(file)) throw new Error(`Font file missing: ${file}`);
  }
  return files;
}

export function faceOf(run: Pick<Run, 'bold' | 'italic'>): FontFace {
  if (run.bold) return run.italic ? 'boldItalic' : 'bold';
  return run.italic ? 'italic' : 'regular';
}
