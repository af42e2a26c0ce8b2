/** One Server-Sent Event as a client sees it. */
export interface SseEvent {
  event: string;
  data: string;
  id?: string;
  /** When it was read (performance.now()). */
  at: number;
}

/**
 * Reads a `text/event-stream` response event by event (comment lines are counted, not returned),
 * for tests and the load bench.
 */
export class SseReader {
  private readonly reader: ReadableStreamDefaultReader<Uint8Array>;
  private readonly decoder = new TextDecoder();
  private buffer = '';
  private readonly queue: SseEvent[] = [];
  private waiting: (() => void) | undefined;
  private done = false;
  /** Comment lines seen (heartbeats). */
  comments = 0;

  constructor(res: Response) {
    if (!res.body) throw new Error('the response has no body');
    this.reader = res.body.getReader();
    void this.pump();
  }

  /**
   * The first event not yet taken that matches `accept` (the others stay for later calls and
   * {@link drain}), or a rejection after `timeoutMs`.
   */
  async next(accept: (e: SseEvent) => boolean = () => true, timeoutMs = 10_000): Promise<SseEvent> {
    const deadline = performance.now() + timeoutMs;
    for (;;) {
      const k = this.queue.findIndex(accept);
      if (k >= 0) return this.queue.splice(k, 1)[0] as SseEvent;
      if (this.done) throw new Error('the stream ended');
      const left = deadline - performance.now();
      if (left <= 0) throw new Error(`no matching event within ${timeoutMs} ms`);
      await new Promise<void>((resolve) => {
        this.waiting = resolve;
        setTimeout(resolve, left);
      });
    }
  }

  /** The next event named `name`. */
  nextNamed(name: string, timeoutMs?: number): Promise<SseEvent> {
    return this.next((e) => e.event === name, timeoutMs);
  }

  /** Events already received and not yet taken. */
  drain(): SseEvent[] {
    return this.queue.splice(0);
  }

  /** Closes the stream (the server sees the client go). */
  async close(): Promise<void> {
    this.done = true;
    await this.reader.cancel().catch(() => {});
  }

  private async pump(): Promise<void> {
    try {
      for (;;) {
        const { value, done } = await this.reader.read();
        if (done) break;
        this.buffer += this.decoder.decode(value, { stream: true });
        let end = this.buffer.indexOf('\n\n');
        while (end >= 0) {
          this.parse(this.buffer.slice(0, end));
          this.buffer = this.buffer.slice(end + 2);
          end = this.buffer.indexOf('\n\n');
        }
      }
    } catch {
      // cancelled
    }
    this.done = true;
    this.waiting?.();
  }

  private parse(block: string): void {
    const e: SseEvent = { event: 'message', data: '', at: performance.now() };
    const data: string[] = [];
    let any = false;
    for (const line of block.split('\n')) {
      if (line.startsWith(':')) {
        this.comments += 1;
        continue;
      }
      const colon = line.indexOf(':');
      const field = colon < 0 ? line : line.slice(0, colon);
      const value = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
      if (field === 'event') e.event = value;
      else if (field === 'data') data.push(value);
      else if (field === 'id') e.id = value;
      else continue;
      any = true;
    }
    if (!any) return;
    e.data = data.join('\n');
    this.queue.push(e);
    this.waiting?.();
    this.waiting = undefined;
  }
}
