import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { RequestInfo } from '../graphql/plugin/request-info';

/** The API's Prometheus metrics, in a registry of its own (one per server, so that tests can run several). */
export class ApiMetrics {
  readonly registry = new Registry();
  private readonly requests = new Counter({
    name: 'edupolicy_http_requests_total',
    help: 'HTTP requests answered, by route, GraphQL root field and outcome (ok, or the error code)',
    labelNames: ['route', 'operation', 'outcome'],
    registers: [this.registry],
  });
  private readonly duration = new Histogram({
    name: 'edupolicy_http_request_duration_seconds',
    help: 'Time to answer an HTTP request, by route, GraphQL root field and outcome',
    labelNames: ['route', 'operation', 'outcome'],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 15],
    registers: [this.registry],
  });
  readonly inFlight = new Gauge({ name: 'edupolicy_http_requests_in_flight', help: 'HTTP requests being handled now', registers: [this.registry] });
  private readonly databaseErrors = new Counter({
    name: 'edupolicy_database_errors_total',
    help: 'Database errors met while answering, by kind (unavailable, timeout, out_of_memory, client_error, server_error)',
    labelNames: ['kind'],
    registers: [this.registry],
  });

  constructor() {
    collectDefaultMetrics({ register: this.registry, prefix: 'edupolicy_' });
  }

  /** Records one answered request. Routes are the server's own (never the client's path), so labels stay bounded. */
  observe(route: string, info: RequestInfo | undefined, status: number, seconds: number): void {
    const labels = { route, operation: info?.rootField ?? '', outcome: info?.errorCode ?? (status < 400 ? 'ok' : String(status)) };
    this.requests.inc(labels);
    this.duration.observe(labels, seconds);
    for (const kind of info?.databaseErrors ?? []) this.databaseErrors.inc({ kind });
  }
}
