import { describe, expect, it } from 'vitest';
import { createPendingStore, type KeyValueStorage, TAB_TIMEOUT_MS } from './pending-storage';

function memoryStorage(): KeyValueStorage & { data: Map<string, string> } {
  const data = new Map<string, string>();
  return {
    data,
    getItem: (k) => data.get(k) ?? null,
    setItem: (k, v) => void data.set(k, v),
    removeItem: (k) => void data.delete(k),
    get length() {
      return data.size;
    },
    key: (i) => [...data.keys()][i] ?? null,
  };
}

const entry = (label: string) => ({ label, ops: [{ type: 'removePerson' as const, personId: label }] });

describe('unsaved changes in local storage', () => {
  it('keeps each tab apart: a second tab never picks up the first tab’s changes', () => {
    const local = memoryStorage();
    const a = createPendingStore(local, 'tab-a');
    const b = createPendingStore(local, 'tab-b');
    a.beat(1000);
    b.beat(1000);
    a.write('s1', 3, [entry('x')]);
    expect(a.read('s1', 2000).stored?.entries).toEqual([entry('x')]);
    expect(b.read('s1', 2000)).toEqual({ stored: null, adopted: 0 });
    a.write('s1', 3, []);
    expect(a.read('s1', 2000).stored).toBeNull();
  });

  it('adopts the changes of a tab that stopped beating (closed or crashed), once', () => {
    const local = memoryStorage();
    const gone = createPendingStore(local, 'gone');
    gone.beat(1000);
    gone.write('s1', 2, [entry('x'), entry('y')]);
    const next = createPendingStore(local, 'next');
    next.write('s1', 4, [entry('z')]);
    const later = 1000 + TAB_TIMEOUT_MS + 1;
    const read = next.read('s1', later);
    expect(read.adopted).toBe(2);
    expect(read.stored?.entries.map((e) => e.label)).toEqual(['z', 'x', 'y']);
    expect(read.stored?.baseRevision).toBe(2);
    expect(next.read('s1', later).adopted).toBe(0);
    expect([...local.data.keys()].filter((k) => k.includes('pending'))).toEqual(['reorg.pending.s1.next']);
  });

  it('survives unreadable documents and missing storage', () => {
    const local = memoryStorage();
    local.setItem('reorg.pending.s1.t', '{not json');
    expect(createPendingStore(local, 't').read('s1', 0)).toEqual({ stored: null, adopted: 0 });
    expect(createPendingStore(null, 't').read('s1', 0)).toEqual({ stored: null, adopted: 0 });
  });
});
