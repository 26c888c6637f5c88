import type { AppContext } from '../src/context.js';
import { commandListener } from '../src/slack/command-listener.js';
import { exportSubcommand } from '../src/tracker-subcommands/export.js';
import { trackerHelpText } from '../src/tracker-subcommands/help.js';
import { pauseSubcommand } from '../src/tracker-subcommands/pause.js';
import { reassignSubcommand } from '../src/tracker-subcommands/reassign.js';
import { resumeSubcommand } from '../src/tracker-subcommands/resume.js';
import { reviewSubcommand } from '../src/tracker-subcommands/review.js';
import type { TrackerSubcommand } from '../src/tracker-subcommands/types.js';

/**
 * `/tracker <subcommand>`: each subcommand is a module in src/tracker-subcommands; to add one
 * (e.g. `export`), import it and add it to this map. `help` is built from the map.
 */
export const trackerSubcommands: Record<string, TrackerSubcommand> = {
  pause: pauseSubcommand,
  resume: resumeSubcommand,
  reassign: reassignSubcommand,
  // --- further subcommands (export…) ---
  review: reviewSubcommand,
  export: exportSubcommand,
};

/** The /tracker slash command: dispatches to a subcommand and answers ephemerally. */
export const trackerCommand = (ctx: AppContext) =>
  commandListener(ctx, 'tracker', async ({ command, respond, client, userId, locale }) => {
    const [first, ...args] = command.text.trim().split(/\s+/).filter(Boolean);
    const name = first?.toLowerCase() ?? 'help';
    const subcommand = Object.hasOwn(trackerSubcommands, name) ? trackerSubcommands[name] : undefined;
    const text = subcommand
      ? await subcommand.run({ ctx, client, userId, locale, args, triggerId: command.trigger_id })
      : trackerHelpText(locale, trackerSubcommands, name === 'help' ? undefined : first);
    await respond({ response_type: 'ephemeral', replace_original: false, text });
  });
