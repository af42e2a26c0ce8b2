import { loadOrg } from '@reorg/model';
import { describe, expect, it } from 'vitest';
import { smallOrg } from '../testing/orgs';
import { countByLayer } from './layer-counts';

function load(doc: unknown) {
  const loaded = loadOrg(doc);
  if (!loaded.ok) throw new Error(loaded.issues.map((i) => i.message).join('; '));
  return loaded.org;
}

describe('countByLayer', () => {
  it('counts people and managers per layer, top first', () => {
    // Ada ← Grace, Linus ← four engineers.
    expect(countByLayer(load(smallOrg()))).toEqual([
      { layer: 1, people: 1, managers: 1 },
      { layer: 2, people: 2, managers: 2 },
      { layer: 3, people: 4, managers: 0 },
    ]);
  });

  it('counts an aggregate as its FTE rounded up, and leaves out records in a reporting loop', () => {
    const doc = smallOrg();
    doc.people!.push(
      { id: 'pool', name: 'Pool', aggregate: true, fte: 2.5, managerId: 'e1' },
      { id: 'x', name: 'X', managerId: 'y' },
      { id: 'y', name: 'Y', managerId: 'x' },
    );
    expect(countByLayer(load(doc))).toEqual([
      { layer: 1, people: 1, managers: 1 },
      { layer: 2, people: 2, managers: 2 },
      { layer: 3, people: 4, managers: 1 },
      { layer: 4, people: 3, managers: 0 },
    ]);
  });
});
