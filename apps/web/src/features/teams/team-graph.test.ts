import { createInteraction, createTeam } from '@reorg/model';
import { describe, expect, it } from 'vitest';
import { edgeRoutes, flattenElk, interactionId, toElkGraph } from './team-graph';

describe('team graph', () => {
  const teams = [
    createTeam({ id: 'g', name: 'Commerce', kind: 'group' }),
    createTeam({ id: 'a', name: 'Checkout', parentId: 'g' }),
    createTeam({ id: 'b', name: 'Payments platform', type: 'platform' }),
  ];
  const interactions = [
    createInteraction({ from: 'b', to: 'a', mode: 'x-as-a-service' }),
    createInteraction({ from: 'a', to: 'zz', mode: 'collaboration' }),
  ];

  it('puts teams in their group and keeps interactions between known teams', () => {
    const graph = toElkGraph(teams, interactions);
    expect(graph.children?.map((c) => [c.id, c.children?.map((k) => k.id)])).toEqual([
      ['g', ['a']],
      ['b', undefined],
    ]);
    expect(graph.edges).toEqual([{ id: 'b->a:x-as-a-service', sources: ['b'], targets: ['a'] }]);
    expect(interactionId(interactions[0])).toBe('b->a:x-as-a-service');
  });

  it('flattens child positions to absolute ones', () => {
    const flat = flattenElk({
      id: 'root',
      children: [
        {
          id: 'g',
          x: 10,
          y: 20,
          width: 300,
          height: 200,
          children: [{ id: 'a', x: 16, y: 40, width: 210, height: 72 }],
        },
      ],
    });
    expect(flat.get('a')).toEqual({ x: 26, y: 60, width: 210, height: 72, parent: 'g' });
  });

  it('shifts edge routes by their container group', () => {
    const routes = edgeRoutes({
      id: 'root',
      children: [{ id: 'g', x: 100, y: 50, children: [] }],
      edges: [
        {
          id: 'e1',
          sources: ['a'],
          targets: ['b'],
          container: 'g',
          sections: [{ id: 's', startPoint: { x: 1, y: 2 }, endPoint: { x: 3, y: 4 } }],
        },
        {
          id: 'e2',
          sources: ['a'],
          targets: ['c'],
          container: 'root',
          sections: [
            { id: 's2', startPoint: { x: 1, y: 2 }, bendPoints: [{ x: 5, y: 2 }], endPoint: { x: 5, y: 9 } },
          ],
        },
      ],
    } as never);
    expect(routes.get('e1')).toEqual([
      { x: 101, y: 52 },
      { x: 103, y: 54 },
    ]);
    expect(routes.get('e2')).toEqual([
      { x: 1, y: 2 },
      { x: 5, y: 2 },
      { x: 5, y: 9 },
    ]);
  });
});
