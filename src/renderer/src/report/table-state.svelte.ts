// One transaction table's view state (filter, sort, open row, scroll): kept by the report
// per account so that switching tabs and back finds the table as it was left.
import { EMPTY_FILTER, type TransactionFilter } from '@shared/transactions/filter';
import { DEFAULT_SORT, firstDirection, type TransactionColumn } from '@shared/transactions/sort';
import type { TransactionSort } from '@shared/transactions/sort';
import { nextSort } from '../app/column-sort';

export class TableState {
  filter = $state.raw<TransactionFilter>(EMPTY_FILTER);
  sort = $state.raw<TransactionSort>(DEFAULT_SORT);
  /** `index` of the transaction whose side panel is open. */
  selected = $state<number | null>(null);
  /** Asks the table to bring a row into view; bumped so the same row can be asked twice. */
  reveal = $state.raw<{ index: number; nonce: number } | null>(null);
  scrollTop = 0;

  setFilter(patch: Partial<TransactionFilter>): void {
    this.filter = { ...this.filter, ...patch };
  }

  clearFilter(): void {
    this.filter = EMPTY_FILTER;
  }

  sortBy(column: TransactionColumn): void {
    this.sort = nextSort(this.sort, column, firstDirection);
  }

  /** Shows one transaction: filters cleared so it is there, panel open, row in view. */
  show(index: number): void {
    this.filter = EMPTY_FILTER;
    this.selected = index;
    this.reveal = { index, nonce: (this.reveal?.nonce ?? 0) + 1 };
  }
}
