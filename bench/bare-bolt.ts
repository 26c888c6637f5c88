// The baseline for the ack benchmark: a Bolt app that does only ack() and the same views.open with
// a fixed modal, and acks modal submissions. Same receiver, same Web API, no database. The modal is
// the one the tracker opened for the first bench user (BARE_VIEW_FILE, written by ack-latency.ts),
// so both send Slack the same bytes; without it, a one-block modal.
import { readFileSync } from 'node:fs';
import { App, HTTPReceiver } from '@slack/bolt';
import type { ModalView } from '@slack/types';

const receiver = new HTTPReceiver({
  signingSecret: process.env.SLACK_SIGNING_SECRET ?? '',
  processBeforeResponse: false,
});
const app = new App({
  token: process.env.SLACK_BOT_TOKEN,
  receiver,
  clientOptions: { slackApiUrl: process.env.SLACK_API_URL },
});
const oneBlock: ModalView = {
  type: 'modal',
  callback_id: 'progress_submit',
  title: { type: 'plain_text', text: '進捗報告' },
  submit: { type: 'plain_text', text: '報告する' },
  blocks: [{ type: 'section', text: { type: 'mrkdwn', text: 'fixed' } }],
};
const viewFile = process.env.BARE_VIEW_FILE;
const view: ModalView = viewFile ? (JSON.parse(readFileSync(viewFile, 'utf8')) as ModalView) : oneBlock;
app.command('/progress', async ({ ack, command, client }) => {
  await ack();
  await client.views.open({ trigger_id: command.trigger_id, view });
});
app.view('progress_submit', async ({ ack }) => {
  await ack();
});
const server = (await app.start(Number(process.env.PORT ?? 0))) as unknown as { address(): { port: number } };
process.stdout.write(`HTTP on :${server.address().port}\n`);
