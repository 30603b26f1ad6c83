/**
 * "Save report": the same self-contained HTML report as `handshake report`, built by core from
 * what the panel shows (the live recording or an opened file) and offered as a download.
 */
import { reportHtml, type ReportInput } from '~/core/report-html';
import { downloadBlob } from './file-download';

/** `handshake-report-127.0.0.1-2025-01-18T09-03.html`: the site and the time, safe as a file name. */
export function reportFileName(site: string, time: number): string {
  const stamp = new Date(time).toISOString().slice(0, 16).replace(/:/g, '-');
  const safe = site.replace(/[^a-z0-9.-]+/gi, '_') || 'recording';
  return `handshake-report-${safe}-${stamp}.html`;
}

/** The report as a Blob of its chunks (the browser keeps the parts; no giant string is built). */
export function reportBlob(input: ReportInput): Blob {
  const parts: string[] = [];
  for (const chunk of reportHtml(input)) parts.push(chunk);
  return new Blob(parts, { type: 'text/html;charset=utf-8' });
}

/** Builds the report and downloads it as `reportFileName(site, time)`. */
export function saveReport(input: ReportInput, site: string, time: number): void {
  downloadBlob(reportBlob(input), reportFileName(site, time));
}
