// The memo's print options, in one place: the app passes them to Electron's
// webContents.printToPDF and the Chromium tests to Playwright's page.pdf (the same engine;
// the test fixture only renames `pageSize` to `format`). A4, backgrounds, the page's own
// @page margins, and a footer on every page: the generated-by line and "Page X of Y"
// (Chromium fills the pageNumber and totalPages spans).

export interface MemoPrintOptions {
  readonly pageSize: 'A4';
  readonly printBackground: true;
  readonly preferCSSPageSize: true;
  readonly displayHeaderFooter: true;
  readonly headerTemplate: string;
  readonly footerTemplate: string;
}

const ENTITIES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** The footer's text is data (a session id, a policy's name): never markup. */
function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ENTITIES[c]!);
}

// The templates get no page styles: sizes and colours are inline, and the font is set
// (Chromium's default for them is too small to read).
const FOOTER_STYLE = [
  'box-sizing:border-box',
  'width:100%',
  'padding:0 12mm',
  'display:flex',
  'justify-content:space-between',
  'gap:8mm',
  'font-family:system-ui,sans-serif',
  'font-size:7.5pt',
  'color:#4f5868',
].join(';');

/** `generatedBy`: the memo's generated-by line (app version, date, policy), shown as text. */
export function memoPrintOptions(generatedBy: string): MemoPrintOptions {
  return {
    pageSize: 'A4',
    printBackground: true,
    preferCSSPageSize: true,
    displayHeaderFooter: true,
    // An empty header: Chromium's default one prints the date and the page's title.
    headerTemplate: '<span></span>',
    footerTemplate:
      `<div style="${FOOTER_STYLE}"><span>${escapeHtml(generatedBy)}</span>` +
      '<span style="white-space:nowrap">Page <span class="pageNumber"></span> of ' +
      '<span class="totalPages"></span></span></div>',
  };
}
