/** A structured log event: a message and flat fields. */
export type LogFields = Record<string, unknown>;

/** Where the API writes its structured logs (one JSON object per line). */
export interface Logger {
  info(msg: string, fields?: LogFields): void;
  warn(msg: string, fields?: LogFields): void;
  error(msg: string, fields?: LogFields): void;
}

/**
 * Field names whose values are never logged: compensation and anything like it. Matched anywhere
 * in a key, ignoring case (`cost`, `annualCost`, `salary`, `bonus`, `band`, `pay`, `wage`, `equity`).
 */
const SECRET_KEY = /cost|salary|salaries|compensation|bonus|band|pay|wage|equity|stock/i;

/** Longest string kept in a log field; longer ones are cut (they are never documents). */
const MAX_STRING = 500;

/**
 * Copies log fields without compensation: values under keys matching {@link SECRET_KEY} become
 * `[redacted]`, nested objects and arrays are walked (to depth 4), long strings are cut, and
 * numbers inside free text are never added by the API itself (it logs ids, paths and statuses).
 */
export function redact(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') return value.length > MAX_STRING ? `${value.slice(0, MAX_STRING)}…` : value;
  if (value === null || typeof value !== 'object') return value;
  if (depth >= 4) return '[…]';
  if (Array.isArray(value)) return value.slice(0, 20).map((v) => redact(v, depth + 1));
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value))
    out[k] = SECRET_KEY.test(k) ? '[redacted]' : redact(v, depth + 1);
  return out;
}

/**
 * A logger writing one JSON line per event (`time`, `level`, `msg`, then the redacted fields)
 * to `write` (default: standard output).
 */
export function createJsonLogger(write: (line: string) => void = (l) => process.stdout.write(l)): Logger {
  const emit =
    (level: string) =>
    (msg: string, fields: LogFields = {}) => {
      const safe = redact(fields) as LogFields;
      write(`${JSON.stringify({ time: new Date().toISOString(), level, msg, ...safe })}\n`);
    };
  return { info: emit('info'), warn: emit('warn'), error: emit('error') };
}

/** A logger that drops everything (tests that do not look at logs). */
export const silentLogger: Logger = { info() {}, warn() {}, error() {} };

/**
 * What of an unexpected error may be logged: its name, code and message, and the stack. A
 * Drizzle query error's own message quotes the query's parameters (org documents, costs), so
 * only its cause (the database's message) is kept.
 */
export function describeError(error: unknown): LogFields {
  if (!(error instanceof Error)) return { error: typeof error };
  const cause = (error as { cause?: unknown }).cause;
  if (error.name === 'DrizzleQueryError' || 'params' in error) {
    return { error: 'DrizzleQueryError', cause: cause instanceof Error ? describeError(cause) : undefined };
  }
  const code = (error as { code?: unknown }).code;
  return {
    error: error.name,
    ...(typeof code === 'string' ? { code } : {}),
    message: error.message,
    stack: error.stack?.split('\n').slice(1, 8).join('\n'),
  };
}
