// A second `amount` in a transaction no longer changes a figure silently: the view lists it
// as an item that could not be read with one meaning, from the API and from a saved file.
import { describe, expect, it } from 'vitest';
import { createBankConnectClient } from '../../../src/core/api/client';
import { sessionViewOf } from '../../../src/shared/model/normalize';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { readSessionInput } from '../../../src/core/library/session-input';
import { dataFor, fetchedJson, tempDir } from '../library/helpers';

function withSecondAmount(text: string): string {
  return text.replace('"amount":', '"amount":999999,"amount":');
}

describe('duplicate keys', () => {
  it('from the API: listed in the view as unreadable, with both values', async () => {
    const text = withSecondAmount(JSON.stringify(dataFor('s-1')));
    const client = createBankConnectClient({
      baseUrl: 'http://127.0.0.1:9/bank-connect',
      apiKey: 'key-1234',
      serverHash: 'hash-1234',
      fetch: () => Promise.resolve(new Response(text)),
    });
    const received = await client.data('s-1', 'subscribed_data');
    const view = sessionViewOf('s-1', null, received.value, received.duplicateKeys);
    const item = view.unreadable.find((u) => u.path.endsWith('.amount'));
    expect(item).toMatchObject({
      path: expect.stringMatching(/^\$\.accounts\["[^"]+"\]\.transactions\[0\]\.amount$/),
      value: expect.stringMatching(/^999999 \| /),
      reason: expect.stringMatching(/gives "amount" 2 times in one object: no single meaning/),
    });
  });

  it('from a file given to bcv export: read with the keys it gives twice', async () => {
    const dir = await tempDir();
    const text = withSecondAmount(fetchedJson('s-1'));
    await writeFile(join(dir, 'dup.json'), text);
    const input = await readSessionInput(join(dir, 'dup.json'));
    expect(
      input.duplicateKeys?.map((d) => [d.path.replace(/\[".*"\]/, '[id]'), d.values[0]]),
    ).toEqual([['$.subscribed_data.accounts[id].transactions[0].amount', '999999']]);
  });
});
