/**
 * Reads files as UTF-8 text, reporting the bytes read so far over all of them (`FileReader`
 * progress events, so a large file shows progress while it is read).
 */
export async function readFiles(
  files: readonly File[],
  onProgress: (loaded: number, total: number) => void,
): Promise<{ name: string; size: number; text: string }[]> {
  const total = files.reduce((n, f) => n + f.size, 0);
  let done = 0;
  const out: { name: string; size: number; text: string }[] = [];
  for (const file of files) {
    const text = await new Promise<string>((resolve, reject) => {
      const reader = new FileReader();
      reader.onprogress = (e) => onProgress(done + e.loaded, total);
      reader.onload = () => resolve(String(reader.result ?? ''));
      reader.onerror = () =>
        reject(new Error(`${file.name} could not be read: ${reader.error?.message ?? ''}`));
      reader.readAsText(file);
    });
    done += file.size;
    onProgress(done, total);
    out.push({ name: file.name, size: file.size, text });
  }
  return out;
}
