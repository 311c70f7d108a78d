// Seed files are edited by hand and reviewed in diffs: a merge keeps every untouched item's text byte for byte and
// writes changed and new items in the file's own style (one item per line, or pretty-printed).

/** How a seed file writes its items: one JSON object per line, or pretty-printed with two-space indents. */
export type ArrayStyle = 'line' | 'pretty';

/** The source text of each top-level element of a JSON array file, in order. */
export function itemTexts(text: string): string[] {
  const items: string[] = [];
  let depth = 0;
  let start = -1;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (inString) {
      if (c === '\\') i++;
      else if (c === '"') inString = false;
      continue;
    }
    if (c === '"') inString = true;
    else if (c === '[' || c === '{') {
      depth++;
      if (depth === 2) start = i;
    } else if (c === ']' || c === '}') {
      if (depth === 2) items.push(text.slice(start, i + 1));
      depth--;
    }
  }
  return items;
}

/** The style of an array file: its first item on one line, or spread over several. */
export function styleOf(text: string): ArrayStyle {
  const first = itemTexts(text)[0];
  return first !== undefined && !first.includes('\n') ? 'line' : 'pretty';
}

/** A value as one line, with a space after each colon and comma (the style of relationships.json). */
function oneLine(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(oneLine).join(', ')}]`;
  if (value !== null && typeof value === 'object') {
    return `{${Object.entries(value)
      .filter(([, v]) => v !== undefined)
      .map(([k, v]) => `${JSON.stringify(k)}: ${oneLine(v)}`)
      .join(', ')}}`;
  }
  return JSON.stringify(value);
}

/** An item as the file's style writes it, without the indent of its first line. */
export function itemText(value: unknown, style: ArrayStyle): string {
  return style === 'line' ? oneLine(value) : JSON.stringify(value, null, 2).replace(/\n/g, '\n  ');
}

/** The text of an array file holding `items`, each either kept as it was (`text`) or written anew (`value`). */
export function arrayText(items: readonly ({ text: string } | { value: unknown })[], style: ArrayStyle): string {
  if (items.length === 0) return '[]\n';
  return `[\n${items.map((item) => `  ${'text' in item ? item.text : itemText(item.value, style)}`).join(',\n')}\n]\n`;
}
