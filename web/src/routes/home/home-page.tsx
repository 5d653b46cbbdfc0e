import type { Role } from '../../../../src/contracts/common.js';
import { useCurrentUser } from '../../auth/auth-context.js';
import { ROLE_LABELS } from '../../ui/labels.js';
import { PageHeader } from '../../ui/page-header.js';
import { CustomerHome } from './customer-home.js';
import { StaffHome } from './staff-home.js';

export function HomePage() {
  const user = useCurrentUser();
  const role: Role = user.role;
  return (
    <>
      <PageHeader title={`Welcome, ${user.name}`} subtitle={ROLE_LABELS[role]} />
      {role === 'customer' ? <CustomerHome /> : <StaffHome role={role} />}
    </>
  );
}
