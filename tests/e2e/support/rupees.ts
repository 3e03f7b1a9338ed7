// Rupees as the app prints them (Indian grouping, paise), written in the tests with Intl
// rather than asked of the app's own formatter.
export function rupees(paise: number): string {
  const text = (Math.abs(paise) / 100).toLocaleString('en-IN', {
    minimumFractionDigits: 2,
    maximumFractionDigits: 2,
  });
  return `${paise < 0 ? '-' : ''}₹${text}`;
}
