import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { appUrlMatcher } from '../../../src/main/ipc/sender';
import { DEFAULT_SIZE, initialBounds, MIN_SIZE } from '../../../src/main/shell/bounds';
import { CONTENT_SECURITY_POLICY } from '../../../src/main/shell/csp';
import { MENU_COMMANDS, menuTemplate } from '../../../src/main/shell/menu-template';
import { decideNavigation } from '../../../src/main/shell/navigation-policy';

const screen = { x: 0, y: 0, width: 1920, height: 1040 };

describe('window bounds', () => {
  it('centres the default size on first run', () => {
    expect(initialBounds(null, [screen]).bounds).toEqual({ x: 277, y: 136, ...DEFAULT_SIZE });
  });
  it('restores saved bounds that are still on a display', () => {
    const saved = { bounds: { x: 100, y: 50, width: 1200, height: 700 }, maximized: true };
    expect(initialBounds(saved, [screen])).toEqual(saved);
  });
  it('ignores a position on a display that is gone, and enforces the minimum size', () => {
    const gone = { bounds: { x: 3000, y: 0, width: 1200, height: 700 }, maximized: false };
    expect(initialBounds(gone, [screen]).bounds.x).toBe(277);
    const tiny = { bounds: { x: 0, y: 0, width: 200, height: 100 }, maximized: false };
    expect(initialBounds(tiny, [screen]).bounds).toMatchObject(MIN_SIZE);
  });
});

describe('navigation', () => {
  const isApp = appUrlMatcher('file:///app/out/renderer/index.html');
  it('allows the app, sends https to the browser, denies the rest', () => {
    expect(decideNavigation('file:///app/out/renderer/index.html#x', isApp)).toBe('allow');
    expect(decideNavigation('https://finbox.in/docs', isApp)).toBe('external');
    expect(decideNavigation('http://example.com', isApp)).toBe('deny');
    expect(decideNavigation('file:///etc/passwd', isApp)).toBe('deny');
    expect(decideNavigation('javascript:alert(1)', isApp)).toBe('deny');
  });
});

describe('CSP', () => {
  it('the header policy is exactly the one in index.html', async () => {
    const html = await readFile(join(__dirname, '../../../src/renderer/index.html'), 'utf8');
    const meta = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)?.[1];
    expect(meta).toBe(CONTENT_SECURITY_POLICY);
    expect(CONTENT_SECURITY_POLICY).toContain("connect-src 'self'");
    expect(CONTENT_SECURITY_POLICY).toContain("script-src 'self';");
  });
});

describe('menu', () => {
  it('has a distinct accelerator per command and DevTools only in development', () => {
    const accelerators = MENU_COMMANDS.map((c) => c.accelerator);
    expect(new Set(accelerators).size).toBe(accelerators.length);
    const sent: string[] = [];
    const prod = JSON.stringify(
      menuTemplate({ isMac: false, development: false, send: (c) => sent.push(c) }),
    );
    expect(prod).not.toContain('toggleDevTools');
    expect(prod).toContain('quit');
    const dev = JSON.stringify(
      menuTemplate({ isMac: false, development: true, send: () => undefined }),
    );
    expect(dev).toContain('toggleDevTools');
    const file = menuTemplate({ isMac: false, development: false, send: (c) => sent.push(c) })[0]!;
    const open = (file.submenu as { label?: string; click?: () => void }[]).find(
      (i) => i.label === 'Open Session…',
    );
    open?.click?.();
    expect(sent).toEqual(['open-session']);
  });
});
