// The Library screen's search across every saved case: the fields as typed (checked here
// with the same parser main uses, so a bad amount or date is one line before anything is
// sent), the results grouped by session, and the catalogue's progress while it is built.
import { parseSearchInput } from '@shared/catalogue/query';
import type { CatalogueSearchResult } from '@shared/catalogue/types';
import { CATALOGUE_JOB } from '@shared/ipc/contract';
import { api, shownError } from '../app/api';
import { team } from '../team/team.svelte';

class CatalogueSearchState {
  text = $state('');
  amount = $state('');
  from = $state('');
  to = $state('');
  result = $state.raw<CatalogueSearchResult | null>(null);
  error = $state<string | null>(null);
  searching = $state(false);
  /** The same search in the team's whole book (a team set up), each case saying whose. */
  teamResult = $state.raw<CatalogueSearchResult | null>(null);
  teamError = $state<string | null>(null);
  teamSearching = $state(false);
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
    if (team.configured) void this.searchTeam(input, mine);
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

  private async searchTeam(
    input: { text: string; amount: string; from: string; to: string },
    mine: number,
  ): Promise<void> {
    this.teamError = null;
    this.teamResult = null;
    this.teamSearching = true;
    try {
      const result = await api.searchTeam(input);
      if (mine === this.searches) this.teamResult = result;
    } catch (error) {
      if (mine === this.searches) this.teamError = shownError(error).message;
    } finally {
      if (mine === this.searches) this.teamSearching = false;
    }
  }

  clear(): void {
    Object.assign(this, {
      text: '',
      amount: '',
      from: '',
      to: '',
      result: null,
      error: null,
      teamResult: null,
      teamError: null,
    });
  }
}

export const catalogueSearch = new CatalogueSearchState();
