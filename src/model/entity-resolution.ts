/**
 * Folds a name for matching: case, accents, punctuation and a leading "the" do not matter; letters and digits of any
 * script are kept ("联合国教科文组织" folds to itself, full-width forms to their plain ones).
 */
export function normalizeName(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .normalize('NFC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
    .replace(/^the /, '');
}

/** Maps every spelling (name or alias) of every entity to its canonical id. */
export class NameIndex {
  private readonly byName = new Map<string, string>();

  /** Adds a spelling; returns the id that already owns it when it belongs to another entity. */
  add(spelling: string, id: string): string | undefined {
    const key = normalizeName(spelling);
    if (key === '') return undefined;
    const owner = this.byName.get(key);
    if (owner !== undefined && owner !== id) return owner;
    this.byName.set(key, id);
    return undefined;
  }

  /** The canonical id for a spelling, or undefined when no entity has it. */
  resolve(spelling: string): string | undefined {
    return this.byName.get(normalizeName(spelling));
  }
}
