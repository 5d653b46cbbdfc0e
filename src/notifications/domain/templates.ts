// Templates are code: a message draft (facts) and a locale in, subject and plain-text and HTML
// bodies out. The customer's language picks the copy (English when we have none for it); both
// bodies are made from the same parts, and every fact is escaped in the HTML.
import type { Block, Composed, LocaleCopy } from './compose.js';
import { ENGLISH } from './copy-en.js';
import { GERMAN } from './copy-de.js';
import { templateLocaleOf, type TemplateLocale } from './locale.js';
import type { MessageDraft } from './message-drafts.js';

const COPY: Record<TemplateLocale, LocaleCopy> = { en: ENGLISH, de: GERMAN };

export interface RenderedMessage {
  /** The language it was written in (the customer's, or the fallback). */
  locale: TemplateLocale;
  subject: string;
  text: string;
  html: string;
}

export function renderMessage(
  draft: MessageDraft,
  locale: string | null | undefined,
  unsubscribeUrl: string | null = null,
): RenderedMessage {
  const used = templateLocaleOf(locale);
  const copy = COPY[used];
  const composed = composeWith(copy, draft);
  return {
    locale: used,
    subject: composed.subject,
    text: toText(composed, copy, unsubscribeUrl),
    html: toHtml(composed, copy, unsubscribeUrl, used),
  };
}

function composeWith(copy: LocaleCopy, draft: MessageDraft): Composed {
  switch (draft.template) {
    case 'return_authorized':
      return copy.return_authorized(draft.facts);
    case 'goods_received':
      return copy.goods_received(draft.facts);
    case 'credit_issued':
      return copy.credit_issued(draft.facts);
    case 'return_rejected':
      return copy.return_rejected(draft.facts);
    case 'inspection_sla_digest':
      return copy.inspection_sla_digest(draft.facts);
  }
}

function blockText(block: Block): string {
  switch (block.kind) {
    case 'text':
      return block.text;
    case 'quote':
      return block.lines.map((line) => `    ${line}`).join('\n');
    case 'link':
      return `${block.label}: ${block.url}`;
    case 'list':
      return block.items.map((item) => `  - ${item}`).join('\n');
  }
}

function toText(composed: Composed, copy: LocaleCopy, unsubscribeUrl: string | null): string {
  const parts = [composed.greeting, ...composed.blocks.map(blockText), copy.signOff];
  if (unsubscribeUrl) parts.push(`--\n${copy.unsubscribe.text} ${unsubscribeUrl}`);
  return `${parts.join('\n\n')}\n`;
}

export function escapeHtml(value: string): string {
  return value.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c,
  );
}

function blockHtml(block: Block): string {
  switch (block.kind) {
    case 'text':
      return `<p>${escapeHtml(block.text)}</p>`;
    case 'quote':
      return `<blockquote style="margin:12px 0;padding:8px 12px;border-left:3px solid #888">${block.lines.map(escapeHtml).join('<br>')}</blockquote>`;
    case 'link':
      return `<p><a href="${escapeHtml(block.url)}">${escapeHtml(block.label)}</a></p>`;
    case 'list':
      return `<ul>${block.items.map((item) => `<li>${escapeHtml(item)}</li>`).join('')}</ul>`;
  }
}

function toHtml(composed: Composed, copy: LocaleCopy, unsubscribeUrl: string | null, locale: TemplateLocale): string {
  const footer = unsubscribeUrl
    ? `<hr><p style="font-size:12px;color:#666">${escapeHtml(copy.unsubscribe.text)} <a href="${escapeHtml(unsubscribeUrl)}">${escapeHtml(copy.unsubscribe.label)}</a></p>`
    : '';
  return [
    `<!doctype html><html lang="${locale}"><head><meta charset="utf-8"><title>${escapeHtml(composed.subject)}</title></head>`,
    '<body style="font-family:sans-serif;line-height:1.5;max-width:640px">',
    `<p>${escapeHtml(composed.greeting)}</p>`,
    ...composed.blocks.map(blockHtml),
    `<p>${escapeHtml(copy.signOff)}</p>`,
    footer,
    '</body></html>',
  ].join('\n');
}
