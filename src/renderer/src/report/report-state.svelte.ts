// The report's navigation: which account and view are shown, remembered for next time, and
// the per-account table states that let one view send the user to a row of another.
import { SvelteMap } from 'svelte/reactivity';
import type { AccountView } from '@shared/model/view-model';
import { rememberAccount, rememberedAccount, rememberedView, rememberView } from './memory';
import { TableState } from './table-state.svelte';
import { sectionOf, SECTIONS, type SectionId, type ViewId } from './tabs';

export type TableKind = 'transactions' | 'salary';

export class ReportState {
  accountId = $state('');
  /** A session not seen before starts on its Summary, whatever the last one showed. */
  view = $state<ViewId>('summary');
  /** Each section's last view, so coming back to a section finds the view left there. */
  private readonly lastViews = new SvelteMap<SectionId, ViewId>();
  // A plain cache: the TableStates inside are reactive, the map itself need not be.
  // eslint-disable-next-line svelte/prefer-svelte-reactivity
  private readonly tables = new Map<string, TableState>();

  constructor(
    private readonly sessionId: string,
    accounts: readonly AccountView[],
  ) {
    const remembered = rememberedAccount(sessionId);
    this.accountId =
      accounts.find((a) => a.accountId === remembered)?.accountId ?? accounts[0]?.accountId ?? '';
    this.showView(rememberedView(sessionId) ?? 'summary');
  }

  get section(): SectionId {
    return sectionOf(this.view).id;
  }

  selectAccount(accountId: string): void {
    this.accountId = accountId;
    rememberAccount(this.sessionId, accountId);
  }

  showView(view: ViewId): void {
    this.view = view;
    this.lastViews.set(sectionOf(view).id, view);
    rememberView(this.sessionId, view);
  }

  /** Opens a section on the view last shown in it, or its first. */
  showSection(section: SectionId): void {
    const info = SECTIONS.find((s) => s.id === section);
    if (info) this.showView(this.lastViews.get(section) ?? info.views[0]!.id);
  }

  table(accountId: string, kind: TableKind): TableState {
    const key = `${kind}:${accountId}`;
    let state = this.tables.get(key);
    if (!state) this.tables.set(key, (state = new TableState()));
    return state;
  }

  /** Opens the Transactions tab on one transaction (from Fraud, Top, Salary...). */
  showTransaction(accountId: string, index: number): void {
    this.table(accountId, 'transactions').show(index);
    this.showView('transactions');
  }
}
