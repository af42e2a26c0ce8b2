import type { SpanStatus } from '@reorg/model';
import { PDFDocument, type PDFFont, type PDFPage, rgb, StandardFonts } from 'pdf-lib';
import { getStatusColors, SPAN_LEGEND } from '../../lib/colors/span-scale';
import { type ChartPage, PAGE_LAYOUT, PAPER_SIZES, type Paper, pageCapacity } from './chart-pages';

/** What a printed card says about one person. */
export interface PrintedPerson {
  /** Empty for an open req without a name: printed as `Open req`. */
  name: string;
  title?: string;
  level?: string;
  /** `open` and `planned` print as an open req; `leaving` as leaving. */
  status?: string;
  /** For managers: direct reports, span status and people below them. */
  span?: { directReports: number; status: SpanStatus; subtreeSize: number };
}

/** The handout's title lines and paper. */
export interface ChartPdfOptions {
  /** E.g. the scenario's name. */
  title: string;
  /** E.g. `Orbitmart · as of 2026-10-01`. */
  subtitle: string;
  paper: Paper;
  orientation: 'landscape' | 'portrait';
}

const INK = rgb(0.1, 0.12, 0.16);
const MUTED = rgb(0.36, 0.4, 0.46);
const RULE = rgb(0.82, 0.84, 0.88);
const LINK = rgb(0.12, 0.32, 0.66);

function hex(color: string) {
  const n = Number.parseInt(color.slice(1), 16);
  return rgb(((n >> 16) & 255) / 255, ((n >> 8) & 255) / 255, (n & 255) / 255);
}

/**
 * Text the standard PDF fonts can show (WinAnsi: Latin-1 and a few more): letters with accents
 * outside it lose their accents (`Łukasz` → `Lukasz`, `ő` → `o`), other characters become `?`.
 * The standard fonts keep the file small and its text searchable; names in other scripts need
 * an embedded font, which we do not ship.
 */
export function printable(text: string, font: PDFFont): string {
  const supported = new Set(font.getCharacterSet());
  let out = '';
  for (const ch of text) {
    const code = ch.codePointAt(0) ?? 63;
    if (supported.has(code)) {
      out += ch;
      continue;
    }
    const bare = ch.normalize('NFD').replace(/\p{M}/gu, '');
    const fallback: Record<string, string> = { Ł: 'L', ł: 'l', Đ: 'D', đ: 'd', ı: 'i', ø: 'o', Ø: 'O' };
    out +=
      [...bare].every((c) => supported.has(c.codePointAt(0) ?? 63)) && bare ? bare : (fallback[ch] ?? '?');
  }
  return out;
}

/** `text` cut with an ellipsis to fit `width` points at `size`. */
function fit(text: string, font: PDFFont, size: number, width: number): string {
  if (font.widthOfTextAtSize(text, size) <= width) return text;
  let lo = 0;
  let hi = text.length;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (font.widthOfTextAtSize(`${text.slice(0, mid)}…`, size) <= width) lo = mid;
    else hi = mid - 1;
  }
  return `${text.slice(0, lo).trimEnd()}…`;
}

interface Fonts {
  regular: PDFFont;
  bold: PDFFont;
}

const isOpen = (p: PrintedPerson) => p.status === 'open' || p.status === 'planned';

/** The name a card prints: `Open req` for an unnamed req. */
function nameOf(p: PrintedPerson): string {
  return p.name || (isOpen(p) ? 'Open req' : '(no name)');
}

function statusNote(p: PrintedPerson): string {
  if (isOpen(p)) return p.name ? 'Open req' : '';
  if (p.status === 'leaving') return 'Leaving';
  return '';
}

/**
 * The paginated org chart as a PDF (pdf-lib, standard Helvetica: real text a reader can search
 * and copy): on each page the title, the manager's chain of command, the manager's card, their
 * reports as cards (span status as the card's colour bar, listed ICs, "continued on page N"),
 * the span legend in the bottom margin and "Page n of N". `person(id)` gives what a card says;
 * costs are never printed.
 */
