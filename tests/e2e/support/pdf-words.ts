// A PDF's words with where they stand (poppler's `pdftotext -bbox-layout`), to read a table
// back column by column: a wrapped cell's lines are the words below its header, between
// that header and the next one, top to bottom (the page's footer aside).
import { execFileSync } from 'node:child_process';

export interface PdfWord {
  readonly page: number;
  readonly x: number;
  readonly y: number;
  readonly text: string;
  /** In the page's bottom margin: the memo's footer (generated-by line, page number). */
  readonly footer: boolean;
}

/** The memo's bottom margin (memo-print.css @page): 15 mm in points. */
const FOOTER_BAND = (15 / 25.4) * 72;

const ENTITIES: Readonly<Record<string, string>> = {
  '&amp;': '&',
  '&lt;': '<',
  '&gt;': '>',
  '&quot;': '"',
  '&apos;': "'",
  '&#39;': "'",
};

export function pdfWords(pdf: string): PdfWord[] {
  const xhtml = execFileSync('pdftotext', ['-bbox-layout', pdf, '-']).toString();
  const words: PdfWord[] = [];
  let page = 0;
  let height = Infinity;
  const tag =
    /<page width="[\d.]+" height="([\d.]+)"|<word xMin="([\d.]+)" yMin="([\d.]+)"[^>]*>([^<]*)<\/word>/g;
  for (const m of xhtml.matchAll(tag)) {
    if (m[0].startsWith('<page')) {
      page += 1;
      height = Number(m[1]);
      continue;
    }
    const text = m[4]!.replace(/&[#\w]+;/g, (e) => ENTITIES[e] ?? e);
    const y = Number(m[3]);
    words.push({ page, x: Number(m[2]), y, text, footer: y > height - FOOTER_BAND });
  }
  return words;
}

/**
 * The text of a table's column: the words below `header` (on the page and line where it
 * stands beside `next`) and left of `next`, in reading order, joined by spaces.
 */
export function columnText(
  words: readonly PdfWord[],
  header: string,
  next: string,
  keep: (word: string) => boolean = () => true,
): string {
  const head = words.find(
    (w) =>
      w.text === header &&
      words.some((n) => n.page === w.page && n.text === next && Math.abs(n.y - w.y) < 1),
  );
  if (!head) throw new Error(`no table header "${header}" beside "${next}" in the PDF`);
  const end = words.find(
    (n) => n.page === head.page && n.text === next && Math.abs(n.y - head.y) < 1,
  )!.x;
  return words
    .filter((w) => w.page === head.page && !w.footer && w.y > head.y + 1)
    .filter((w) => w.x >= head.x - 1 && w.x < end - 1)
    .filter((w) => keep(w.text))
    .sort((a, b) => (Math.abs(a.y - b.y) < 1 ? a.x - b.x : a.y - b.y))
    .map((w) => w.text)
    .join(' ');
}
