// fetch: the app's client getting subscribed_data from the sandbox over loopback, with
// schema validation and normalisation to the view model, vs a bare fetch + json().
import { normalizeSession } from '@shared/model/normalize';
import { createBankConnectClient } from '../../src/core/api/client';
import { SANDBOX_CREDENTIALS } from '../../src/core/profiles/profile-store';
import { dataUrl, SANDBOX_HEADERS } from '../lib/data';
import type { Step } from '../lib/types';

export const fetchStep: Step = {
  name: 'fetch',
  measured: 'client.subscribedData (fetch, JSON, zod validation) + normalizeSession',
  baseline: 'fetch() + response.json() of the same URL',
  prepare(variant, data) {
    if (variant === 'baseline') {
      const url = dataUrl(data, 'subscribed_data');
      return Promise.resolve(async () => {
        const body = (await (await fetch(url, { headers: SANDBOX_HEADERS })).json()) as {
          accounts: object;
        };
        return { facts: { accounts: Object.keys(body.accounts).length } };
      });
    }
    const client = createBankConnectClient({
      baseUrl: data.url,
      ...SANDBOX_CREDENTIALS,
      fetch: globalThis.fetch,
      timeoutMs: 600_000,
    });
    return Promise.resolve(async () => {
      const view = normalizeSession((await client.subscribedData(data.sessionId)).value);
      return { facts: { transactions: view.accounts[0]?.transactions.length ?? 0 } };
    });
  },
};
