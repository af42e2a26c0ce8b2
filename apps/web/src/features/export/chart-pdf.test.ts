import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { type ChartTree, pageCapacity, paginateChart } from './chart-pages';
import { type PrintedPerson, printable, renderChartPdf } from './chart-pdf';

const PDFTOTEXT = '/usr/bin/pdftotext';

const edges: Record<string, string[]> = {
  A: ['B', 'C'],
  B: ['b1', 'b2'],
  C: ['c1', 'c2', 'c3', 'c4', 'c5', 'c6', 'c7'],
};
const tree: ChartTree = { childrenOf: (id) => edges[id] ?? [] };
const names: Record<string, string> = {
  A: 'Ana Ruiz',
  B: 'Bilal Fischer',
  C: 'Zoë Łukasiewicz',
  b1: 'Noah Kim',
  b2: 'Ada Obi',
};
const person = (id: string): PrintedPerson => ({
  name: id === 'c6' ? '' : (names[id] ?? `Person ${id}`),
  title: id === 'A' ? 'VP Engineering' : 'Engineer',
  level: 'L4',
  status: id === 'c7' || id === 'c6' ? 'open' : 'active',
  span: edges[id]
    ? { directReports: edges[id].length, status: 'ok', subtreeSize: edges[id].length }
    : undefined,
});

describe('the org chart as a PDF', () => {
  const pages = paginateChart(tree, ['A'], pageCapacity('a4'));
  const options = {
    title: 'Merge payments',
    subtitle: 'Orbitmart · as of 2026-10-01',
    paper: 'a4',
    orientation: 'landscape',
  } as const;

  it('has one PDF page per chart page, A4 landscape', async () => {
    expect(pages.map((p) => p.managerId)).toEqual(['A', 'C']);
    const doc = await PDFDocument.load(await renderChartPdf(pages, person, options));
    expect(doc.getPageCount()).toBe(2);
    const { width, height } = doc.getPage(0).getSize();
    expect([Math.round(width), Math.round(height)]).toEqual([842, 595]);
    expect(doc.getTitle()).toBe('Merge payments');
  });

  it('keeps what the standard font can show and strips accents it cannot', async () => {
    const font = await (await PDFDocument.create()).embedFont(StandardFonts.Helvetica);
    expect(printable('Zoë Łukasiewicz', font)).toBe('Zoë Lukasiewicz');
    expect(printable('Dvořák', font)).toBe('Dvorák');
    expect(printable('王芳', font)).toBe('??');
  });

  it.skipIf(!existsSync(PDFTOTEXT))(
    'holds the names as text, with page numbers and continuations (pdftotext)',
    async () => {
      const dir = mkdtempSync(join(tmpdir(), 'reorg-pdf-'));
      const file = join(dir, 'chart.pdf');
      writeFileSync(file, await renderChartPdf(pages, person, options));
      const text = execFileSync(PDFTOTEXT, ['-layout', file, '-']).toString();
      const [first = '', second = ''] = text.split('\f');
      expect(first).toContain('Ana Ruiz');
      expect(first).toContain('• Noah Kim · Engineer');
      expect(first).toContain('continued on page 2');
      expect(first).toContain('Page 1 of 2');
      expect(second).toContain('Ana Ruiz ›');
      expect(second).toContain('Zoë Lukasiewicz');
      expect(second).toContain('Person c7');
      // c6 (no name) prints as "Open req"; c7 (named) says it is one: two in all.
      expect(second.match(/Open req/g)).toHaveLength(2);
      expect(second).toContain('L4 · Open req');
      expect(second).toContain('Page 2 of 2');
    },
  );
});
