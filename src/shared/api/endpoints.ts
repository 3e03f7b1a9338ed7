// The two data endpoints FinBox serves the same session's data on. `subscribed_data` is the
// reference page's (2024-04-23); `insights` is its successor with a different shape.
export const DATA_ENDPOINTS = ['subscribed_data', 'insights'] as const;
export type DataEndpoint = (typeof DATA_ENDPOINTS)[number];
export const DEFAULT_DATA_ENDPOINT: DataEndpoint = 'subscribed_data';

export function isDataEndpoint(value: unknown): value is DataEndpoint {
  return value === 'subscribed_data' || value === 'insights';
}
