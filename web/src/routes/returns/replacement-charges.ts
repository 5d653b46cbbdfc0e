// What a replacement order charges or credits the customer, in the words the replacements panel
// shows staff and the customer alike: an advance replacement's deposit — known from the request
// on, so the customer is told before it ships — and an exchange's price difference, quoted at the
// request and invoiced or credited when it ships. Null when the order carries neither.
import { formatMinor } from '../../../../src/platform/money/format-money.js';
import type { ReplacementOrderView } from '../../api/replacements.js';
import { formatDate } from '../../ui/dates.js';

export function depositWords(order: ReplacementOrderView): string | null {
  if (order.kind !== 'advance' || order.status === 'cancelled') return null;
  const deposit = `Deposit ${formatMinor(order.depositMinor, order.currency)}`;
  const dueBy = formatDate(order.depositDueOn);
  switch (order.depositStatus) {
    case 'pending': {
      // The last day is counted from the day it ships, so before then only the days are known.
      const days = order.depositDays === null ? "the policy's days" : `${order.depositDays} days`;
      return `${deposit}, charged when it ships, released when the return arrives, invoiced if it has not arrived within ${days} of shipping`;
    }
    case 'held':
      return `${deposit} charged, released when the return arrives, invoiced if it has not arrived by ${dueBy}`;
    case 'released':
      return `${deposit} released: the return arrived`;
    case 'invoiced':
      return `${deposit} invoiced: the return had not arrived by ${dueBy}`;
    case 'none':
      return 'No deposit: the return had arrived when it shipped';
  }
}

export function differenceWords(order: ReplacementOrderView): string | null {
  if (order.kind !== 'exchange' || order.status === 'cancelled') return null;
  const amount = formatMinor(Math.abs(order.differenceMinor), order.currency);
  switch (order.differenceStatus) {
    case 'pending':
      return order.differenceMinor > 0
        ? `Price difference ${amount}, invoiced when it ships`
        : `Price difference ${amount}, credited when it ships`;
    case 'invoiced':
      return `Price difference invoiced: ${amount}`;
    case 'credited':
      return `Price difference credited: ${amount}`;
    case 'none':
      return 'Same price: no difference to invoice or credit';
  }
}

/** The tax the difference includes, when there is any (taxed as the original sale was). */
export function differenceTaxWords(order: ReplacementOrderView): string | null {
  if (order.kind !== 'exchange' || order.status === 'cancelled' || order.differenceTaxMinor === 0) return null;
  return `Tax included: ${formatMinor(Math.abs(order.differenceTaxMinor), order.currency)}`;
}
