import type { AnalysisReport, Finding, ManagerReport, Severity } from '@reorg/model';
import type { LocalSpans } from './local-analysis';

/**
 * The span rows and span findings re-analysed locally since the last full analysis, by manager
 * id. A drop adds to it in O(managers it touched); the full report that follows (from the worker)
 * replaces it. Immutable: {@link addLocalSpans} returns a new overlay.
 */
export interface SpanOverlay {
  /** Manager id → their fresh span row, or `null` when they no longer manage anyone. */
  readonly managers: ReadonlyMap<string, ManagerReport | null>;
  /** Manager id → their fresh `span.*` findings (in place of the full report's span findings about them). */
  readonly findings: ReadonlyMap<string, readonly Finding[]>;
}

/** The overlay with `local`'s rows and span findings on top of `overlay`'s. O(overlay + local). */
export function addLocalSpans(overlay: SpanOverlay | null, local: LocalSpans): SpanOverlay {
  const managers = new Map(overlay?.managers);
  const findings = new Map(overlay?.findings);
  const fresh = new Map<string, Finding[]>();
  for (const id of local.ids) {
    managers.set(id, local.managers.get(id) ?? null);
    fresh.set(id, []);
  }
  for (const f of local.findings) fresh.get(f.subject.id)?.push(f);
  for (const [id, list] of fresh) findings.set(id, list);
  return { managers, findings };
}

/** Worst severity and number of findings about one subject (a person card's badge). */
export interface FindingMark {
  worst: Severity;
  count: number;
}

/** O(1) reads of the latest span rows and findings per person: the full report, overlaid. */
export interface SpanLookup {
  /** The span-of-control row of manager `id` (undefined for an IC). */
  span(id: string): ManagerReport | undefined;
  /** The findings about subject `id` (a person, team or level id), in report order. */
  findingsOf(id: string): readonly Finding[];
  /** Worst severity and count of the findings about `id`, or undefined when there are none. */
  mark(id: string): FindingMark | undefined;
}

interface ReportIndex {
  managers: Map<string, ManagerReport>;
  findings: Map<string, Finding[]>;
}

const reportIndexes = new WeakMap<AnalysisReport, ReportIndex>();
const NONE: readonly Finding[] = [];
const RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** Rows and findings of a full report by id: built once per report, O(managers + findings). */
function indexReport(report: AnalysisReport): ReportIndex {
  let index = reportIndexes.get(report);
  if (!index) {
    const managers = new Map<string, ManagerReport>();
    for (const m of report.managers) managers.set(m.id, m);
    const findings = new Map<string, Finding[]>();
    for (const f of report.findings) {
      const list = findings.get(f.subject.id);
      if (list) list.push(f);
      else findings.set(f.subject.id, [f]);
    }
    index = { managers, findings };
    reportIndexes.set(report, index);
  }
  return index;
}

/**
 * A lookup over `report` with `overlay` on top. The report's index is built on first use and
 * cached with the report, so after a drop (a new overlay, the same report) this is O(1).
 */
export function createSpanLookup(report: AnalysisReport | null, overlay: SpanOverlay | null): SpanLookup {
  const base = report ? indexReport(report) : null;
  const findingsOf = (id: string): readonly Finding[] => {
    const all = base?.findings.get(id) ?? NONE;
    const fresh = overlay?.findings.get(id);
    if (!fresh) return all;
    return [...fresh, ...all.filter((f) => !f.code.startsWith('span.'))];
  };
  return {
    span(id) {
      if (overlay?.managers.has(id)) return overlay.managers.get(id) ?? undefined;
      return base?.managers.get(id);
    },
    findingsOf,
    mark(id) {
      const list = findingsOf(id);
      if (list.length === 0) return undefined;
      let worst = list[0].severity;
      for (const f of list) if (RANK[f.severity] < RANK[worst]) worst = f.severity;
      return { worst, count: list.length };
    },
  };
}

const merged = new WeakMap<SpanOverlay, { report: AnalysisReport; merged: AnalysisReport }>();

/**
 * The whole report with the overlay's span rows and span findings in place of the report's
 * (managers who lost their last report drop out; other findings stay as they were until the next
 * full analysis). O(managers + findings), cached per overlay: read it in a deferred render.
 */
export function applySpanOverlay(report: AnalysisReport, overlay: SpanOverlay | null): AnalysisReport {
  if (!overlay) return report;
  const hit = merged.get(overlay);
  if (hit?.report === report) return hit.merged;
  const managers = report.managers.filter((m) => !overlay.managers.has(m.id));
  for (const m of overlay.managers.values()) if (m) managers.push(m);
  const fresh = [...overlay.findings.values()].flat();
  const kept = report.findings.filter(
    (f) => !(f.code.startsWith('span.') && overlay.findings.has(f.subject.id)),
  );
  const result = { ...report, managers, findings: [...fresh, ...kept] };
  merged.set(overlay, { report, merged: result });
  return result;
}
