import { useEffect, useRef } from 'react';
import { IconCheck } from '../../components/icons';
import { formatBytes } from './import-plan';

/** The steps of an import, in order. */
export const STAGES = ['read', 'check', 'upload', 'analyse'] as const;
/** One of {@link STAGES}. */
export type Stage = (typeof STAGES)[number];

const LABEL: Record<Stage, string> = {
  read: 'Reading the files',
  check: 'Checking every row',
  upload: 'Uploading',
  analyse: 'Importing and analysing',
};

/** Where an import stands: the current stage and, when known, bytes done of total. */
export interface Progress {
  stage: Stage;
  done?: number;
  total?: number;
}

/**
 * The import's steps with the current one's progress: a bar with bytes for reading and
 * uploading (known sizes), an indeterminate bar while the browser or the server works.
 */
export function ImportProgress({ progress }: { progress: Progress }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    // Not returned: Chromium's scrollIntoView returns a promise, which React would take for a cleanup.
    void ref.current?.scrollIntoView({ block: 'nearest' });
  }, []);
  const current = STAGES.indexOf(progress.stage);
  const known = progress.total !== undefined && progress.total > 0 && progress.done !== undefined;
  const pct = known ? Math.min(100, Math.round((progress.done! / progress.total!) * 100)) : undefined;
  return (
    <div className="import-progress" aria-live="polite" ref={ref}>
      <ol className="stages">
        {STAGES.map((s, k) => (
          <li key={s} className="stage" data-state={k < current ? 'done' : k === current ? 'active' : 'todo'}>
            <span className="stage-dot" aria-hidden="true">
              {k < current ? <IconCheck /> : k + 1}
            </span>
            {LABEL[s]}
          </li>
        ))}
      </ol>
      <div
        className={`bar${pct === undefined ? ' bar-indeterminate' : ''}`}
        role="progressbar"
        aria-label={LABEL[progress.stage]}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={pct}
      >
        <span style={pct === undefined ? undefined : { width: `${pct}%` }} />
      </div>
      <div className="muted progress-text">
        {LABEL[progress.stage]}
        {known ? `: ${formatBytes(progress.done!)} of ${formatBytes(progress.total!)} (${pct}%)` : '…'}
      </div>
    </div>
  );
}
