import type { KnownBlock } from '@slack/web-api';
import type { DigestMessage } from './digest-pack.js';

/** mrkdwn as a terminal shows it: entities back to characters (the preview is read, not posted). */
function unescapeMrkdwn(text: string): string {
  return text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}

function blockText(block: KnownBlock): string | null {
  switch (block.type) {
    case 'header':
      return `# ${block.text.text}`;
    case 'section': {
      const parts = [block.text?.text ?? '', ...(block.fields ?? []).map((f) => f.text)].filter(Boolean);
      return unescapeMrkdwn(parts.join('\n'));
    }
    case 'context':
      return unescapeMrkdwn(
        block.elements
          .map((e) => ('text' in e && typeof e.text === 'string' ? e.text : ''))
          .filter(Boolean)
          .join(' '),
      );
    case 'divider':
      return '────────';
    case 'image':
      return `[image: ${block.alt_text}]`;
    default:
      return `[${block.type}]`;
  }
}

/** The messages as plain text, as the CLI preview prints them: each message marked, then its blocks. */
export function digestToPlainText(messages: readonly DigestMessage[], label: string): string {
  return messages
    .map((message, index) => {
      const where = index === 0 ? 'channel' : 'thread';
      const head = `===== ${label} ${index + 1}/${messages.length} (${where}, ${message.blocks.length} blocks) =====`;
      const body = message.blocks.map(blockText).filter((x): x is string => x !== null);
      return [head, ...body].join('\n');
    })
    .join('\n\n');
}
