import { EVIDENCE_PROPERTIES, FIGURE_CONTEXT_PROPERTIES } from '../../model/evidence';
import { DERIVED_PROPERTIES, type PropertySchema, type PropertyType } from '../graph-source';

/** A scalar attribute of the analysis formats (GraphML, GEXF): lists and evidence travel as JSON text. */
export type ScalarType = 'string' | 'long' | 'double' | 'boolean';

const EVIDENCE_KEYS = new Set<string>([...Object.values(EVIDENCE_PROPERTIES), ...Object.values(FIGURE_CONTEXT_PROPERTIES)]);
const LAYOUT_KEYS = new Set(['layoutKinds', 'layoutStarts', 'layoutEnds']);

const scalar = (type: PropertyType): ScalarType => (type.endsWith('[]') ? 'string' : (type as ScalarType));

/**
 * The attributes of nodes or relationships in an analysis format: every stored property but the loader's index
 * helpers, lists as JSON text, and the parallel evidence lists joined into one `evidence` attribute (a JSON list of
 * {document, quote, position, start, end}), likewise `context` for figures.
 */
export function analysisSchema(schema: PropertySchema): Map<string, ScalarType> {
  const out = new Map<string, ScalarType>();
  for (const [key, type] of schema) {
    if (DERIVED_PROPERTIES.has(key) || LAYOUT_KEYS.has(key)) continue;
    if (key === EVIDENCE_PROPERTIES.docs) out.set('evidence', 'string');
    else if (key === FIGURE_CONTEXT_PROPERTIES.docs) out.set('context', 'string');
    else if (!EVIDENCE_KEYS.has(key)) out.set(key, scalar(type));
  }
  return new Map([...out.entries()].sort(([a], [b]) => a.localeCompare(b)));
}

function joined(props: Record<string, unknown>, names: Record<keyof typeof EVIDENCE_PROPERTIES, string>): string | undefined {
  const docs = props[names.docs] as string[] | undefined;
  if (!docs) return undefined;
  const at = (key: string, i: number) => (props[key] as unknown[] | undefined)?.[i] ?? null;
  return JSON.stringify(
    docs.map((document, i) => ({
      document,
      quote: at(names.quotes, i),
      position: at(names.positions, i),
      start: at(names.starts, i),
      end: at(names.ends, i),
    })),
  );
}

/** One node's or relationship's attribute values for an analysis format, following analysisSchema. */
export function analysisValues(props: Record<string, unknown>): Map<string, string | number | boolean> {
  const out = new Map<string, string | number | boolean>();
  for (const [key, value] of Object.entries(props)) {
    if (DERIVED_PROPERTIES.has(key) || LAYOUT_KEYS.has(key) || EVIDENCE_KEYS.has(key) || value === null || value === undefined) continue;
    out.set(key, Array.isArray(value) ? JSON.stringify(value) : (value as string | number | boolean));
  }
  const evidence = joined(props, EVIDENCE_PROPERTIES);
  if (evidence) out.set('evidence', evidence);
  const context = joined(props, FIGURE_CONTEXT_PROPERTIES);
  if (context) out.set('context', context);
  return out;
}

/** Text made safe for XML 1.0: the five special characters escaped, characters XML cannot hold dropped. */
export function xmlText(value: string): string {
  return (
    value
      // eslint-disable-next-line no-control-regex -- dropping the control characters XML 1.0 forbids is the point
      .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '')
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;')
      .replace(/"/g, '&quot;')
  );
}

/** A number as an analysis format writes it: integers without a fraction, floats with one. */
export function numberText(value: number, type: ScalarType): string {
  return type === 'double' && Number.isInteger(value) ? value.toFixed(1) : String(value);
}
