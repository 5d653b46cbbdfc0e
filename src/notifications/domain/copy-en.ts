// English: the fallback for every customer whose language we have no templates for.
import { formatMinor } from '../../platform/money/format-money.js';
import { text, type LocaleCopy } from './compose.js';
import type { Address } from './message-drafts.js';

const date = (iso: string) =>
  new Intl.DateTimeFormat('en-GB', { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(iso));
const dateTime = (iso: string) =>
  new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' }).format(new Date(iso));

export const addressLines = (a: Address): string[] =>
  [a.siteName, ...a.addressLines, `${a.postalCode} ${a.city}`.trim(), [a.region, a.country].filter(Boolean).join(', ')]
    .map((line) => line.trim())
    .filter((line) => line !== '');

export const ENGLISH: LocaleCopy = {
  return_authorized: (f) => ({
    subject: `Return ${f.rmaNumber} is authorized`,
    greeting: `Dear ${f.customerName},`,
    blocks: f.isAlreadyReceived
      ? [
          text(`your return ${f.rmaNumber} is authorized. We already have the goods, so there is nothing to send.`),
          { kind: 'link', label: 'Your return', url: f.returnUrl },
        ]
      : [
          text(`your return ${f.rmaNumber} is authorized. Please send the goods to:`),
          f.shipTo
            ? { kind: 'quote', lines: addressLines(f.shipTo) }
            : text('Our customer service will tell you where to send them.'),
          text(
            `Print the return label and the return document from your return's page, stick the label on the outside of the parcel and put the document inside. Write the RMA number ${f.rmaNumber} on anything you send separately.`,
          ),
          ...(f.shipBy ? [text(`Please ship by ${date(f.shipBy)}; after that the authorization lapses.`)] : []),
          { kind: 'link', label: 'Your return, its label and document', url: f.returnUrl },
        ],
  }),
  goods_received: (f) => ({
    subject: `We received goods for return ${f.rmaNumber}`,
    greeting: `Dear ${f.customerName},`,
    blocks: [
      text(
        `${f.units} ${f.units === 1 ? 'unit' : 'units'} of your return ${f.rmaNumber} arrived at ${f.siteName}. We will inspect them and let you know about your credit.`,
      ),
      { kind: 'link', label: 'Your return', url: f.returnUrl },
    ],
  }),
  credit_issued: (f) => ({
    subject: `Credit memo ${f.creditMemoNumber} for return ${f.rmaNumber}`,
    greeting: `Dear ${f.customerName},`,
    blocks: [
      text(`we have issued credit memo ${f.creditMemoNumber} for your return ${f.rmaNumber}:`),
      { kind: 'quote', lines: [formatMinor(f.amountMinor, f.currency)] },
      text('The credit is on your account; the memo is on your return’s page.'),
      { kind: 'link', label: 'Your return', url: f.returnUrl },
    ],
  }),
  return_rejected: (f) => ({
    subject: `Return ${f.rmaNumber} was not approved`,
    greeting: `Dear ${f.customerName},`,
    blocks: [
      text(`we are sorry: your return ${f.rmaNumber} was not approved, for this reason:`),
      { kind: 'quote', lines: [f.reason || 'No reason was given.'] },
      text('Please do not send the goods. If you think this is wrong, reply to this e-mail.'),
      { kind: 'link', label: 'Your return', url: f.returnUrl },
    ],
  }),
  inspection_sla_digest: (f) => ({
    subject: `${f.siteName}: ${f.breached} ${f.breached === 1 ? 'inspection is' : 'inspections are'} past the SLA`,
    greeting: `Hello ${f.recipientName},`,
    blocks: [
      text(`the inspection queue at ${f.siteName} has work past its SLA target. The longest overdue of ${f.breached}:`),
      {
        kind: 'list',
        items: f.overdue.map((i) => `${i.rmaNumber} · ${i.quantity} × ${i.productSku} · due ${dateTime(i.dueAt)} UTC`),
      },
      text('You get this once until the queue is back within its SLA.'),
      { kind: 'link', label: 'SLA breaches', url: f.queueUrl },
    ],
  }),
  signOff: 'Your returns team',
  unsubscribe: { text: 'You can turn these e-mails off:', label: 'Unsubscribe' },
};
