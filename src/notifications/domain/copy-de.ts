// German (Sie-Form, as business mail to customers is written).
import { formatMinor } from '../../platform/money/format-money.js';
import { text, type LocaleCopy } from './compose.js';
import { addressLines } from './copy-en.js';

const date = (iso: string) =>
  new Intl.DateTimeFormat('de-DE', { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(iso));
const dateTime = (iso: string) =>
  new Intl.DateTimeFormat('de-DE', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' }).format(new Date(iso));
/** "USD 1.234,50": German separators on the same whole minor units. */
const money = (minor: number, currency: string) =>
  formatMinor(minor, currency).replace(/[.,]/g, (c) => (c === '.' ? ',' : '.'));

export const GERMAN: LocaleCopy = {
  return_authorized: (f) => ({
    subject: `Rücksendung ${f.rmaNumber} ist genehmigt`,
    greeting: 'Sehr geehrte Damen und Herren,',
    blocks: f.isAlreadyReceived
      ? [
          text(
            `Ihre Rücksendung ${f.rmaNumber} ist genehmigt. Die Ware liegt uns bereits vor; Sie müssen nichts senden.`,
          ),
          { kind: 'link', label: 'Ihre Rücksendung', url: f.returnUrl },
        ]
      : [
          text(`Ihre Rücksendung ${f.rmaNumber} ist genehmigt. Bitte senden Sie die Ware an:`),
          f.shipTo
            ? { kind: 'quote', lines: addressLines(f.shipTo) }
            : text('Unser Kundendienst teilt Ihnen mit, wohin Sie die Ware senden.'),
          text(
            `Drucken Sie das Rücksendeetikett und den Rücksendeschein auf der Seite Ihrer Rücksendung aus, kleben Sie das Etikett außen auf das Paket und legen Sie den Schein hinein. Geben Sie die RMA-Nummer ${f.rmaNumber} auf allem an, was Sie gesondert senden.`,
          ),
          ...(f.shipBy
            ? [text(`Bitte versenden Sie bis zum ${date(f.shipBy)}; danach verfällt die Genehmigung.`)]
            : []),
          { kind: 'link', label: 'Ihre Rücksendung, Etikett und Rücksendeschein', url: f.returnUrl },
        ],
  }),
  goods_received: (f) => ({
    subject: `Ware für Rücksendung ${f.rmaNumber} eingegangen`,
    greeting: 'Sehr geehrte Damen und Herren,',
    blocks: [
      text(
        `${f.units} ${f.units === 1 ? 'Einheit' : 'Einheiten'} Ihrer Rücksendung ${f.rmaNumber} sind in ${f.siteName} eingegangen. Wir prüfen die Ware und informieren Sie über Ihre Gutschrift.`,
      ),
      { kind: 'link', label: 'Ihre Rücksendung', url: f.returnUrl },
    ],
  }),
  credit_issued: (f) => ({
    subject: `Gutschrift ${f.creditMemoNumber} zur Rücksendung ${f.rmaNumber}`,
    greeting: 'Sehr geehrte Damen und Herren,',
    blocks: [
      text(`wir haben die Gutschrift ${f.creditMemoNumber} zu Ihrer Rücksendung ${f.rmaNumber} ausgestellt:`),
      { kind: 'quote', lines: [money(f.amountMinor, f.currency)] },
      text('Der Betrag ist Ihrem Konto gutgeschrieben; die Gutschrift finden Sie auf der Seite Ihrer Rücksendung.'),
      { kind: 'link', label: 'Ihre Rücksendung', url: f.returnUrl },
    ],
  }),
  return_rejected: (f) => ({
    subject: `Rücksendung ${f.rmaNumber} wurde nicht genehmigt`,
    greeting: 'Sehr geehrte Damen und Herren,',
    blocks: [
      text(`leider wurde Ihre Rücksendung ${f.rmaNumber} aus folgendem Grund nicht genehmigt:`),
      { kind: 'quote', lines: [f.reason || 'Es wurde kein Grund angegeben.'] },
      text(
        'Bitte senden Sie die Ware nicht ein. Wenn Sie die Entscheidung für falsch halten, antworten Sie auf diese E-Mail.',
      ),
      { kind: 'link', label: 'Ihre Rücksendung', url: f.returnUrl },
    ],
  }),
  inspection_sla_digest: (f) => ({
    subject: `${f.siteName}: ${f.breached} ${f.breached === 1 ? 'Prüfung ist' : 'Prüfungen sind'} über der SLA-Frist`,
    greeting: `Hallo ${f.recipientName},`,
    blocks: [
      text(
        `in der Prüfwarteschlange von ${f.siteName} ist Arbeit über der SLA-Frist. Die am längsten überfälligen von ${f.breached}:`,
      ),
      {
        kind: 'list',
        items: f.overdue.map(
          (i) => `${i.rmaNumber} · ${i.quantity} × ${i.productSku} · fällig ${dateTime(i.dueAt)} UTC`,
        ),
      },
      text('Sie erhalten diese Nachricht einmal, bis die Warteschlange wieder innerhalb der Frist ist.'),
      { kind: 'link', label: 'SLA-Überschreitungen', url: f.queueUrl },
    ],
  }),
  signOff: 'Ihr Retourenteam',
  unsubscribe: { text: 'Sie können diese E-Mails abbestellen:', label: 'Abbestellen' },
};
