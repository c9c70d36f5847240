import { pagePaths } from './pages.ts';

/** A local path we may redirect back to: starts with one slash, no scheme, no backslashes. */
export function safeLocalPath(value: unknown, fallback: string = pagePaths.front): string {
  if (typeof value !== 'string' || !value.startsWith('/') || value.startsWith('//') || /[\\\r\n\t]/.test(value))
    return fallback;
  return value;
}

/** An outgoing link is allowed only with a harmless scheme; anything else (javascript:, data:) becomes '#'. */
export function safeHref(value: string | null | undefined): string {
  if (!value) return '#';
  const trimmed = value.trim();
  if (trimmed.startsWith('/') && !trimmed.startsWith('//')) return trimmed;
  try {
    const url = new URL(trimmed);
    return ['http:', 'https:', 'mailto:', 'tel:', 'sms:'].includes(url.protocol) ? url.toString() : '#';
  } catch {
    return '#';
  }
}
