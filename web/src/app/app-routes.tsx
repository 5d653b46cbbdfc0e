import { Navigate, Route, Routes } from 'react-router';
import {
  ADMIN_ROLES,
  API_KEY_ROLES,
  APPROVER_ROLES,
  ARRIVAL_ROLES,
  DOCK_ROLES,
  PARTNER_ROLES,
  INSPECTION_ROLES,
  JOURNAL_PATH,
  LEDGER_ROLES,
  STOCK_ROLES,
  RECEIVE_ROLES,
  RECEIVING_READ_ROLES,
  STOCK_MOVE_ROLES,
  SERVICE_ROLES,
  STAFF_ROLES,
  USER_ADMIN_ROLES,
  WEBHOOK_ROLES,
} from '../auth/permissions.js';
import { AdminHomePage } from '../routes/admin/admin-home-page.js';
import { ApiKeysPage } from '../routes/admin/api-keys-page.js';
import { ApprovalRulesPage } from '../routes/admin/approval-rules-page.js';
import { RoutingRulesPage } from '../routes/admin/routing-rules-page.js';
import { DispositionRulesPage } from '../routes/admin/disposition-rules-page.js';
import { InspectionChecklistsPage } from '../routes/admin/inspection-checklists-page.js';
import { InspectionSlaPage } from '../routes/admin/inspection-sla-page.js';
import { CreditTimingPage } from '../routes/admin/credit-timing-page.js';
import { ReasonCodesPage } from '../routes/admin/reason-codes-page.js';
import { ReturnPolicyPage } from '../routes/admin/return-policy-page.js';
import { UsersPage } from '../routes/admin/users-page.js';
import { WebhooksPage } from '../routes/admin/webhooks-page.js';
import { WebhookDeliveriesPage } from '../routes/admin/webhook-deliveries-page.js';
import { ApprovalQueuePage } from '../routes/approvals/approval-queue-page.js';
import { ApprovalReviewPage } from '../routes/approvals/approval-review-page.js';
import { HomePage } from '../routes/home/home-page.js';
import { LoginPage } from '../routes/login/login-page.js';
import { SetPasswordPage } from '../routes/login/set-password-page.js';
import { OrderPage } from '../routes/orders/order-page.js';
import { RequestReturnPage } from '../routes/orders/request-return-page.js';
import { MyOrdersPage } from '../routes/portal/my-orders-page.js';
import { MyReturnsPage } from '../routes/portal/my-returns-page.js';
import { ReturnDocumentPage } from '../routes/returns/return-document-page.js';
import { ReturnPage } from '../routes/returns/return-page.js';
import { ReturnsSearchPage } from '../routes/returns/returns-search-page.js';
import { CustomerPage } from '../routes/service/customer-page.js';
import { CustomerSearchPage } from '../routes/service/customer-search-page.js';
import { OrderSearchPage } from '../routes/service/order-search-page.js';
import { UnauthorizedArrivalPage } from '../routes/warehouse/unauthorized-arrival-page.js';
import { ArrivalPage } from '../routes/receiving/arrival-page.js';
import { ArrivalsQueuePage } from '../routes/receiving/arrivals-queue-page.js';
import { ReceiptExceptionsPage } from '../routes/receiving/receipt-exceptions-page.js';
import { ReceiveReturnPage } from '../routes/receiving/receive-return-page.js';
import { ReceiveStartPage } from '../routes/receiving/receive-start-page.js';
import { DockSchedulePage } from '../routes/warehouse/dock-schedule-page.js';
import { StockLookupPage } from '../routes/warehouse/stock-lookup-page.js';
import { PutAwayPage } from '../routes/warehouse/put-away-page.js';
import { InspectionQueuePage } from '../routes/quality/inspection-queue-page.js';
import { InspectionPage } from '../routes/quality/inspection-page.js';
import { SlaBreachesPage } from '../routes/quality/sla-breaches-page.js';
import { PartnerWorkOrdersPage } from '../routes/partner/partner-work-orders-page.js';
import { PartnerWorkOrderPage } from '../routes/partner/partner-work-order-page.js';
import { OperationsHubPage } from '../routes/operations/operations-hub-page.js';
import { WorkOrdersPage } from '../routes/operations/work-orders-page.js';
import { VendorReturnsPage } from '../routes/operations/vendor-returns-page.js';
import { QuarantineHoldsPage } from '../routes/operations/quarantine-holds-page.js';
import { LiquidationLotsPage } from '../routes/operations/liquidation-lots-page.js';
import { CustomerReturnsPage } from '../routes/operations/customer-returns-page.js';
import { DisposalsPage } from '../routes/operations/disposals-page.js';
import { AppLayout } from './app-layout.js';
import { NotFoundPage } from './not-found-page.js';
import { RequireAuth } from './require-auth.js';
import { RECALL_ROLES } from '../auth/permissions.js';
import { TracePage } from '../routes/trace/trace-page.js';
import { RecallsPage } from '../routes/recalls/recalls-page.js';
import { NewRecallPage } from '../routes/recalls/new-recall-page.js';
import { RecallPage } from '../routes/recalls/recall-page.js';
import { JournalPage } from '../routes/finance/journal-page.js';
import { JournalEntryPage } from '../routes/finance/journal-entry-page.js';
import { TrialBalancePage } from '../routes/finance/trial-balance-page.js';
import { ReconciliationPage } from '../routes/finance/reconciliation-page.js';
import { PeriodsPage } from '../routes/finance/periods-page.js';
import { AccountsPage } from '../routes/finance/accounts-page.js';
import { RatesPage } from '../routes/finance/rates-page.js';
import { CreditsQueuePage } from '../routes/credits/credits-queue-page.js';
import { CreditMemoPage } from '../routes/credits/credit-memo-page.js';
import { CREDIT_READ_ROLES } from '../auth/permissions.js';
import { CARRIER_ROLES, CLAIM_READ_ROLES, SUPPLIER_ROLES } from '../auth/permissions.js';
import { ClaimsBoardPage } from '../routes/claims/claims-board-page.js';
import { ClaimPage } from '../routes/claims/claim-page.js';
import { SupplierClaimsPage } from '../routes/claims/supplier-claims-page.js';
import { EDI_ADMIN_ROLES, EDI_ROLES } from '../auth/permissions.js';
import { TradingPartnersPage } from '../routes/edi/trading-partners-page.js';
import { EditTradingPartnerPage, NewTradingPartnerPage } from '../routes/edi/partner-pages.js';
import { EdiDocumentsPage } from '../routes/edi/edi-documents-page.js';
import { EdiDocumentPage } from '../routes/edi/edi-document-page.js';
import { CarrierShipmentsPage } from '../routes/carrier/carrier-shipments-page.js';
import { CarrierShipmentPage } from '../routes/carrier/carrier-shipment-page.js';
import { KPI_RETURNS_PATH, KPI_ROLES, KPIS_PATH } from '../auth/permissions.js';
import { KpiDashboardPage } from '../routes/kpis/kpi-dashboard-page.js';
import { KpiReturnsPage } from '../routes/kpis/kpi-returns-page.js';

