// to-renderer: what main hands the renderer for an opened session (LoadedSession): packed
// in main (src/shared/ipc/session-wire.ts), a structured clone as Electron's IPC does it
// (v8.serialize, then deserialize), rebuilt in the renderer; vs JSON.parse of the raw
// response. With the clone's size against the raw JSON's.
import { deserialize, serialize } from 'node:v8';
import { packLoadedSession, unpackLoadedSession } from '@shared/ipc/session-wire';
import { openSaved, readRawText } from '../lib/inputs';
import type { Step } from '../lib/types';

export const toRendererStep: Step = {
  name: 'to-renderer',
  measured: 'pack + v8.serialize + v8.deserialize + unpack of the LoadedSession main returns',
  baseline: 'JSON.parse of the raw subscribed_data text',
  async prepare(variant, data) {
    if (variant === 'baseline') {
      const text = await readRawText(data);
      const bytes = Buffer.byteLength(text);
      return () => {
        JSON.parse(text);
        return Promise.resolve({ facts: { bytes } });
      };
    }
    const { loaded } = await openSaved(data);
    return () => {
      // A view object not sent before: main packs a view once (the first open) and then
      // sends that packing again, so the step measures the packing every time.
      const wire = serialize(packLoadedSession({ ...loaded, view: { ...loaded.view } }));
      unpackLoadedSession(deserialize(wire) as ReturnType<typeof packLoadedSession>);
      return Promise.resolve({ facts: { bytes: wire.length } });
    };
  },
};
