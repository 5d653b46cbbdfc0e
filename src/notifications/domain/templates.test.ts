import { describe, expect, it } from 'vitest';
import { NOTIFICATION_TEMPLATES } from '../../contracts/notifications.js';
import { renderMessage } from './templates.js';
import { templateLocaleOf } from './locale.js';
import type { MessageDraft } from './message-drafts.js';

const returnUrl = 'https://returns.example.com/returns/rma_1';
const shipTo = {
  siteName: 'Main DC',
  addressLines: ['1 Dock Rd'],
  city: 'Columbus',
  region: 'OH',
  postalCode: '43004',
  country: 'US',
};

const DRAFTS: Record<(typeof NOTIFICATION_TEMPLATES)[number], MessageDraft> = {
  return_authorized: {
    template: 'return_authorized',
    facts: {
      customerName: 'Acme <Tools> & Co',
      rmaNumber: 'RMA-000123',
      returnUrl,
      shipTo,
      isAlreadyReceived: false,
      shipBy: '2026-12-10',
    },
  },
  goods_received: {
    template: 'goods_received',
    facts: { customerName: 'Acme', rmaNumber: 'RMA-000123', returnUrl, units: 1, siteName: 'Main DC' },
  },
  credit_issued: {
    template: 'credit_issued',
    facts: {
      customerName: 'Acme',
      rmaNumber: 'RMA-000123',
      returnUrl,
      creditMemoNumber: 'CM-2026-000007',
      amountMinor: 123_450,
      currency: 'EUR',
    },
  },
  return_rejected: {
    template: 'return_rejected',
    facts: { customerName: 'Acme', rmaNumber: 'RMA-000123', returnUrl, reason: 'Outside the return window' },
  },
  inspection_sla_digest: {
    template: 'inspection_sla_digest',
    facts: {
      recipientName: 'Quinn',
      siteName: 'Main DC',
      breached: 3,
      overdue: [{ rmaNumber: 'RMA-000123', productSku: 'DRL-18V', quantity: 2, dueAt: '2026-11-27T10:00:00.000Z' }],
      queueUrl: 'https://returns.example.com/quality/inspections/sla-breaches',
    },
  },
};

describe('template locale', () => {
  it('takes the language of a locale we have templates for, and English otherwise', () => {
    expect(templateLocaleOf('de')).toBe('de');
    expect(templateLocaleOf('de-AT')).toBe('de');
    expect(templateLocaleOf('DE_ch')).toBe('de');
    expect(templateLocaleOf('en-GB')).toBe('en');
    expect(templateLocaleOf('nl-BE')).toBe('en');
    expect(templateLocaleOf('')).toBe('en');
    expect(templateLocaleOf(null)).toBe('en');
  });
});

describe('templates', () => {
  it.each(NOTIFICATION_TEMPLATES)('%s is written in English and German, different words, same facts', (template) => {
    const draft = DRAFTS[template];
    const en = renderMessage(draft, 'en');
    const de = renderMessage(draft, 'de-DE');
    expect(en.locale).toBe('en');
    expect(de.locale).toBe('de');
    expect(de.subject).not.toBe(en.subject);
    expect(de.text).not.toBe(en.text);
    const key = template === 'inspection_sla_digest' ? 'Main DC' : 'RMA-000123';
    for (const message of [en, de]) {
      expect(message.subject).toContain(key);
      expect(message.text).toContain(key);
      expect(message.html).toContain(key);
      expect(message.html).toMatch(/^<!doctype html>/);
    }
    expect(de.html).toContain('<html lang="de">');
  });

  it('falls back to English for a language we have no templates for', () => {
    const french = renderMessage(DRAFTS.return_rejected, 'fr-FR');
    expect(french.locale).toBe('en');
    expect(french).toEqual(renderMessage(DRAFTS.return_rejected, 'en'));
  });

  it('gives the shipping instructions: where to send, the RMA number, what to print, the last day', () => {
    const en = renderMessage(DRAFTS.return_authorized, 'en');
    expect(en.subject).toBe('Return RMA-000123 is authorized');
    expect(en.text).toContain('    Main DC\n    1 Dock Rd\n    43004 Columbus\n    OH, US');
    expect(en.text).toContain('Print the return label and the return document');
    expect(en.text).toContain('10 December 2026');
    expect(en.text).toContain(`Your return, its label and document: ${returnUrl}`);
    const de = renderMessage(DRAFTS.return_authorized, 'de');
    expect(de.subject).toBe('Rücksendung RMA-000123 ist genehmigt');
    expect(de.text).toContain('Rücksendeetikett');
    expect(de.text).toContain('10. Dezember 2026');
  });

  it('tells a customer whose goods are already here that there is nothing to send', () => {
    const draft: MessageDraft = {
      template: 'return_authorized',
      facts: { ...(DRAFTS.return_authorized.facts as object), isAlreadyReceived: true, shipTo: null } as never,
    };
    const en = renderMessage(draft, 'en');
    expect(en.text).toContain('nothing to send');
    expect(en.text).not.toContain('Print the return label');
  });

  it('writes money in the language: the credit memo number and amount', () => {
    expect(renderMessage(DRAFTS.credit_issued, 'en').text).toContain('EUR 1,234.50');
    expect(renderMessage(DRAFTS.credit_issued, 'de').text).toContain('EUR 1.234,50');
    expect(renderMessage(DRAFTS.credit_issued, 'de').subject).toBe(
      'Gutschrift CM-2026-000007 zur Rücksendung RMA-000123',
    );
  });

  it('quotes the reason for a rejection', () => {
    expect(renderMessage(DRAFTS.return_rejected, 'en').text).toContain('    Outside the return window');
    expect(renderMessage(DRAFTS.return_rejected, 'de').text).toContain('aus folgendem Grund');
  });

  it('escapes every fact in the HTML body', () => {
    const html = renderMessage(DRAFTS.return_authorized, 'en').html;
    expect(html).toContain('Acme &lt;Tools&gt; &amp; Co');
    expect(html).not.toContain('<Tools>');
  });

  it('puts an unsubscribe footer only on the messages given a link', () => {
    const url = 'https://returns.example.com/api/v1/notifications/unsubscribe?token=t';
    const withLink = renderMessage(DRAFTS.goods_received, 'de', url);
    expect(withLink.text).toContain(`Sie können diese E-Mails abbestellen: ${url}`);
    expect(withLink.html).toContain(`<a href="${url}">Abbestellen</a>`);
    expect(renderMessage(DRAFTS.goods_received, 'de').text).not.toContain('abbestellen');
  });
});
