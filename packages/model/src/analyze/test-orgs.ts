import fc from 'fast-check';
import { createPerson, type Person, type PersonInput } from '../schema/person';

/**
 * Test helpers (not exported from the package): small people lists and fast-check arbitraries of
 * dirty reporting graphs (duplicate ids, self-reports, dangling managers, cycles).
 */

/** People from `[id, managerId | null, extra fields]` tuples. */
export function people(...rows: Array<[string, string | null, Partial<PersonInput>?]>): Person[] {
  return rows.map(([id, managerId, extra]) => createPerson({ id, managerId, ...extra }));
}

/** A random record of a dirty graph: an id from a small pool (so ids repeat), any manager id. */
const recordArb = (size: number) =>
  fc.record({
    id: fc.nat({ max: size + 2 }).map((k) => `p${k}`),
    manager: fc.oneof(
      { weight: 1, arbitrary: fc.constant(null) },
      { weight: 6, arbitrary: fc.nat({ max: size + 2 }).map((k) => `p${k}`) },
      { weight: 1, arbitrary: fc.constantFrom('P1', 'ghost') },
    ),
    aggregate: fc.boolean(),
    fte: fc.constantFrom(0, 0.5, 1, 1.5, 3),
    isAssistant: fc.boolean(),
    level: fc.constantFrom(undefined, 'L3', 'L4', 'L5', 'M5', 'X9'),
    status: fc.constantFrom('active', 'open', 'planned', 'leaving') as fc.Arbitrary<Person['status']>,
    cost: fc.option(fc.nat({ max: 300_000 }), { nil: undefined }),
  });

/** Any people list, cycles, duplicates and dangling managers included. */
export const dirtyPeopleArb = fc.integer({ min: 0, max: 30 }).chain((size) =>
  fc.array(recordArb(size), { maxLength: size }).map((rows) =>
    rows.map((r) =>
      createPerson({
        id: r.id,
        managerId: r.manager,
        aggregate: r.aggregate && r.fte !== 1,
        fte: r.fte,
        isAssistant: r.isAssistant,
        level: r.level,
        status: r.status,
        cost: r.cost,
      }),
    ),
  ),
);

/** A forest: unique ids, each record managed by an earlier one or by nobody. */
export const forestArb = fc
  .array(fc.record({ up: fc.option(fc.nat(), { nil: null }), isAssistant: fc.boolean() }), { maxLength: 60 })
  .map((rows) =>
    rows.map((r, i) =>
      createPerson({
        id: `p${i}`,
        managerId: r.up === null || i === 0 ? null : `p${r.up % i}`,
        isAssistant: r.isAssistant && i % 3 === 0,
        level: ['L3', 'L4', 'L5'][i % 3],
      }),
    ),
  );
