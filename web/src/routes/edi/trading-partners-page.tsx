import { useState } from 'react';
import { Link } from 'react-router';
import { useTradingPartners, type TradingPartner } from '../../api/edi.js';
import { useCurrentUser } from '../../auth/auth-context.js';
import {
  canManageEdi,
  canSendEdi,
  EDI_DOCUMENTS_PATH,
  ediPartnerPath,
  NEW_EDI_PARTNER_PATH,
} from '../../auth/permissions.js';
import { Badge } from '../../ui/badge.js';
import { DataTable, type Column } from '../../ui/data-table.js';
import { EmptyState } from '../../ui/empty-state.js';
import { PageHeader } from '../../ui/page-header.js';
import { QueryView } from '../../ui/query-view.js';
import { SendEdiDialog } from './send-edi-dialog.js';

/** Whom the partner stands for: its customer, its supplier, or both. */
function Counterparts({ partner }: { partner: TradingPartner }) {
  const parts = [
    partner.customerName ? `Customer ${partner.customerName}` : null,
    partner.supplierName ? `Supplier ${partner.supplierName}` : null,
  ].filter(Boolean);
  return parts.length > 0 ? <>{parts.join(' · ')}</> : <span className="muted">—</span>;
}

function Folders({ partner }: { partner: TradingPartner }) {
  if (!partner.inboundDirectory && !partner.outboundDirectory) return <span className="muted">By hand</span>;
  return (
    <>
      {partner.inboundDirectory ? <span className="cell-sub">In: {partner.inboundDirectory}</span> : null}
      {partner.outboundDirectory ? <span className="cell-sub">Out: {partner.outboundDirectory}</span> : null}
    </>
  );
}

/** Everyone we exchange X12 with; admins add and edit them, EDI staff read them and send documents. */
export function TradingPartnersPage() {
  const { role } = useCurrentUser();
  const query = useTradingPartners();
  const [sendingTo, setSendingTo] = useState<TradingPartner | null>(null);
  const isAdmin = canManageEdi(role);

  const columns: Column<TradingPartner>[] = [
    {
      key: 'code',
      header: 'Partner',
      render: (p) => (
        <>
          {isAdmin ? <Link to={ediPartnerPath(p.id)}>{p.code}</Link> : <strong>{p.code}</strong>}
          <span className="cell-sub">{p.name}</span>
        </>
      ),
      sortValue: (p) => p.code,
    },
    { key: 'for', header: 'Customer or supplier', render: (p) => <Counterparts partner={p} /> },
    {
      key: 'ids',
      header: 'Interchange ids',
      render: (p) => (
        <>
          Theirs {p.interchangeQualifier}/{p.interchangeId}
          <span className="cell-sub">
            Ours {p.ourInterchangeQualifier}/{p.ourInterchangeId} · {p.x12Version} · {p.usage}
          </span>
        </>
      ),
    },
    { key: 'documents', header: 'Documents', render: (p) => p.documents.join(', ') || '—' },
    { key: 'folders', header: 'Folders', render: (p) => <Folders partner={p} /> },
    {
      key: 'status',
      header: 'Status',
      render: (p) => (p.isActive ? <Badge tone="success">Active</Badge> : <Badge tone="muted">Inactive</Badge>),
      sortValue: (p) => (p.isActive ? 0 : 1),
    },
    {
      key: 'actions',
      header: <span className="visually-hidden">Actions</span>,
      align: 'right',
      render: (p) => (
        <div className="button-row button-row--end">
          <Link className="button button--small" to={`${EDI_DOCUMENTS_PATH}?partnerId=${encodeURIComponent(p.id)}`}>
            Documents<span className="visually-hidden"> of {p.code}</span>
          </Link>
          {isAdmin ? (
            <Link className="button button--small" to={ediPartnerPath(p.id)}>
              Edit<span className="visually-hidden"> {p.code}</span>
            </Link>
          ) : null}
          {canSendEdi(role) && p.isActive ? (
            <button type="button" className="button button--small" onClick={() => setSendingTo(p)}>
              Send by EDI<span className="visually-hidden"> to {p.code}</span>
            </button>
          ) : null}
        </div>
      ),
    },
  ];

  return (
    <>
      <PageHeader
        back={isAdmin ? { to: '/admin', label: 'Admin' } : { to: EDI_DOCUMENTS_PATH, label: 'EDI documents' }}
        title="Trading partners"
        subtitle="Customers and suppliers we exchange X12 with: 180 return requests in, 997s and 180 answers out, 812s for credits and claims."
        actions={
          isAdmin ? (
            <Link className="button button--primary" to={NEW_EDI_PARTNER_PATH}>
              Add trading partner
            </Link>
          ) : null
        }
      />
      <section className="panel">
        <QueryView query={query} loadingLabel="Loading trading partners…" errorTitle="Could not load the partners">
          {({ items }) =>
            items.length === 0 ? (
              <EmptyState title="No trading partners yet">
                <p>{isAdmin ? 'Add one per partner that sends or receives X12.' : 'An admin sets them up.'}</p>
              </EmptyState>
            ) : (
              <DataTable columns={columns} rows={items} rowKey={(p) => p.id} caption="Trading partners" />
            )
          }
        </QueryView>
      </section>
      {sendingTo ? <SendEdiDialog partnerId={sendingTo.id} onClose={() => setSendingTo(null)} /> : null}
    </>
  );
}
