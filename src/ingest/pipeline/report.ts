import path from 'node:path';
import { FURNITURE_KINDS } from '../../model/evidence';
import type { Mention } from '../extractors/extractor';
import type { Draft } from './propose';

const READ_WITH = { corenlp: 'CoreNLP and the dependency rules', hanlp: "HanLP's words and names", rules: 'the rule pipeline alone (no CoreNLP)' };

/** The report `ingest` prints: what was linked, what is ambiguous, what was set aside, and what the draft holds. */
export function draftReport(draft: Draft): string {
  const names = new Map(draft.known.map((e) => [e.id, e.name]));
  const linked = draft.mentions.filter((m) => m.entity);
  const byEntity = new Map<string, Mention[]>();
  for (const m of linked) byEntity.set(m.entity!, [...(byEntity.get(m.entity!) ?? []), m]);
  const ambiguous = draft.mentions.filter((m) => !m.entity);
  const furniture = draft.layout.filter((l) => (FURNITURE_KINDS as readonly string[]).includes(l.kind));
  const captions = draft.layout.filter((l) => l.kind === 'caption');
  const lines = [
    `Draft ${draft.document.id} written to ${path.relative(process.cwd(), draft.dir) || draft.dir}`,
    `  "${draft.document.title}", ${draft.document.publisher}, ${draft.document.published} (${draft.source.format}, ${draft.text.length.toLocaleString('en')} characters, sha256 ${draft.contentHash.slice(0, 16)}...)`,
    ...(draft.extractedWith
      ? [`  Read with ${READ_WITH[draft.extractedWith.extractor]}${draft.extractedWith.parser ? ` (${draft.extractedWith.parser})` : ''}`]
      : []),
    '',
    `Linked mentions: ${linked.length} of ${byEntity.size} known entities`,
    ...[...byEntity.entries()]
      .sort((a, b) => b[1].length - a[1].length || a[0].localeCompare(b[0]))
      .map(([id, ms]) => {
        const typos = ms.filter((m) => m.match === 'typo').map((m) => `"${m.surface}"`);
        return `  ${names.get(id) ?? id} (${id}) x${ms.length}${typos.length ? `, including the misspelling ${[...new Set(typos)].join(', ')}` : ''}`;
      }),
    `Ambiguous mentions: ${ambiguous.length}`,
    ...ambiguous.map((m) => `  "${m.surface}" could be ${m.candidates!.join(' or ')}: "${m.quote}"`),
    `Page furniture set aside: ${furniture.length}`,
    ...furniture.map((f) => `  ${f.kind}: "${f.text.length > 70 ? `${f.text.slice(0, 67)}...` : f.text}"`),
    `Captions kept as evidence: ${captions.length}`,
    `New entities proposed: ${draft.entities.length}`,
    ...draft.entities.map(
      (c) =>
        `  ${c.entity.type} "${c.entity.name}"${c.entity.aliases.length ? ` (${c.entity.aliases.join(', ')})` : ''}: ${c.reason}, confidence ${c.confidence}`,
    ),
    `Relationships proposed: ${draft.relationships.length}`,
    ...draft.relationships.map(
      (c) =>
        `  ${names.get(c.relationship.from) ?? draft.entities.find((e) => e.entity.id === c.relationship.from)?.entity.name ?? c.relationship.from} ${c.relationship.type} ${names.get(c.relationship.to) ?? draft.entities.find((e) => e.entity.id === c.relationship.to)?.entity.name ?? c.relationship.to}${Object.keys(c.relationship.properties).length ? ` (${Object.values(c.relationship.properties).join(', ')})` : ''}: ${c.reason}${c.relationship.inferred ? ' (inferred)' : ''}`,
    ),
    `Competing claims proposed: ${draft.claims.length}`,
    ...draft.claims.map((c) => `  ${c.claim.subject} ${c.claim.property} ${c.claim.value}: ${c.reason}`),
    `Figures proposed: ${draft.figures.length}`,
    ...draft.figures.map(
      (c) =>
        `  "${c.figure.statedAs}" of ${c.figure.subject}: ${c.figure.qualifier === 'exact' ? '' : `${c.figure.qualifier} `}${c.figure.value} ${c.figure.unit}`,
    ),
  ];
  return lines.join('\n');
}
