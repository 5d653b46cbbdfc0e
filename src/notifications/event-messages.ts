// Which committed events people are told about, and what each message says: the facts are read
// through the other contexts' indexes when the event is fanned out. Events of other types make no
// message. The mapping is from the events the stages really emit:
//   rma.authorized     (returns: approval or auto-approval)  → the customer: where and how to send
//   rma.rejected       (returns)                             → the customer: the reason
//   receipt.recorded   (receiving)                           → the customer: goods arrived
//   credit_memo.issued (settlement)                          → the customer: number and amount
//   inspection_sla.breached (ours: sla-digest.ts)            → the site's quality and ops managers
import type { Transaction } from 'kysely';
import type { Role } from '../contracts/common.js';
import type { DB } from '../platform/db/database.js';
import { findCustomerContact, findSite } from '../masterdata/index.js';
import { findReturnNotice, type ReturnNotice } from '../returns/index.js';
import { findStaffToAlert } from '../identity/index.js';
import type { MessageDraft, SlaDigestFacts } from './domain/message-drafts.js';
import { returnUrlOf, type NotificationSettings } from './settings.js';

export const INSPECTION_SLA_BREACHED = 'inspection_sla.breached';

/** Who is told about a breached inspection queue: those who can reassign its work. */
const SLA_DIGEST_ROLES: readonly Role[] = ['quality', 'ops_manager'];

export interface CommittedEvent {
  id: string;
  event_type: string;
  payload: string;
}

export interface IntendedMessage {
  recipientKey: string;
  rmaId: string | null;
  /** Empty when the recipient has no address: recorded as not sent, with the reason. */
  to: string;
  locale: string;
  draft: MessageDraft;
}

type Payload = Record<string, unknown>;
const str = (value: unknown) => (typeof value === 'string' ? value : '');
const num = (value: unknown) => (typeof value === 'number' ? value : 0);

export async function messagesFor(
  tx: Transaction<DB>,
  event: CommittedEvent,
  settings: NotificationSettings,
): Promise<IntendedMessage[]> {
  const payload = JSON.parse(event.payload) as Payload;
  switch (event.event_type) {
    case 'rma.authorized':
      return toCustomer(tx, str(payload.rmaId), (rma, name) => ({
        template: 'return_authorized',
        facts: {
          customerName: name,
          rmaNumber: rma.rmaNumber,
          returnUrl: returnUrlOf(settings, rma.id),
          shipTo: rma.shipTo,
          isAlreadyReceived: rma.isUnauthorized,
          shipBy: rma.expiresOn,
        },
      }));
    case 'rma.rejected':
      return toCustomer(tx, str(payload.rmaId), (rma, name) => ({
        template: 'return_rejected',
        facts: {
          customerName: name,
          rmaNumber: rma.rmaNumber,
          returnUrl: returnUrlOf(settings, rma.id),
          reason: rma.decisionComment ?? '',
        },
      }));
    case 'receipt.recorded': {
      const site = await findSite(tx, str(payload.siteId));
      return toCustomer(tx, str(payload.rmaId), (rma, name) => ({
        template: 'goods_received',
        facts: {
          customerName: name,
          rmaNumber: rma.rmaNumber,
          returnUrl: returnUrlOf(settings, rma.id),
          units: num(payload.units),
          siteName: site?.name ?? '',
        },
      }));
    }
    case 'credit_memo.issued':
      return toCustomer(tx, str(payload.rmaId), (rma, name) => ({
        template: 'credit_issued',
        facts: {
          customerName: name,
          rmaNumber: rma.rmaNumber,
          returnUrl: returnUrlOf(settings, rma.id),
          creditMemoNumber: str(payload.number),
          amountMinor: num(payload.totalMinor),
          currency: str(payload.currency),
        },
      }));
    case INSPECTION_SLA_BREACHED:
      return toSiteStaff(tx, payload, settings);
    default:
      return [];
  }
}

async function toCustomer(
  tx: Transaction<DB>,
  rmaId: string,
  draftOf: (rma: ReturnNotice, customerName: string) => MessageDraft,
): Promise<IntendedMessage[]> {
  const rma = rmaId ? await findReturnNotice(tx, rmaId) : undefined;
  if (!rma) return [];
  const customer = await findCustomerContact(tx, rma.customerId);
  if (!customer) return [];
  return [
    {
      recipientKey: `customer:${customer.id}`,
      rmaId: rma.id,
      to: customer.email,
      locale: customer.locale,
      draft: draftOf(rma, customer.name),
    },
  ];
}

async function toSiteStaff(
  tx: Transaction<DB>,
  payload: Payload,
  settings: NotificationSettings,
): Promise<IntendedMessage[]> {
  const siteId = str(payload.siteId);
  const site = await findSite(tx, siteId);
  const staff = await findStaffToAlert(tx, SLA_DIGEST_ROLES, siteId);
  const overdue = (Array.isArray(payload.overdue) ? payload.overdue : []) as SlaDigestFacts['overdue'];
  return staff.map((person) => ({
    recipientKey: `user:${person.id}`,
    rmaId: null,
    to: person.email,
    // Staff work in English: the application itself is in English.
    locale: 'en',
    draft: {
      template: 'inspection_sla_digest',
      facts: {
        recipientName: person.name,
        siteName: site?.name ?? siteId,
        breached: num(payload.breached),
        overdue,
        queueUrl: `${settings.publicUrl}/quality/inspections/sla-breaches`,
      },
    },
  }));
}
