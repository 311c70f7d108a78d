import fs from 'node:fs';
import path from 'node:path';
import { readDraft, saveDecisions, type DraftFolder, type Proposal } from './draft-files';
import { IngestError } from './ingest-error';
import { arrayText, itemTexts, styleOf } from './seed-file-text';

/** How review talks to the person at the terminal (or to a test). */
export interface Prompter {
  ask(question: string): Promise<string>;
  say(line: string): void;
}

/** How many decisions review made, by kind. */
export interface ReviewCounts {
  accepted: number;
  rejected: number;
  merged: number;
  open: number;
}

const HELP = '[a]ccept  [r]eject  [e]dit field=value  [m]erge into <id> (entities)  [s]kip  [q]uit';

/** The quote with some text around it, the proposed words marked [[like this]]. */
function inContext(text: string, start: number, end: number): string {
  const before = text.slice(Math.max(0, start - 90), start).replace(/\s+/g, ' ');
  const after = text.slice(end, end + 90).replace(/\s+/g, ' ');
  return `...${before}[[${text.slice(start, end)}]]${after}...`;
}

/** Where an item's quote stands in the document's text (or -1). */
const quoteAt = (text: string, quote: string) => text.indexOf(quote);

/** The seed-format file of the draft that holds an item of this kind. */
const FILE_OF: Record<Proposal['item'], string> = {
  entity: 'entities/proposed.json',
  relationship: 'relationships.json',
  figure: 'figures.json',
  claim: 'claims.json',
  mention: 'mentions.json',
};

/** Applies "field=value" to an item: top-level fields, or a relationship's properties; numbers stay numbers. */
function applyEdit(item: Record<string, unknown>, kind: Proposal['item'], edit: string): string | undefined {
  const match = /^\s*([\w]+)\s*=\s*(.*)$/.exec(edit);
  if (!match) return 'write the change as field=value, e.g. name=World Bank Group';
  const [, field, raw] = match as unknown as [string, string, string];
  const value = /^-?\d+(\.\d+)?$/.test(raw) && (field === 'value' || field === 'order' || field === 'rank') ? Number(raw) : raw;
  if (field === 'id' || field === 'evidence') return `${field} cannot be edited here`;
  if (kind === 'relationship' && !['type', 'validFrom', 'validTo', 'inferred'].includes(field)) {
    item.properties = { ...((item.properties as Record<string, unknown>) ?? {}), [field]: value };
  } else if (field === 'alias' || field === 'aliases') {
    item.aliases = [...((item.aliases as string[]) ?? []), raw];
  } else {
    item[field] = value;
  }
  return undefined;
}

/**
 * Walks a draft's proposals in the terminal: the mentions of each known entity (accepted or rejected together), then
 * each new entity, relationship and figure, with its quote in context, its confidence and why it was proposed. With
 * `acceptAbove`, every proposal at least that sure is accepted without asking. Decisions and edits are saved in the
 * draft as they are made; an edit that leaves the draft invalid is refused and undone.
 */
