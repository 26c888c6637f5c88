import type { AppContext } from '../src/context.js';
import { buttonListener } from '../src/slack/button-listener.js';
import { prepareProgressModal } from '../src/slack/prepare-progress-modal.js';

/** A "Report" button (targets list, reminder, Home tab): opens the progress modal on its target. */
export const openProgressAction = (ctx: AppContext) =>
  buttonListener(ctx, 'open_progress', async ({ body, action, client, userId, locale }) => {
    const targetId = /^\d{1,12}$/.test(action.value ?? '') ? Number(action.value) : -1;
    const view = await prepareProgressModal(ctx, { userId, locale, targetId });
    await client.views.open({ trigger_id: body.trigger_id, view });
  });
