export { registerNotificationRoutes } from './notifications.routes.js';
export {
  startNotificationWorker,
  runNotificationPass,
  NOTIFICATIONS_LEASE,
  type NotificationWorker,
  type NotificationPass,
} from './notification-worker.js';
export { fanOutNotifications } from './fan-out.js';
export { deliverDueNotifications, NO_SMTP } from './delivery-worker.js';
export { checkInspectionSlaBreaches } from './sla-digest.js';
export { createSmtpMailer, type Mailer } from './mailer.js';
export type { NotificationSettings } from './settings.js';
export { markHistoryNotified } from './history.js';
export type * from './notifications.tables.js';
