/** Words an id leaves out ("the", "of"...), for ids made from titles. */
export const ID_STOP_WORDS: ReadonlySet<string> = new Set(['the', 'a', 'an', 'of', 'on', 'in', 'and', 'for', 'to', 'with', 'at']);

/**
 * The slug part of an id ("org:<slug>") made from a name: accents dropped, lower case, hyphens between words, at most
 * `maxWords` words (less `dropWords`) and `maxLength` characters, never empty.
 */
export function slug(text: string, options: { maxWords?: number; maxLength?: number; dropWords?: ReadonlySet<string>; empty?: string } = {}): string {
  const words = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((w) => w !== '' && !options.dropWords?.has(w))
    .slice(0, options.maxWords ?? Infinity);
  return (
    words
      .join('-')
      .slice(0, options.maxLength ?? Infinity)
      .replace(/-+$/, '') ||
    (options.empty ?? 'unnamed')
  );
}
