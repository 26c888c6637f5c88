import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { classifyChange, countsOverTime, type StatusEvent, statusesAt } from '../../src/digest/timeline.js';
import { DIGEST_STATUSES, emptyCounts } from '../../src/digest/types.js';
import { STATUSES, type Status } from '../../src/domain/status.js';

const at = (day: string) => new Date(`${day}T00:00:00Z`);

describe('statusesAt', () => {
  const events: StatusEvent[] = [
    { targetId: 1, at: at('2026-05-01'), status: 'on_track' },
    { targetId: 1, at: at('2026-06-01'), status: 'at_risk' },
    { targetId: 2, at: at('2026-07-01'), status: 'done' },
    // A correction at the same instant: the later row wins.
    { targetId: 1, at: at('2026-06-01'), status: 'off_track' },
  ];

  it('gives each target its latest status at or before the instant', () => {
    expect(statusesAt(events, at('2026-05-15'))).toEqual(new Map([[1, 'on_track']]));
    expect(statusesAt(events, at('2026-06-01'))).toEqual(new Map([[1, 'off_track']]));
    expect(statusesAt(events, at('2026-12-01'))).toEqual(
      new Map<number, Status>([
        [1, 'off_track'],
        [2, 'done'],
      ]),
    );
  });

  it('knows nothing before the first report', () => {
    expect(statusesAt(events, at('2026-04-01')).size).toBe(0);
  });
});

describe('countsOverTime', () => {
  it('counts never-reported targets as not reported and ignores unknown targets', () => {
    const events: StatusEvent[] = [
      { targetId: 1, at: at('2026-05-01'), status: 'on_track' },
      { targetId: 99, at: at('2026-05-01'), status: 'done' },
    ];
    const [before, after] = countsOverTime([1, 2], events, [at('2026-04-30'), at('2026-05-01')]);
    expect(before).toEqual({ ...emptyCounts(), not_reported: 2 });
    expect(after).toEqual({ ...emptyCounts(), on_track: 1, not_reported: 1 });
  });

  it('agrees with statusesAt at every instant (property)', () => {
    const event = fc.record({
      targetId: fc.integer({ min: 1, max: 6 }),
      at: fc.integer({ min: 0, max: 40 }).map((d) => new Date(Date.UTC(2026, 3, 1 + d))),
      status: fc.constantFrom<Status>(...STATUSES),
    });
    fc.assert(
      fc.property(
        fc.array(event, { maxLength: 60 }),
        fc.array(fc.integer({ min: 0, max: 45 }), { maxLength: 8 }),
        (events, offsets) => {
          const instants = [...new Set(offsets)].sort((a, b) => a - b).map((d) => new Date(Date.UTC(2026, 3, 1 + d)));
          const ids = [1, 2, 3, 4, 5, 6];
          const swept = countsOverTime(ids, events, instants);
          instants.forEach((instant, i) => {
            const map = statusesAt(events, instant);
            const expected = emptyCounts();
            for (const id of ids) expected[map.get(id) ?? 'not_reported'] += 1;
            expect(swept[i]).toEqual(expected);
          });
        },
      ),
    );
  });
});

describe('classifyChange', () => {
  it.each([
    ['on_track', 'off_track', 'off_track'],
    ['at_risk', 'off_track', 'off_track'],
    ['not_reported', 'off_track', 'off_track'],
    ['on_track', 'at_risk', 'at_risk'],
    ['done', 'at_risk', 'at_risk'],
    ['off_track', 'at_risk', null],
    ['at_risk', 'done', 'done'],
    ['off_track', 'on_track', 'recovered'],
    ['at_risk', 'on_track', 'recovered'],
    ['not_reported', 'on_track', null],
    ['on_track', 'on_track', null],
  ] as const)('%s → %s is %s', (from, to, kind) => {
    expect(classifyChange(from, to)).toBe(kind);
  });

  it('never reports a non-change', () => {
    for (const s of DIGEST_STATUSES) expect(classifyChange(s, s)).toBeNull();
  });
});
