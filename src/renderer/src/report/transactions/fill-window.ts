// The table's frame takes the rest of the window below it (at 1366x768 that is 18+ rows),
// whatever the chrome above it measures: the filters wrap, the flag bar grows when rows are
// ticked. Re-fitted when the window or anything on the page changes size. Off (`false`):
// the frame takes the height of what it holds (a short list behind a figure).
const BELOW = 18; // the tab panel's bottom padding and border, and the page's own
const MIN = 300;
const MAX = 1400; // a full-page capture must not grow it forever

export function fillWindow(
  node: HTMLElement,
  enabled = true,
): { update(enabled: boolean): void; destroy(): void } {
  let on = enabled;
  const fit = (): void => {
    if (!on) {
      node.style.height = '';
      return;
    }
    const top = node.getBoundingClientRect().top + window.scrollY;
    const height = Math.min(MAX, Math.max(MIN, Math.floor(window.innerHeight - top - BELOW)));
    if (node.style.height !== `${height}px`) node.style.height = `${height}px`;
  };
  const observer = new ResizeObserver(fit);
  observer.observe(document.body);
  window.addEventListener('resize', fit);
  fit();
  return {
    update(enabled: boolean) {
      on = enabled;
      fit();
    },
    destroy() {
      observer.disconnect();
      window.removeEventListener('resize', fit);
    },
  };
}
