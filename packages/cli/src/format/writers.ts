import type { Profile } from '@insightiq/profiles-client';
import { cellText, profileColumns, valueAt } from '../flatten.js';
import { type Output, printable } from '../io.js';

/** The output formats of `profiles list`. */
export const LIST_FORMATS = ['table', 'json', 'ndjson', 'csv'] as const;
export type ListFormat = (typeof LIST_FORMATS)[number];

/**
 * Writes profiles as they arrive, so that `--all` streams: `end()` closes the output well-formed
 * (the JSON array's `]`) however the walk stopped.
 */
export interface ProfileWriter {
  write(profile: Profile): void;
  end(): void;
}

/** RFC 4180: a field with a comma, quote, line break or edge space is quoted, its quotes doubled. */
export const csvField = (text: string) =>
  /[",\r\n]|^\s|\s$/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;

/** The columns of the table: a few that identify a profile at a glance. */
const TABLE: {
  title: string;
  column: string;
  width: number;
  right?: boolean;
  show?: (text: string) => string;
}[] = [
  { title: 'ID', column: 'id', width: 36 },
  { title: 'USERNAME', column: 'platform_username', width: 20 },
  { title: 'NAME', column: 'full_name', width: 22 },
  { title: 'PLATFORM', column: 'work_platform.name', width: 12 },
  { title: 'FOLLOWERS', column: 'reputation.follower_count', width: 10, right: true },
  // To the second: `2021-11-08 18:53:12`.
  { title: 'UPDATED', column: 'updated_at', width: 19, show: (t) => t.slice(0, 19).replace('T', ' ') },
];

const fit = (text: string, width: number, right = false) => {
  const t = text.length > width ? `${text.slice(0, width - 1)}…` : text;
  return right ? t.padStart(width) : t.padEnd(width);
};

/** A writer of `format` to `out`. Nothing is written before the first profile or `end()`. */
export function profileWriter(format: ListFormat, out: Output): ProfileWriter {
  switch (format) {
    case 'ndjson':
      return { write: (p) => out.write(`${JSON.stringify(p)}\n`), end() {} };
    case 'json': {
      let count = 0;
      return {
        write: (p) => out.write(`${count++ === 0 ? '[\n' : ',\n'}  ${JSON.stringify(p)}`),
        end: () => out.write(count === 0 ? '[]\n' : '\n]\n'),
      };
    }
    case 'csv': {
      const columns = profileColumns();
      out.write(`${columns.map(csvField).join(',')}\r\n`);
      return {
        write: (p) => out.write(`${columns.map((c) => csvField(cellText(valueAt(p, c)))).join(',')}\r\n`),
        end() {},
      };
    }
    case 'table': {
      // The columns that fit the terminal's width, in order (the id always).
      let used = -2;
      const shown = TABLE.filter((c, i) => {
        used += c.width + 2;
        return i === 0 || used <= (out.columns ?? Number.POSITIVE_INFINITY);
      });
      const line = (cells: string[]) =>
        `${cells
          .map((c, i) => fit(printable(c), shown[i]?.width ?? 10, shown[i]?.right))
          .join('  ')
          .trimEnd()}\n`;
      out.write(line(shown.map((c) => c.title)));
      let count = 0;
      return {
        write: (p) => {
          count++;
          out.write(line(shown.map((c) => (c.show ?? String)(cellText(valueAt(p, c.column))))));
        },
        end: () => {
          if (count === 0) out.write('(no profiles)\n');
        },
      };
    }
  }
}

/** One profile as `field  value` lines: every column of the contract, in its order. */
export function profileTable(profile: Profile): string {
  const columns = profileColumns();
  const width = Math.max(...columns.map((c) => c.length));
  const lines = columns.map((c) =>
    `${c.padEnd(width)}  ${printable(cellText(valueAt(profile, c)))}`.trimEnd(),
  );
  return `${lines.join('\n')}\n`;
}
