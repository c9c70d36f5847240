import type { ColorTypes, RGB } from 'pdf-lib';

type Fontkit = typeof import('@pdf-lib/fontkit');
let modules: Promise<{ pdfLib: typeof import('pdf-lib'); fontkit: Fontkit }> | undefined;

/**
 * pdf-lib and fontkit, loaded at the first PDF instead of at start: they are a third of the app's module loading
 * time (~1.5 s on a busy machine) and memory that a process which makes no PDF does not need (issue 18, item 6).
 */
export function loadPdfLib(): Promise<{ pdfLib: typeof import('pdf-lib'); fontkit: Fontkit }> {
  modules ??= Promise.all([import('pdf-lib'), import('@pdf-lib/fontkit')]).then(([pdfLib, fontkit]) => ({
    pdfLib,
    fontkit: (fontkit as unknown as { default: Fontkit }).default, // a CommonJS module: its exports are the default
  }));
  return modules;
}

/** pdf-lib's rgb() (the same object), usable in module-level constants without loading pdf-lib. */
export const rgb = (red: number, green: number, blue: number): RGB => ({
  type: 'RGB' as ColorTypes.RGB,
  red,
  green,
  blue,
});
