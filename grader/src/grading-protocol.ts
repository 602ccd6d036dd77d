/** The messages between the grading-process pool (process-pool.ts) and its processes. */
import type { CheckReport } from './check.ts';
import type { GradeRequest } from './grade.ts';
import type { GradeResult } from './result.ts';
import type { ProbeRequest, ProbeResult } from './sandbox-probe.ts';

export type ToChild =
  | { type: 'grade'; id: number; request: GradeRequest }
  | { type: 'probe'; id: number; probe: ProbeRequest }
  | { type: 'check'; id: number; exerciseId: string };

export interface ProcessHealth {
  rssBytes: number;
  /** why the process must be replaced, when it must */
  poisoned?: string;
}

export type ToParent =
  | { type: 'ready'; health: ProcessHealth }
  | { type: 'done'; id: number; kind: 'grade'; result: GradeResult; health: ProcessHealth }
  | { type: 'done'; id: number; kind: 'probe'; result: ProbeResult; health: ProcessHealth }
  | { type: 'done'; id: number; kind: 'check'; result: CheckReport; health: ProcessHealth }
  | { type: 'failed'; id: number; error: string; health: ProcessHealth };
