import { createHash } from 'node:crypto';
import type { GraphSource } from './graph-source';

/** Counts and a SHA-256 over every node and relationship with its labels, type, ends and typed properties. */
export interface GraphFingerprint {
  nodes: number;
  relationships: number;
  sha256: string;
}

const canonical = (props: Record<string, unknown>, types: Record<string, string>) =>
  Object.keys(props)
    .sort()
    .map((key) => [key, types[key], props[key]]);

/**
 * The fingerprint of a graph: equal for two graphs with the same entities (by id), labels, relationships (by type and
 * ends) and property values of the same types, whatever order or element ids they were stored in.
 */
export async function fingerprint(source: GraphSource): Promise<GraphFingerprint> {
  const hash = createHash('sha256');
  let nodes = 0;
  for await (const node of source.nodes()) {
    hash.update(JSON.stringify(['node', node.label, canonical(node.props, node.types)]));
    nodes++;
  }
  const relationships: string[] = [];
  for await (const rel of source.relationships()) relationships.push(JSON.stringify(['rel', rel.from, rel.type, rel.to, canonical(rel.props, rel.types)]));
  for (const line of relationships.sort()) hash.update(line);
  return { nodes, relationships: relationships.length, sha256: hash.digest('hex') };
}
