import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { csvCell, defuseCell, isFormulaLike } from './csv-cell';

describe('csvCell', () => {
  it("defuses OWASP's formula starts: = + - @, tab and CR", () => {
    expect(csvCell('=1+1')).toBe("'=1+1");
    expect(csvCell('+1')).toBe("'+1");
    expect(csvCell('-2')).toBe("'-2");
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvCell('\tx')).toBe("'\tx");
    expect(csvCell('\r=1')).toBe(`"'\r=1"`);
  });

  it('defuses leading whitespace and line feeds, and the fullwidth ＝＋－＠', () => {
    expect(csvCell(' =1+1')).toBe("' =1+1");
    expect(csvCell('\n=1+1')).toBe(`"'\n=1+1"`);
    expect(csvCell('\u00a0=1')).toBe("'\u00a0=1");
    expect(csvCell('\u3000=1')).toBe("'\u3000=1");
    expect(csvCell('＝1+1')).toBe("'＝1+1");
    expect(csvCell('＋1')).toBe("'＋1");
    expect(csvCell('－1')).toBe("'－1");
    expect(csvCell('＠SUM(A1)')).toBe("'＠SUM(A1)");
  });

  it('leaves other text and numbers alone, and quotes what needs quoting', () => {
    expect(csvCell('plain')).toBe('plain');
    expect(csvCell('a = b')).toBe('a = b');
    expect(csvCell('Reyes, Dana')).toBe('"Reyes, Dana"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell(-3)).toBe('-3');
    expect(csvCell(Number.NaN)).toBe('');
    expect(csvCell(true)).toBe('true');
    expect(csvCell(null)).toBe('');
  });

  it('never writes a cell whose text starts like a formula, quoted or not', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 12 }), (text) => {
        const cell = csvCell(text);
        const unquoted = cell.startsWith('"') ? cell.slice(1, -1).replace(/""/g, '"') : cell;
        expect(isFormulaLike(unquoted)).toBe(false);
        expect(unquoted === text || unquoted === `'${text}`).toBe(true);
        expect(defuseCell(text) === text).toBe(!isFormulaLike(text));
      }),
    );
  });
});
