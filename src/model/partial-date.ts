/** A date as precise as the source states it: "2019", "2019-03" or "2019-03-04". */
export type PartialDate = string;

const PARTIAL_DATE = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Why a partial date is impossible, or undefined when it is a real calendar date. */
export function partialDateProblem(value: string): string | undefined {
  const match = PARTIAL_DATE.exec(value);
  if (!match) return `"${value}" is not a date of the form YYYY, YYYY-MM or YYYY-MM-DD`;
  const year = Number(match[1]);
  if (match[2] === undefined) return undefined;
  const month = Number(match[2]);
  if (month < 1 || month > 12) return `"${value}" has month ${match[2]}, which does not exist`;
  if (match[3] === undefined) return undefined;
  const day = Number(match[3]);
  if (day < 1 || day > daysInMonth(year, month)) {
    return `"${value}" is impossible: ${year}-${match[2]} has ${daysInMonth(year, month)} days`;
  }
  return undefined;
}

/** The first calendar day a partial date covers, as YYYY-MM-DD. */
export function earliestDay(value: PartialDate): string {
  const [year, month = '01', day = '01'] = value.split('-');
  return `${year}-${month}-${day}`;
}

/** The last calendar day a partial date covers, as YYYY-MM-DD. */
export function latestDay(value: PartialDate): string {
  const [year, month, day] = value.split('-');
  if (month === undefined) return `${year}-12-31`;
  if (day === undefined) return `${year}-${month}-${String(daysInMonth(Number(year), Number(month))).padStart(2, '0')}`;
  return value;
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** A partial date in words, as a citation writes it: "8 March 2019", "March 2019", "2019". */
export function partialDateInWords(value: PartialDate): string {
  const [year, month, day] = value.split('-');
  if (month === undefined) return year!;
  const name = MONTHS[Number(month) - 1]!;
  return day === undefined ? `${name} ${year}` : `${Number(day)} ${name} ${year}`;
}
