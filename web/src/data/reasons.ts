/**
 * Why live mode failed, as a message key and its values, so the interface can say it in the
 * reader's language (i18n.ts) however the language changes afterwards. No driver import: pure.
 */
import { t, type Lang, type MsgKey } from '../i18n.ts';

export type ReasonKey = Extract<MsgKey, `reason.${string}`>;

export interface Reason {
  key: ReasonKey;
  vars: Record<string, string>;
}

/** An error that carries a Reason; its message is the English text (for logs). */
export class ReasonError extends Error {
  readonly reason: Reason;
  constructor(reason: Reason) {
    super(t('en', reason.key, reason.vars));
    this.name = 'ReasonError';
    this.reason = reason;
  }
}

/** A reason from a driver error (Neo4j codes and the driver's connection messages). */
export function explain(e: unknown, uri?: string): Reason {
  if (e instanceof ReasonError) return e.reason;
  const err = e as { code?: unknown; message?: unknown } | null;
  const code = typeof err?.code === 'string' ? err.code : '';
  const message = typeof err?.message === 'string' ? err.message : String(e);
  const at = uri ?? '';
  if (code === 'Neo.ClientError.Security.Unauthorized' || code === 'Neo.ClientError.Security.AuthenticationRateLimit')
    return { key: 'reason.auth', vars: { code } };
  if (code === 'Neo.ClientError.Security.Forbidden' || code === 'Neo.ClientError.Security.AuthorizationExpired') return { key: 'reason.forbidden', vars: { code } };
  if (code === 'Neo.ClientError.Database.DatabaseNotFound') return { key: 'reason.noDatabase', vars: { code, message } };
  if (code === 'ServiceUnavailable' || code === 'SessionExpired' || /Could not perform discovery|WebSocket|ECONNREFUSED|Failed to connect|connection refused/i.test(message))
    return { key: 'reason.unreachable', vars: { uri: at, code: code || 'ServiceUnavailable' } };
  return { key: 'reason.other', vars: { message, code: code || '—' } };
}

export const reasonText = (lang: Lang, r: Reason): string => t(lang, r.key, r.vars);

/** A failure as the interface keeps it: the English text (for logs), and the reason when there is one. */
export interface Problem {
  message: string;
  reason: Reason | null;
}

export const problemOf = (e: unknown): Problem => ({
  message: e instanceof Error ? e.message : String(e),
  reason: e instanceof ReasonError ? e.reason : null,
});

/** A problem in the reader's language: the reason's text, else the raw message. */
export const problemText = (lang: Lang, p: Problem): string => (p.reason ? reasonText(lang, p.reason) : p.message);

/** True when the server stopped answering (refused, cut, gone): the connection is lost, not one query wrong. */
export const isConnectionLost = (p: Problem | null | undefined): boolean => p?.reason?.key === 'reason.unreachable';
