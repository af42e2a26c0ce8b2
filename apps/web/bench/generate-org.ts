import type { OrgInput, PersonInput, TeamInput } from '@reorg/model';

/**
 * A seeded, deterministic org of `size` people for benchmarks: a CTO, then layers of managers
 * with 4–7 managers each, first-line managers with 5–9 ICs, one team per first-line manager
 * (a fifth of them platform teams). Names are `Person 123`; levels follow the default ladder.
 */
export function generateOrg(size: number, seed = 1): OrgInput & { schemaVersion: 1 } {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  const people: PersonInput[] = [];
  const teams: TeamInput[] = [];
  const add = (p: Omit<PersonInput, 'id'>) => {
    const id = `P${people.length + 1}`;
    people.push({ id, email: `person${people.length + 1}@bench.example`, ...p });
    return id;
  };
  // Managers needed: roughly size / 7 first-line managers, then / 5 per layer up.
  const firstLine = Math.max(1, Math.round(size / 8));
  const layers: number[] = [firstLine];
  while (layers[layers.length - 1] > 5) layers.push(Math.max(1, Math.round(layers[layers.length - 1] / 5)));
  const cto = add({ name: 'Person 1', title: 'Chief Technology Officer', level: 'M7', managerId: null });
  let above = [cto];
  for (let l = layers.length - 1; l >= 0; l--) {
    const count = layers[l];
    const current: string[] = [];
    for (let k = 0; k < count && people.length < size; k++) {
      const managerId = above[k % above.length];
      const level = l === 0 ? 'M5' : l === 1 ? 'M6' : 'M7';
      const title = l === 0 ? 'Engineering Manager' : l === 1 ? 'Director of Engineering' : 'VP Engineering';
      const id = add({
        name: `Person ${people.length + 1}`,
        title,
        level,
        managerId,
        managerSince: '2022-01-01',
      });
      current.push(id);
      if (l === 0) {
        const teamId = `T${teams.length + 1}`;
        teams.push({
          id: teamId,
          name: `Team ${teams.length + 1}`,
          type: teams.length % 5 === 4 ? 'platform' : 'stream-aligned',
          managerId: id,
        });
        people[people.length - 1].teamId = teamId;
      }
    }
    above = current;
  }
  // ICs under first-line managers until the org is full.
  let m = 0;
  while (people.length < size) {
    const managerId = above[m % above.length];
    const team = teams[m % teams.length];
    const n = int(5, 9);
    for (let k = 0; k < n && people.length < size; k++) {
      const r = next();
      const level = r < 0.45 ? 'L3' : r < 0.8 ? 'L4' : r < 0.95 ? 'L5' : 'L6';
      const title = {
        L3: 'Software Engineer',
        L4: 'Senior Engineer',
        L5: 'Staff Engineer',
        L6: 'Principal Engineer',
      }[level];
      add({ name: `Person ${people.length + 1}`, title, level, managerId, teamId: team?.id ?? null });
    }
    m++;
  }
  return {
    schemaVersion: 1,
    id: `bench-${size}`,
    name: `Benchmark org (${size.toLocaleString('en-US')} people)`,
    asOf: '2026-06-30',
    people,
    teams,
  };
}
