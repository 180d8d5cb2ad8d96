import { summarizeLatencies, type LatencySummary } from './percentile.js';

/** Options of {@link measureQueryLatency}. */
export interface MeasureQueryLatencyOptions {
  /** The API's HTTP endpoint. */
  url: string;
  query: string;
  /** The variables of the i-th request (warm-up requests count from 0 too). */
  variables: (index: number) => Record<string, unknown>;
  /** Requests sent first and not counted: JIT, plan caches, pool connections. @default 20 */
  warmUp?: number;
  /** Requests timed, one after another. @default 200 */
  requests?: number;
  /**
   * Checks one response's `data` (the first timed one), so that a fast error is not
   * mistaken for a fast answer. Throw to fail the measurement.
   */
  check?: (data: unknown) => void;
}

/** A query's latency, with how big its answer was. */
export interface QueryLatency extends LatencySummary {
  /** Size of one response body, in bytes. */
  responseBytes: number;
}

/**
 * Times a GraphQL query over HTTP the way a dashboard sends it: a POST, one at a time, on a
 * kept-alive connection, from the start of the request to the last byte of the body.
 * @returns milliseconds
 * @throws {Error} when a response is not 200, or the first timed one carries GraphQL errors or fails `check`
 */
export async function measureQueryLatency(options: MeasureQueryLatencyOptions): Promise<QueryLatency> {
  const warmUp = options.warmUp ?? 20;
  const requests = options.requests ?? 200;
  const samples: number[] = [];
  let responseBytes = 0;
  for (let index = 0; index < warmUp + requests; index += 1) {
    const body = JSON.stringify({ query: options.query, variables: options.variables(index) });
    const start = performance.now();
    const response = await fetch(options.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
    const text = await response.text();
    const elapsed = performance.now() - start;
    if (!response.ok) throw new Error(`measureQueryLatency: expected 200, got ${response.status}: ${text.slice(0, 200)}`);
    if (index < warmUp) continue;
    samples.push(elapsed);
    if (index === warmUp) {
      const parsed = JSON.parse(text) as { data?: unknown; errors?: { message: string }[] };
      if (parsed.errors?.length) {
        throw new Error(`measureQueryLatency: expected data, got errors: ${parsed.errors.map((error) => error.message).join('; ')}`);
      }
      options.check?.(parsed.data);
      responseBytes = Buffer.byteLength(text);
    }
  }
  return { ...summarizeLatencies(samples), responseBytes };
}