export async function renderChartPdf(
  pages: readonly ChartPage[],
  person: (id: string) => PrintedPerson,
  options: ChartPdfOptions,
): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  doc.setTitle(options.title);
  doc.setCreator('reorg');
  const fonts: Fonts = {
    regular: await doc.embedFont(StandardFonts.Helvetica),
    bold: await doc.embedFont(StandardFonts.HelveticaBold),
  };
  const size = PAPER_SIZES[options.paper];
  const [width, height] =
    options.orientation === 'landscape' ? [size.height, size.width] : [size.width, size.height];
  // The same grid the pagination filled: columns and the rows' height from the page's capacity.
  const { columns, listLimit } = pageCapacity(options.paper, options.orientation);
  const cardHeight = PAGE_LAYOUT.cardHead + listLimit * PAGE_LAYOUT.line + PAGE_LAYOUT.cardFoot;
  for (const chartPage of pages) {
    const page = doc.addPage([width, height]);
    drawHeader(page, fonts, chartPage, person, options);
    chartPage.cards.forEach((card, i) => {
      const col = i % columns;
      const row = Math.floor(i / columns);
      const x = PAGE_LAYOUT.margin + col * (PAGE_LAYOUT.cardWidth + PAGE_LAYOUT.gap);
      const top = height - PAGE_LAYOUT.margin - PAGE_LAYOUT.header - row * (cardHeight + PAGE_LAYOUT.gap);
      drawCard(page, fonts, x, top, cardHeight, card, person);
    });
    drawFooter(page, fonts, chartPage.number, pages.length, width);
  }
  return doc.save();
}

function text(page: PDFPage, value: string, x: number, y: number, font: PDFFont, size: number, color = INK) {
  page.drawText(printable(value, font), { x, y, size, font, color });
}

function drawHeader(
  page: PDFPage,
  fonts: Fonts,
  chartPage: ChartPage,
  person: (id: string) => PrintedPerson,
  options: ChartPdfOptions,
) {
  const { margin } = PAGE_LAYOUT;
  const { width, height } = page.getSize();
  const usable = width - 2 * margin;
  let y = height - margin - 12;
  text(page, fit(printable(options.title, fonts.bold), fonts.bold, 13, usable), margin, y, fonts.bold, 13);
  y -= 14;
  text(
    page,
    fit(printable(options.subtitle, fonts.regular), fonts.regular, 8.5, usable),
    margin,
    y,
    fonts.regular,
    8.5,
    MUTED,
  );
  y -= 16;
  const chain = chartPage.chain.map((id) => nameOf(person(id)));
  const part = chartPage.parts > 1 ? ` (part ${chartPage.part} of ${chartPage.parts})` : '';
  const crumb = chain.length ? `${chain.join(' › ')} ›` : 'Top of the org';
  text(
    page,
    fit(printable(crumb, fonts.regular), fonts.regular, 8, usable),
    margin,
    y,
    fonts.regular,
    8,
    MUTED,
  );
  y -= 8;
  // The page's manager, as a wide card.
  const boxHeight = 38;
  const boxWidth = Math.min(usable, 320);
  const top = y;
  page.drawRectangle({
    x: margin,
    y: top - boxHeight,
    width: boxWidth,
    height: boxHeight,
    borderColor: RULE,
    borderWidth: 0.8,
    color: rgb(1, 1, 1),
  });
  if (chartPage.managerId === null) {
    text(page, `The heads of the org${part}`, margin + 10, top - 16, fonts.bold, 11);
    text(
      page,
      `${chartPage.cards.length} people with no manager`,
      margin + 10,
      top - 29,
      fonts.regular,
      8.5,
      MUTED,
    );
    return;
  }
  const m = person(chartPage.managerId);
  const bar = m.span ? getStatusColors(m.span.status).fill : '#9aa3b2';
  page.drawRectangle({ x: margin, y: top - boxHeight, width: 3.5, height: boxHeight, color: hex(bar) });
  text(
    page,
    fit(printable(`${nameOf(m)}${part}`, fonts.bold), fonts.bold, 11, boxWidth - 20),
    margin + 10,
    top - 15,
    fonts.bold,
    11,
  );
  const line = [m.title, m.level, m.span ? spanLine(m.span) : ''].filter(Boolean).join(' · ');
  text(
    page,
    fit(printable(line, fonts.regular), fonts.regular, 8.5, boxWidth - 20),
    margin + 10,
    top - 28,
    fonts.regular,
    8.5,
    MUTED,
  );
}

