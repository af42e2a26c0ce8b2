import type { CheckResult } from './import-check';
import { IssueList } from './issue-list';

const n = (x: number) => x.toLocaleString('en-US');

/**
 * What the importer run in the browser found: the counts it would import and its warnings, or
 * every error with its row and column (nothing can be imported then).
 */
export function CheckSummary({ result, running }: { result: CheckResult | null; running: boolean }) {
  if (!result) {
    return (
      <section className="import-card check-card" aria-busy="true">
        <div className="check-line">
          <span className="spinner" /> Checking every row…
        </div>
      </section>
    );
  }
  if (!result.ok) {
    return (
      <section className="import-card check-card check-failed" aria-labelledby="check-title">
        <div className="card-head">
          <h3 id="check-title">
            {n(result.errors.length)} problem{result.errors.length === 1 ? '' : 's'} to fix before importing
          </h3>
          {running && <span className="spinner" />}
        </div>
        <p className="muted">
          Nothing is imported while a row has an error. Fix the file (rows are numbered as in a spreadsheet:
          the header is row 1), or change the column mapping above.
        </p>
        <IssueList issues={result.errors} label="Errors found in the files" />
      </section>
    );
  }
  const parts = [
    `${n(result.people)} people`,
    ...(result.open > 0 ? [`${n(result.open)} open or planned`] : []),
    ...(result.aggregates > 0 ? [`${n(result.aggregates)} posts counted by FTE`] : []),
    ...(result.teams > 0 ? [`${n(result.teams)} teams and groups`] : []),
    ...(result.interactions > 0 ? [`${n(result.interactions)} team interactions`] : []),
    ...(result.normalizedIds > 0 ? [`${n(result.normalizedIds)} manager ids normalised`] : []),
  ];
  return (
    <section className="import-card check-card check-ok" aria-labelledby="check-title">
      <div className="card-head">
        <h3 id="check-title">Ready to import</h3>
        {running && <span className="spinner" />}
      </div>
      <p className="check-line" data-testid="check-counts">
        {result.org.name}: {parts.join(' · ')}, as of {result.org.asOf}.
      </p>
      {result.teamsOnly && (
        <p className="muted" data-testid="check-teams-only">
          Teams only: {result.teamsOnly}. The analysis skips the people rules (reporting lines, span of
          control, layers) and says so; add an HRIS export to analyse people too.
        </p>
      )}
      {result.warnings.length > 0 && (
        <details className="check-warnings">
          <summary>
            {n(result.warnings.length)} warning{result.warnings.length === 1 ? '' : 's'} (imported anyway; the
            analysis reports them)
          </summary>
          <IssueList issues={result.warnings} label="Warnings found in the files" />
        </details>
      )}
    </section>
  );
}
