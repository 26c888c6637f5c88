import type { AppContext } from '../src/context.js';
import { commandListener } from '../src/slack/command-listener.js';
import { prepareProgressModal } from '../src/slack/prepare-progress-modal.js';

/** /progress [code or title]: acks at once, then opens the progress modal. */
export const progressCommand = (ctx: AppContext) =>
  commandListener(ctx, '/progress', async ({ command, client, userId, locale }) => {
    const view = await prepareProgressModal(ctx, { userId, locale, text: command.text });
    await client.views.open({ trigger_id: command.trigger_id, view });
  });
