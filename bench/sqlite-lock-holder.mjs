// Child of bench/lock-contention.ts: takes SQLite's write lock on a database file (BEGIN
// EXCLUSIVE: in WAL mode no other connection can write, readers go on), prints LOCKED, holds it
// for the given milliseconds, then rolls back and exits. A stand-in for a backup tool, a manual
// sqlite3 session or a second process writing at length.
//   node bench/sqlite-lock-holder.mjs FILE HOLD_MS
import Database from 'better-sqlite3';

const [file, holdMs] = process.argv.slice(2);
if (!file || !holdMs) throw new Error('usage: node bench/sqlite-lock-holder.mjs FILE HOLD_MS');
const db = new Database(file, { timeout: 10_000 });
db.exec('BEGIN EXCLUSIVE');
db.prepare('UPDATE "Setting" SET "value" = "value" WHERE 0').run();
process.stdout.write('LOCKED\n');
setTimeout(() => {
  db.exec('ROLLBACK');
  db.close();
  process.stdout.write('RELEASED\n');
}, Number(holdMs));
