import { classifyDriverError, unavailableError } from './driver-errors';

/**
 * Whether the database is known to be unreachable. After a call fails for that reason, further calls fail at once
 * instead of each waiting out the driver's retries (which held the API's execution slots during an outage), and a
 * probe tries the database every `probeIntervalMs` until it answers again.
 */
export class Availability {
  private downSince: Date | null = null;

  constructor(
    private readonly probe: () => Promise<void>,
    private readonly probeIntervalMs = 250,
  ) {}

  /** Throws a ServiceUnavailable error at once while the database is known to be down. */
  check(): void {
    if (this.downSince) {
      throw unavailableError(`The database has been unreachable since ${this.downSince.toISOString()}`);
    }
  }

  /** Learns from a failed call: an unreachable database starts the probe. */
  observe(error: unknown): void {
    if (this.downSince || this.stopped || classifyDriverError(error) !== 'unavailable') return;
    this.downSince = new Date();
    const tick = () => {
      if (this.stopped) return;
      this.probe().then(
        () => {
          this.downSince = null;
        },
        () => setTimeout(tick, this.probeIntervalMs).unref(),
      );
    };
    setTimeout(tick, this.probeIntervalMs).unref();
  }

  /** Ends probing, when the driver closes. */
  stop(): void {
    this.stopped = true;
  }

  private stopped = false;

  get isDown(): boolean {
    return this.downSince !== null;
  }
}
