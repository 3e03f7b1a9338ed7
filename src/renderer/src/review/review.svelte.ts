// The review of the session on screen, as main keeps it: loaded once, replaced by main's
// answer after each change (main signs and stores every change; nothing is kept only here).
// Also the row selection and the "flagged only" filter of the transaction tables.
import type { TransactionView } from '@shared/model/view-model';
import { reviewKey } from '@shared/review/adjustments';
import type { FlagRequest } from '@shared/review/changes';
import type { Adjustment, FlagLabel, Verdict } from '@shared/review/labels';
import type { FlagState, ReviewState } from '@shared/review/state';
import { getContext, setContext } from 'svelte';
import { SvelteSet } from 'svelte/reactivity';
import { api, shownError } from '../app/api';

export class ReviewModel {
  state = $state.raw<ReviewState | null>(null);
  reviewer = $state('');
  /** The last change that failed, in one line. */
  error = $state<string | null>(null);
  busy = $state(false);
  /** Keys of the rows ticked in the transaction tables. */
  readonly selected = new SvelteSet<string>();
  flaggedOnly = $state(false);

  // Rebuilt whole from each answer of main, never changed in place: a plain Map is enough.
  readonly flags = $derived(
    // eslint-disable-next-line svelte/prefer-svelte-reactivity
    new Map<string, FlagState>((this.state?.flags ?? []).map((f) => [f.key, f])),
  );

  constructor(private readonly handle: string) {}

  keyOf(t: TransactionView): string {
    return reviewKey(t);
  }

  flagOf(t: TransactionView): FlagState | null {
    return this.flags.get(reviewKey(t)) ?? null;
  }

  async load(): Promise<void> {
    try {
      const [state, reviewer] = await Promise.all([
        api.getReview({ handle: this.handle }),
        api.reviewerName({}),
      ]);
      this.state = state;
      this.reviewer = reviewer.name;
    } catch (error) {
      this.error = shownError(error).message;
    }
  }

  private async change(work: () => Promise<ReviewState>): Promise<boolean> {
    this.busy = true;
    this.error = null;
    try {
      this.state = await work();
      return true;
    } catch (error) {
      this.error = shownError(error).message;
      return false;
    } finally {
      this.busy = false;
    }
  }

  flag(keys: readonly string[], request: FlagRequest): Promise<boolean> {
    if (keys.length === 0) return Promise.resolve(false);
    return this.change(() =>
      api.flagTransactions({ handle: this.handle, keys: [...keys], ...request }),
    );
  }

  note(text: string, account: string | null): Promise<boolean> {
    return this.change(() => api.addReviewNote({ handle: this.handle, text, account }));
  }

  /** An edit is a new event on the same note: the earlier text stays in the history. */
  editNote(noteId: string, text: string): Promise<boolean> {
    return this.change(() => api.addReviewNote({ handle: this.handle, text, noteId }));
  }

  removeNote(noteId: string): Promise<boolean> {
    return this.change(() => api.removeReviewNote({ handle: this.handle, noteId }));
  }

  verdict(decision: Verdict, reason: string): Promise<boolean> {
    return this.change(() => api.setVerdict({ handle: this.handle, decision, reason }));
  }

  async setReviewer(name: string): Promise<void> {
    try {
      this.reviewer = (await api.reviewerName({ name })).name;
      this.error = null;
    } catch (error) {
      this.error = shownError(error).message;
    }
  }

  /** Puts the label on every row given, or takes it off when they all have it. */
  toggleLabel(keys: readonly string[], label: FlagLabel): Promise<boolean> {
    const all = keys.every((k) => this.flags.get(k)?.labels.includes(label));
    return this.flag(keys, { labels: { [label]: !all } });
  }

  toggleExclude(keys: readonly string[], target: Adjustment): Promise<boolean> {
    const all = keys.every((k) => this.flags.get(k)?.exclude[target]);
    return this.flag(keys, { exclude: { [target]: !all } });
  }

  toggleSelected(key: string): void {
    if (this.selected.has(key)) this.selected.delete(key);
    else this.selected.add(key);
  }
}

const CONTEXT = Symbol('review');

/** Makes the review reachable from every table and figure of the report (call in init). */
export function provideReview(model: ReviewModel): void {
  setContext(CONTEXT, model);
}

/** The report's review, when there is one (call in a component's init). */
export function reviewInContext(): ReviewModel | undefined {
  return getContext<ReviewModel | undefined>(CONTEXT);
}
