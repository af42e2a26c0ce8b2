import type { ScenarioVisibility } from '../lib/api/client';

const TEXT: Record<ScenarioVisibility, { label: string; title: string }> = {
  private: { label: 'Private', title: 'Only its author and the people it is shared with can open it' },
  org: { label: 'Shared with org', title: 'Everyone who can see this org can open it' },
};

/** Words for a scenario's visibility in a plain-text list (a select's options). */
export function visibilitySuffix(visibility: ScenarioVisibility | undefined | null): string {
  return visibility === 'private' ? ' · private' : '';
}

/** A scenario's visibility as a small chip: a lock and "Private", or "Shared with org". */
export function VisibilityMarker({ visibility }: { visibility: ScenarioVisibility | undefined | null }) {
  if (!visibility) return null;
  const t = TEXT[visibility];
  return (
    <span
      className={`chip visibility-chip visibility-${visibility}`}
      title={t.title}
      data-visibility={visibility}
    >
      {visibility === 'private' ? (
        <svg
          width="11"
          height="11"
          viewBox="0 0 16 16"
          fill="none"
          stroke="currentColor"
          strokeWidth="1.8"
          aria-hidden="true"
        >
          <rect x="3" y="7" width="10" height="7.5" rx="1.5" />
          <path d="M5.5 7V5a2.5 2.5 0 0 1 5 0v2" />
        </svg>
      ) : (
        <svg
          width="11"
          height="11"
          viewBox="0 0 16 16"
          fill="none"
          stroke="currentColor"
          strokeWidth="1.8"
          aria-hidden="true"
        >
          <circle cx="5.5" cy="6" r="2.2" />
          <circle cx="11" cy="6.5" r="1.8" />
          <path d="M1.8 13.5c.5-2.2 2-3.4 3.7-3.4s3.2 1.2 3.7 3.4M9.5 10.3c1.6-.4 3.6.4 4.4 3.2" />
        </svg>
      )}
      {t.label}
    </span>
  );
}
