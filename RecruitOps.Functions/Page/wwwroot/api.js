// Calls to the RecruitOps API. URLs are relative to the page, so the page works under any route prefix:
// the page lives at <prefix>/recruits/page and the API beside it.
export const operationsUrl = new URL('operations', document.baseURI);
export const streamUrl = new URL('operations/stream', document.baseURI);
const signInUrl = new URL('../auth/local-sign-in', document.baseURI);

export class ApiError extends Error {
  constructor(status, detail) {
    super(detail);
    this.status = status;
  }
}

/** One page of history, newest first. Throws ApiError (status 0 when the server cannot be reached). */
export async function fetchOperations({ limit = 50, cursor = null, recruitId = null } = {}) {
  const url = new URL(operationsUrl);
  url.searchParams.set('limit', String(limit));
  if (cursor) {
    url.searchParams.set('cursor', cursor);
  }
  if (recruitId) {
    url.searchParams.set('recruitId', recruitId);
  }
  const response = await send(url, { headers: { Accept: 'application/json' } });
  return response.json();
}

/** Why did the stream fail? EventSource hides the status, so ask the history endpoint, cheaply. */
export async function probe() {
  try {
    await fetchOperations({ limit: 1 });
    return 'ok';
  } catch (error) {
    if (error.status === 401) {
      return 'unauthorized';
    }
    if (error.status === 403) {
      return 'forbidden';
    }
    return 'unreachable';
  }
}

/** Local runs only; the server answers 404 when local sign-in is turned off. */
export async function localSignIn(form) {
  const body = new URLSearchParams();
  for (const name of ['sub', 'name', 'role']) {
    body.set(name, String(form.get(name) ?? '').trim());
  }
  await send(signInUrl, { method: 'POST', body });
}

async function send(url, init) {
  let response;
  try {
    response = await fetch(url, { credentials: 'same-origin', cache: 'no-store', ...init });
  } catch {
    throw new ApiError(0, '');
  }
  if (!response.ok) {
    throw new ApiError(response.status, await problemDetail(response));
  }
  return response;
}

async function problemDetail(response) {
  try {
    const problem = await response.json();
    const fieldErrors = problem.errors ? Object.values(problem.errors).flat() : [];
    return [problem.detail ?? problem.title, ...fieldErrors].filter(Boolean).join(' ');
  } catch {
    return `${response.status} ${response.statusText}`;
  }
}
