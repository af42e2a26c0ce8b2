import { bench, describe } from 'vitest';
import { generateOrg } from '../../../../fixtures/generate';
import { HAS_THIRD_PARTY_DATA, readThirdParty } from '../../../../fixtures/third-party-data';
import { loadOrg } from '../schema/org';
import { importHrisCsv } from './hris-csv';
import { importHrisJson } from './hris-json';
import { importUkOrganogram } from './uk-organogram';

const shared = (file: string) => (HAS_THIRD_PARTY_DATA ? readThirdParty(`uk_organograms/${file}`) : '');
const dhSenior = shared('011013-DH---Organogram-senior.csv');
const dhJunior = shared('011013-DH---Organogram-junior.csv');

describe.skipIf(!HAS_THIRD_PARTY_DATA)(
  'UK Department of Health organogram (173 senior posts, 976 junior rows)',
  () => {
    bench('importUkOrganogram (parse, match headers, normalise grades, validate)', () => {
      const result = importUkOrganogram(dhSenior, dhJunior, { asOf: '2013-10-01' });
      if (!result.ok) throw new Error('the DH pair must import');
    });
  },
);

const text100k = JSON.stringify(generateOrg({ people: 100_000, seed: 7 }));

describe('org JSON of 100k people', () => {
  bench(
    'JSON.parse + loadOrg (migrate + zod validation)',
    () => {
      const result = loadOrg(JSON.parse(text100k));
      if (!result.ok) throw new Error('the generated org must load');
    },
    { iterations: 10 },
  );
  bench(
    'baseline: JSON.parse alone',
    () => {
      JSON.parse(text100k);
    },
    { iterations: 10 },
  );
});

// The same 20k people as an HRIS CSV and as a JSON list of records (a directory export).
const people20k = generateOrg({ people: 20_000, seed: 11 }).people.map((p) => ({
  employeeId: p.id,
  name: p.name ?? '',
  managerId: p.managerId ?? '',
  title: p.title ?? '',
  startDate: p.startDate ?? '',
}));
const csv20k = [
  'employeeId,name,managerId,title,startDate',
  ...people20k.map((r) => [r.employeeId, `"${r.name}"`, r.managerId, `"${r.title}"`, r.startDate].join(',')),
].join('\n');
const json20k = JSON.stringify(people20k);

describe('HR records of 20k people: JSON list against the same rows as CSV', () => {
  bench(
    'importHrisJson (records flattened to rows, then the HRIS importer)',
    () => {
      if (!importHrisJson(json20k, { asOf: '2026-01-01' }).ok) throw new Error('must import');
    },
    { iterations: 5 },
  );
  bench(
    'baseline: importHrisCsv of the same rows',
    () => {
      if (!importHrisCsv(csv20k, { asOf: '2026-01-01' }).ok) throw new Error('must import');
    },
    { iterations: 5 },
  );
});
