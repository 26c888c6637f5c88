import { describe, expect, it } from 'vitest';
import { parseEscalationPayload, parseReminderPayload } from '../../src/reminders/payload.js';

describe('delivery payloads', () => {
  it('read back what the reminders job writes and reject anything else', () => {
    expect(parseReminderPayload('{"day":"2027-05-25","cycle":"countdown:1","reasons":["countdown:1"]}')).toEqual({
      day: '2027-05-25',
      cycle: 'countdown:1',
      reasons: ['countdown:1'],
    });
    expect(parseReminderPayload('{"day":1}')).toBeNull();
    expect(parseReminderPayload('not json')).toBeNull();
    expect(parseReminderPayload(null)).toBeNull();
    expect(
      parseEscalationPayload(
        '{"day":"2027-05-27","level":"manager","targets":[{"id":3,"owner":"U1","since":"2027-05-25T00:30:00.000Z"},{"id":"x"}]}',
      ),
    ).toEqual({
      day: '2027-05-27',
      level: 'manager',
      targets: [{ id: 3, owner: 'U1', since: '2027-05-25T00:30:00.000Z' }],
    });
    expect(parseEscalationPayload('{"day":"2027-05-27","level":"boss","targets":[]}')).toBeNull();
  });
});
