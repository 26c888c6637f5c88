// A stand-in for Slack's Web API for .ci/run's production check: auth.test answers with a bot
// identity, every other method with {"ok":true}. Only node:http, so it runs where the dev
// dependencies are absent. Prints its base URL (the bot's SLACK_API_URL) once it listens.
import { createServer } from 'node:http';

const identity = {
  url: 'https://ci.slack.test/',
  team: 'CI',
  user: 'tracker',
  team_id: 'T0CI00001',
  user_id: 'U0CIBOT01',
  bot_id: 'B0CIBOT01',
};

const server = createServer((req, res) => {
  req.resume();
  req.on('end', () => {
    const method = new URL(req.url ?? '/', 'http://127.0.0.1').pathname.replace(/^\/api\//, '');
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify(method === 'auth.test' ? { ok: true, ...identity } : { ok: true }));
  });
});

server.listen(0, '127.0.0.1', () => {
  console.log(`http://127.0.0.1:${server.address().port}/api/`);
});
process.on('SIGTERM', () => server.close(() => process.exit(0)));
