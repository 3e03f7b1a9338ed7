// Day numbers remembered for the length of one computation: a session has a few hundred
// distinct dates and hundreds of thousands of transactions.
import { epochDay } from '../model/calendar';

export class InsightsMemo {
  private readonly days = new Map<string, number>();

  day(date: string): number {
    let d = this.days.get(date);
    if (d === undefined) {
      d = epochDay(date);
      this.days.set(date, d);
    }
    return d;
  }
}
