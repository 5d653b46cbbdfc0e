import { usePartners } from '../../api/partners.js';

/** The partner's name once loaded; its id meanwhile, or if it cannot be read. */
export function PartnerName({ id }: { id: string }) {
  const partners = usePartners();
  const partner = partners.data?.items.find((candidate) => candidate.id === id);
  if (!partner) return <span title={partners.isError ? 'The partner could not be loaded' : undefined}>{id}</span>;
  return (
    <>
      {partner.name}
      <span className="cell-sub">{partner.code} · repair partner</span>
    </>
  );
}
