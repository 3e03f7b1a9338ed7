// The Library screen's search across every saved case: the fields as typed (checked here
// with the same parser main uses, so a bad amount or date is one line before anything is
// sent), the results grouped by session, and the catalogue's progress while it is built.
import { parseSearchInput } from '@shared/catalogue/query';
import type { CatalogueSearchResult } from '@shared/catalogue/types';
import { CATALOGUE_JOB } from '@shared/ipc/contract';
import { api, shownError } from '../app/api';

class CatalogueSearchState {
  text = $state('');
  amount = $state('');
  from = $state('');
  to = $state('');
  result = $state.raw<CatalogueSearchResult | null>(null);
  error = $state<string | null>(null);
  searching = $state(false);
  /** While the catalogue catches up with the library: how far it is. */
  progress = $state<string | null>(null);
  private searches = 0;

  constructor() {
    api.onProgress((event) => {
      if (event.jobId !== CATALOGUE_JOB) return;
      this.progress = event.total !== null && event.done >= event.total ? null : event.message;
    });
  }

  async search(): Promise<void> {
    const input = { text: this.text, amount: this.amount, from: this.from, to: this.to };
    const parsed = parseSearchInput(input);
    if (!parsed.ok) {
      this.error = parsed.message;
      return;
    }
    const mine = ++this.searches;
    this.error = null;
    this.searching = true;
    try {
      const result = await api.searchCatalogue(input);
      if (mine === this.searches) this.result = result;
    } catch (error) {
      if (mine === this.searches) this.error = shownError(error).message;
    } finally {
      if (mine === this.searches) {
        this.searching = false;
        this.progress = null;
      }
    }
  }

  clear(): void {
    Object.assign(this, { text: '', amount: '', from: '', to: '', result: null, error: null });
  }
}

export const catalogueSearch = new CatalogueSearchState();
