// A child's step, loaded by name. index.ts imports every step for the parent's table.
import type { Step, StepName } from '../lib/types';

/**
 * One step's module alone, for a child: importing every step would count the others'
 * libraries (exceljs, Playwright's client, the catalogue) in this step's peak memory
 * (212 MB before the first run, against 84 MB for fetch-out alone).
 */
export async function loadStep(name: StepName): Promise<Step> {
  switch (name) {
    case 'fetch':
      return (await import('./fetch')).fetchStep;
    case 'fetch-out':
      return (await import('./fetch-out')).fetchOutStep;
    case 'open':
      return (await import('./open')).openStep;
    case 'open-first':
      return (await import('./open')).openFirstStep;
    case 'to-renderer':
      return (await import('./to-renderer')).toRendererStep;
    case 'filter':
      return (await import('./filter')).filterStep;
    case 'insights':
      return (await import('./insights')).insightsStep;
    case 'export':
      return (await import('./export')).exportStep;
    case 'render':
      return (await import('./render')).renderStep;
    case 'open-rows':
      return (await import('./open-rows')).openRowsStep;
    case 'open-rows-first':
      return (await import('./open-rows')).openRowsFirstStep;
    case 'search':
      return (await import('./search')).searchStep;
  }
}
