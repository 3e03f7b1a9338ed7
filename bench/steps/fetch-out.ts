// fetch-out: `bcv fetch <id> --out FILE` as the CLI does it (fetchToFile: statuses, data
// written from the received bytes as they come, validation, normalisation), vs the fetch
// step's own work (the client's data call + normalisation): the issue asks for 1.5x at most.
import { normalizeSession } from '@shared/model/normalize';
import { createBankConnectClient } from '../../src/core/api/client';
import { SANDBOX_CREDENTIALS } from '../../src/core/profiles/profile-store';
import { fetchToFile } from '../../src/cli/commands/fetch-file';
import { join } from 'node:path';
import { stat } from 'node:fs/promises';
import type { Step } from '../lib/types';

export const fetchOutStep: Step = {
  name: 'fetch-out',
  measured: 'bcv fetch --out: fetchToFile (status + data written as received + normalisation)',
  baseline: 'the fetch step: client.subscribedData + normalizeSession',
  prepare(variant, data) {
    const client = createBankConnectClient({
      baseUrl: data.url,
      ...SANDBOX_CREDENTIALS,
      fetch: globalThis.fetch,
      timeoutMs: 600_000,
    });
    if (variant === 'baseline') {
      return Promise.resolve(async () => {
        const view = normalizeSession((await client.subscribedData(data.sessionId)).value);
        return { facts: { transactions: view.accounts[0]?.transactions.length ?? 0 } };
      });
    }
    const out = join(data.scratchDir, 'fetched.json');
    const connection = {
      client,
      provenance: { profileName: 'Sandbox', host: new URL(data.url).host, sandbox: true },
    };
    return Promise.resolve(async () => {
      const fetched = await fetchToFile(connection, data.sessionId, out, { keepBytes: false });
      if (fetched.kind !== 'written') throw fetched.error;
      return { facts: { fileBytes: (await stat(out)).size } };
    });
  },
};
