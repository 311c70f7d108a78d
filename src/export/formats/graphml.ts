import type { GraphSource } from '../graph-source';
import { analysisSchema, analysisValues, numberText, xmlText, type ScalarType } from './analysis-properties';

function dataLines(values: Map<string, string | number | boolean>, keys: Map<string, { id: string; type: ScalarType }>): string {
  let out = '';
  for (const [name, value] of values) {
    const key = keys.get(name);
    if (!key) continue;
    const text = typeof value === 'number' ? numberText(value, key.type) : String(value);
    out += `<data key="${key.id}">${xmlText(text)}</data>`;
  }
  return out;
}

/** The graph as GraphML (read by networkx, igraph, Gephi, yEd): typed attributes, evidence on every edge as JSON. */
export async function* graphml(source: GraphSource): AsyncGenerator<string> {
  const nodeKeys = new Map([...analysisSchema(source.nodeSchema)].map(([name, type], i) => [name, { id: `n${i}`, type }]));
  const edgeKeys = new Map([...analysisSchema(source.relationshipSchema)].map(([name, type], i) => [name, { id: `e${i}`, type }]));
  let head = '<?xml version="1.0" encoding="UTF-8"?>\n';
  head += '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" ';
  head += 'xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">\n';
  head += '<key id="label" for="node" attr.name="label" attr.type="string"/>\n';
  head += '<key id="type" for="edge" attr.name="type" attr.type="string"/>\n';
  for (const [name, key] of nodeKeys) head += `<key id="${key.id}" for="node" attr.name="${xmlText(name)}" attr.type="${key.type}"/>\n`;
  for (const [name, key] of edgeKeys) head += `<key id="${key.id}" for="edge" attr.name="${xmlText(name)}" attr.type="${key.type}"/>\n`;
  yield `${head}<graph id="education-policy-actors" edgedefault="directed">\n`;
  for await (const node of source.nodes()) {
    yield `<node id="${xmlText(node.id)}"><data key="label">${node.label}</data>${dataLines(analysisValues(node.props), nodeKeys)}</node>\n`;
  }
  let n = 0;
  for await (const rel of source.relationships()) {
    const values = analysisValues(rel.props);
    yield `<edge id="e${n++}" source="${xmlText(rel.from)}" target="${xmlText(rel.to)}"><data key="type">${rel.type}</data>${dataLines(values, edgeKeys)}</edge>\n`;
  }
  yield '</graph>\n</graphml>\n';
}
