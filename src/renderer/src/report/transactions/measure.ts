// Text widths in an element's font, for sizing columns to their content: one canvas, the
// element's computed font (and its bold for headers).
import type { Measure } from '@shared/transactions/column-widths';

let context: CanvasRenderingContext2D | null = null;

export function measureIn(element: Element): Measure {
  context ??= document.createElement('canvas').getContext('2d');
  const style = getComputedStyle(element);
  const font = `${style.fontSize} ${style.fontFamily}`;
  const cache = new Map<string, number>();
  return (text, bold = false) => {
    const key = `${bold ? 'b' : 'n'}${text}`;
    let width = cache.get(key);
    if (width === undefined) {
      if (!context) return text.length * parseFloat(style.fontSize) * 0.6;
      context.font = bold ? `600 ${font}` : font;
      // tabular figures are as wide as the canvas's own digits in this font.
      width = context.measureText(text).width;
      cache.set(key, width);
    }
    return width;
  };
}
