// Which figure's transactions are listed: a click on any figure sets it. Session-level
// figures name transactions in several accounts, so a trace is a list of parts.
/** A figure was clicked: list these transactions of the account under that title. */
export type ShowFigure = (title: string, text: string, indices: readonly number[]) => void;

export interface TracePart {
  readonly accountId: string;
  readonly indices: readonly number[];
}

export interface Trace {
  readonly title: string;
  /** The figure as shown, for the heading. */
  readonly value: string;
  readonly parts: readonly TracePart[];
}

export class TraceState {
  current = $state.raw<Trace | null>(null);
  /** Bumped on every show, so asking for the same figure again scrolls back to it. */
  shown = $state(0);

  show(trace: Trace): void {
    this.current = trace;
    this.shown += 1;
  }

  close(): void {
    this.current = null;
  }
}
