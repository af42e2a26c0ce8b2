import type { ManagerReport } from '../schema/report';
import { type AnalysisContext, addFinding, describePerson } from './context';
import { getSingleReport, getSpanFacts, hasSingleReport, type SpanFacts } from './span-facts';

// Local bindings: runners turn imported bindings into getters, which hot loops should not pay for.
const isSingle = hasSingleReport;
const singleReport = getSingleReport;

/**
 * The layer bound of `layers.deep`: ceil(log base `spanBase` of `headcount`) + `extra`, i.e. the
 * layers a tree of spans of `spanBase` needs (the project's own arithmetic; defaults 6 and 1).
 * Computed without floating-point logs: the smallest k with spanBase^k ≥ headcount.
 */
export function getLayerBound(headcount: number, spanBase: number, extra: number): number {
  let k = 0;
  for (let reach = 1; reach < headcount; reach *= spanBase) k++;
  return k + extra;
}

function checkDepth(ctx: AnalysisContext, facts: SpanFacts): void {
  const { graph } = ctx;
  const headcount = facts.totals.headcount;
  const { spanBase, extra } = ctx.policy.layers;
  const bound = getLayerBound(headcount, spanBase, extra);
  if (headcount === 0 || graph.maxLayer <= bound) return;
  let deepest = -1;
  for (let k = 0; k < graph.order.length && deepest < 0; k++)
    if (graph.layer[graph.order[k]] === graph.maxLayer) deepest = graph.order[k];
  let top = deepest;
  while (graph.parent[top] >= 0) top = graph.parent[top];
  addFinding(
    ctx,
    'layers.deep',
    { kind: 'org', id: ctx.org.id },
    `The org is ${graph.maxLayer} layers deep; ${headcount} people need ${bound} layers ` +
      `(the project's own arithmetic: ceil(log base ${spanBase} of ${headcount}) + ${extra}, as if every manager had ${spanBase} reports).`,
    `Remove ${graph.maxLayer - bound} ${graph.maxLayer - bound === 1 ? 'layer' : 'layers'}: the deepest line runs from ${describePerson(ctx, top)} down to ${describePerson(ctx, deepest)}; ` +
      'collapse managers of one or two reports and widen spans toward their targets.',
    { maxLayer: graph.maxLayer, headcount, bound, spanBase, extra, deepestId: graph.records[deepest].id },
  );
}

/** The manager whose single report `i` is, when that manager has a single report; else -1. */
function chainParent(ctx: AnalysisContext, facts: SpanFacts, i: number): number {
  const m = ctx.graph.parent[i];
  return m >= 0 && isSingle(facts, m) && singleReport(ctx, facts, m) === i ? m : -1;
}

function checkSingleChains(ctx: AnalysisContext, facts: SpanFacts): void {
  const { order, tin, n } = ctx.graph;
  let seen: Uint8Array | undefined;
  const visit = (head: number) => {
    if (!isSingle(facts, head) || chainParent(ctx, facts, head) >= 0) return;
    seen ??= new Uint8Array(n);
    const chain = [head];
    seen[head] = 1;
    for (let next = singleReport(ctx, facts, head); isSingle(facts, next) && !seen[next]; ) {
      chain.push(next);
      seen[next] = 1;
      next = singleReport(ctx, facts, next);
    }
    if (chain.length >= ctx.policy.layers.singleChainLength) addChainFinding(ctx, facts, chain);
  };
  for (let k = 0; k < order.length; k++) if (isSingle(facts, order[k])) visit(order[k]);
  if (order.length < n) for (let i = 0; i < n; i++) if (tin[i] < 0) visit(i);
}

function addChainFinding(ctx: AnalysisContext, facts: SpanFacts, chain: number[]): void {
  const ids = chain.map((i) => ctx.graph.records[i].id);
  const names = chain.map((i) => describePerson(ctx, i));
  const end = singleReport(ctx, facts, chain[chain.length - 1]);
  const endName = describePerson(ctx, end);
  addFinding(
    ctx,
    'layers.single_chain',
    { kind: 'person', id: ids[0] },
    `${chain.length} managers in a row each have a single direct report: ${names.join(' → ')} → ${endName}.`,
    `Collapse the chain: keep one of these ${chain.length} managers and have ${endName} report to them directly, ` +
      `removing ${chain.length - 1} ${chain.length - 1 === 1 ? 'layer' : 'layers'}; or give each manager a real team.`,
    { ids, length: chain.length, endId: ctx.graph.records[end].id },
  );
}

/**
 * Checks layers (DOMAIN.md "Layers"): `layers.deep` when the deepest layer exceeds
 * {@link getLayerBound} of the headcount (aggregates by FTE rounded up; `policy.layers.spanBase`,
 * `extra`), and one `layers.single_chain` per maximal chain of at least
 * `policy.layers.singleChainLength` managers in a row, each with exactly one direct report
 * (assistants aside) who is the next one; its subject is the chain's top manager.
 */
export function checkLayers(ctx: AnalysisContext, _managers: ManagerReport[]): void {
  const facts = getSpanFacts(ctx);
  checkDepth(ctx, facts);
  checkSingleChains(ctx, facts);
}
