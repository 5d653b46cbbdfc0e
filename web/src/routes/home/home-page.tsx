import { Navigate } from 'react-router';
import type { Role } from '../../../../src/contracts/common.js';
import { useCurrentUser } from '../../auth/auth-context.js';
import {
  CARRIER_SHIPMENTS_PATH,
  isCarrierRole,
  isRepairPartner,
  isSupplierRole,
  KPIS_PATH,
  PARTNER_WORK_ORDERS_PATH,
  SUPPLIER_CLAIMS_PATH,
} from '../../auth/permissions.js';
import { ROLE_LABELS } from '../../ui/labels.js';
import { PageHeader } from '../../ui/page-header.js';
import { CustomerHome } from './customer-home.js';
import { StaffHome } from './staff-home.js';

export function HomePage() {
  const user = useCurrentUser();
  const role: Role = user.role;
  // A repair partner's users have one screen: their work orders.
  if (isRepairPartner(role)) return <Navigate to={PARTNER_WORK_ORDERS_PATH} replace />;
  // A supplier's users have one screen too: their claims.
  if (isSupplierRole(role)) return <Navigate to={SUPPLIER_CLAIMS_PATH} replace />;
  // And a carrier's: the shipments it carries.
  if (isCarrierRole(role)) return <Navigate to={CARRIER_SHIPMENTS_PATH} replace />;
  // The operations manager's home is the KPI dashboard; the other screens are in the bar above it.
  if (role === 'ops_manager') return <Navigate to={KPIS_PATH} replace />;
  return (
    <>
      <PageHeader title={`Welcome, ${user.name}`} subtitle={ROLE_LABELS[role]} />
      {role === 'customer' ? <CustomerHome /> : <StaffHome role={role} />}
    </>
  );
}
