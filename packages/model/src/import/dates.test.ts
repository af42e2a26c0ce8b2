import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decideDateOrder, fromExcelSerial, parseDate, parseDateFormat } from './dates';
import { importHrisCsv } from './hris-csv';

describe('parseDate', () => {
  it.each([
    ['2023-10-09', 'MM-DD-YYYY', '2023-10-09'],
    ['2023-10-09T08:30:00Z', 'MM-DD-YYYY', '2023-10-09'],
    ['2021-04-01-07:00', 'MM-DD-YYYY', '2021-04-01'],
    ['09-10-2023', 'DD-MM-YYYY', '2023-10-09'],
    ['09-10-2023', 'MM-DD-YYYY', '2023-09-10'],
    ['9/10/2023', 'DD-MM-YYYY', '2023-10-09'],
    ['09.10.2023', 'DD-MM-YYYY', '2023-10-09'],
    ['9 Oct 2023', 'MM-DD-YYYY', '2023-10-09'],
    ['09-Oct-2023', 'MM-DD-YYYY', '2023-10-09'],
    ['October 9, 2023', 'DD-MM-YYYY', '2023-10-09'],
    ['45208', 'DD-MM-YYYY', '2023-10-09'],
    ['25569', 'DD-MM-YYYY', '1970-01-01'],
    ['45208.75', 'DD-MM-YYYY', '2023-10-09'],
  ] as const)('%s as %s → %s', (raw, format, iso) => {
    expect(parseDate(raw, format)).toEqual({ ok: true, value: iso });
  });

  it.each(['31/13/2022', '2023-02-30', '29-02-2023', 'soon', '2023', '9 Foo 2023'])(
    'refuses %s with a reason',
    (raw) => {
      const parsed = parseDate(raw, 'DD-MM-YYYY');
      expect(parsed.ok).toBe(false);
    },
  );

  it('reads every day written either way back to itself (property)', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('1930-01-01'), max: new Date('2100-12-31'), noInvalidDate: true }),
        (d) => {
          const [y, m, day] = d.toISOString().slice(0, 10).split('-');
          const iso = `${y}-${m}-${day}`;
          expect(parseDate(`${day}/${m}/${y}`, 'DD-MM-YYYY')).toEqual({ ok: true, value: iso });
          expect(parseDate(`${m}-${day}-${y}`, 'MM-DD-YYYY')).toEqual({ ok: true, value: iso });
          const serial = Math.round((Date.UTC(+y, +m - 1, +day) - Date.UTC(1899, 11, 30)) / 86_400_000);
          if (serial >= 10000) expect(fromExcelSerial(serial)).toBe(iso);
        },
      ),
    );
  });
});

describe('decideDateOrder', () => {
  it('decides from a part above 12, by majority, and otherwise assumes MM-DD-YYYY', () => {
    expect(decideDateOrder(['09-10-2023', '15-06-2020'])).toEqual({
      format: 'DD-MM-YYYY',
      decidedBy: 'values',
    });
    expect(decideDateOrder(['09-10-2023', '06-15-2020'])).toEqual({
      format: 'MM-DD-YYYY',
      decidedBy: 'values',
    });
    expect(decideDateOrder(['31/13/2022', '15-06-2020'])).toEqual({
      format: 'DD-MM-YYYY',
      decidedBy: 'values',
    });
    expect(decideDateOrder(['09-10-2023', '2020-01-01'])).toEqual({
      format: 'MM-DD-YYYY',
      decidedBy: 'assumed',
    });
    expect(decideDateOrder(['15-06-2020'], 'MM-DD-YYYY')).toEqual({
      format: 'MM-DD-YYYY',
      decidedBy: 'given',
    });
  });

  it('reads the written forms of the option', () => {
    expect(['DD-MM-YYYY', 'dd/mm/yyyy', 'MM.DD.YYYY', 'mm-dd-yy', 'YYYY-MM-DD'].map(parseDateFormat)).toEqual(
      ['DD-MM-YYYY', 'DD-MM-YYYY', 'MM-DD-YYYY', 'MM-DD-YYYY', undefined],
    );
  });
});

describe('importHrisCsv: dates and the manager column', () => {
  const asOf = '2024-01-31';
  it('warns once when no date decides the order, and the option decides it', () => {
    const csv = 'ID,Start Date\na,09-10-2023\nb,01-02-2022\n';
    const assumed = importHrisCsv(csv, { asOf });
    expect(assumed.ok && assumed.value.people.map((p) => p.startDate)).toEqual(['2023-09-10', '2022-01-02']);
    expect(assumed.ok && assumed.warnings.map((w) => w.message)).toEqual([
      expect.stringContaining('dates such as "09-10-2023" could be day or month first'),
      'no manager column (such as "Manager ID" or "Reports To"): everyone is at the top',
    ]);
    const given = importHrisCsv(csv, { asOf, dateFormat: 'DD-MM-YYYY' });
    expect(given.ok && given.value.people.map((p) => p.startDate)).toEqual(['2023-10-09', '2022-02-01']);
  });

  it('names the likely manager column it did not use', () => {
    const csv = 'ID,Name,Boss Ref\n1,Ann,\n2,Bo,1\n3,Cy,1\n4,Di,2\n';
    const result = importHrisCsv(csv, { asOf });
    expect(result.ok && result.warnings.map((w) => w.message)).toEqual([
      'no manager column matched: column "Boss Ref" looks like one (3 of 3 values name another row\'s id) but was not used; map it as the manager to read reporting lines. Until then everyone is at the top',
    ]);
    const mapped = importHrisCsv(csv, { asOf, mapping: { manager: 'Boss Ref' } });
    expect(mapped.ok && mapped.value.people.map((p) => p.managerId)).toEqual([null, '1', '1', '2']);
  });

  it('leaves out people whose status or termination date says they have left', () => {
    const csv =
      'ID,Manager ID,Status,Termination Date\na,,Active,\nb,a,Inactive,\nc,a,Active,2023-12-31\nd,a,Active,2024-03-01\n';
    const result = importHrisCsv(csv, { asOf });
    expect(result.ok && result.value.people.map((p) => [p.id, p.status])).toEqual([
      ['a', 'active'],
      ['d', 'leaving'],
    ]);
    expect(result.ok && result.value.importNotes).toEqual({ normalizedIds: [], terminatedIds: ['b', 'c'] });
  });
});
