// Calls to the API with the signed-in user's bearer token. GET answers are cached per address
// for the session, so moving between views that share data does not ask again.
export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

async function errorOf(res: Response): Promise<ApiError> {
  let message = res.statusText || `HTTP ${res.status}`;
  try {
    const body = (await res.json()) as { message?: unknown; errors?: { field: string; reason: string }[] };
    if (Array.isArray(body.errors) && body.errors.length) {
      message = body.errors.map((e) => `${e.field}: ${e.reason}`).join('; ');
    } else if (typeof body.message === 'string') {
      message = body.message;
    }
  } catch {
    // not JSON: keep the status text
  }
  return new ApiError(res.status, `${res.status} ${message}`);
}

/** `attachment; filename="x.csv"` → x.csv */
export function fileNameOf(disposition: string | null, fallback: string): string {
  const match = /filename="?([^";]+)"?/i.exec(disposition ?? '');
  return match ? match[1] : fallback;
}

export class Api {
  private readonly cache = new Map<string, Promise<unknown>>();

  constructor(
    private readonly token: () => string | null,
    private readonly onUnauthorized: () => void,
  ) {}

  private async fetch(path: string): Promise<Response> {
    const token = this.token();
    const res = await fetch(path, {
      headers: token ? { Authorization: `Bearer ${token}`, Accept: 'application/json' } : {},
    });
    if (res.status === 401) this.onUnauthorized();
    if (!res.ok) throw await errorOf(res);
    return res;
  }

  json<T>(path: string): Promise<T> {
    let pending = this.cache.get(path) as Promise<T> | undefined;
    if (!pending) {
      pending = this.fetch(path).then((res) => res.json() as Promise<T>);
      this.cache.set(path, pending);
      pending.catch(() => this.cache.delete(path));
    }
    return pending;
  }

  /** Fetches a file the API makes (CSV, XLSX) and hands it to the browser as a download. */
  async download(path: string, fallbackName: string): Promise<string> {
    const res = await this.fetch(path);
    const name = fileNameOf(res.headers.get('Content-Disposition'), fallbackName);
    const url = URL.createObjectURL(await res.blob());
    try {
      const link = document.createElement('a');
      link.href = url;
      link.download = name;
      link.hidden = true;
      document.body.append(link);
      link.click();
      link.remove();
    } finally {
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
    }
    return name;
  }

  clear(): void {
    this.cache.clear();
  }
}
