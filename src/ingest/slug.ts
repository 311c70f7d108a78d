import { pinyin } from 'pinyin-pro';

/** Words an id leaves out ("the", "of"...), for ids made from titles. */
export const ID_STOP_WORDS: ReadonlySet<string> = new Set(['the', 'a', 'an', 'of', 'on', 'in', 'and', 'for', 'to', 'with', 'at']);

// Each run of Chinese characters becomes one word of its pinyin without tones ("南方科技大学" -> "nanfangkejidaxue"), so
// that an id stays ASCII, as ids are, and readable, and two Chinese names do not share one.
const romanized = (text: string) => text.replace(/\p{Script=Han}+/gu, (run) => ` ${pinyin(run, { toneType: 'none', type: 'array', v: true }).join('')} `);

/**
 * The slug part of an id ("org:<slug>") made from a name: accents dropped, Chinese in pinyin, lower case, hyphens
 * between words, at most `maxWords` words (less `dropWords`) and `maxLength` characters, never empty.
 */
export function slug(text: string, options: { maxWords?: number; maxLength?: number; dropWords?: ReadonlySet<string>; empty?: string } = {}): string {
  const words = romanized(text)
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
