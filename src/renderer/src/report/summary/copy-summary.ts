// "Copy summary": the session's summary as one table on the clipboard, as HTML (Word and
// Excel paste it as a table) and as tab-separated text (plain editors, Excel as cells).
// The HTML is built with the DOM (textContent), so API text can never become markup.
import type { SessionSummary } from '@shared/insights';
import { formatDateRange } from '@shared/model/calendar';
import { formatFigure } from '../insights/format';

export interface SummaryTable {
  readonly title: string;
  readonly rows: readonly (readonly string[])[];
}

export function summaryTable(summary: SessionSummary, source: string): SummaryTable {
  const rows: string[][] = [];
  const head = ['', ...summary.accounts.map((a) => a.title)];
  rows.push(head);
  const row = (label: string, values: readonly string[]) => rows.push([label, ...values]);
  row(
    'Holder',
    summary.accounts.map((a) => a.holder ?? ''),
  );
  row(
    'Category',
    summary.accounts.map((a) => a.category ?? ''),
  );
  row(
    'Period',
    summary.accounts.map((a) => (a.from && a.to ? formatDateRange(a.from, a.to) : '')),
  );
  row(
    'Data trust',
    summary.accounts.map((a) => a.trust.label),
  );
  const keys = [
    ...new Map(
      summary.accounts.flatMap((a) =>
        a.sections.flatMap((s) => s.figures.map((f) => [f.key, f.label])),
      ),
    ),
  ];
  for (const [key, label] of keys)
    row(
      label,
      summary.accounts.map((a) => {
        const f = a.sections.flatMap((s) => s.figures).find((x) => x.key === key);
        if (!f) return '';
        const adjusted = f.adjustment
          ? ` (adjusted by the reviewer; unadjusted ${formatFigure(f.kind, f.adjustment.unadjusted)})`
          : '';
        return `${formatFigure(f.kind, f.value)}${f.caution ? ' *' : ''}${adjusted}`;
      }),
    );
  return { title: `Credit summary, session ${summary.sessionId} (${source})`, rows };
}

export function tableText(table: SummaryTable): string {
  return [table.title, ...table.rows.map((r) => r.join('\t'))].join('\n');
}

export function tableHtml(doc: Document, table: SummaryTable): string {
  const el = doc.createElement('table');
  el.setAttribute('border', '1');
  el.style.borderCollapse = 'collapse';
  const caption = doc.createElement('caption');
  caption.textContent = table.title;
  el.append(caption);
  table.rows.forEach((r, i) => {
    const tr = doc.createElement('tr');
    r.forEach((cell, j) => {
      const td = doc.createElement(i === 0 || j === 0 ? 'th' : 'td');
      td.textContent = cell;
      if (j > 0 && i > 0) td.style.textAlign = 'right';
      tr.append(td);
    });
    el.append(tr);
  });
  return el.outerHTML;
}

/** Puts both forms on the clipboard from a user action (no clipboard permission needed). */
export function copyTable(doc: Document, table: SummaryTable): boolean {
  const html = tableHtml(doc, table);
  const text = tableText(table);
  const onCopy = (e: ClipboardEvent) => {
    e.clipboardData?.setData('text/html', html);
    e.clipboardData?.setData('text/plain', text);
    e.preventDefault();
  };
  doc.addEventListener('copy', onCopy);
  try {
    return doc.execCommand('copy');
  } finally {
    doc.removeEventListener('copy', onCopy);
  }
}
