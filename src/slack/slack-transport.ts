import type { FetchFunction } from '@slack/web-api';
import { type Dispatcher, EnvHttpProxyAgent, fetch as undiciFetch } from 'undici';
import type { ProxyConfig } from '../config.js';

/** How every Slack connection of the process goes out: directly, or through the configured proxy. */
export interface SlackTransport {
  /** For WebClient's `fetch` option (Web API calls and file uploads); unset: the global fetch. */
  fetch?: FetchFunction;
  /** For the Socket Mode client (its WebSocket and its own Web API calls); unset: direct. */
  dispatcher?: Dispatcher;
}

/**
 * The transport for the configured proxies (HTTPS_PROXY, HTTP_PROXY, NO_PROXY, read once by
 * src/config.ts): undici's EnvHttpProxyAgent picks the proxy per URL (https:// through HTTPS_PROXY,
 * else HTTP_PROXY; http:// through HTTP_PROXY; hosts matching NO_PROXY directly) and tunnels with
 * CONNECT. Without any proxy the transport is empty and the clients keep their defaults.
 */
export function slackTransport(proxy: ProxyConfig): SlackTransport {
  if (!proxy.httpsProxy && !proxy.httpProxy) return {};
  // Empty strings, not undefined: the agent would otherwise read the variables from process.env.
  const dispatcher = new EnvHttpProxyAgent({
    httpsProxy: proxy.httpsProxy ?? proxy.httpProxy ?? '',
    httpProxy: proxy.httpProxy ?? '',
    noProxy: proxy.noProxy ?? '',
  });
  const fetch = ((url: string | URL, init?: RequestInit) =>
    undiciFetch(url, { ...(init as Parameters<typeof undiciFetch>[1]), dispatcher })) as unknown as FetchFunction;
  return { fetch, dispatcher };
}
