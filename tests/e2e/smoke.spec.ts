import { createReadStream, existsSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize } from 'node:path';
import { expect, test } from '@playwright/test';

const root = join(__dirname, '../../out/renderer');
const types: Record<string, string> = {
  '.html': 'text/html',
  '.js': 'text/javascript',
  '.css': 'text/css',
};
let server: Server;
let url = '';

test.beforeAll(async () => {
  server = createServer((req, res) => {
    const path = normalize(
      join(root, (req.url ?? '/').split('?')[0]!.replace(/\/$/, '/index.html')),
    );
    if (!path.startsWith(root) || !existsSync(path)) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': types[extname(path)] ?? 'application/octet-stream' });
    createReadStream(path).pipe(res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
});

test.afterAll(() => server.close());

test('the built renderer loads in Chromium', async ({ page }) => {
  await page.goto(url);
  await expect(page.getByRole('heading', { name: 'BankConnect Viewer' })).toBeVisible();
});