const CUSTOMER = ['customer'] as const;

/** Each page sits under the guard that says who may see it. */
export function AppRoutes() {
  return (
    <Routes>
      <Route element={<AppLayout />}>
        <Route path="/login" element={<LoginPage />} />
        {/* Public: the person opening an invitation or reset link has no password to sign in with yet. */}
        <Route path="/set-password" element={<SetPasswordPage />} />
        <Route element={<RequireAuth />}>
          <Route path="/" element={<HomePage />} />
          <Route path="/returns/:rmaId" element={<ReturnPage />} />
          <Route path="/returns/:rmaId/document" element={<ReturnDocumentPage />} />
        </Route>

        <Route element={<RequireAuth roles={CUSTOMER} />}>
          <Route path="/portal/orders" element={<MyOrdersPage />} />
          <Route
            path="/portal/orders/:orderId"
            element={<OrderPage basePath="/portal/orders" backLabel="My orders" requestLabel="Request a return" />}
          />
          <Route path="/portal/orders/:orderId/return" element={<RequestReturnPage basePath="/portal/orders" />} />
          <Route path="/portal/returns" element={<MyReturnsPage />} />
        </Route>

        <Route element={<RequireAuth roles={SERVICE_ROLES} />}>
          <Route path="/service/customers" element={<CustomerSearchPage />} />
          <Route path="/service/customers/:customerId" element={<CustomerPage />} />
          <Route path="/service/orders" element={<OrderSearchPage />} />
          <Route
            path="/service/orders/:orderId"
            element={<OrderPage basePath="/service/orders" backLabel="Orders" requestLabel="Create RMA" />}
          />
          <Route path="/service/orders/:orderId/return" element={<RequestReturnPage basePath="/service/orders" />} />
        </Route>

        <Route element={<RequireAuth roles={APPROVER_ROLES} />}>
          <Route path="/approvals" element={<ApprovalQueuePage />} />
          <Route path="/approvals/:rmaId" element={<ApprovalReviewPage />} />
        </Route>
        <Route element={<RequireAuth roles={STAFF_ROLES} />}>
          <Route path="/returns" element={<ReturnsSearchPage />} />
        </Route>
        <Route element={<RequireAuth roles={ARRIVAL_ROLES} />}>
          <Route path="/warehouse/unauthorized/new" element={<UnauthorizedArrivalPage />} />
        </Route>
        <Route element={<RequireAuth roles={RECEIVING_READ_ROLES} />}>
          <Route path="/receiving/arrivals" element={<ArrivalsQueuePage />} />
          <Route path="/receiving/arrivals/:arrivalId" element={<ArrivalPage />} />
          <Route path="/receiving/exceptions" element={<ReceiptExceptionsPage />} />
        </Route>
        <Route element={<RequireAuth roles={RECEIVE_ROLES} />}>
          <Route path="/receiving" element={<ReceiveStartPage />} />
          <Route path="/receiving/returns/:rmaId" element={<ReceiveReturnPage />} />
        </Route>
        <Route element={<RequireAuth roles={STOCK_ROLES} />}>
          <Route path="/warehouse/stock" element={<StockLookupPage />} />
        </Route>
        <Route element={<RequireAuth roles={STOCK_MOVE_ROLES} />}>
          <Route path="/warehouse/put-away" element={<PutAwayPage />} />
        </Route>
        <Route element={<RequireAuth roles={DOCK_ROLES} />}>
          <Route path="/warehouse/dock" element={<DockSchedulePage />} />
        </Route>
        <Route element={<RequireAuth roles={INSPECTION_ROLES} />}>
          <Route path="/quality/inspections" element={<InspectionQueuePage />} />
          <Route path="/quality/inspections/sla-breaches" element={<SlaBreachesPage />} />
          <Route path="/quality/inspections/:inspectionId" element={<InspectionPage />} />
        </Route>
        <Route element={<RequireAuth roles={PARTNER_ROLES} />}>
          <Route path="/partner/work-orders" element={<PartnerWorkOrdersPage />} />
          <Route path="/partner/work-orders/:workOrderId" element={<PartnerWorkOrderPage />} />
        </Route>
        <Route element={<RequireAuth roles={STAFF_ROLES} />}>
          <Route path="/trace" element={<TracePage />} />
        </Route>
        <Route element={<RequireAuth roles={RECALL_ROLES} />}>
          <Route path="/recalls" element={<RecallsPage />} />
          <Route path="/recalls/new" element={<NewRecallPage />} />
          <Route path="/recalls/:recallId" element={<RecallPage />} />
        </Route>

        <Route element={<RequireAuth roles={INSPECTION_ROLES} />}>
          <Route path="/operations" element={<OperationsHubPage />} />
          <Route path="/operations/work-orders" element={<WorkOrdersPage />} />
          <Route path="/operations/vendor-returns" element={<VendorReturnsPage />} />
          <Route path="/operations/holds" element={<QuarantineHoldsPage />} />
          <Route path="/operations/liquidation" element={<LiquidationLotsPage />} />
          <Route path="/operations/customer-returns" element={<CustomerReturnsPage />} />
          <Route path="/operations/disposals" element={<DisposalsPage />} />
        </Route>
        <Route element={<RequireAuth roles={LEDGER_ROLES} />}>
          <Route path="/finance" element={<Navigate to={JOURNAL_PATH} replace />} />
          <Route path="/finance/journal" element={<JournalPage />} />
          <Route path="/finance/journal/:entryId" element={<JournalEntryPage />} />
          <Route path="/finance/trial-balance" element={<TrialBalancePage />} />
          <Route path="/finance/reconciliation" element={<ReconciliationPage />} />
          <Route path="/finance/periods" element={<PeriodsPage />} />
          <Route path="/finance/accounts" element={<AccountsPage />} />
          <Route path="/finance/rates" element={<RatesPage />} />
        </Route>
        <Route element={<RequireAuth roles={KPI_ROLES} />}>
          <Route path={KPIS_PATH} element={<KpiDashboardPage />} />
          <Route path={KPI_RETURNS_PATH} element={<KpiReturnsPage />} />
        </Route>
        <Route element={<RequireAuth roles={CREDIT_READ_ROLES} />}>
          <Route path="/credits" element={<CreditsQueuePage />} />
          <Route path="/credits/:creditMemoId" element={<CreditMemoPage />} />
        </Route>
        <Route element={<RequireAuth roles={CLAIM_READ_ROLES} />}>
          <Route path="/claims" element={<ClaimsBoardPage />} />
          <Route path="/claims/:claimId" element={<ClaimPage />} />
        </Route>
        <Route element={<RequireAuth roles={SUPPLIER_ROLES} />}>
          <Route path="/supplier/claims" element={<SupplierClaimsPage />} />
          <Route path="/supplier/claims/:claimId" element={<ClaimPage />} />
        </Route>
        <Route element={<RequireAuth roles={CARRIER_ROLES} />}>
          <Route path="/carrier/shipments" element={<CarrierShipmentsPage />} />
          <Route path="/carrier/shipments/:shipmentId" element={<CarrierShipmentPage />} />
        </Route>
        <Route element={<RequireAuth roles={ADMIN_ROLES} />}>
          <Route path="/admin" element={<AdminHomePage />} />
          <Route path="/admin/reason-codes" element={<ReasonCodesPage />} />
          <Route path="/admin/return-policy" element={<ReturnPolicyPage />} />
          <Route path="/admin/approval-rules" element={<ApprovalRulesPage />} />
          <Route path="/admin/return-routing" element={<RoutingRulesPage />} />
          <Route path="/admin/disposition-rules" element={<DispositionRulesPage />} />
          <Route path="/admin/inspection-checklists" element={<InspectionChecklistsPage />} />
          <Route path="/admin/inspection-sla" element={<InspectionSlaPage />} />
          <Route path="/admin/credit-timing" element={<CreditTimingPage />} />
        </Route>
        <Route element={<RequireAuth roles={API_KEY_ROLES} />}>
          <Route path="/admin/api-keys" element={<ApiKeysPage />} />
        </Route>
        <Route element={<RequireAuth roles={USER_ADMIN_ROLES} />}>
          <Route path="/admin/users" element={<UsersPage />} />
        </Route>
        <Route element={<RequireAuth roles={WEBHOOK_ROLES} />}>
          <Route path="/admin/webhooks" element={<WebhooksPage />} />
          <Route path="/admin/webhooks/:subscriptionId" element={<WebhookDeliveriesPage />} />
        </Route>

        <Route element={<RequireAuth roles={EDI_ROLES} />}>
          <Route path="/edi/partners" element={<TradingPartnersPage />} />
          <Route path="/edi/documents" element={<EdiDocumentsPage />} />
          <Route path="/edi/documents/:documentId" element={<EdiDocumentPage />} />
        </Route>
        <Route element={<RequireAuth roles={EDI_ADMIN_ROLES} />}>
          <Route path="/edi/partners/new" element={<NewTradingPartnerPage />} />
          <Route path="/edi/partners/:partnerId" element={<EditTradingPartnerPage />} />
        </Route>

        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}
