'use client';
import { createContext, useContext } from 'react';

/** A part as the browser knows it before grading (grader's publicPart). */
export interface PublicPart {
  type: string;
  points: number;
  label?: string;
  options?: string[];
  left?: string[];
  right?: string[];
  items?: string[];
  vector?: number | null;
  rows?: number;
  columns?: number;
  variables?: string[];
  fields?: string[];
  reason?: boolean;
}

export interface PartResult {
  status: string;
  points: number;
  maxPoints: number;
  manualPoints: number;
  feedback: string;
}

export interface QuestionState {
  parts: Record<string, PublicPart>;
  responses: Record<string, unknown>;
  setResponse: (part: string, value: unknown) => void;
  /** after grading */
  results: Record<string, PartResult> | null;
  keys: Record<string, unknown> | null;
  locked: boolean;
}

export const QuestionContext = createContext<QuestionState | null>(null);

export function useQuestion(): QuestionState {
  const state = useContext(QuestionContext);
  if (!state) throw new Error('an <Answer> outside a question');
  return state;
}
