// The application menu as data: each app command is sent to the renderer as a
// `menu:command` event. Type-only electron import, so this is tested without Electron.
import type { MenuItemConstructorOptions } from 'electron';
import type { IpcEvents } from '@shared/ipc/contract';

type Command = IpcEvents['menu:command']['command'];

export const MENU_COMMANDS: readonly { command: Command; label: string; accelerator: string }[] = [
  { command: 'open-session', label: 'Open Session…', accelerator: 'CmdOrCtrl+O' },
  { command: 'open-file', label: 'Open File…', accelerator: 'CmdOrCtrl+Shift+O' },
  { command: 'save', label: 'Save to Library', accelerator: 'CmdOrCtrl+S' },
  { command: 'export', label: 'Export to Excel…', accelerator: 'CmdOrCtrl+E' },
  { command: 'reload', label: 'Reload Session', accelerator: 'CmdOrCtrl+R' },
  { command: 'library', label: 'Library', accelerator: 'CmdOrCtrl+L' },
];

export function menuTemplate(options: {
  isMac: boolean;
  development: boolean;
  send: (command: Command) => void;
}): MenuItemConstructorOptions[] {
  const item = (command: Command): MenuItemConstructorOptions => {
    const spec = MENU_COMMANDS.find((c) => c.command === command)!;
    return { label: spec.label, accelerator: spec.accelerator, click: () => options.send(command) };
  };
  const file: MenuItemConstructorOptions = {
    label: 'File',
    submenu: [
      item('open-session'),
      item('open-file'),
      { type: 'separator' },
      item('save'),
      item('export'),
      { type: 'separator' },
      item('reload'),
      item('library'),
      ...(options.isMac
        ? []
        : [{ type: 'separator' } as const, { role: 'quit', accelerator: 'CmdOrCtrl+Q' } as const]),
    ],
  };
  const view: MenuItemConstructorOptions = {
    label: 'View',
    submenu: [
      { role: 'resetZoom' },
      { role: 'zoomIn' },
      { role: 'zoomOut' },
      { type: 'separator' },
      { role: 'togglefullscreen' },
      // DevTools (and a page reload) only while developing.
      ...(options.development
        ? [{ role: 'reload' } as const, { role: 'toggleDevTools' } as const]
        : []),
    ],
  };
  return [
    ...(options.isMac ? [{ role: 'appMenu' } as const] : []),
    file,
    { role: 'editMenu' },
    view,
    { role: 'windowMenu' },
  ];
}
