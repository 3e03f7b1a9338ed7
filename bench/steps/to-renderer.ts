// to-renderer: what main hands the renderer for an opened session (LoadedSession), through
// a structured clone as Electron's IPC does (v8.serialize, then deserialize), vs JSON.parse
// of the raw response; with the clone's size against the raw JSON's.
import { deserialize, serialize } from 'node:v8';
import { openSaved, readRawText } from '../lib/inputs';
import type { Step } from '../lib/types';

export const toRendererStep: Step = {
  name: 'to-renderer',
  measured: 'v8.serialize + v8.deserialize of the LoadedSession main returns',
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
      const wire = serialize(loaded);
      deserialize(wire);
      return Promise.resolve({ facts: { bytes: wire.length } });
    };
  },
};
