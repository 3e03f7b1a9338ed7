// The order of review events. A review is a log: each copy's events are in the order they
// were recorded, and that order decides (the last verdict is the verdict). The time an
// event carries is only what its writer's clock said (an imported file can claim any), so
// it never reorders a log; it only breaks ties when two copies' logs are merged.
export function compareEvents(
  a: { readonly at: string; readonly id: string },
  b: { readonly at: string; readonly id: string },
): number {
  if (a.at !== b.at) return a.at < b.at ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/**
 * Two logs as one, each keeping its own order: an event both have is kept once, and
 * waits in one log until the other has given what it recorded before it. Where neither
 * log decides (each has an event the other lacks next), the earlier claimed time goes
 * first, then the id, so merge(a, b) and merge(b, a) agree.
 */
export function mergeLogs<E extends { readonly at: string; readonly id: string }>(
  a: readonly E[],
  b: readonly E[],
): E[] {
  const inA = new Map(a.map((e, i) => [e.id, i]));
  const inB = new Map(b.map((e, i) => [e.id, i]));
  const taken = new Set<string>();
  const out: E[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    const x = a[i];
    const y = b[j];
    if (x && taken.has(x.id)) {
      i++;
      continue;
    }
    if (y && taken.has(y.id)) {
      j++;
      continue;
    }
    let next: E;
    if (!y) next = x!;
    else if (!x) next = y;
    else if (x.id === y.id) next = x;
    else {
      // An event the other log has further on waits for what that log records first.
      const xWaits = (inB.get(x.id) ?? -1) > j;
      const yWaits = (inA.get(y.id) ?? -1) > i;
      if (xWaits !== yWaits) next = xWaits ? y : x;
      else next = compareEvents(x, y) <= 0 ? x : y;
    }
    taken.add(next.id);
    out.push(next);
    if (next === x) i++;
    else j++;
  }
  return out;
}
