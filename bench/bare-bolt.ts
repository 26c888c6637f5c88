// The baseline for the ack benchmark: a Bolt app that does only ack() and the same views.open with
// a fixed modal, and acks modal submissions. Same receiver, same Web API, no database.
import { App, HTTPReceiver } from '@slack/bolt';

const receiver = new HTTPReceiver({
  signingSecret: process.env.SLACK_SIGNING_SECRET ?? '',
  processBeforeResponse: false,
});
const app = new App({
  token: process.env.SLACK_BOT_TOKEN,
  receiver,
  clientOptions: { slackApiUrl: process.env.SLACK_API_URL },
});
const view = {
  type: 'modal' as const,
  callback_id: 'progress_submit',
  title: { type: 'plain_text' as const, text: '進捗報告' },
  submit: { type: 'plain_text' as const, text: '報告する' },
  blocks: [{ type: 'section' as const, text: { type: 'mrkdwn' as const, text: 'fixed' } }],
};
app.command('/progress', async ({ ack, command, client }) => {
  await ack();
  await client.views.open({ trigger_id: command.trigger_id, view });
});
app.view('progress_submit', async ({ ack }) => {
  await ack();
});
const server = (await app.start(Number(process.env.PORT ?? 0))) as unknown as { address(): { port: number } };
process.stdout.write(`HTTP on :${server.address().port}\n`);
