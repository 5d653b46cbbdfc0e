import { useCurrentUser } from '../../auth/auth-context.js';
import {
  canManageApiKeys,
  canManageEdi,
  canManageUsers,
  canManageWebhooks,
  EDI_DOCUMENTS_PATH,
  EDI_PARTNERS_PATH,
} from '../../auth/permissions.js';
import { PageHeader } from '../../ui/page-header.js';
import { HomeCard } from '../home/home-card.js';

export function AdminHomePage() {
  const user = useCurrentUser();
  return (
    <>
      <PageHeader
        title="Administration"
        subtitle="Rules are data: every change makes a new version, and every decision records the version that made it."
      />
      <div className="home-grid">
        <HomeCard to="/admin/reason-codes" title="Reason codes">
          Add, relabel or deactivate the reasons for a return.
        </HomeCard>
        <HomeCard to="/admin/return-policy" title="Return policy">
          Return windows by tier and category; authorization validity; exempt return types.
        </HomeCard>
        <HomeCard to="/admin/approval-rules" title="Approval rules">
          Value thresholds per currency, and the tiers, types, conditions and regulated classes that need approval.
        </HomeCard>
        <HomeCard to="/admin/return-routing" title="Return routing">
          Which site each region&apos;s returns go to, the certifications regulated goods need, and site capacity.
        </HomeCard>
        <HomeCard to="/admin/disposition-rules" title="Disposition rules">
          What the rules recommend for an inspected unit, in order; cost estimates; try a change on a returned unit.
        </HomeCard>
        <HomeCard to="/admin/inspection-checklists" title="Inspection checklists">
          What inspectors check and measure per product category, and the defect codes they record.
        </HomeCard>
        <HomeCard to="/admin/inspection-sla" title="Inspection SLA">
          How soon received goods must be inspected: by default, per site, for regulated goods and per tier.
        </HomeCard>
        <HomeCard to="/admin/credit-timing" title="Credit timing">
          When each customer tier is credited: after inspection, or ahead of it through the returns reserve.
        </HomeCard>
        {canManageUsers(user.role) ? (
          <HomeCard to="/admin/users" title="Users">
            Invite people, change their role, deactivate them, and send a link to set a new password.
          </HomeCard>
        ) : null}
        {canManageApiKeys(user.role) ? (
          <HomeCard to="/admin/api-keys" title="API keys">
            Keys for integrations — carriers, suppliers, EDI, customer systems: create them, and revoke them.
          </HomeCard>
        ) : null}
        {canManageWebhooks(user.role) ? (
          <HomeCard to="/admin/webhooks" title="Webhooks">
            Tell other systems of events as they happen, signed; see every delivery and send failed ones again.
          </HomeCard>
        ) : null}
        {canManageEdi(user.role) ? (
          <>
            <HomeCard to={EDI_PARTNERS_PATH} title="Trading partners (EDI)">
              Who we exchange X12 with: their ids, the documents, folders, and how their codes read as ours.
            </HomeCard>
            <HomeCard to={EDI_DOCUMENTS_PATH} title="EDI documents">
              Every document in and out with its status, errors and the records it created; hand in a file.
            </HomeCard>
          </>
        ) : null}
      </div>
    </>
  );
}
