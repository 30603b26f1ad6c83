/**
 * Server-side CORS configuration snippets for the common backends, naming exactly what to
 * add: the origin, the methods, the request headers, and whether credentials are allowed.
 * One builder for every `cors/*` family, so the backends stay consistent.
 */
import { canonicalHeaderName } from '../headers';
import { messagesFor, type Messages } from '../i18n';
import type { FixSnippet } from '../model';

export interface CorsServerChange {
  /** The page origin the server must allow (`https://app.example.com`). */
  origin: string;
  /** Methods to allow besides the safelisted ones, as the page sends them (`PUT`). */
  methods?: string[];
  /** Request headers to allow, lower case. */
  headers?: string[];
  /** The page sends cookies or HTTP auth: allow credentials (and never answer `*`). */
  credentials?: boolean;
}

const list = (items: string[], quote: string) => items.map((i) => `${quote}${i}${quote}`).join(', ');

/**
 * Snippets for Django, Express, nginx, FastAPI, Spring and ASP.NET Core that make `change`. The
 * labels are the frameworks' names; prose comments inside the code come from `m`.
 */
export function corsFixSnippets(change: CorsServerChange, m: Messages = messagesFor('en')): FixSnippet[] {
  const { origin } = change;
  const comments = m.rulesCors.snippets;
  const methods = change.methods?.length ? [...new Set(['GET', 'POST', ...change.methods])] : undefined;
  const headers = change.headers?.length ? change.headers.map(canonicalHeaderName) : undefined;
  const creds = change.credentials === true;

  const django = [`# settings.py (django-cors-headers)`, `CORS_ALLOWED_ORIGINS = ["${origin}"]`];
  if (headers) django.splice(1, 0, 'from corsheaders.defaults import default_headers, default_methods');
  if (headers) django.push(`CORS_ALLOW_HEADERS = (*default_headers, ${list(change.headers ?? [], '"')})`);
  if (methods) django.push(`CORS_ALLOW_METHODS = (*default_methods, ${list(change.methods ?? [], '"')})`);
  if (creds) django.push('CORS_ALLOW_CREDENTIALS = True');

  const express = [`origin: '${origin}'`];
  if (methods) express.push(`methods: [${list(methods, "'")}]`);
  if (headers) express.push(`allowedHeaders: [${list(['Content-Type', ...headers], "'")}]`);
  if (creds) express.push('credentials: true');

  const nginx = [
    comments.nginxLocation,
    `add_header Access-Control-Allow-Origin "${origin}" always;`,
    'add_header Vary Origin always;',
  ];
  if (methods) nginx.push(`add_header Access-Control-Allow-Methods "${methods.join(', ')}" always;`);
  if (headers)
    nginx.push(
      `add_header Access-Control-Allow-Headers "${['Content-Type', ...headers].join(', ')}" always;`,
    );
  if (creds) nginx.push('add_header Access-Control-Allow-Credentials "true" always;');
  nginx.push('if ($request_method = OPTIONS) { return 204; }');

  const fastapi = [`    allow_origins=["${origin}"],`];
  if (methods) fastapi.push(`    allow_methods=[${list(methods, '"')}],`);
  if (headers) fastapi.push(`    allow_headers=[${list(['Content-Type', ...headers], '"')}],`);
  if (creds) fastapi.push('    allow_credentials=True,');

  const spring = [`config.setAllowedOrigins(List.of("${origin}"));`];
  if (methods) spring.push(`config.setAllowedMethods(List.of(${list(methods, '"')}));`);
  if (headers) spring.push(`config.setAllowedHeaders(List.of(${list(['Content-Type', ...headers], '"')}));`);
  if (creds) spring.push('config.setAllowCredentials(true);');

  const aspnet = [`policy.WithOrigins("${origin}")`];
  if (methods) aspnet.push(`      .WithMethods(${list(methods, '"')})`);
  if (headers) aspnet.push(`      .WithHeaders(${list(['Content-Type', ...headers], '"')})`);
  if (creds) aspnet.push('      .AllowCredentials()');

  return [
    { label: 'Django (django-cors-headers)', code: django.join('\n') },
    { label: 'Express (cors)', code: `app.use(cors({ ${express.join(', ')} }));` },
    { label: 'nginx', code: nginx.join('\n') },
    {
      label: 'FastAPI (CORSMiddleware)',
      code: `app.add_middleware(\n    CORSMiddleware,\n${fastapi.join('\n')}\n)`,
    },
    {
      label: 'Spring',
      code: `${comments.springBean}\nCorsConfiguration config = new CorsConfiguration();\n${spring.join('\n')}`,
    },
    {
      label: 'ASP.NET Core',
      code: `builder.Services.AddCors(o => o.AddDefaultPolicy(policy =>\n  ${aspnet.join('\n')}));\n${comments.aspnetUseCors}`,
    },
  ];
}
