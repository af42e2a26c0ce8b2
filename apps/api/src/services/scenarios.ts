import { type AnalysisReport, analyzeOrg, applyOps, type Op, type Org } from '@reorg/model';
import type { AuditEntry } from '../auth/audit';
import type { RevisionRecord, ScenarioGrants, ScenarioHead, ScenarioVisibility, Store } from '../db/store';
import { Lru } from '../lru';
import type { Baselines } from './baselines';

/** A scenario's state at one revision: the org, and the ops that make it from the baseline. */
export interface ScenarioState {
  revision: number;
  org: Org;
  /** The effective ops, in order: `applyOps(baseline, ops)` gives `org`. */
  ops: Op[];
}

/** Why an op batch was refused: the model's error, with the index of the op in the batch. */
export interface OpRefusal {
  opIndex: number;
  code: string;
  message: string;
}

/** The result of a write: the new revision, or why nothing was stored. */
export type WriteResult =
  | { ok: true; revision: number; createdAt: Date }
  | { ok: false; reason: 'stale'; revision: number }
  | { ok: false; reason: 'refused'; refusal: OpRefusal }
  | { ok: false; reason: 'no-revision'; revision: number };

/**
 * The effective op list of each revision, in order. A revision continues the previous one
 * (`restoredFrom` null) or starts again from the revision it restores; then adds its own ops.
 */
export function effectiveOps(
  rows: Pick<RevisionRecord, 'revision' | 'ops' | 'restoredFrom'>[],
): Map<number, Op[]> {
  const byRevision = new Map<number, Op[]>();
  let previous: Op[] = [];
  for (const row of rows) {
    const start = row.restoredFrom === null ? previous : (byRevision.get(row.restoredFrom) ?? []);
    const ops = [...start, ...row.ops];
    byRevision.set(row.revision, ops);
    previous = ops;
  }
  return byRevision;
}

/**
 * Scenario states and writes. The database is the truth; states are cached per process by
 * (scenario, revision), which is safe because a revision never changes once written.
 */
export class Scenarios {
  private readonly states = new Lru<string, ScenarioState>(256);
  private readonly reports = new Lru<string, AnalysisReport>(128);

  constructor(
    private readonly store: Store,
    private readonly baselines: Baselines,
  ) {}

  /**
   * Creates a scenario of org `orgId` whose revision 1 holds `ops` (checked by `applyOps`).
   * `no-org`, `exists` (the id is taken) and `refused` store nothing.
   */
  async create(
    input: {
      id: string;
      orgId: string;
      name: string;
      ops: Op[];
      author: string;
      visibility?: ScenarioVisibility;
    },
    audit?: AuditEntry,
  ): Promise<
    | { ok: true; head: ScenarioHead; state: ScenarioState }
    | { ok: false; reason: 'no-org' | 'exists' }
    | { ok: false; reason: 'refused'; refusal: OpRefusal }
  > {
    const baseline = await this.baselines.get(input.orgId);
    if (!baseline) return { ok: false, reason: 'no-org' };
    const applied = applyOps(baseline.org, input.ops);
    if (!applied.ok) return { ok: false, reason: 'refused', refusal: applied.error };
    const { ops, ...scenario } = input;
    const created = await this.store.createScenario(
      { ...scenario, baselineRevision: baseline.revision },
      ops,
      audit,
    );
    if (created !== 'created') return { ok: false, reason: created };
    const head = await this.store.getScenarioHead(input.id);
    if (!head) throw new Error(`scenario ${input.id} vanished after it was created`);
    const state = { revision: 1, org: applied.org, ops };
    this.states.set(stateKey(input.id, 1), state);
    return { ok: true, head, state };
  }

  /** Shares a scenario (with `org` or an e-mail), audited in the same transaction; its grants after. */
  async share(
    id: string,
    share: { with: string; access: 'view' | 'comment' | 'edit' },
    audit: AuditEntry,
  ): Promise<ScenarioGrants | undefined> {
    await this.store.shareScenario(id, share, audit);
    return this.store.scenarioGrants(id);
  }

  /** The latest baseline of org `orgId`, or undefined. */
  baseline(orgId: string) {
    return this.baselines.get(orgId);
  }

  /** The baseline a scenario's ops apply to (its org's baseline revision at its creation). */
  baselineOf(head: Pick<ScenarioHead, 'orgId' | 'baselineRevision'>) {
    return this.baselines.getAt(head.orgId, head.baselineRevision);
  }

