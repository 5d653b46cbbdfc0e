// Which messages a recipient may opt out of. Transactional ones — the instructions for sending a
// return back, the decision on a return, a credit document — concern the customer's own request and
// what they must do or were granted: they need no consent and carry no unsubscribe link (opting out
// of them would leave a customer not knowing where to send goods or that they were refused). "We
// received your goods" is a courtesy, and the staff SLA digest an alert someone may get elsewhere:
// both may be turned off, and carry a signed unsubscribe link and List-Unsubscribe.
import type { NotificationTemplate, NotificationTopic } from '../../contracts/notifications.js';

export const TOPIC_OF: Record<NotificationTemplate, NotificationTopic> = {
  return_authorized: 'transactional',
  return_rejected: 'transactional',
  credit_issued: 'transactional',
  goods_received: 'return_progress',
  inspection_sla_digest: 'sla_digest',
};

export const isOptional = (topic: NotificationTopic): boolean => topic !== 'transactional';