export async function reviewDraft(dir: string, prompter: Prompter, options: { acceptAbove?: number } = {}): Promise<ReviewCounts> {
  let draft: DraftFolder = readDraft(dir);
  const text = draft.seed.corpus.get(draft.seed.documents[0]!.value.file) ?? '';
  const counts: ReviewCounts = { accepted: 0, rejected: 0, merged: 0, open: 0 };

  // Mentions, grouped by the entity they name.
  const groups = new Map<string, typeof draft.mentions>();
  for (const mention of draft.mentions) {
    if (mention.status !== 'proposed' || !mention.entity) continue;
    groups.set(mention.entity, [...(groups.get(mention.entity) ?? []), mention]);
  }
  let quit = false;
  for (const [entity, mentions] of groups) {
    if (quit) break;
    const confidence = Math.max(...mentions.map((m) => m.confidence));
    let answer: string;
    if (options.acceptAbove !== undefined) answer = confidence >= options.acceptAbove ? 'a' : 's';
    else {
      prompter.say(`\nMention of ${entity} (${mentions.length}x, confidence ${confidence}):`);
      for (const m of mentions.slice(0, 3)) prompter.say(`  ${inContext(text, m.start, m.end)}`);
      answer = (await prompter.ask(`Accept these mentions as evidence of ${entity}? [a]ccept [r]eject [s]kip [q]uit: `)).trim().toLowerCase();
    }
    if (answer === 'q') quit = true;
    else if (answer === 'a' || answer === 'r') {
      for (const m of mentions) m.status = answer === 'a' ? 'accepted' : 'rejected';
      counts[answer === 'a' ? 'accepted' : 'rejected']++;
    } else counts.open++;
  }
  saveDecisions(draft);

  for (const proposal of draft.proposals) {
    if (quit) break;
    if (proposal.status !== 'proposed') continue;
    if (options.acceptAbove !== undefined) {
      if (proposal.confidence >= options.acceptAbove) {
        proposal.status = 'accepted';
        counts.accepted++;
      } else counts.open++;
      continue;
    }
    for (;;) {
      const item = findItem(draft, proposal);
      const quote = ((item.evidence as { quote: string }[] | undefined) ?? [])[0]?.quote ?? '';
      const at = quoteAt(text, quote);
      // The words proposed are marked inside their sentence: an entity's name, a figure as stated, else the sentence.
      const focus = proposal.item === 'entity' ? String(item.name) : proposal.item === 'figure' ? String(item.statedAs) : quote;
      const focusAt = at >= 0 ? text.indexOf(focus, at) : -1;
      prompter.say(`\nProposed ${proposal.item} ${proposal.id} (confidence ${proposal.confidence}): ${proposal.reason}`);
      prompter.say(`  ${JSON.stringify(item)}`);
      if (focusAt >= 0 && focusAt < at + quote.length) prompter.say(`  ${inContext(text, focusAt, focusAt + focus.length)}`);
      else if (at >= 0) prompter.say(`  ${inContext(text, at, at + quote.length)}`);
      const answer = (await prompter.ask(`${HELP}: `)).trim();
      const [command, ...rest] = answer.split(/\s+/);
      const argument = answer.slice((command ?? '').length).trim();
      if (command === 'a') {
        proposal.status = 'accepted';
        counts.accepted++;
      } else if (command === 'r') {
        proposal.status = 'rejected';
        counts.rejected++;
      } else if (command === 'm' && proposal.item === 'entity' && rest.length > 0) {
        proposal.status = 'merged';
        proposal.mergedInto = argument;
        counts.merged++;
      } else if (command === 'e' && argument) {
        const problem = editItem(draft, proposal, argument);
        if (problem) prompter.say(`  Not changed: ${problem}`);
        else draft = { ...readDraft(dir), proposals: draft.proposals, mentions: draft.mentions };
        continue;
      } else if (command === 'q') {
        quit = true;
        counts.open++;
      } else if (command === 's') counts.open++;
      else {
        prompter.say(`  ${HELP}`);
        continue;
      }
      break;
    }
    saveDecisions(draft);
  }
  saveDecisions(draft);
  return counts;
}

/** The draft's seed-format item a proposal is about. */
function findItem(draft: DraftFolder, proposal: Proposal): Record<string, unknown> {
  const found =
    proposal.item === 'entity'
      ? draft.seed.entities.find((e) => e.value.id === proposal.id)?.value
      : proposal.item === 'figure'
        ? draft.seed.figures.find((f) => f.value.id === proposal.id)?.value
        : proposal.item === 'claim'
          ? draft.seed.claims.find((c) => `${c.value.subject}|${c.value.property}|${c.value.value}` === proposal.id)?.value
          : draft.seed.relationships.find((r) => `${r.value.type}|${r.value.from}|${r.value.to}` === proposal.id)?.value;
  if (!found) throw new IngestError(`${draft.dir}: the ${proposal.item} "${proposal.id}" is not in the draft's seed files.`);
  return found as Record<string, unknown>;
}

/** Edits one item in the draft's seed file, keeping the draft valid: an edit that breaks it is undone. */
function editItem(draft: DraftFolder, proposal: Proposal, edit: string): string | undefined {
  const file = path.join(draft.dir, FILE_OF[proposal.item]);
  const before = fs.readFileSync(file, 'utf8');
  const items = itemTexts(before).map((t) => JSON.parse(t) as Record<string, unknown>);
  const key = (i: Record<string, unknown>) =>
    proposal.item === 'relationship' ? `${i.type}|${i.from}|${i.to}` : proposal.item === 'claim' ? `${i.subject}|${i.property}|${i.value}` : String(i.id);
  const item = items.find((i) => key(i) === proposal.id);
  if (!item) return `the ${proposal.item} is not in ${FILE_OF[proposal.item]}`;
  const problem = applyEdit(item, proposal.item, edit);
  if (problem) return problem;
  if (key(item) !== proposal.id) return 'the type and ends of a relationship, or what a claim is about and says, are what it is: reject it instead';
  fs.writeFileSync(
    file,
    arrayText(
      items.map((value) => ({ value })),
      styleOf(before),
    ),
  );
  try {
    readDraft(draft.dir);
  } catch (error) {
    fs.writeFileSync(file, before);
    return (error as Error).message;
  }
  return undefined;
}
