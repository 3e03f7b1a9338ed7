// Only our own window's top frame, showing our own app, may call main. Written against
// the shape of Electron's IpcMainInvokeEvent so it is tested without Electron.

export interface FrameLike {
  readonly url: string;
  readonly parent?: FrameLike | null;
  readonly processId?: number;
  readonly routingId?: number;
}

export interface SenderEventLike {
  readonly senderFrame: FrameLike | null;
  readonly sender: { readonly id: number; readonly mainFrame: FrameLike };
}

export interface TrustedWindow {
  /** webContents.id of our main window (null before it exists). */
  readonly webContentsId: () => number | null;
  /** Whether a URL belongs to the app (file://…/out/renderer/ or the dev server). */
  readonly isAppUrl: (url: string) => boolean;
}

export function isTrustedSender(event: SenderEventLike, trusted: TrustedWindow): boolean {
  const frame = event.senderFrame;
  if (!frame) return false; // the frame navigated or was destroyed meanwhile
  if (event.sender.id !== trusted.webContentsId()) return false;
  if (!sameFrame(frame, event.sender.mainFrame) || frame.parent) return false;
  return trusted.isAppUrl(frame.url);
}

/** The app's origin check: same scheme+host(+port), and for file: the renderer folder. */
export function appUrlMatcher(appUrl: string): (url: string) => boolean {
  const base = new URL(appUrl);
  if (base.protocol === 'file:') {
    const folder = base.pathname.slice(0, base.pathname.lastIndexOf('/') + 1);
    return (url) => {
      try {
        const u = new URL(url);
        return u.protocol === 'file:' && u.host === '' && u.pathname.startsWith(folder);
      } catch {
        return false;
      }
    };
  }
  return (url) => {
    try {
      return new URL(url).origin === base.origin;
    } catch {
      return false;
    }
  };
}

function sameFrame(a: FrameLike, b: FrameLike): boolean {
  if (a === b) return true;
  // Electron may hand out distinct wrapper objects for one frame: compare its ids.
  return (
    a.processId !== undefined &&
    a.routingId !== undefined &&
    a.processId === b.processId &&
    a.routingId === b.routingId
  );
}
