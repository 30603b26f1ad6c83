/**
 * Auth, shaped like the seed's `src/context/auth.ts`: an axios-like `apiClient` on
 * XMLHttpRequest whose request interceptor adds `Authorization: Token <token>` (Django REST
 * framework style), `login()` and `refreshToken()`. The auth context is what services read;
 * it exists only once the app provides it after a successful login and refresh.
 */
import { apiBase } from '../config';

export interface AuthContext {
  token: string;
}

export interface ApiRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
  body?: unknown;
}

export interface ApiResponse<T> {
  status: number;
  data: T;
}

type RequestInterceptor = (request: ApiRequest) => ApiRequest;

let storedToken: string | null = null;
let authContext: AuthContext | null = null;

/** The auth context, or null before the app has provided one. */
export function getAuthContext(): AuthContext | null {
  return authContext;
}

/** Makes the auth context available to services (the seed's App.vue `provide`). */
export function provideAuthContext(context: AuthContext): void {
  authContext = context;
}

/** The token the API client currently sends. */
export function currentToken(): string | null {
  return storedToken;
}

const requestInterceptors: RequestInterceptor[] = [
  (request) => {
    // The seed's "emergency fix" lowercased this name; header names are case-insensitive and
    // the preflight already lists them lowercased, so the spelling here changes nothing.
    if (storedToken) request.headers['Authorization'] = `Token ${storedToken}`;
    return request;
  },
];

function send<T>(request: ApiRequest): Promise<ApiResponse<T>> {
  const final = requestInterceptors.reduce((current, intercept) => intercept(current), request);
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open(final.method, final.url);
    for (const [name, value] of Object.entries(final.headers)) xhr.setRequestHeader(name, value);
    xhr.onload = () => {
      const data = (xhr.responseText ? JSON.parse(xhr.responseText) : null) as T;
      if (xhr.status >= 200 && xhr.status < 300) resolve({ status: xhr.status, data });
      else reject(new Error(`Request failed with status code ${xhr.status}`));
    };
    // A CORS rejection reaches script only as a bare network error (status 0), as in axios.
    xhr.onerror = () => reject(new Error('Network Error'));
    if (final.body === undefined) xhr.send();
    else xhr.send(JSON.stringify(final.body));
  });
}

/** Axios-like client bound to the variant's API base. */
export const apiClient = {
  get<T>(path: string): Promise<ApiResponse<T>> {
    return send<T>({ method: 'GET', url: apiBase() + path, headers: {} });
  },
  post<T>(path: string, body?: unknown): Promise<ApiResponse<T>> {
    const headers: Record<string, string> = body === undefined ? {} : { 'Content-Type': 'application/json' };
    return send<T>({ method: 'POST', url: apiBase() + path, headers, body });
  },
};

/** Logs in with `fetch` (a JSON body, so a preflight that only needs Content-Type). */
export async function login(username: string, password: string): Promise<string> {
  const response = await fetch(`${apiBase()}/auth/login/`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  if (!response.ok) throw new Error(`Login failed with status ${response.status}`);
  const { token } = (await response.json()) as { token: string };
  storedToken = token;
  return token;
}

/** Rotates the token; the request carries `Authorization`, so its preflight must allow it. */
export async function refreshToken(): Promise<string> {
  const { data } = await apiClient.post<{ token: string }>('/auth/token/refresh/');
  storedToken = data.token;
  return data.token;
}
