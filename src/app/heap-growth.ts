import v8 from 'node:v8';

/**
 * Bounds how far V8 lets the heap grow past its live data between full collections (0 keeps V8's own choice). V8 reads
 * this flag at every collection, so setting it once the process runs takes effect; without it a server building
 * multi-megabyte answers holds several times their size in garbage before it collects.
 */
export function limitHeapGrowth(percent: number): void {
  if (percent > 0) v8.setFlagsFromString(`--heap-growing-percent=${percent}`);
}
