/**
 * `cors/header-not-allowed`: the server's CORS preflight answer did not list a request header
 * the page wanted to send, so the browser never sent the request. The seed's second symptom
 * (`Request header field authorization is not allowed by Access-Control-Allow-Headers`).
 */
import type { Evidence, Fact, Finding, FixSnippet, HttpRequest } from '../model';
import type { Recording } from '../reducer';
import { requestOfLonePreflight } from '../cors/lone-preflight';
import { analyseRecordedRequest, requestCorsVerdict } from '../cors/from-recording';
import { canonicalHeaderName, getHeader, parseHeaderList } from '../headers';
import type { Messages } from '../i18n';
import {
  ENGLISH,
  originOrThis,
  pathOf,
  preflightEvidenceLabel,
  verdictFacts,
  withoutQuery,
  type CorsRuleContext,
} from './cors-finding';

export const CORS_HEADER_RULE_ID = 'cors/header-not-allowed';

/** Chromium's console text for this failure (CDP `Log.entryAdded`, category `cors`). */
const CONSOLE_TEXT =
  /Access to (?:fetch|XMLHttpRequest) at '([^']+)' from origin '([^']+)' has been blocked by CORS policy: Request header field (\S+) is not allowed by Access-Control-Allow-Headers in preflight response/i;

interface Occurrence {
  request: HttpRequest;
  preflight?: HttpRequest;
  header: string;
  basis: Finding['basis'];
  /** Origin named by the console text, when the verdict came from there. */
  logOrigin?: string;
  logSeq?: number;
}

/**
 * One finding per (URL without query, header), from CDP's verdict or Chromium's console text,
 * written in `ctx.msg`'s language.
 */
export function findCorsHeaderNotAllowed(rec: Recording, ctx: CorsRuleContext = ENGLISH): Finding[] {
  const groups = new Map<string, Occurrence[]>();
  for (const occurrence of occurrences(rec)) {
    const key = `${CORS_HEADER_RULE_ID}:${occurrence.header}:${withoutQuery(occurrence.request.url)}`;
    const group = groups.get(key) ?? [];
    group.push(occurrence);
    groups.set(key, group);
  }
  return [...groups].map(([key, group]) => toFinding(key, group, ctx.msg));
}

interface ConsoleVerdict {
  seq: number;
  time: number;
  source: Finding['basis'] | 'user';
  requestId?: string;
  url: string;
  origin: string;
  header: string;
}

function occurrences(rec: Recording): Occurrence[] {
  const found: Occurrence[] = [];
  const verdicts = consoleVerdicts(rec);
  const preflights = harPreflights(rec);
  // Failed requests, and the never-sent request behind a preflight with nothing after it.
  const failed: Array<{ request: HttpRequest; lonePreflight?: HttpRequest }> = [];
  for (const r of rec.requests.values()) {
    const lone = requestOfLonePreflight(r);
    if (lone) failed.push({ request: lone, lonePreflight: r });
    else if (r.state === 'failed' && r.preflightFor === undefined) failed.push({ request: r });
  }
  failed.sort((a, b) => a.request.startTime - b.request.startTime);
  for (const { request, lonePreflight } of failed) {
    const preflight =
      lonePreflight ??
      (request.preflightId
        ? rec.requests.get(request.preflightId)
        : nearestBefore(preflights.get(request.url), request.startTime));
    const cors = request.failure?.cors;
    if (cors) {
      if (cors.corsError !== 'HeaderDisallowedByPreflightResponse') continue;
      const basis = request.source === 'har' ? 'har' : 'cdp';
      found.push({ request, preflight, header: cors.failedParameter.toLowerCase(), basis });
      continue;
    }
    // No verdict on the failure (CDP reported it without one): read Chromium's console text.
    const index = verdicts.findIndex((v) => verdictFor(v, request));
    if (index < 0) {
      // No browser verdict at all (a HAR, a browser without CDP): judge the preflight's headers.
      const ours = analyseRecordedRequest(request, preflight);
      if (ours?.corsError === 'HeaderDisallowedByPreflightResponse' && ours.failedParameter) {
        const basis = request.source === 'har' || request.source === 'cdp' ? request.source : 'page';
        found.push({ request, preflight, header: ours.failedParameter, basis });
      }
      continue;
    }
    const [verdict] = verdicts.splice(index, 1);
    const basis = verdict.source === 'page' || verdict.source === 'har' ? verdict.source : 'cdp';
    found.push({
      request,
      preflight,
      header: verdict.header,
      basis,
      logOrigin: verdict.origin,
      logSeq: verdict.seq,
    });
  }
  return found;
}

/** Console entries that carry this rule's verdict, parsed once. */
function consoleVerdicts(rec: Recording): ConsoleVerdict[] {
  const verdicts: ConsoleVerdict[] = [];
  for (const entry of rec.logs) {
    const match = CONSOLE_TEXT.exec(entry.text);
    if (!match) continue;
    verdicts.push({
      seq: entry.seq,
      time: entry.time,
      source: entry.source,
      requestId: entry.requestId,
      url: match[1],
      origin: match[2],
      header: match[3].toLowerCase(),
    });
  }
  return verdicts;
}

/** The console entry names this request: by CDP id when it has one, else by URL and time. */
function verdictFor(verdict: ConsoleVerdict, request: HttpRequest): boolean {
  if (verdict.requestId !== undefined) return verdict.requestId === request.id;
  return verdict.url === request.url && Math.abs(verdict.time - request.startTime) < 60_000;
}

/**
 * Preflights not linked by the reducer (HAR imports have no initiator link): OPTIONS
 * requests typed `preflight`, by URL.
 */
function harPreflights(rec: Recording): Map<string, HttpRequest[]> {
  const byUrl = new Map<string, HttpRequest[]>();
  for (const r of rec.requests.values()) {
    if (r.method !== 'OPTIONS' || r.resourceType !== 'preflight') continue;
    const list = byUrl.get(r.url) ?? [];
    list.push(r);
    byUrl.set(r.url, list);
  }
  return byUrl;
}

/** The latest preflight sent at most 3 s before the request. */
function nearestBefore(candidates: HttpRequest[] | undefined, time: number): HttpRequest | undefined {
  let best: HttpRequest | undefined;
  for (const r of candidates ?? []) {
    if (r.startTime > time || time - r.startTime > 3000) continue;
    if (!best || r.startTime > best.startTime) best = r;
  }
  return best;
}

function toFinding(key: string, group: Occurrence[], m: Messages): Finding {
  // Facts come from the first occurrence whose preflight answer was captured.
  const main = group.find((o) => o.preflight?.status !== undefined) ?? group[0];
  const { request, preflight, header } = main;
  const allowed = getHeader(preflight?.responseHeaders, 'access-control-allow-headers');
  const origin =
    getHeader(request.wireHeaders ?? request.requestHeaders, 'origin') ??
    getHeader(preflight?.wireHeaders ?? preflight?.requestHeaders, 'origin') ??
    main.logOrigin;
  const askedFor = getHeader(
    preflight?.wireHeaders ?? preflight?.requestHeaders,
    'access-control-request-headers',
  );

  const f = m.rulesCors.facts;
  const v = m.rulesCors.values;
  const t = m.rulesCors.headerNotAllowed;
  const facts: Fact[] = [
    { label: f.request, value: `${request.method} ${request.url}` },
    { label: f.preflight, value: describePreflight(preflight, m) },
    { label: f.disallowedHeader, value: header },
    {
      label: f.serverAllowed,
      value: preflight?.status === undefined ? v.unknownPreflightNotCaptured : (allowed ?? v.noAllowHeaders),
    },
    { label: f.requestOrigin, value: origin ?? v.unknown },
    { label: f.askedFor, value: askedFor ?? v.notCaptured },
    ...verdictFacts(requestCorsVerdict(request, preflight), m),
  ];
  const pageError = group.find((o) => o.request.pageError)?.request.pageError;
  const from = originOrThis({ origin }, m);
  const explanation = t.explanation({
    method: request.method,
    url: request.url,
    header,
    origin: from,
    allowed: allowed ?? v.nothing,
  });
  return {
    ruleId: CORS_HEADER_RULE_ID,
    key,
    severity: 'error',
    title: t.title({ header }),
    explanation: `${explanation} ${pageError ? t.pageSaw({ error: pageError }) : t.pageSawGeneric}`,
    fix: t.fix({ header, origin: from, url: withoutQuery(request.url), asked: askedFor ?? header }),
    fixSnippets: fixSnippets(header, allowed, origin, m),
    facts,
    evidence: group.flatMap((o) => evidenceOf(o, m)),
    count: group.length,
    firstTime: group.reduce((first, o) => Math.min(first, o.request.startTime), Infinity),
    basis: group.some((o) => o.basis === 'cdp') ? 'cdp' : main.basis,
  };
}

function describePreflight(preflight: HttpRequest | undefined, m: Messages): string {
  const v = m.rulesCors.values;
  if (!preflight) return v.notCaptured;
  const head = `OPTIONS ${preflight.url}`;
  if (preflight.status !== undefined) return `${head} → ${preflight.status}`;
  if (preflight.state === 'failed')
    return v.preflightFailed({ head, error: preflight.failure?.errorText ?? v.noAnswer });
  return v.preflightNoAnswer({ head });
}

function evidenceOf(o: Occurrence, m: Messages): Evidence[] {
  const e = m.rulesCors.evidence;
  const path = pathOf(o.request.url);
  const items: Evidence[] = [
    {
      type: 'request',
      id: o.request.id,
      label: e.headerRejected({ method: o.request.method, path, header: o.header }),
    },
  ];
  // A lone preflight stands for its never-sent request: one item, not the same one twice.
  if (o.preflight && o.preflight.id !== o.request.id)
    items.push({ type: 'request', id: o.preflight.id, label: preflightEvidenceLabel(path, o.preflight, m) });
  if (o.logSeq !== undefined) {
    items.push({ type: 'log', id: `l${o.logSeq}`, label: e.console({ header: o.header }) });
  }
  return items;
}

/** Server-side snippets that allow the header, keeping what the server already allows. */
function fixSnippets(
  header: string,
  allowedValue: string | undefined,
  origin: string | undefined,
  m: Messages,
): FixSnippet[] {
  const comments = m.rulesCors.snippets;
  const current = parseHeaderList(allowedValue).filter((h) => h !== '*');
  const wanted = [...new Set(['content-type', ...current, header])].map(canonicalHeaderName);
  const quoted = wanted.map((h) => `'${h}'`).join(', ');
  const dquoted = wanted.map((h) => `"${h}"`).join(', ');
  const from = origin ?? 'https://app.example.com';
  return [
    {
      label: 'Django (django-cors-headers)',
      code: `# settings.py\nfrom corsheaders.defaults import default_headers\n\nCORS_ALLOW_HEADERS = (*default_headers, "${header}")`,
    },
    {
      label: 'Express (cors)',
      code: `app.use(cors({ origin: '${from}', allowedHeaders: [${quoted}] }));`,
    },
    {
      label: 'nginx',
      code: `${comments.nginxOptionsLocation}\nadd_header Access-Control-Allow-Headers "${wanted.join(', ')}" always;`,
    },
    {
      label: 'FastAPI (CORSMiddleware)',
      code: `app.add_middleware(\n    CORSMiddleware,\n    allow_origins=["${from}"],\n    allow_headers=[${dquoted}],\n)`,
    },
    {
      label: 'Spring',
      code:
        `@CrossOrigin(origins = "${from}", allowedHeaders = {${dquoted}})\n` +
        `${comments.springGlobally} corsConfiguration.setAllowedHeaders(List.of(${dquoted}));`,
    },
    {
      label: 'ASP.NET Core',
      code:
        `builder.Services.AddCors(o => o.AddDefaultPolicy(policy =>\n` +
        `  policy.WithOrigins("${from}").WithHeaders(${dquoted})));\n${comments.aspnetUseCors}`,
    },
  ];
}
