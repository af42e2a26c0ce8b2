import { describe, expect, it } from 'vitest';
import { findColumn, guessDelimiter, normalizeHeader, parseCsv, readCsvHeaders } from './csv';
import { IssueCollector } from './result';

describe('parseCsv', () => {
  it('numbers rows as a spreadsheet does, skipping blank rows and padding short ones', () => {
    const issues = new IssueCollector();
    const table = parseCsv('\uFEFF a , b ,c\n1, x \n\n"multi\nline",y,z\n,,\n4\n', issues);
    expect(table).toEqual({
      headers: ['a', 'b', 'c'],
      rows: [
        { row: 2, cells: ['1', 'x', ''] },
        { row: 4, cells: ['multi\nline', 'y', 'z'] },
        { row: 6, cells: ['4', '', ''] },
      ],
    });
    expect(issues.failed).toBe(false);
  });

  it('reads semicolon and tab files, keeping commas inside cells', () => {
    const issues = new IssueCollector();
    expect(parseCsv('id;amount\n1;1,5\n', issues)?.rows[0].cells).toEqual(['1', '1,5']);
    expect(parseCsv('id\tname\n1\tA, B\n', issues)?.rows[0].cells).toEqual(['1', 'A, B']);
    expect(guessDelimiter('a,b;c,d\n')).toBe(',');
  });

  it('reports an empty file and a broken quote', () => {
    const empty = new IssueCollector('e.csv');
    expect(parseCsv(' \n', empty)).toBeUndefined();
    expect(empty.errors).toEqual([
      { file: 'e.csv', message: 'the file is empty: expected a header row and data rows' },
    ]);
    const broken = new IssueCollector();
    expect(parseCsv('a,b\n1,"x\n', broken)).toBeUndefined();
    expect(broken.errors).toEqual([{ row: 2, message: 'CSV syntax: Quoted field unterminated' }]);
  });

  it('reads only the header when asked', () => {
    expect(readCsvHeaders('x, y\n1,2\n')).toEqual(['x', 'y']);
  });
});

describe('normalizeHeader and findColumn', () => {
  it('ignores case, spaces, _ # - . / and parenthesised parts', () => {
    expect(
      [
        'Employee_ID',
        'employee-id',
        'EMPLOYEE #ID',
        'Employee.Id',
        'Salary (£)',
        'Grade (or equivalent)',
      ].map(normalizeHeader),
    ).toEqual(['employeeid', 'employeeid', 'employeeid', 'employeeid', 'salary', 'grade']);
  });

  it('prefers earlier synonyms and skips taken columns', () => {
    const headers = ['ID', 'Employee ID', 'Name'];
    expect(findColumn(headers, ['employeeid', 'id'])).toBe(1);
    expect(findColumn(headers, ['employeeid', 'id'], new Set([1]))).toBe(0);
    expect(findColumn(headers, ['email'])).toBe(-1);
  });
});
