import type { AppContext } from '../src/context.js';
import { commandListener } from '../src/slack/command-listener.js';
import { exportVerb } from '../src/tracker-verbs/export.js';
import { trackerHelpText } from '../src/tracker-verbs/help.js';
import { pauseVerb } from '../src/tracker-verbs/pause.js';
import { reassignVerb } from '../src/tracker-verbs/reassign.js';
import { resumeVerb } from '../src/tracker-verbs/resume.js';
import { reviewVerb } from '../src/tracker-verbs/review.js';
import type { TrackerVerb } from '../src/tracker-verbs/types.js';

/**
 * `/tracker <verb>`: each verb (pause, resume, …) is a module in src/tracker-verbs; to add one, import
 * it and add it to this map. `help` is built from the map.
 */
export const trackerVerbs: Record<string, TrackerVerb> = {
  pause: pauseVerb,
  resume: resumeVerb,
  reassign: reassignVerb,
  // --- further verbs (export…) ---
  review: reviewVerb,
  export: exportVerb,
};

/** The /tracker slash command: dispatches to a verb and answers ephemerally. */
export const trackerCommand = (ctx: AppContext) =>
  commandListener(ctx, 'tracker', async ({ command, respond, client, userId, locale }) => {
    const [first, ...args] = command.text.trim().split(/\s+/).filter(Boolean);
    const name = first?.toLowerCase() ?? 'help';
    const verb = Object.hasOwn(trackerVerbs, name) ? trackerVerbs[name] : undefined;
    const text = verb
      ? await verb.run({ ctx, client, userId, locale, args, triggerId: command.trigger_id })
      : trackerHelpText(locale, trackerVerbs, name === 'help' ? undefined : first);
    await respond({ response_type: 'ephemeral', replace_original: false, text });
  });
