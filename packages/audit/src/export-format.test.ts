import { describe, expect, it } from 'vitest';
import type { AuditEntry } from './audit-entry.js';
import { CSV_COLUMNS, csvCell, csvHeader, csvLine, formatExport, ndjsonLine } from './export-format.js';

const entry: AuditEntry = {
  id: 'aud_01jd3v7c0k8x4m2q9t5w6y7z8a',
  productId: 'acme',
  actor: { type: 'admin', id: 'ann', impersonatedBy: 'root' },
  action: 'user.suspended',
  target: { type: 'user', id: 'usr_1' },
  summary: {
    before: { status: 'active' },
    after: { status: 'suspended', note: 'said "hi", left' },
  },
  ip: '203.0.113.7',
  userAgent: 'Mozilla/5.0 (X11; Linux x86_64)',
  requestId: 'req-1',
  at: '2026-01-01T00:00:00.000Z',
  atMs: Date.UTC(2026, 0, 1),
};

/** A minimal RFC 4180 parser (quoted cells, doubled quotes, CRLF records) to read our output back. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const char = text[i];
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') {
        cell += '"';
        i += 1;
      } else if (char === '"') quoted = false;
      else cell += char;
    } else if (char === '"') quoted = true;
    else if (char === ',') {
      row.push(cell);
      cell = '';
    } else if (char === '\r' && text[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i += 1;
    } else cell += char;
  }
  return rows;
}

describe('CSV', () => {
  it('quotes cells holding quotes, commas or line breaks, doubling quotes', () => {
    expect(csvCell('plain')).toBe('plain');
    expect(csvCell(undefined)).toBe('');
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
    expect(csvCell('cr\rhere')).toBe('"cr\rhere"');
  });

  it('neutralizes formula injection: cells starting with = + - @ tab or CR get a leading quote', () => {
    expect(csvCell('=HYPERLINK("http://evil","x")')).toBe(`"'=HYPERLINK(""http://evil"",""x"")"`);
    expect(csvCell('+1+1')).toBe("'+1+1");
    expect(csvCell('-2+3')).toBe("'-2+3");
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvCell('\t=1')).toBe("'\t=1");
    expect(csvCell('\r=1')).toBe(`"'\r=1"`);
    expect(csvCell('a=1')).toBe('a=1');
  });

  it('writes a header and one CRLF record per entry that reads back to the entry', () => {
    expect(csvHeader()).toBe(`${CSV_COLUMNS.join(',')}\r\n`);
    const [header, record] = parseCsv(csvHeader() + csvLine(entry));
    expect(header).toEqual([...CSV_COLUMNS]);
    const cells = Object.fromEntries(CSV_COLUMNS.map((column, index) => [column, record?.[index]]));
    expect(cells).toEqual({
      id: entry.id,
      at: entry.at,
      actorType: 'admin',
      actorId: 'ann',
      impersonatedBy: 'root',
      action: 'user.suspended',
      targetType: 'user',
      targetId: 'usr_1',
      ip: '203.0.113.7',
      userAgent: 'Mozilla/5.0 (X11; Linux x86_64)',
      requestId: 'req-1',
      eventId: '',
      summary: JSON.stringify(entry.summary),
    });
  });

  it('guards every cell, including values an attacker controls such as the user agent', () => {
    const line = csvLine({
      ...entry,
      userAgent: '=cmd|" /C calc"!A0',
      target: { type: 'user', id: '@x' },
    });
    const record = parseCsv(line)[0] ?? [];
    expect(record[CSV_COLUMNS.indexOf('userAgent')]).toBe(`'=cmd|" /C calc"!A0`);
    expect(record[CSV_COLUMNS.indexOf('targetId')]).toBe("'@x");
  });
});

describe('NDJSON', () => {
  it('writes one JSON object per line, without the internal atMs', () => {
    const line = ndjsonLine({ ...entry, userAgent: 'line\nbreak' });
    expect(line.endsWith('\n')).toBe(true);
    expect(line.slice(0, -1)).not.toContain('\n');
    const { atMs: _atMs, ...view } = entry;
    expect(JSON.parse(line)).toEqual({ ...view, userAgent: 'line\nbreak' });
  });
});

describe('formatExport', () => {
  async function* entries(count: number): AsyncGenerator<AuditEntry> {
    for (let i = 0; i < count; i += 1)
      yield {
        ...entry,
        id: `${entry.id.slice(0, -4)}${String(i).padStart(4, '0')}`,
      };
  }

  it('yields the header and lines in chunks, pulling entries only as it is read', async () => {
    let pulled = 0;
    async function* counted(): AsyncGenerator<AuditEntry> {
      for await (const item of entries(5_000)) {
        pulled += 1;
        yield item;
      }
    }
    const chunks = formatExport(counted(), 'csv');
    const first = await chunks.next();
    expect(first.done).toBe(false);
    expect(first.value?.startsWith(csvHeader())).toBe(true);
    expect(pulled).toBeLessThan(5_000);
    let text = first.value ?? '';
    for await (const chunk of chunks) text += chunk;
    expect(pulled).toBe(5_000);
    expect(parseCsv(text)).toHaveLength(5_001);
  });

  it('writes only a header for no entries in CSV, nothing in NDJSON', async () => {
    const collect = async (format: 'csv' | 'ndjson') => {
      let text = '';
      for await (const chunk of formatExport(entries(0), format)) text += chunk;
      return text;
    };
    expect(await collect('csv')).toBe(csvHeader());
    expect(await collect('ndjson')).toBe('');
  });
});
