import { ActivationExplorer } from './activation-explorer.tsx';
import { AttentionHeatmap } from './attention-heatmap.tsx';
import { ConvExplorer } from './conv-explorer.tsx';
import { GraphStepper } from './graph-stepper.tsx';
import { Example, Matrix, Num, Table, Tex } from './math.tsx';
import { OptimizerPlayground } from './optimizer-playground.tsx';
import { Span } from './span.tsx';

/**
 * What a lecture's MDX can use without importing it. Server components render computed
 * numbers; the interactive figures are client components that compute in the browser.
 */
export const lectureComponents = {
  span: Span,
  Example,
  Matrix,
  Num,
  Table,
  Tex,
  OptimizerPlayground,
  GraphStepper,
  ActivationExplorer,
  ConvExplorer,
  AttentionHeatmap,
};
