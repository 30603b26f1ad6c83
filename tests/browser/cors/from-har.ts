/**
 * The verdict a HAR file alone gives: the file is imported and analysed exactly as
 * `handshake analyze` does (`importHarText`, the reducer, then the CORS rules' occurrences).
 */
import { importHarText } from '../../../core/har/import';
import { Recording } from '../../../core/reducer';
import { corsOccurrences, type CorsOccurrence } from '../../../core/rules/cors-occurrences';

export interface HarVerdict {
  /** The CORS failures found in the file, in time order (none: the file shows no CORS failure). */
  occurrences: CorsOccurrence[];
}

/** Imports `har` and finds its CORS failures. */
export function verdictFromHar(har: string): HarVerdict {
  const rec = new Recording();
  rec.apply(importHarText(har).events);
  return { occurrences: corsOccurrences(rec) };
}

/** `corsError (failedParameter)` of the first failure, `allowed` without one. */
export function describeHarVerdict(v: HarVerdict): string {
  const first = v.occurrences[0];
  if (!first) return 'allowed';
  const also = first.verdict.ours?.disallowedHeaders?.filter((h) => h !== first.failedParameter) ?? [];
  const how = first.verdict.inference === 'failedWithoutCredentials' ? '; credentials inferred' : '';
  return `${first.corsError} (${first.failedParameter}${also.length ? `; also ${also.join(', ')}` : ''})${how}`;
}
