// What BankConnect sent, kept whole beside what was read from it: the bytes exactly as
// received (for saving and `bcv fetch --out`) and the parsed, validated value (for the view).
import type { SessionStatusResponse } from '@shared/api/schemas';
import type { DuplicateKey } from '@shared/json/read-json';

export interface ReceivedBody<T> {
  /**
   * The response body exactly as received, before any decoding; null when it was handed
   * off as it came and not kept (`bcv fetch --out` writes it before it is read).
   */
  readonly bytes: Buffer | null;
  readonly value: T;
  /** Keys the body gives twice in one object (JSON.parse kept the last): shown as unreadable. */
  readonly duplicateKeys?: readonly DuplicateKey[];
}

/** The data endpoint that answered (`insights` is the newer one; see the API reference). */
export type { DataEndpoint } from '@shared/api/endpoints';
import type { DataEndpoint } from '@shared/api/endpoints';

export interface RawResponses {
  readonly sessionStatus: ReceivedBody<SessionStatusResponse> | null;
  /** Whichever endpoint answered; null = no data (a failed session: statuses only). */
  readonly data: ReceivedBody<unknown> | null;
  readonly endpoint: DataEndpoint;
}