  /** Scenarios with their latest revision, oldest first; of one org when `orgId` is given. */
  list(orgId?: string): Promise<ScenarioHead[]> {
    return this.store.listScenarios(orgId);
  }

  /** Every revision of a scenario, oldest first. */
  revisions(id: string): Promise<RevisionRecord[]> {
    return this.store.listRevisions(id);
  }

  /** One revision row, or undefined. */
  revision(id: string, revision: number): Promise<RevisionRecord | undefined> {
    return this.store.getRevision(id, revision);
  }

  /** The scenario's identity and latest revision, or undefined. */
  head(id: string): Promise<ScenarioHead | undefined> {
    return this.store.getScenarioHead(id);
  }

  /**
   * The state at `revision` (default the latest): from the cache, or rebuilt by applying the
   * effective ops to the baseline. Undefined when that revision does not exist.
   * @throws when stored ops no longer apply (a bug or a corrupted row, never user input).
   */
  async stateAt(head: ScenarioHead, revision = head.revision): Promise<ScenarioState | undefined> {
    if (revision < 1 || revision > head.revision) return undefined;
    const key = stateKey(head.id, revision);
    const hit = this.states.get(key);
    if (hit) return hit;
    const [baseline, rows] = await Promise.all([
      this.baselineOf(head),
      this.store.listRevisions(head.id, revision),
    ]);
    const ops = effectiveOps(rows).get(revision);
    if (!baseline || !ops) return undefined;
    const applied = applyOps(baseline.org, ops);
    if (!applied.ok) {
      throw new Error(
        `stored ops of scenario ${head.id} revision ${revision} no longer apply (op ${applied.error.opIndex}: ${applied.error.code})`,
      );
    }
    const state = { revision, org: applied.org, ops };
    this.states.set(key, state);
    return state;
  }

  /** The analysis of a state at `asOf` (default the org's own), cached per revision. */
  analyze(scenarioId: string, state: ScenarioState, asOf?: string): AnalysisReport {
    const key = `${stateKey(scenarioId, state.revision)}\u0000${asOf ?? ''}`;
    const hit = this.reports.get(key);
    if (hit) return hit;
    const report = analyzeOrg(state.org, asOf ? { asOf } : {});
    this.reports.set(key, report);
    return report;
  }

  /**
   * Appends `ops` as the revision after `expected`: refused as `stale` when `expected` is not the
   * latest (checked before, and enforced by the primary key at insert), `refused` when an op does
   * not apply (nothing stored). One insert: the batch is stored whole or not at all.
   */
  async append(
    head: ScenarioHead,
    expected: number,
    ops: Op[],
    author: string,
    audit?: AuditEntry,
  ): Promise<WriteResult> {
    if (expected !== head.revision) return { ok: false, reason: 'stale', revision: head.revision };
    const state = await this.stateAt(head);
    if (!state) return { ok: false, reason: 'stale', revision: head.revision };
    const applied = applyOps(state.org, ops);
    if (!applied.ok) return { ok: false, reason: 'refused', refusal: applied.error };
    return this.write(
      head,
      { revision: expected + 1, org: applied.org, ops: [...state.ops, ...ops] },
      ops,
      author,
      null,
      audit,
    );
  }

  /** Appends a revision whose state equals revision `target`'s (a restore). */
  async restore(
    head: ScenarioHead,
    expected: number,
    target: number,
    author: string,
    audit?: AuditEntry,
  ): Promise<WriteResult> {
    if (expected !== head.revision) return { ok: false, reason: 'stale', revision: head.revision };
    const old = await this.stateAt(head, target);
    if (!old) return { ok: false, reason: 'no-revision', revision: head.revision };
    return this.write(head, { ...old, revision: expected + 1 }, [], author, target, audit);
  }

  private async write(
    head: ScenarioHead,
    next: ScenarioState,
    batch: Op[],
    author: string,
    restoredFrom: number | null,
    audit?: AuditEntry,
  ): Promise<WriteResult> {
    const stored = await this.store.appendRevision(
      { scenarioId: head.id, revision: next.revision, ops: batch, author, restoredFrom },
      audit,
    );
    if (stored.status === 'conflict') return { ok: false, reason: 'stale', revision: next.revision };
    this.states.set(stateKey(head.id, next.revision), next);
    return { ok: true, revision: next.revision, createdAt: stored.createdAt };
  }
}

function stateKey(scenarioId: string, revision: number): string {
  return `${scenarioId}\u0000${revision}`;
}
