/** One request a simulator received, as tests see it. */
export interface RecordedRequest {
  /** Unix milliseconds when the request arrived. */
  readonly at: number;
  readonly httpMethod: string;
  readonly path: string;
  /** Which API the request spoke, e.g. `jsonrpc`, `json2`, `expected-receipts`. */
  readonly api: string;
  /** The model (Odoo) or resource the request concerned, when there is one. */
  readonly model?: string;
  /** The method called (Odoo `search_read`, `write`, …), when there is one. */
  readonly method?: string;
  /** What the fault gate did: handled normally, or rejected with a status. */
  readonly outcome: 'handled' | 'rejected';
  readonly status?: number;
}

export interface RequestFilter {
  readonly api?: string;
  readonly model?: string;
  readonly method?: string | readonly string[];
  readonly since?: number;
}

export function matchesFilter(request: RecordedRequest, filter: RequestFilter): boolean {
  if (filter.api !== undefined && request.api !== filter.api) return false;
  if (filter.model !== undefined && request.model !== filter.model) return false;
  if (filter.since !== undefined && request.at < filter.since) return false;
  if (filter.method !== undefined) {
    const methods = typeof filter.method === 'string' ? [filter.method] : filter.method;
    if (request.method === undefined || !methods.includes(request.method)) return false;
  }
  return true;
}

/**
 * The most requests that arrived within any one sliding window of `windowMs` (1 s by default):
 * what a "does not flood the ERP" assertion compares against its budget.
 */
export function maxRequestsPerWindow(
  requests: readonly RecordedRequest[],
  windowMs = 1000,
): number {
  const times = requests.map((request) => request.at).sort((a, b) => a - b);
  let most = 0;
  let first = 0;
  for (let last = 0; last < times.length; last += 1) {
    while ((times[last] ?? 0) - (times[first] ?? 0) >= windowMs) first += 1;
    most = Math.max(most, last - first + 1);
  }
  return most;
}

/** Keeps every request in arrival order. */
export class RequestLog {
  private readonly entries: RecordedRequest[] = [];

  add(request: RecordedRequest): void {
    this.entries.push(request);
  }

  list(filter: RequestFilter = {}): RecordedRequest[] {
    return this.entries.filter((request) => matchesFilter(request, filter));
  }

  clear(): void {
    this.entries.length = 0;
  }
}
