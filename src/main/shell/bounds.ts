// Window size and position, remembered between runs. Plain code (no electron): the
// shell passes the displays' work areas. A saved position is used only if the window
// would still be visible on a display (a monitor may have been unplugged).
import { join } from 'node:path';
import { writeFileSafely } from '../../core/io/safe-write';
import { readRegularText } from '../../core/io/regular-file';

export interface Rect {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

export interface WindowState {
  readonly bounds: Rect;
  readonly maximized: boolean;
}

export const MIN_SIZE = { width: 1024, height: 640 } as const;
export const DEFAULT_SIZE = { width: 1366, height: 768 } as const;
export const WINDOW_STATE_FILE = 'window-state.json';

/** How much of the window must lie on one display (px each way) to count as visible. */
const VISIBLE = 100;

function overlaps(a: Rect, b: Rect): boolean {
  const w = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  const h = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  return w >= VISIBLE && h >= VISIBLE;
}

/** Bounds to open the window with: the saved ones when still sensible, else centred. */
export function initialBounds(saved: WindowState | null, workAreas: readonly Rect[]): WindowState {
  const primary = workAreas[0] ?? { x: 0, y: 0, ...DEFAULT_SIZE };
  if (saved) {
    const area = workAreas.find((a) => overlaps(saved.bounds, a));
    if (area) {
      const width = clamp(saved.bounds.width, MIN_SIZE.width, Math.max(MIN_SIZE.width, area.width));
      const height = clamp(
        saved.bounds.height,
        MIN_SIZE.height,
        Math.max(MIN_SIZE.height, area.height),
      );
      return {
        bounds: { x: saved.bounds.x, y: saved.bounds.y, width, height },
        maximized: saved.maximized,
      };
    }
  }
  const width = Math.min(DEFAULT_SIZE.width, primary.width);
  const height = Math.min(DEFAULT_SIZE.height, primary.height);
  return {
    bounds: {
      x: primary.x + Math.round((primary.width - width) / 2),
      y: primary.y + Math.round((primary.height - height) / 2),
      width,
      height,
    },
    maximized: saved?.maximized ?? false,
  };
}

function clamp(n: number, min: number, max: number): number {
  return Math.min(Math.max(n, min), max);
}

function isRect(r: unknown): r is Rect {
  const o = r as Record<string, unknown> | null;
  return (
    !!o &&
    ['x', 'y', 'width', 'height'].every((k) => typeof o[k] === 'number' && Number.isFinite(o[k]))
  );
}

export async function readWindowState(userDataDir: string): Promise<WindowState | null> {
  try {
    const parsed = JSON.parse(await readRegularText(join(userDataDir, WINDOW_STATE_FILE))) as {
      bounds?: unknown;
      maximized?: unknown;
    };
    return isRect(parsed.bounds)
      ? { bounds: parsed.bounds, maximized: parsed.maximized === true }
      : null;
  } catch {
    return null;
  }
}

export async function writeWindowState(userDataDir: string, state: WindowState): Promise<void> {
  await writeFileSafely(join(userDataDir, WINDOW_STATE_FILE), JSON.stringify(state));
}
