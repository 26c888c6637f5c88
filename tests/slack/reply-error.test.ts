import { describe, expect, it } from 'vitest';
import { userMessageFor } from '../../src/slack/reply-error.js';

// The errors seen in tests/faults/postgres-outage.test.ts while PostgreSQL stops and starts.
describe('the apology for a database that is restarting', () => {
  it.each([
    'Database error. Code: `57P01`. Message: `terminating connection due to administrator command`',
    'Database error. Code: `57P03`. Message: `the database system is shutting down`',
    'Database error. Code: `57P03`. Message: `the database system is starting up`',
    "Can't reach database server at 127.0.0.1:5432",
    // The driver adapter's ConnectionClosed, when the server closes a connection as it stops.
    'Raw query failed. Code: `N/A`. Message: `Server has closed the connection.`',
  ])('says the database is unavailable for %s', (message) => {
    expect(userMessageFor(Object.assign(new Error(message), { code: 'P2039' })).key).toBe('error.database_unavailable');
  });

  it('keeps the generic apology for other database errors', () => {
    expect(userMessageFor(new Error('Database error. Code: `23505`. Message: `duplicate key`')).key).toBe(
      'error.generic',
    );
  });
});

// The errors seen in tests/db/sqlite-lock-wait.test.ts and tests/faults/database-locks.test.ts
// when a lock outlasts the bot's wait.
describe('the apology for a database locked too long', () => {
  it.each([
    ['P1008', 'Operation has timed out'],
    ['P2010', 'Raw query failed. Code: `SQLITE_BUSY`. Message: `database is locked`'],
    ['P2039', 'Database error. Code: `55P03`. Message: `canceling statement due to lock timeout`'],
    ['P2039', 'Database error. Code: `57014`. Message: `canceling statement due to statement timeout`'],
    ['P2028', 'Transaction API error: Unable to start a transaction in the given time.'],
  ])('says nothing was saved because the database was busy for %s %s', (code, message) => {
    expect(userMessageFor(Object.assign(new Error(message), { code })).key).toBe('error.database_busy');
  });
});
