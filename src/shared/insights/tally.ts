// Tallies summed in whole paise (as sumMoney does), keeping the transactions behind them.
import * as money from '../model/money';
import type { Tally } from './types';

// Imported bindings are read once into locals: run from source (the tests, `npm run bench`
// under tsx) each use of an imported binding is a getter call, too slow for the
// per-transaction loops.
const { fromPaise, roundPaise, toPaise } = money;

export class TallyBuilder {
  private paise = 0;
  private readonly list: number[] = [];

  add(index: number, amount: number): void {
    this.paise += toPaise(amount);
    this.list.push(index);
  }

  get amountPaise(): number {
    return this.paise;
  }

  get count(): number {
    return this.list.length;
  }

  build(): Tally {
    return { amount: fromPaise(this.paise), count: this.list.length, indices: this.list };
  }
}

/** a / b by amount, null when b is zero. */
export function shareOf(part: number, whole: number): number | null {
  const w = toPaise(whole);
  return w === 0 ? null : toPaise(part) / w;
}

/**
 * Median of paise values, rounded to the paisa (half away from zero); null when empty.
 * Sorts its input.
 */
export function medianPaise(values: number[]): number | null {
  if (values.length === 0) return null;
  values.sort((a, b) => a - b);
  const mid = values.length >> 1;
  const m = values.length % 2 === 1 ? values[mid]! : (values[mid - 1]! + values[mid]!) / 2;
  return fromPaise(roundPaise(m));
}

/**
 * Mean of paise values, unrounded (in paise, fractions of a paisa kept); null when empty.
 * A figure made from means (the period ABB from the months' ABBs) takes these: rounding
 * each month to the paisa first can move the result by a paisa.
 */
export function exactMeanPaise(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  let sum = 0;
  for (const v of values) sum += v;
  return sum / values.length;
}

/** Unrounded paise as rupees rounded to the paisa (half away from zero); null stays null. */
export function rupeesToThePaisa(paise: number | null): number | null {
  return paise === null ? null : fromPaise(roundPaise(paise));
}

/** Mean of paise values, rounded to the paisa; null when empty. */
export function meanPaise(values: readonly number[]): number | null {
  return rupeesToThePaisa(exactMeanPaise(values));
}
