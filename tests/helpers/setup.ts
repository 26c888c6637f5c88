import nock from 'nock';
import { afterEach } from 'vitest';

// No test may reach the internet; local servers (the app under test, PostgreSQL) are allowed.
nock.disableNetConnect();
nock.enableNetConnect(/^(127\.0\.0\.1|localhost)(:\d+)?$/);

afterEach(() => {
  nock.cleanAll();
});
