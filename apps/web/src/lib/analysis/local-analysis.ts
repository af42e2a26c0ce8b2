import { analyzeOrg, type Finding, type ManagerReport, type Org, type Person } from '@reorg/model';
import { getManagerId, getReports, type OrgIndex } from '../org/org-index';

/** Span rows and span findings of a few managers, computed without analysing the whole org. */
export interface LocalSpans {
  /** Managers that still have reports, by id. */
  managers: Map<string, ManagerReport>;
  /** `span.*` findings about those managers. */
  findings: Finding[];
  /** Every id asked about (those that lost their last report are here but not in `managers`). */
  ids: Set<string>;
}

/** Layers below a manager that decide their role, span, target and 1:1 hours (see DOMAIN.md). */
const DEPTH = 3;

/**
 * The span-of-control rows of `ids`, each from the model's own `analyzeOrg` run on a small org: the
 * manager, the manager's manager (so fixes can name them), and three layers of reports (enough for
 * the role: an executive has a report who manages managers). O(people within three layers) each,
 * so a drop on a 100k-person org is re-analysed in milliseconds while the full analysis runs in a worker.
 */
export function analyzeSpansLocally(org: Org, index: OrgIndex, ids: Iterable<string>): LocalSpans {
  const managers = new Map<string, ManagerReport>();
  const findings: Finding[] = [];
  const asked = new Set(ids);
  for (const id of asked) {
    const person = index.byId.get(id);
    if (!person || getReports(index, id).length === 0) continue;
    const mini = miniOrg(org, index, person);
    const report = analyzeOrg(mini);
    const row = report.managers.find((m) => m.id === id);
    if (row) managers.set(id, { ...row, layer: layerOf(index, id) });
    for (const f of report.findings) if (f.code.startsWith('span.') && f.subject.id === id) findings.push(f);
  }
  return { managers, findings, ids: asked };
}

function layerOf(index: OrgIndex, id: string): number {
  let layer = 1;
  for (let m = getManagerId(index, id); m !== null && layer < 100_000; m = getManagerId(index, m)) layer++;
  return layer;
}

function miniOrg(org: Org, index: OrgIndex, manager: Person): Org {
  const strip = (p: Person, managerId: string | null): Person => ({
    ...p,
    managerId,
    teamId: null,
    dottedManagerIds: [],
  });
  const people: Person[] = [];
  const top = getManagerId(index, manager.id);
  if (top !== null) people.push(strip(index.byId.get(top)!, null));
  people.push(strip(manager, top));
  let layer = [manager.id];
  for (let d = 0; d < DEPTH && layer.length > 0; d++) {
    const next: string[] = [];
    for (const m of layer) {
      for (const r of getReports(index, m)) {
        people.push(strip(index.byId.get(r)!, m));
        next.push(r);
      }
    }
    layer = next;
  }
  return { ...org, people, teams: [], interactions: [] };
}
