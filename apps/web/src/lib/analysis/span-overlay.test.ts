import { analyzeOrg, applyOps, type OpInput, type Org } from '@reorg/model';
import { describe, expect, it } from 'vitest';
import { createTestOrg } from '../../test/orgs';
import { buildOrgIndex } from '../org/org-index';
import { analyzeSpansLocally } from './local-analysis';
import { addLocalSpans, applySpanOverlay, createSpanLookup } from './span-overlay';

function change(org: Org, ops: OpInput[]): Org {
  const r = applyOps(org, ops);
  if (!r.ok) throw new Error(r.error.message);
  return r.org;
}

const spanCodes = (findings: readonly { code: string; subject: { id: string } }[], id: string) =>
  findings
    .filter((f) => f.code.startsWith('span.') && f.subject.id === id)
    .map((f) => f.code)
    .sort();

describe('span overlay', () => {
  const before = createTestOrg();
  const report = analyzeOrg(before);
  // em2 (with b1, b2) moves from vp1 to vp2: vp1 keeps one report, vp2 gets two.
  const after = change(before, [{ type: 'changeManager', personId: 'em2', managerId: 'vp2' }]);
  const local = analyzeSpansLocally(after, buildOrgIndex(after), ['vp1', 'vp2', 'ceo']);
  const overlay = addLocalSpans(null, local);
  const full = analyzeOrg(after);

  it('reads the re-analysed span rows on top of the full report', () => {
    const before = createSpanLookup(report, null);
    const lookup = createSpanLookup(report, overlay);
    expect(before.span('vp1')?.directReports).toBe(2);
    expect(lookup.span('vp1')?.directReports).toBe(1);
    expect(lookup.span('vp2')?.directReports).toBe(2);
    expect(lookup.span('em1')).toBe(report.managers.find((m) => m.id === 'em1'));
    expect(lookup.span('a1')).toBeUndefined();
  });

  it('gives the same span rows and span findings as a full analysis of the new org', () => {
    const lookup = createSpanLookup(report, overlay);
    for (const id of ['vp1', 'vp2', 'ceo']) {
      const row = full.managers.find((m) => m.id === id)!;
      expect(lookup.span(id)).toMatchObject({
        directReports: row.directReports,
        countedSpan: row.countedSpan,
        status: row.status,
        layer: row.layer,
      });
      expect(spanCodes(lookup.findingsOf(id), id)).toEqual(spanCodes(full.findings, id));
    }
    expect(spanCodes(lookup.findingsOf('vp1'), 'vp1')).toEqual(['span.single']);
    expect(lookup.mark('vp1')).toEqual({ worst: expect.any(String), count: lookup.findingsOf('vp1').length });
  });

  it('merges into a whole report, dropping managers left without reports', () => {
    const alone = change(before, [{ type: 'changeManager', personId: 'c1', managerId: 'em1' }]);
    const local2 = analyzeSpansLocally(alone, buildOrgIndex(alone), ['em3', 'em1', 'vp1', 'vp2', 'ceo']);
    const merged = applySpanOverlay(report, addLocalSpans(null, local2));
    expect(merged.managers.some((m) => m.id === 'em3')).toBe(false);
    expect(merged.managers.find((m) => m.id === 'em1')?.directReports).toBe(4);
    expect(merged.findings.filter((f) => f.subject.id === 'em3' && f.code.startsWith('span.'))).toEqual([]);
    expect(createSpanLookup(report, addLocalSpans(null, local2)).span('em3')).toBeUndefined();
    expect(applySpanOverlay(report, null)).toBe(report);
  });

  it('stacks drops: a later overlay entry replaces an earlier one for the same manager', () => {
    const back = change(after, [{ type: 'changeManager', personId: 'em2', managerId: 'vp1' }]);
    const local2 = analyzeSpansLocally(back, buildOrgIndex(back), ['vp1', 'vp2', 'ceo']);
    const stacked = addLocalSpans(overlay, local2);
    expect(createSpanLookup(report, stacked).span('vp1')?.directReports).toBe(2);
    expect(createSpanLookup(report, overlay).span('vp1')?.directReports).toBe(1); // unchanged
    const merged = applySpanOverlay(report, stacked);
    expect(merged.managers.filter((m) => m.id === 'vp1')).toHaveLength(1);
    expect(spanCodes(merged.findings, 'vp1')).toEqual(spanCodes(report.findings, 'vp1'));
  });
});
