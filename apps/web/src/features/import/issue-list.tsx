import type { ProblemIssue } from './upload-org';

const SHOWN = 60;

/** Where an issue is, in words: the file, spreadsheet row and column, or the request field. */
function where(issue: ProblemIssue): { file: string; row: string; column: string } {
  return {
    file: issue.file ?? (issue.in && issue.in !== 'file' ? issue.in : ''),
    row:
      issue.row !== undefined
        ? String(issue.row)
        : issue.record !== undefined
          ? `record ${issue.record}`
          : '',
    column: issue.column ?? issue.path ?? '',
  };
}

/**
 * Import problems as a table (file, spreadsheet row with the header as row 1, column, message),
 * the first {@link SHOWN} of them, then how many more.
 */
export function IssueList({ issues, label }: { issues: readonly ProblemIssue[]; label: string }) {
  const shown = issues.slice(0, SHOWN);
  return (
    <div className="issue-table-wrap">
      <table className="issue-table" aria-label={label}>
        <thead>
          <tr>
            <th scope="col">File</th>
            <th scope="col">Row</th>
            <th scope="col">Column</th>
            <th scope="col">Problem</th>
          </tr>
        </thead>
        <tbody>
          {shown.map((issue, k) => {
            const w = where(issue);
            return (
              // biome-ignore lint/suspicious/noArrayIndexKey: issues have no id and never reorder
              <tr key={k}>
                <td className="issue-file">{w.file}</td>
                <td className="num">{w.row}</td>
                <td>{w.column && <code>{w.column}</code>}</td>
                <td>{issue.message}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {issues.length > SHOWN && (
        <p className="muted issue-more">
          and {(issues.length - SHOWN).toLocaleString('en-US')} more (the first {SHOWN} are shown).
        </p>
      )}
    </div>
  );
}
