// The report's navigation: which account and tab are shown, remembered for next time, and
// the per-account table states that let one tab send the user to a row of another.
import type { AccountView } from '@shared/model/view-model';
import { rememberAccount, rememberedAccount, rememberedTab, rememberTab } from './memory';
import { TableState } from './table-state.svelte';
import type { TabId } from './tabs';

export type TableKind = 'transactions' | 'salary';

export class ReportState {
  accountId = $state('');
  /** A session not seen before starts on its Summary, whatever the last one showed. */
  tab = $state<TabId>('summary');
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
    this.tab = rememberedTab(sessionId) ?? 'summary';
  }

  selectAccount(accountId: string): void {
    this.accountId = accountId;
    rememberAccount(this.sessionId, accountId);
  }

  selectTab(tab: TabId): void {
    this.tab = tab;
    rememberTab(this.sessionId, tab);
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
    this.selectTab('transactions');
  }
}
