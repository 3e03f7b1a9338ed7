// Hardening that applies to every web contents and to the default session.
import { app, session, shell, type WebContents } from 'electron';
import { CONTENT_SECURITY_POLICY } from './csp';
import { decideNavigation } from './navigation-policy';

export function hardenSessions(isAppUrl: (url: string) => boolean): void {
  const ses = session.defaultSession;
  // No camera, microphone, notifications, geolocation...: the app needs none.
  ses.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  ses.setPermissionCheckHandler(() => false);
  // The same CSP as index.html's <meta>, as a header on the app's own responses.
  ses.webRequest.onHeadersReceived((details, callback) => {
    if (!isAppUrl(details.url)) return callback({});
    callback({
      responseHeaders: {
        ...details.responseHeaders,
        'Content-Security-Policy': [CONTENT_SECURITY_POLICY],
      },
    });
  });

  app.on('web-contents-created', (_event, contents) => hardenContents(contents, isAppUrl));
}

function hardenContents(contents: WebContents, isAppUrl: (url: string) => boolean): void {
  contents.on('will-attach-webview', (event) => event.preventDefault());
  const guard = (event: { preventDefault(): void }, url: string): void => {
    const decision = decideNavigation(url, isAppUrl);
    if (decision === 'allow') return;
    event.preventDefault();
    if (decision === 'external') void shell.openExternal(url);
  };
  contents.on('will-navigate', guard);
  contents.on('will-redirect', guard);
  contents.setWindowOpenHandler(({ url }) => {
    if (decideNavigation(url, isAppUrl) === 'external') void shell.openExternal(url);
    return { action: 'deny' };
  });
}
