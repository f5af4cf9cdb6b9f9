import { describe, expect, it } from 'vitest';
import { lastRecordEnd, ProblemSink, readTable, TableReader, type TableRow } from './table';

/** Reads a two-column table: rows as `line:a|b`, problems as `line:message`. */
function read(text: string): { rows: string[]; problems: string[] } {
  const sink = new ProblemSink('x.csv');
  const rows: string[] = [];
  readTable(text, ['a', 'b'], sink, (row) => rows.push(`${row.line}:${row.get('a')}|${row.get('b')}`));
  return { rows, problems: sink.problems.map((p) => `${p.line}:${p.message}`) };
}

describe('readTable line ends', () => {
  const expected = { rows: ['2:1|2', '3:3|4', '4:x|y'], problems: [] };

  it('LF, CRLF and old-Mac CR files read the same', () => {
    expect(read('a,b\n1,2\n3,4\nx,y\n')).toEqual(expected);
    expect(read('a,b\r\n1,2\r\n3,4\r\nx,y\r\n')).toEqual(expected);
    expect(read('a,b\r1,2\r3,4\rx,y\r')).toEqual(expected);
    expect(read('a,b\n1,2\n3,4\nx,y')).toEqual(expected);
  });

  it('a file mixing CRLF and LF lines reads line by line', () => {
    expect(read('a,b\r\n1,2\n3,4\r\nx,y\n')).toEqual(expected);
    expect(read('a,b\n1,2\r\n3,"4"\r\nx,y\n')).toEqual(expected);
    expect(read('"a","b"\r\n"1",2\n3,"4"\nx,y')).toEqual(expected);
  });

  it('line breaks inside quoted fields count as lines, whatever their style', () => {
    const { rows, problems } = read('a,b\r\n"one\r\ntwo",2\n"three\nfour\r\nfive",4\r\nx,y\r\nbad\r\n');
    expect(rows).toEqual(['2:one\ntwo|2', '4:three\nfour\nfive|4', '7:x|y']);
    expect(problems).toEqual(['8:expected 2 fields as in the header, found 1']);
  });

  it('blank lines are skipped and counted', () => {
    expect(read('a,b\n\n1,2\r\n\r\n3,4\n  \nx,y\n')).toEqual({ rows: ['3:1|2', '5:3|4', '7:x|y'], problems: [] });
  });
});

describe('TableReader', () => {
  it('reads a file cut into pieces at record ends as readTable reads it whole', () => {
    const text = '\uFEFFid,name,notes\r\n1,"Zoë, ""Z""","two\r\nlines"\r\n\r\n2,Bo,\r\n3,Ana\n4,"Ł ✂",x\n';
    const read = (pieces: string[] | null) => {
      const sink = new ProblemSink('t.csv');
      const rows: { line: number; id: string; name: string; notes: string }[] = [];
      const onRow = (r: TableRow) => rows.push({ line: r.line, id: r.get('id'), name: r.get('name'), notes: r.get('notes') });
      if (pieces === null) readTable(text, ['id', 'name'], sink, onRow);
      else {
        const reader = new TableReader(['id', 'name'], sink, onRow);
        for (const p of pieces) reader.push(p);
        reader.end();
      }
      return { rows, problems: sink.problems };
    };
    const whole = read(null);
    expect(whole.rows.map((r) => r.id)).toEqual(['1', '2', '4']);
    expect(whole.problems).toEqual([{ file: 't.csv', line: 6, message: 'expected 3 fields as in the header, found 2' }]);
    const ends = [...text.matchAll(/\n/g)].map((m) => (m.index ?? 0) + 1).filter((i) => (text.slice(0, i).match(/"/g) ?? []).length % 2 === 0);
    for (let k = 0; k < ends.length; k += 1) {
      const cuts = [0, ...ends.slice(0, k + 1), text.length];
      const pieces = cuts.slice(1).map((end, i) => text.slice(cuts[i], end));
      expect(read(pieces)).toEqual(whole);
    }
  });
});

describe('lastRecordEnd', () => {
  const bytes = (text: string) => new TextEncoder().encode(text);
  it('cuts only after a line break outside quotes', () => {
    expect(lastRecordEnd(bytes('a,b\nc,d'))).toBe(3);
    expect(lastRecordEnd(bytes('a,"b\nc",d\ne'))).toBe(9);
    expect(lastRecordEnd(bytes('a,"b\nc'))).toBe(-1);
    expect(lastRecordEnd(bytes('a,"x""\ny"\n'))).toBe(9);
    expect(lastRecordEnd(bytes('no break'))).toBe(-1);
  });
});
