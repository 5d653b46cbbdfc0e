import { Route, Routes } from 'react-router';
import { ADMIN_ROLES, APPROVER_ROLES, SERVICE_ROLES, STAFF_ROLES } from '../auth/permissions.js';
import { AdminHomePage } from '../routes/admin/admin-home-page.js';
import { ApprovalRulesPage } from '../routes/admin/approval-rules-page.js';
import { ReasonCodesPage } from '../routes/admin/reason-codes-page.js';
import { ReturnPolicyPage } from '../routes/admin/return-policy-page.js';
import { ApprovalQueuePage } from '../routes/approvals/approval-queue-page.js';
import { HomePage } from '../routes/home/home-page.js';
import { LoginPage } from '../routes/login/login-page.js';
import { OrderPage } from '../routes/orders/order-page.js';
import { RequestReturnPage } from '../routes/orders/request-return-page.js';
import { MyOrdersPage } from '../routes/portal/my-orders-page.js';
import { MyReturnsPage } from '../routes/portal/my-returns-page.js';
import { ReturnPage } from '../routes/returns/return-page.js';
import { ReturnsSearchPage } from '../routes/returns/returns-search-page.js';
import { CustomerPage } from '../routes/service/customer-page.js';
import { CustomerSearchPage } from '../routes/service/customer-search-page.js';
import { OrderSearchPage } from '../routes/service/order-search-page.js';
import { AppLayout } from './app-layout.js';
import { NotFoundPage } from './not-found-page.js';
import { RequireAuth } from './require-auth.js';

const CUSTOMER = ['customer'] as const;

export function AppRoutes() {
  return (
    <Routes>
      <Route element={<AppLayout />}>
        <Route path="/login" element={<LoginPage />} />
        <Route
          path="/"
          element={
            <RequireAuth>
              <HomePage />
            </RequireAuth>
          }
        />

        <Route
          path="/portal/orders"
          element={
            <RequireAuth roles={CUSTOMER}>
              <MyOrdersPage />
            </RequireAuth>
          }
        />
        <Route
          path="/portal/orders/:orderId"
          element={
            <RequireAuth roles={CUSTOMER}>
              <OrderPage basePath="/portal/orders" backLabel="My orders" requestLabel="Request a return" />
            </RequireAuth>
          }
        />
        <Route
          path="/portal/orders/:orderId/return"
          element={
            <RequireAuth roles={CUSTOMER}>
              <RequestReturnPage basePath="/portal/orders" />
            </RequireAuth>
          }
        />
        <Route
          path="/portal/returns"
          element={
            <RequireAuth roles={CUSTOMER}>
              <MyReturnsPage />
            </RequireAuth>
          }
        />

        <Route
          path="/service/customers"
          element={
            <RequireAuth roles={SERVICE_ROLES}>
              <CustomerSearchPage />
            </RequireAuth>
          }
        />
        <Route
          path="/service/customers/:customerId"
          element={
            <RequireAuth roles={SERVICE_ROLES}>
              <CustomerPage />
            </RequireAuth>
          }
        />
        <Route
          path="/service/orders"
          element={
            <RequireAuth roles={SERVICE_ROLES}>
              <OrderSearchPage />
            </RequireAuth>
          }
        />
        <Route
          path="/service/orders/:orderId"
          element={
            <RequireAuth roles={SERVICE_ROLES}>
              <OrderPage basePath="/service/orders" backLabel="Orders" requestLabel="Create RMA" />
            </RequireAuth>
          }
        />
        <Route
          path="/service/orders/:orderId/return"
          element={
            <RequireAuth roles={SERVICE_ROLES}>
              <RequestReturnPage basePath="/service/orders" />
            </RequireAuth>
          }
        />

        <Route
          path="/approvals"
          element={
            <RequireAuth roles={APPROVER_ROLES}>
              <ApprovalQueuePage />
            </RequireAuth>
          }
        />
        <Route
          path="/returns"
          element={
            <RequireAuth roles={STAFF_ROLES}>
              <ReturnsSearchPage />
            </RequireAuth>
          }
        />
        <Route
          path="/returns/:rmaId"
          element={
            <RequireAuth>
              <ReturnPage />
            </RequireAuth>
          }
        />

        <Route
          path="/admin"
          element={
            <RequireAuth roles={ADMIN_ROLES}>
              <AdminHomePage />
            </RequireAuth>
          }
        />
        <Route
          path="/admin/reason-codes"
          element={
            <RequireAuth roles={ADMIN_ROLES}>
              <ReasonCodesPage />
            </RequireAuth>
          }
        />
        <Route
          path="/admin/return-policy"
          element={
            <RequireAuth roles={ADMIN_ROLES}>
              <ReturnPolicyPage />
            </RequireAuth>
          }
        />
        <Route
          path="/admin/approval-rules"
          element={
            <RequireAuth roles={ADMIN_ROLES}>
              <ApprovalRulesPage />
            </RequireAuth>
          }
        />

        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}
