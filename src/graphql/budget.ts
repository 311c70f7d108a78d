import { GraphQLError } from 'graphql';
import { ErrorCode } from './errors';

/**
 * How many entities and relationships one request may still read from the database. The cost limit bounds what a
 * query's shape allows; this bounds what it actually reads, so that no request can hold more than a known amount of
 * data in memory, whatever the graph holds.
 */
export class ResultBudget {
  private used = 0;

  constructor(readonly max: number) {}

  /** How many more records the request may read. */
  get remaining(): number {
    return Math.max(0, this.max - this.used);
  }

  /** Counts `records` read; throws RESULT_LIMIT_EXCEEDED once the request has read more than `max`. */
  take(records: number): void {
    this.used += records;
    if (this.used > this.max) {
      throw new GraphQLError(
        `The query read more than ${this.max} entities and relationships (at least ${this.used}); the limit is ${this.max}. ` +
          'Ask for fewer with first or limit, or split the query.',
        { extensions: { code: ErrorCode.RESULT_LIMIT_EXCEEDED, limit: this.max, found: this.used } },
      );
    }
  }
}
