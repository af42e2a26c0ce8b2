/**
 * One problem found while importing a file.
 *
 * `row` is the row as a spreadsheet user counts it: the header is row 1, so the first data row is
 * row 2 (a quoted cell spanning several lines still counts as one row). `column` is the header as
 * written in the file. Problems that concern no single row (a missing column, a bad option) have
 * neither.
 */
export interface ImportIssue {
  /** The file's name, when the caller gave one. */
  file?: string;
  /** Spreadsheet row: header = 1, first data row = 2. */
  row?: number;
  /** The column's header as written in the file (for JSON records: the key). */
  column?: string;
  /** JSON lists of records only: the record's position in the list, 1-based (instead of `row`). */
  record?: number;
  message: string;
}

/**
 * The result of an import: the value with any warnings, or every error found. Nothing is
 * half-imported: one error means no value. Error and warning lists are capped at
 * {@link MAX_ISSUES}; a last issue then says how many more were found.
 */
export type ImportResult<T> =
  | { ok: true; value: T; warnings: ImportIssue[] }
  | { ok: false; errors: ImportIssue[] };

/** Most errors (and, separately, warnings) listed in one result: 200 (project's own choice). */
export const MAX_ISSUES = 200;

/** Where importers record problems: an {@link IssueCollector}, or a view of one for another file. */
export interface IssueSink {
  error(issue: ImportIssue): void;
  warn(issue: ImportIssue): void;
}

/**
 * Collects the errors and warnings of one import, keeping the first {@link MAX_ISSUES} of each and
 * counting the rest. Every issue gets the collector's file name unless it names its own.
 */
export class IssueCollector implements IssueSink {
  readonly errors: ImportIssue[] = [];
  readonly warnings: ImportIssue[] = [];
  private errorCount = 0;
  private warningCount = 0;

  constructor(readonly file?: string) {}

  /** Records an error. */
  error(issue: ImportIssue): void {
    this.errorCount++;
    if (this.errors.length < MAX_ISSUES) this.errors.push(this.withFile(issue));
  }

  /** Records a warning. */
  warn(issue: ImportIssue): void {
    this.warningCount++;
    if (this.warnings.length < MAX_ISSUES) this.warnings.push(this.withFile(issue));
  }

  /** A sink recording into this collector with `file` on every issue that names no file. */
  forFile(file: string | undefined): IssueSink {
    if (file === undefined) return this;
    return {
      error: (issue) => this.error({ file, ...issue }),
      warn: (issue) => this.warn({ file, ...issue }),
    };
  }

  /** True when at least one error was recorded. */
  get failed(): boolean {
    return this.errorCount > 0;
  }

  /** The failure result: every listed error, plus a count of the ones left off. */
  fail<T>(): ImportResult<T> {
    return { ok: false, errors: this.capped(this.errors, this.errorCount, 'errors') };
  }

  /** The success result with the warnings, or the failure result if any error was recorded. */
  finish<T>(value: T): ImportResult<T> {
    if (this.failed) return this.fail();
    return { ok: true, value, warnings: this.capped(this.warnings, this.warningCount, 'warnings') };
  }

  private withFile(issue: ImportIssue): ImportIssue {
    return this.file === undefined || issue.file !== undefined ? issue : { file: this.file, ...issue };
  }

  private capped(list: ImportIssue[], total: number, what: string): ImportIssue[] {
    if (total <= list.length) return list;
    const more: ImportIssue = { message: `…and ${total - list.length} more ${what} (${total} in all)` };
    return [...list, this.withFile(more)];
  }
}

/** A failed result with a single error. */
export function importError<T>(message: string, where: Omit<ImportIssue, 'message'> = {}): ImportResult<T> {
  return { ok: false, errors: [{ ...where, message }] };
}
