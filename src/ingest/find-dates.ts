const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
const MONTH = `(${MONTHS.map((m) => m[0]!.toUpperCase() + m.slice(1)).join('|')})`;

const day = (year: string, month: string, d: string) => `${year}-${String(MONTHS.indexOf(month.toLowerCase()) + 1).padStart(2, '0')}-${d.padStart(2, '0')}`;

/** An event's dates as a sentence states them, with the words that state them. */
export interface StatedDates {
  startDate: string;
  endDate: string;
  statedAs: string;
}

// "from 4 to 8 March 2019", "from 30 September to 2 October 2024", "on 5 May 2024", "March 4-8, 2019".
const PATTERNS: { regex: RegExp; dates: (m: RegExpExecArray) => [string, string] }[] = [
  { regex: new RegExp(`\\bfrom (\\d{1,2}) ${MONTH} to (\\d{1,2}) ${MONTH},? (\\d{4})`), dates: (m) => [day(m[5]!, m[2]!, m[1]!), day(m[5]!, m[4]!, m[3]!)] },
  { regex: new RegExp(`\\bfrom (\\d{1,2}) to (\\d{1,2}) ${MONTH},? (\\d{4})`), dates: (m) => [day(m[4]!, m[3]!, m[1]!), day(m[4]!, m[3]!, m[2]!)] },
  { regex: new RegExp(`\\b${MONTH} (\\d{1,2}) ?[-–] ?(\\d{1,2}),? (\\d{4})`), dates: (m) => [day(m[4]!, m[1]!, m[2]!), day(m[4]!, m[1]!, m[3]!)] },
  { regex: new RegExp(`\\bon (\\d{1,2}) ${MONTH},? (\\d{4})`), dates: (m) => [day(m[3]!, m[2]!, m[1]!), day(m[3]!, m[2]!, m[1]!)] },
];

/** The dates of an event a sentence states ("was held ... from 4 to 8 March 2019"), or null. */
export function statedDates(sentence: string): StatedDates | null {
  for (const { regex, dates } of PATTERNS) {
    const m = regex.exec(sentence);
    if (m) {
      const [startDate, endDate] = dates(m);
      return { startDate, endDate, statedAs: m[0] };
    }
  }
  return null;
}
