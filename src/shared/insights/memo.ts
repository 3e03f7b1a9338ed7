// Per-date facts remembered for the length of one computation: a session has a few
// hundred distinct dates and hundreds of thousands of transactions, and one shared month
// string per date keeps the heap small.
import { epochDay, monthOf } from '../model/calendar';
import type { MonthKey } from '../model/calendar';

export class InsightsMemo {
  private readonly days = new Map<string, { readonly day: number; readonly month: MonthKey }>();

  entry(date: string): { readonly day: number; readonly month: MonthKey } {
    let e = this.days.get(date);
    if (e === undefined) {
      e = { day: epochDay(date), month: monthOf(date) };
      this.days.set(date, e);
    }
    return e;
  }

  day(date: string): number {
    return this.entry(date).day;
  }

  month(date: string): MonthKey {
    return this.entry(date).month;
  }
}
