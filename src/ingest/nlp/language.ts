const HAN = /\p{Script=Han}/gu;
const LETTER = /\p{L}/gu;

/**
 * The language of a text that does not say it: "zh" when Chinese characters are at least a third of its letters
 * (a Chinese article quotes English names and acronyms, an English one rarely a Chinese name), else "en".
 */
export function guessLanguage(text: string): string {
  const letters = text.match(LETTER)?.length ?? 0;
  const han = text.match(HAN)?.length ?? 0;
  return letters > 0 && han * 3 >= letters ? 'zh' : 'en';
}

/** Whether a language tag is Chinese ("zh", "zh-CN", "zh-TW"...). */
export function isChinese(language: string): boolean {
  return /^zh(-|$)/i.test(language);
}
