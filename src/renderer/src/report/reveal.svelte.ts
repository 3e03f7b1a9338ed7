// The one masking rule for account numbers on screen: masked (last four digits) everywhere
// by default, the full number only for an account the user asked to reveal, until the
// app is closed. Keyed by the number itself, so every place showing it follows.
import { maskedNumber, NONE } from '@shared/format/value';

const revealed = $state<Record<string, boolean>>({});

export function isRevealed(number: string | null): boolean {
  return number !== null && revealed[number] === true;
}

export function toggleReveal(number: string): void {
  revealed[number] = !revealed[number];
}

/** The number as the screen shows it: masked unless this account was revealed. */
export function shownNumber(number: string | null | undefined): string {
  if (!number) return NONE;
  return revealed[number] ? number : maskedNumber(number);
}
