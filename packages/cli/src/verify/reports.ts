import { ViolationGroups } from '@insightiq/profiles-spec/validate';
import type { CheckResult, VerifyReport, Violation } from './types.js';

/** The report formats of `verify`. */
export const REPORT_FORMATS = ['text', 'json', 'junit', 'markdown'] as const;
/** One of `REPORT_FORMATS`. */
export type ReportFormat = (typeof REPORT_FORMATS)[number];

const seconds = (ms: number) => (ms / 1000).toFixed(ms < 10_000 ? 2 : 1);

/** One violation on one line: where, what, which request, which `request-id`. */
export const describeViolation = (v: Violation, where = '') =>
  `${v.pointer ? `${v.pointer} ` : ''}${v.message} (${where}${v.request}${v.requestId ? `, request-id ${v.requestId}` : ''})`;

/** Lines shown per failed check in the text, Markdown and JUnit reports (JSON has every violation). */
const SHOWN = 10;

/**
 * A check's violations for reading: one line per rule broken at one place, grouped by the spec's
 * `ViolationGroups` (array indexes folded: a gender wrong in 30 profiles of 3 answers is one line),
 * most frequent first, at most `SHOWN` lines.
 */
export function violationLines(violations: readonly Violation[]): string[] {
  const groups = new ViolationGroups<Violation>();
  for (const v of violations) groups.add(v, v.requestId ?? v.request);
  const lines = groups
    .list()
    .map(({ first, pointer, count, answers }) =>
      count === 1
        ? describeViolation(first)
        : describeViolation(
            { ...first, pointer },
            `${count} times in ${answers} answer${answers > 1 ? 's' : ''}, first `,
          ),
    );
  return lines.length > SHOWN
    ? [...lines.slice(0, SHOWN), `... and ${lines.length - SHOWN} more (--report json lists every violation)`]
    : lines;
}

/** `12 checks: 10 passed, 1 failed, 1 skipped in 1.32 s against http://127.0.0.1:4010` */
export const summaryLine = (r: VerifyReport) =>
  `${r.summary.checks} checks: ${r.summary.passed} passed, ${r.summary.failed} failed, ${r.summary.skipped} skipped in ${seconds(r.durationMs)} s against ${r.target}`;

/** A check as the text report shows it (also the live lines on a terminal). */
export function checkLines(c: CheckResult): string {
  const mark = c.status === 'passed' ? 'ok  ' : c.status === 'failed' ? 'FAIL' : 'skip';
  const lines = [`${mark} ${c.name}${c.note ? ` (${c.note})` : ''}`];
  for (const line of violationLines(c.violations)) lines.push(`       ${line}`);
  return `${lines.join('\n')}\n`;
}

const xml = (text: string) =>
  text
    .replace(
      /[<>&"']/g,
      (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[c] as string,
    )
    // XML 1.0 has no place for most control characters, even escaped.
    // biome-ignore lint/suspicious/noControlCharactersInRegex: finding them is the point.
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, ' ');

/** A Markdown table cell: pipes escaped, on one line. */
const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');

/** The JUnit XML report: one test case per check, for CI dashboards. */
function junitReport(report: VerifyReport): string {
  const { summary: s } = report;
  const cases = report.checks.map((c) => {
    const open = `    <testcase classname="insightiq-profiles.verify" name="${xml(c.name)}" time="${seconds(c.durationMs)}"`;
    if (c.status === 'passed') return `${open}/>`;
    if (c.status === 'skipped')
      return `${open}>\n      <skipped message="${xml(c.note ?? '')}"/>\n    </testcase>`;
    const lines = violationLines(c.violations);
    const message = lines[0] ?? 'failed';
    const body = lines.join('\n');
    return `${open}>\n      <failure message="${xml(message)}" type="ContractViolation">${xml(body)}</failure>\n    </testcase>`;
  });
  const counts = `tests="${s.checks}" failures="${s.failed}" skipped="${s.skipped}" time="${seconds(report.durationMs)}"`;
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="insightiq-profiles verify" ${counts}>`,
    `  <testsuite name="${xml(report.target)}" ${counts} timestamp="${report.startedAt}">`,
    '    <properties>',
    `      <property name="contractVersion" value="${xml(report.contractVersion)}"/>`,
    `      <property name="tool" value="${xml(report.tool)}"/>`,
    '    </properties>',
    ...cases,
    '  </testsuite>',
    '</testsuites>',
    '',
  ].join('\n');
}

const markdownResult = (c: CheckResult) =>
  c.status === 'passed'
    ? 'passed'
    : c.status === 'failed'
      ? `**failed** (${c.violations.length})`
      : `skipped: ${cell(c.note ?? '')}`;

/** The Markdown report, for a pull-request comment: a verdict, a table of checks, the violations. */
function markdownReport(report: VerifyReport): string {
  const { summary: s } = report;
  const verdict = s.failed === 0 ? '**Conformant**' : `**Not conformant**: ${s.failed} failed`;
  const lines = [
    `### InsightIQ Profiles API: contract verification of \`${report.target}\``,
    '',
    `${verdict}. ${s.checks} checks, ${s.passed} passed, ${s.failed} failed, ${s.skipped} skipped in ${seconds(report.durationMs)} s (contract ${report.contractVersion}, ${report.tool}).`,
    '',
    '| Check | Result | Time |',
    '| --- | --- | --- |',
    ...report.checks.map((c) => `| ${cell(c.name)} | ${markdownResult(c)} | ${seconds(c.durationMs)} s |`),
  ];
  const failed = report.checks.filter((c) => c.status === 'failed');
  if (failed.length > 0) lines.push('', '#### Violations');
  for (const c of failed) {
    lines.push('', `**${cell(c.name)}**`, '');
    for (const line of violationLines(c.violations)) lines.push(`- ${cell(line)}`);
  }
  return `${lines.join('\n')}\n`;
}

/** The report in a format. */
export function formatReport(report: VerifyReport, format: ReportFormat): string {
  switch (format) {
    case 'json':
      return `${JSON.stringify(report, null, 2)}\n`;
    case 'text':
      return `${report.checks.map(checkLines).join('')}\n${summaryLine(report)}\n`;
    case 'junit':
      return junitReport(report);
    case 'markdown':
      return markdownReport(report);
  }
}
