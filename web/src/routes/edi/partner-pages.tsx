import { useNavigate, useParams } from 'react-router';
import { useCreateTradingPartner, useTradingPartner, useUpdateTradingPartner } from '../../api/edi.js';
import { EDI_PARTNERS_PATH } from '../../auth/permissions.js';
import { PageHeader } from '../../ui/page-header.js';
import { QueryView } from '../../ui/query-view.js';
import { useToast } from '../../ui/toast.js';
import { PartnerForm, partnerErrorsFrom } from './partner-form.js';
import { draftOf, EMPTY_PARTNER_DRAFT } from './partner-draft.js';

const BACK = { to: EDI_PARTNERS_PATH, label: 'Trading partners' };

/** A new trading partner, set up by an admin. */
export function NewTradingPartnerPage() {
  const create = useCreateTradingPartner();
  const navigate = useNavigate();
  const toast = useToast();
  return (
    <>
      <PageHeader
        back={BACK}
        title="Add trading partner"
        subtitle="A customer or supplier we exchange X12 documents with: its ids, the documents, its folders and how its codes read as ours."
      />
      <PartnerForm
        initial={EMPTY_PARTNER_DRAFT}
        isNew
        isSaving={create.isPending}
        submitLabel="Add trading partner"
        onSave={async (body) => {
          try {
            const partner = await create.mutateAsync(body);
            toast.show(`Trading partner ${partner.code} added`);
            void navigate(EDI_PARTNERS_PATH);
            return null;
          } catch (error) {
            return partnerErrorsFrom(error);
          }
        }}
      />
    </>
  );
}

/** A trading partner's set-up, changed with the version on screen (If-Match). */
export function EditTradingPartnerPage() {
  const { partnerId = '' } = useParams();
  const query = useTradingPartner(partnerId);
  const update = useUpdateTradingPartner();
  const navigate = useNavigate();
  const toast = useToast();
  return (
    <>
      <PageHeader back={BACK} title={query.data ? `Trading partner ${query.data.code}` : 'Trading partner'} />
      <QueryView query={query} loadingLabel="Loading the trading partner…" errorTitle="Could not load the partner">
        {(partner) => (
          <PartnerForm
            // A reload after a conflict starts the form again from what is saved now.
            key={partner.version}
            initial={draftOf(partner)}
            isNew={false}
            isSaving={update.isPending}
            submitLabel="Save changes"
            onReload={() => void query.refetch()}
            onSave={async ({ code: _code, ...changes }) => {
              try {
                const saved = await update.mutateAsync({ id: partner.id, version: partner.version, changes });
                toast.show(`Trading partner ${saved.code} saved`);
                void navigate(EDI_PARTNERS_PATH);
                return null;
              } catch (error) {
                return partnerErrorsFrom(error);
              }
            }}
          />
        )}
      </QueryView>
    </>
  );
}
