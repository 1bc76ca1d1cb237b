import { markdownTable, measuredRow } from './report';
import { rebuildScenario } from './scenarios/rebuild';
import { percentile } from './stats';

describe('the benchmark report', () => {
  it('takes nearest-rank percentiles', () => {
    const values = Array.from({ length: 100 }, (_, i) => 100 - i); // 1..100, unsorted
    expect(percentile(values, 50)).toBe(50);
    expect(percentile(values, 95)).toBe(95);
    expect(percentile(values, 99)).toBe(99);
    expect(percentile([7], 99)).toBe(7);
  });

  it('judges a target on the medians of the figure and of its details, and prints them', () => {
    const row = measuredRow(rebuildScenario, {
      figures: { ours: [30_000, 26_000, 28_000], peer: [], limit: [] },
      details: [{ peakMemoryMb: 380 }, { peakMemoryMb: 450 }, { peakMemoryMb: 390 }],
      failures: [],
    });
    expect(row).toMatchObject({ value: 28_000, min: 26_000, max: 30_000, details: { peakMemoryMb: 390 }, met: true });
    expect(markdownTable([row])).toContain('peak 390 MB');

    const heavy = measuredRow(rebuildScenario, {
      figures: { ours: [30_000], peer: [], limit: [] },
      details: [{ peakMemoryMb: 401 }],
      failures: [],
    });
    expect(heavy.met).toBe(false);
  });

  it('counts a failed setup of ours as a missed target', () => {
    const row = measuredRow(rebuildScenario, {
      figures: { ours: [], peer: [], limit: [] },
      details: [],
      failures: ['ours, setup: no database'],
    });
    expect(row).toMatchObject({ value: null, met: false, note: '1 run(s) failed' });
  });
});
