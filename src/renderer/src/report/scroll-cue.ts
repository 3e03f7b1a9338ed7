// A visible cue that a region scrolls sideways: the region's parent gets `more-right` while
// there is more to see to the right (theme.css draws a shade on that edge).
// Kept up to date on scroll and whenever the region or its content changes size.
export function scrollCue(node: HTMLElement): { destroy(): void } {
  const wrap = node.parentElement;
  const update = (): void => {
    if (!wrap) return;
    const max = node.scrollWidth - node.clientWidth;
    wrap.classList.add('cue-wrap');
    wrap.classList.toggle('more-right', max > 1 && node.scrollLeft < max - 1);
  };
  const observer = new ResizeObserver(update);
  observer.observe(node);
  if (node.firstElementChild) observer.observe(node.firstElementChild);
  node.addEventListener('scroll', update, { passive: true });
  update();
  return {
    destroy() {
      observer.disconnect();
      node.removeEventListener('scroll', update);
    },
  };
}
