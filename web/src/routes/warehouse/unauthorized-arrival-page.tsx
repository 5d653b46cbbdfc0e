import type { Site } from '../../../../src/contracts/masterdata.js';
import type { ReasonCodes } from '../../../../src/contracts/configuration.js';
import { useConfig } from '../../api/config.js';
import { useSites } from '../../api/sites.js';
import { UNAUTHORIZED_ARRIVALS_LIST } from '../../auth/permissions.js';
import { EmptyState } from '../../ui/empty-state.js';
import { PageHeader } from '../../ui/page-header.js';
import { QueryView } from '../../ui/query-view.js';
import { ArrivalForm } from './arrival-form.js';

/** The reason an unauthorized arrival starts with: nobody has said why the goods were sent. */
const UNKNOWN_REASON = 'UNKNOWN';

/** Goods that arrived without an RMA are recorded, not refused, so they can be received and investigated. */
export function UnauthorizedArrivalPage() {
  const sites = useSites();
  const reasonCodes = useConfig('reason_codes');
  return (
    <>
      <PageHeader
        back={{ to: UNAUTHORIZED_ARRIVALS_LIST, label: 'Unauthorized arrivals' }}
        title="Record an unauthorized arrival"
        subtitle="Goods that arrived without an RMA. Recording them opens a return in Receiving for customer service to investigate."
      />
      <QueryView query={sites} loadingLabel="Loading the sites…" errorTitle="Could not load the sites">
        {(page) => (
          <QueryView
            query={reasonCodes}
            loadingLabel="Loading the reason codes…"
            errorTitle="Could not load the reason codes"
          >
            {(config) => <ArrivalFormFor sites={page.items} reasonCodes={config.document} />}
          </QueryView>
        )}
      </QueryView>
    </>
  );
}

function ArrivalFormFor({ sites, reasonCodes }: { sites: Site[]; reasonCodes: ReasonCodes }) {
  const activeSites = sites.filter((site) => site.isActive);
  if (activeSites.length === 0) {
    return (
      <EmptyState title="No active site can receive goods">
        An administrator needs to set up or reactivate a site before arrivals can be recorded.
      </EmptyState>
    );
  }
  const reasonOptions = reasonCodes.codes
    .filter((code) => code.isActive)
    .map((code) => ({ value: code.code, label: code.label }));
  const defaultReason = reasonOptions.some((option) => option.value === UNKNOWN_REASON)
    ? UNKNOWN_REASON
    : (reasonOptions[0]?.value ?? '');
  return <ArrivalForm sites={activeSites} reasonOptions={reasonOptions} defaultReason={defaultReason} />;
}
