// Long synchronous work (a JSON parse, a normalisation, a sheet) holds the thread: awaiting
// the next turn first lets a progress event or a cancel go out or come in.
export function nextTurn(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}
