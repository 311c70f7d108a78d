import type { FastifyInstance } from 'fastify';
import type { Database } from '../db/database';
import { exportScope, ExportScopeError, exportStream } from '../export/export-graph';
import { EXPORT_FORMAT_NAMES, EXPORT_FORMATS, isExportFormat } from '../export/formats';
import { ErrorCode } from '../graphql/errors';
import { partialDateProblem } from '../model/partial-date';
import { errorBody } from './error-body';

/** The graph, or a neighbourhood, in an export format (src/export/), streamed. */
export function registerExportRoute(app: FastifyInstance, db: Database): void {
  app.get<{ Params: { format: string }; Querystring: { neighbourhood?: string; depth?: string; asOf?: string } }>('/export/:format', async (request, reply) => {
    const { format } = request.params;
    if (!isExportFormat(format)) {
      return reply.code(404).send(errorBody(`Unknown export format "${format}"; the formats are ${EXPORT_FORMAT_NAMES.join(', ')}`, ErrorCode.NOT_FOUND));
    }
    const { neighbourhood, depth = '1' } = request.query;
    if (neighbourhood !== undefined && !/^[1-3]$/.test(depth)) {
      return reply.code(400).send(errorBody('Invalid query parameter depth: must be 1, 2 or 3', ErrorCode.BAD_REQUEST));
    }
    const asOf = request.query.asOf || null;
    const dateProblem = asOf ? partialDateProblem(asOf) : undefined;
    if (dateProblem) return reply.code(400).send(errorBody(`Invalid query parameter asOf: ${dateProblem}`, ErrorCode.BAD_REQUEST));
    let scope;
    try {
      scope = await exportScope(db, neighbourhood ? { centre: neighbourhood, depth: Number(depth) } : undefined, asOf);
    } catch (error) {
      if (error instanceof ExportScopeError) return reply.code(404).send(errorBody(`${error.message} ${error.hint}`, ErrorCode.NOT_FOUND));
      throw error;
    }
    const stream = await exportStream(db, format, scope);
    const name = `${neighbourhood ? `neighbourhood-${neighbourhood.replace(/[^\w-]+/g, '-')}-` : ''}${asOf ? `as-of-${asOf}-` : ''}${EXPORT_FORMATS[format].file}`;
    return reply.type(EXPORT_FORMATS[format].contentType).header('content-disposition', `attachment; filename="${name}"`).send(stream);
  });
}
