import type { AnalysisReport, Op, Org } from '@reorg/model';
import { create } from 'zustand';
import type { SpanOverlay } from '../lib/analysis/span-overlay';
import type { ScenarioAccess, ScenarioVisibility } from '../lib/api/client';
import type { OrgIndex } from '../lib/org/org-index';
import type { PendingEntry } from '../lib/session/pending-storage';

/** One undoable step: its ops and the ops that undo it (computed when it was applied). */
export interface HistoryStep {
  label: string;
  ops: Op[];
  inverse: Op[];
}

/** Where saving stands. */
export type SaveStatus = 'idle' | 'saved' | 'unsaved' | 'saving' | 'offline' | 'conflict' | 'error';

/** An unsaved change that no longer applies to the scenario as saved elsewhere. */
export interface Conflict {
  /** Position of the change among the unsaved ones. */
  entryIndex: number;
  label: string;
  /** Why it no longer applies (the model's message, naming people and teams). */
  message: string;
  /** The revision the scenario is at now. */
  revision: number;
}

/** A short message for the user (a toast). */
export interface Notice {
  id: number;
  kind: 'info' | 'error';
  text: string;
}

/**
 * The open scenario: the org as the user sees it (the saved revision plus unsaved changes),
 * its index and analysis, undo/redo, and the state of saving.
 */
export interface SessionState {
  orgId: string | null;
  scenarioId: string | null;
  scenarioName: string;
  /** The caller's access to the scenario and who sees it (null from a server without sign-in). */
  access: ScenarioAccess | null;
  visibility: ScenarioVisibility | null;
  phase: 'empty' | 'loading' | 'ready' | 'error';
  error: string | null;
  /** The saved revision the unsaved changes are based on (the `If-Match` of the next save). */
  revision: number;
  org: Org | null;
  index: OrgIndex | null;
  /** Unsaved changes, oldest first; the first `inFlight` are being saved now. */
  pending: PendingEntry[];
  inFlight: number;
  undoStack: HistoryStep[];
  redoStack: HistoryStep[];
  /** The last full analysis (of the latest state when `analysisPending` is false). */
  analysis: AnalysisReport | null;
  /** Span rows and span findings re-analysed locally since `analysis` (null when it is current). */
  spanOverlay: SpanOverlay | null;
  /** True while a full analysis of the latest change is still running (span rows are already fresh). */
  analysisPending: boolean;
  save: { status: SaveStatus; message?: string; conflict?: Conflict };
  notice: Notice | null;
  /** Milliseconds from the last change to its re-analysed spans (shown in the status bar, read by benchmarks). */
  lastChangeMs: number | null;
}

/** The initial (empty) session. */
export const EMPTY_SESSION: SessionState = {
  orgId: null,
  scenarioId: null,
  scenarioName: '',
  access: null,
  visibility: null,
  phase: 'empty',
  error: null,
  revision: 0,
  org: null,
  index: null,
  pending: [],
  inFlight: 0,
  undoStack: [],
  redoStack: [],
  analysis: null,
  spanOverlay: null,
  analysisPending: false,
  save: { status: 'idle' },
  notice: null,
  lastChangeMs: null,
};

/** The session store (zustand). Actions live in `session-actions.ts`. */
export const useSession = create<SessionState>()(() => ({ ...EMPTY_SESSION }));

let noticeId = 0;

/** Shows a toast. */
export function notify(kind: Notice['kind'], text: string): void {
  useSession.setState({ notice: { id: ++noticeId, kind, text } });
}
