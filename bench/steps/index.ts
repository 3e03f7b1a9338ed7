// The steps the benchmark knows, by name, in the order the table lists them.
import type { Step, StepName } from '../lib/types';
import { exportStep } from './export';
import { fetchStep } from './fetch';
import { fetchOutStep } from './fetch-out';
import { filterStep } from './filter';
import { insightsStep } from './insights';
import { openFirstStep, openStep } from './open';
import { openRowsFirstStep, openRowsStep } from './open-rows';
import { renderStep } from './render';
import { searchStep } from './search';
import { toRendererStep } from './to-renderer';

export const STEPS: Partial<Record<StepName, Step>> = {
  fetch: fetchStep,
  'fetch-out': fetchOutStep,
  open: openStep,
  'open-first': openFirstStep,
  'to-renderer': toRendererStep,
  filter: filterStep,
  insights: insightsStep,
  export: exportStep,
  render: renderStep,
  'open-rows': openRowsStep,
  'open-rows-first': openRowsFirstStep,
  search: searchStep,
};
