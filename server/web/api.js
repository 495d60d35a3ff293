// The JSON API (server/openapi.yaml). Errors come back as ApiError with the
// server's message, so views can show them instead of swallowing them.

export class ApiError extends Error {
  constructor(message, status) {
    super(message);
    this.status = status;
  }
}

export async function getJson(path, params = {}) {
  const query = new URLSearchParams();
  for (const [name, value] of Object.entries(params)) {
    if (Array.isArray(value)) {
      for (const v of value) query.append(name, v);
    } else if (value !== undefined && value !== null && value !== '') {
      query.set(name, value);
    }
  }
  const url = query.toString() ? `${path}?${query}` : path;
  let response;
  try {
    response = await fetch(url, {headers: {Accept: 'application/json'}});
  } catch (error) {
    throw new ApiError(`The server could not be reached (${error.message}).`, 0);
  }
  let body = null;
  try {
    body = await response.json();
  } catch {
    throw new ApiError(`The server answered ${response.status} without JSON.`, response.status);
  }
  if (!response.ok) {
    const message = body && body.error ? body.error.message : response.statusText;
    throw new ApiError(message, response.status);
  }
  return body;
}

// Path segments are encoded one by one ("#" must become %23).
export const segment = (s) => encodeURIComponent(s);
