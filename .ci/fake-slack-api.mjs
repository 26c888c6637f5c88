// A stand-in for Slack's Web API for .ci/run's production check: auth.test and bots.info answer
// with a bot identity (the bot learns its installation from them at start), every other method
// with {"ok":true}. Only node:http, so it runs where the dev dependencies are absent. Prints its
// base URL (the bot's SLACK_API_URL) once it listens.
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
    const answers = {
      'auth.test': { ok: true, ...identity },
      'bots.info': { ok: true, bot: { id: identity.bot_id, app_id: 'A0CIAPP01', user_id: identity.user_id } },
    };
    res.end(JSON.stringify(answers[method] ?? { ok: true }));
  });
});

server.listen(0, '127.0.0.1', () => {
  console.log(`http://127.0.0.1:${server.address().port}/api/`);
});
process.on('SIGTERM', () => server.close(() => process.exit(0)));
