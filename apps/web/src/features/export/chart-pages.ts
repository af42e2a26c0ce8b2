/**
 * Pagination of the org chart for a printed handout (the PDF export): one page per manager
 * whose team does not fit on their own manager's page, in reading order (depth first, so a
 * department's pages follow each other), with "continued on page N" markers. Pure: no DOM, no
 * PDF library; {@link renderChartPdf} draws the pages.
 */

/** Paper sizes in PostScript points (1/72 inch), portrait: ISO 216 A4 and A3, ANSI Letter. */
export const PAPER_SIZES = {
  a4: { width: 595.28, height: 841.89, label: 'A4' },
  letter: { width: 612, height: 792, label: 'Letter' },
  a3: { width: 841.89, height: 1190.55, label: 'A3' },
} as const;

/** A paper size name: `a4`, `letter` or `a3`. */
export type Paper = keyof typeof PAPER_SIZES;

/** Geometry of a printed chart page, in points. */
export const PAGE_LAYOUT = {
  margin: 36,
  /** Title, breadcrumb and the page's manager card. */
  header: 96,
  /** Page number and legend. */
  footer: 30,
  cardWidth: 170,
  gap: 10,
  /** Name, title, level and span lines of a report's card. */
  cardHead: 44,
  /** One listed report under a card. */
  line: 10.5,
  /** Room for the "continued" line or the padding below a card. */
  cardFoot: 14,
} as const;

/** How many report cards a page holds, and how many reports a card lists under a report. */
export interface PageCapacity {
  columns: number;
  rows: number;
  /** A report with more reports than this (or with managers among them) gets its own page. */
  listLimit: number;
}

/**
 * The capacity of one page of `paper` in `orientation` (landscape by default: org charts are
 * wide): as many 170 pt columns as fit between 36 pt margins, and rows of cards tall enough to
 * list 6 reports (the project's own choice: a card stays readable at 8 pt). A4 and Letter
 * landscape hold 4 × 3 cards, A3 landscape 6 × 4, A4 portrait 2 × 4.
 */
export function pageCapacity(
  paper: Paper,
  orientation: 'landscape' | 'portrait' = 'landscape',
): PageCapacity {
  const size = PAPER_SIZES[paper];
  const width = orientation === 'landscape' ? size.height : size.width;
  const height = orientation === 'landscape' ? size.width : size.height;
  const L = PAGE_LAYOUT;
  const listLimit = 6;
  const cardHeight = L.cardHead + listLimit * L.line + L.cardFoot;
  const columns = Math.max(1, Math.floor((width - 2 * L.margin + L.gap) / (L.cardWidth + L.gap)));
  const rows = Math.max(
    1,
    Math.floor((height - 2 * L.margin - L.header - L.footer + L.gap) / (cardHeight + L.gap)),
  );
  return { columns, rows, listLimit };
}

/** One report's card on a page. */
export interface PageCard {
  personId: string;
  /** Their own reports listed on the card (all of them ICs, at most `listLimit`). */
  listed: string[];
  /** The first page of their own team, when it did not fit on the card; else `null`. */
  continuesOn: number | null;
}

/** One printed page. */
export interface ChartPage {
  /** 1-based page number. */
  number: number;
  /** The manager at the top of the page; `null` on the page of the org's heads (several roots). */
  managerId: string | null;
  /** Their chain of command, top first (the manager not included). */
  chain: string[];
  /** Which part of the manager's team this page holds, 1-based, of `parts`. */
  part: number;
  parts: number;
  cards: PageCard[];
}

/** What pagination reads of the org: direct reports in chart order. */
export interface ChartTree {
  childrenOf(id: string): readonly string[];
}

/**
 * Paginates the chart below `rootIds` (the whole org's roots, or one person for a subtree):
 * a page per manager whose reports are shown as cards, split into parts of
 * `columns × rows` cards; a report with reports of their own is listed on their card when they
 * are all ICs and at most `listLimit`, and otherwise gets their own pages, numbered depth first,
 * with the card saying where they continue. Several roots start with one page of the heads.
 * Every person below the roots appears exactly once as a card or a listed name (and again as
 * the manager of their own pages). A person seen twice (a reporting loop) is shown once.
 * `rootChain` is the chain of command above a single root (a subtree's breadcrumb), top first.
 */
export function paginateChart(
  tree: ChartTree,
  rootIds: readonly string[],
  capacity: PageCapacity,
  rootChain: readonly string[] = [],
): ChartPage[] {
  const perPage = capacity.columns * capacity.rows;
  const pages: ChartPage[] = [];
  const seen = new Set<string>();
  const isLeaf = (id: string) => tree.childrenOf(id).length === 0;

  /** Emits the pages of `managerId` (or the heads' page for `null`), then their reports' pages. */
  const emit = (managerId: string | null, reportIds: readonly string[], chain: string[]) => {
    const reports = reportIds.filter((id) => !seen.has(id));
    for (const id of reports) seen.add(id);
    const parts = Math.max(1, Math.ceil(reports.length / perPage));
    const first = pages.length;
    const ownPages: { card: PageCard; reports: readonly string[] }[] = [];
    for (let part = 0; part < parts; part++) {
      const cards = reports.slice(part * perPage, (part + 1) * perPage).map((personId): PageCard => {
        const own = tree.childrenOf(personId).filter((id) => !seen.has(id));
        const listable = own.length <= capacity.listLimit && own.every(isLeaf);
        const card: PageCard = { personId, listed: listable ? own : [], continuesOn: null };
        if (listable) for (const id of own) seen.add(id);
        else ownPages.push({ card, reports: own });
        return card;
      });
      pages.push({ number: first + part + 1, managerId, chain, part: part + 1, parts, cards });
    }
    const below = managerId === null ? chain : [...chain, managerId];
    for (const { card, reports: own } of ownPages) {
      card.continuesOn = pages.length + 1;
      emit(card.personId, own, below);
    }
  };

  const roots = rootIds.filter((id, i) => rootIds.indexOf(id) === i);
  if (roots.length === 1) {
    const [root] = roots as [string];
    seen.add(root);
    emit(root, tree.childrenOf(root), [...rootChain]);
  } else {
    emit(null, roots, []);
  }
  return pages;
}

/** The pages a person appears on (as manager, card or listed name), for finding them in print. */
export function pagesOf(pages: readonly ChartPage[], personId: string): number[] {
  const out: number[] = [];
  for (const page of pages) {
    if (
      page.managerId === personId ||
      page.cards.some((c) => c.personId === personId || c.listed.includes(personId))
    )
      out.push(page.number);
  }
  return out;
}
