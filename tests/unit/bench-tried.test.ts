import { BenchFileError } from '../../bench/bench-error';
import { parseTried, renderTried, TRIED } from '../../bench/tried';

// What was tried is data the report prints; a malformed entry must be named, not printed as "undefined".
describe("the benchmark's record of what was tried", () => {
  it('reads bench/tried.json: every target with at least one attempt', () => {
    expect(TRIED.length).toBeGreaterThan(0);
    for (const { target, attempts } of TRIED) {
      expect(target.length).toBeGreaterThan(0);
      expect(attempts.length).toBeGreaterThan(0);
    }
  });

  it('names the file and the field of an entry without attempts', () => {
    const text = JSON.stringify([
      { target: 'Memory', attempts: ['less garbage: 10 MB'] },
      { target: 'CPU', attempts: [] },
    ]);
    expect(() => parseTried(text, 'bench/tried.json')).toThrow(BenchFileError);
    expect(() => parseTried(text, 'bench/tried.json')).toThrow(/bench\/tried\.json does not hold[\s\S]*1\.attempts: must list at least one attempt/);
  });

  it('names the file when it is not JSON, and refuses unknown fields', () => {
    expect(() => parseTried('[{', 'bench/tried.json')).toThrow(/bench\/tried\.json is not valid JSON/);
    expect(() => parseTried(JSON.stringify([{ target: 'CPU', attempts: ['a'], note: 'x' }]), 'f.json')).toThrow(
      /f\.json does not hold[\s\S]*0: Unrecognized key: "note"/,
    );
  });

  it('renders each target with its attempts beneath it', () => {
    expect(renderTried([{ target: 'CPU', attempts: ['fewer copies: 5% less', 'no logger: 0.04 ms'] }])).toEqual([
      '## What was tried',
      '',
      'Target by target, each attempt with what it measured (details in bench/README.md).',
      '',
      '- **CPU**',
      '  - fewer copies: 5% less',
      '  - no logger: 0.04 ms',
    ]);
  });
});
