import { toPng, toSvg } from 'html-to-image';

/** Elements left out of image exports: zoom buttons, hints, hover cards, the legend toggle. */
const SKIP = ['react-flow__controls', 'drag-hint', 'card-hover', 'legend-toggle', 'expand-toggle-skip'];

function keep(node: HTMLElement): boolean {
  const list = node.classList;
  if (!list) return true;
  return !SKIP.some((c) => list.contains(c));
}

/**
 * The view inside `root` (the element marked `data-export-root`) as a PNG or SVG data URL, as the
 * user sees it. Uses html-to-image pinned to 1.11.11 (1.11.13 drops SVG edge strokes).
 */
export async function renderViewImage(root: HTMLElement, format: 'png' | 'svg'): Promise<string> {
  const options = {
    backgroundColor: '#f3f4f7',
    pixelRatio: format === 'png' ? 2 : 1,
    filter: keep,
    cacheBust: false,
    skipFonts: true,
  };
  return format === 'png' ? toPng(root, options) : toSvg(root, options);
}

/** Saves a data URL or text as a file download. */
export function download(filename: string, href: string): void {
  const a = document.createElement('a');
  a.href = href;
  a.download = filename;
  document.body.append(a);
  a.click();
  a.remove();
}

/** A file-name-safe slug of a scenario name. */
export function fileSlug(name: string): string {
  return (
    name
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '') || 'reorg'
  );
}
