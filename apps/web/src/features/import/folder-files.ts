/** Files read from a dropped or chosen folder: the formats reorg reads; READMEs and dot-files are skipped. */
export function isFolderFile(name: string): boolean {
  const base = name.split('/').at(-1) ?? name;
  return /\.(ya?ml|json|md|markdown|csv)$/i.test(base) && !base.startsWith('.') && !/^readme\./i.test(base);
}

/** Every file of a dropped entry: a file, or a folder read recursively (in name order), filtered by {@link isFolderFile}. */
async function entryFiles(entry: FileSystemEntry): Promise<File[]> {
  if (entry.isFile) {
    const file = await new Promise<File>((resolve, reject) =>
      (entry as FileSystemFileEntry).file(resolve, reject),
    );
    return [file];
  }
  const reader = (entry as FileSystemDirectoryEntry).createReader();
  const children: FileSystemEntry[] = [];
  for (;;) {
    const batch = await new Promise<FileSystemEntry[]>((resolve, reject) =>
      reader.readEntries(resolve, reject),
    );
    if (batch.length === 0) break;
    children.push(...batch);
  }
  children.sort((a, b) => a.name.localeCompare(b.name));
  const files = (await Promise.all(children.map(entryFiles))).flat();
  return files.filter((f) => isFolderFile(f.name));
}

/**
 * The files of a drop: dropped folders are read (a Team API repository, a catalog folder); plain
 * files are kept as they are. Falls back to `dataTransfer.files` where entries are not available.
 */
export async function droppedFiles(data: DataTransfer): Promise<File[]> {
  const entries = Array.from(data.items ?? [])
    .map((item) => item.webkitGetAsEntry?.() ?? null)
    .filter((e): e is FileSystemEntry => e !== null);
  if (entries.length === 0 || !entries.some((e) => e.isDirectory)) return Array.from(data.files);
  return (await Promise.all(entries.map(entryFiles))).flat();
}
