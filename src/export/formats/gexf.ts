import type { GraphSource } from '../graph-source';
import { analysisSchema, analysisValues, numberText, xmlText, type ScalarType } from './analysis-properties';

const GEXF_TYPE: Record<ScalarType, string> = { string: 'string', long: 'long', double: 'double', boolean: 'boolean' };

function attvalues(values: Map<string, string | number | boolean>, keys: Map<string, { id: string; type: ScalarType }>, first = ''): string {
  let out = first;
  for (const [name, value] of values) {
    const key = keys.get(name);
    if (!key) continue;
    const text = typeof value === 'number' ? numberText(value, key.type) : String(value);
    out += `<attvalue for="${key.id}" value="${xmlText(text)}"/>`;
  }
  return out ? `<attvalues>${out}</attvalues>` : '';
}

/** The graph as GEXF 1.2 (Gephi's own format, read by networkx): node labels are names, edge labels types. */
export async function* gexf(source: GraphSource): AsyncGenerator<string> {
  const nodeKeys = new Map([...analysisSchema(source.nodeSchema)].map(([name, type], i) => [name, { id: `n${i}`, type }]));
  const edgeKeys = new Map([...analysisSchema(source.relationshipSchema)].map(([name, type], i) => [name, { id: `e${i}`, type }]));
  let head = '<?xml version="1.0" encoding="UTF-8"?>\n<gexf xmlns="http://www.gexf.net/1.2draft" version="1.2">\n';
  head +=
    '<meta><creator>education-policy actors graph</creator><description>Entities and relationships, with the evidence of every fact</description></meta>\n';
  head += '<graph defaultedgetype="directed" mode="static">\n<attributes class="node">\n<attribute id="entityType" title="entityType" type="string"/>\n';
  for (const [name, key] of nodeKeys) head += `<attribute id="${key.id}" title="${xmlText(name)}" type="${GEXF_TYPE[key.type]}"/>\n`;
  head += '</attributes>\n<attributes class="edge">\n';
  for (const [name, key] of edgeKeys) head += `<attribute id="${key.id}" title="${xmlText(name)}" type="${GEXF_TYPE[key.type]}"/>\n`;
  yield `${head}</attributes>\n<nodes>\n`;
  for await (const node of source.nodes()) {
    const values = analysisValues(node.props);
    const label = String(node.props.name ?? node.id);
    const type = `<attvalue for="entityType" value="${node.label}"/>`;
    yield `<node id="${xmlText(node.id)}" label="${xmlText(label)}">${attvalues(values, nodeKeys, type)}</node>\n`;
  }
  yield '</nodes>\n<edges>\n';
  let n = 0;
  for await (const rel of source.relationships()) {
    yield `<edge id="${n++}" source="${xmlText(rel.from)}" target="${xmlText(rel.to)}" label="${rel.type}">${attvalues(analysisValues(rel.props), edgeKeys)}</edge>\n`;
  }
  yield '</edges>\n</graph>\n</gexf>\n';
}
