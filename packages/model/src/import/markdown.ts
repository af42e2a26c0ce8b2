/** True for a Markdown file name (`.md`, `.markdown`). */
export function isMarkdownName(name: string): boolean {
  return /\.(md|markdown)$/i.test(name);
}

/**
 * The YAML front matter of a Markdown file: the text between a first line `---` and the next line
 * `---` (or `...`), as Jekyll, Hugo and GitHub write it. `undefined` when the file has none.
 */
export function frontMatter(text: string): string | undefined {
  const m = /^\uFEFF?---[ \t]*\r?\n([\s\S]*?)\r?\n(?:---|\.\.\.)[ \t]*(?:\r?\n|$)/.exec(text.trimStart());
  return m?.[1];
}