function spanLine(span: NonNullable<PrintedPerson['span']>): string {
  const label = SPAN_LEGEND.find((l) => l.status === span.status)?.label ?? span.status;
  return `${span.directReports} direct ${span.directReports === 1 ? 'report' : 'reports'} (${label.toLowerCase()})`;
}

function drawCard(
  page: PDFPage,
  fonts: Fonts,
  x: number,
  top: number,
  cardHeight: number,
  card: ChartPage['cards'][number],
  person: (id: string) => PrintedPerson,
) {
  const { cardWidth, line } = PAGE_LAYOUT;
  const p = person(card.personId);
  const inner = cardWidth - 16;
  const listedHeight = card.listed.length * line;
  const needed = PAGE_LAYOUT.cardHead + listedHeight + (card.continuesOn !== null ? PAGE_LAYOUT.cardFoot : 6);
  const h = Math.min(cardHeight, needed);
  page.drawRectangle({
    x,
    y: top - h,
    width: cardWidth,
    height: h,
    borderColor: RULE,
    borderWidth: 0.7,
    color: rgb(1, 1, 1),
  });
  const bar = p.span ? getStatusColors(p.span.status).fill : '#c7ccd6';
  page.drawRectangle({ x, y: top - h, width: 3, height: h, color: hex(bar) });
  const tx = x + 9;
  text(page, fit(printable(nameOf(p), fonts.bold), fonts.bold, 9, inner), tx, top - 13, fonts.bold, 9);
  text(
    page,
    fit(printable(p.title ?? '', fonts.regular), fonts.regular, 7.5, inner),
    tx,
    top - 24,
    fonts.regular,
    7.5,
    MUTED,
  );
  const facts = [p.level, statusNote(p), p.span ? spanLine(p.span) : ''].filter(Boolean).join(' · ');
  text(
    page,
    fit(printable(facts, fonts.regular), fonts.regular, 7, inner),
    tx,
    top - 35,
    fonts.regular,
    7,
    MUTED,
  );
  let y = top - PAGE_LAYOUT.cardHead - 2;
  for (const id of card.listed) {
    const r = person(id);
    const note = statusNote(r);
    const entry = [nameOf(r), r.title, note].filter(Boolean).join(' · ');
    text(page, fit(printable(`• ${entry}`, fonts.regular), fonts.regular, 7, inner), tx, y, fonts.regular, 7);
    y -= line;
  }
  if (card.continuesOn !== null) {
    const people = p.span?.subtreeSize;
    const label = `${people !== undefined ? `${people} people below · ` : ''}continued on page ${card.continuesOn}`;
    text(page, fit(label, fonts.bold, 7, inner), tx, top - h + 5, fonts.bold, 7, LINK);
  }
}

function drawFooter(page: PDFPage, fonts: Fonts, number: number, total: number, width: number) {
  const { margin } = PAGE_LAYOUT;
  const y = margin - 14;
  let x = margin;
  text(page, 'Span of control:', x, y, fonts.regular, 7, MUTED);
  x += fonts.regular.widthOfTextAtSize('Span of control:', 7) + 6;
  for (const item of SPAN_LEGEND) {
    page.drawRectangle({ x, y: y - 0.5, width: 7, height: 7, color: hex(getStatusColors(item.status).fill) });
    x += 10;
    text(page, item.label, x, y, fonts.regular, 7, MUTED);
    x += fonts.regular.widthOfTextAtSize(item.label, 7) + 10;
  }
  const label = `Page ${number} of ${total}`;
  text(
    page,
    label,
    width - margin - fonts.regular.widthOfTextAtSize(label, 7.5),
    y,
    fonts.regular,
    7.5,
    MUTED,
  );
}
