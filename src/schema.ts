// The whole database as Kysely sees it: each context's tables, composed. A context writes only
// its own tables (eslint.config.js enforces it); the composed type exists for the composition
// root, migrations and tests, and is registered with the kernel so that `Tx` and `Platform`
// carry it without the kernel importing any context.
import type { KernelTables } from './platform/db/kernel-tables.js';
import type { IdentityTables } from './identity/identity.tables.js';
import type { MasterdataTables } from './masterdata/masterdata.tables.js';
import type { SalesTables } from './sales/sales.tables.js';
import type { ConfigurationTables } from './configuration/configuration.tables.js';
import type { ReturnsTables } from './returns/returns.tables.js';
import type { ReceivingTables } from './receiving/receiving.tables.js';
import type { LogisticsTables } from './logistics/logistics.tables.js';
import type { DockTables } from './logistics/dock-appointments/dock.tables.js';
import type { InventoryTables } from './inventory/inventory.tables.js';
import type { InspectionTables } from './inspection/inspection.tables.js';
import type { DispositionTables } from './disposition/disposition.tables.js';
import type { LedgerTables } from './ledger/ledger.tables.js';
import type { SettlementTables } from './settlement/settlement.tables.js';
import type { RecoveryTables } from './recovery/recovery.tables.js';
import type { WebhookTables } from './webhooks/webhooks.tables.js';
import type { EdiTables } from './edi/edi.tables.js';
import type { NotificationTables } from './notifications/notifications.tables.js';
import type { KpiTables } from './kpi/kpi.tables.js';

export interface AppTables
  extends
    KernelTables,
    IdentityTables,
    MasterdataTables,
    SalesTables,
    ConfigurationTables,
    ReturnsTables,
    LogisticsTables,
    DockTables,
    InventoryTables,
    ReceivingTables,
    InspectionTables,
    DispositionTables,
    LedgerTables,
    SettlementTables,
    RecoveryTables,
    WebhookTables,
    EdiTables,
    NotificationTables,
    KpiTables {}

declare module './platform/db/database.js' {
  interface Register {
    tables: AppTables;
  }
}
