import type { ApiClient, FetchLike } from '@minimall/contracts';
import { readinessEndpoint } from './endpoints.ts';
import { createAdminClient, crossTabLock, sessionEvents, tokenStore } from './session.ts';

const browserFetch: FetchLike = async (url, init) => {
  const res = await window.fetch(url, init);
  // A 503 from the probe still carries the readiness report; it is the answer, not a failure.
  if (res.status === 503 && url.split('?')[0] === readinessEndpoint.path) {
    return { status: res.status, ok: true, text: () => res.text() };
  }
  return res;
};

/** The admin's only way to the API: same origin, typed by @minimall/contracts, signed in as the staff member. */
export const apiClient: ApiClient = createAdminClient({
  fetch: browserFetch,
  tokens: tokenStore,
  onEvent: sessionEvents.emit,
  lock: crossTabLock,
});
