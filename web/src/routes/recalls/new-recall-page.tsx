import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import type { RaisedRecall } from '../../../../src/contracts/recalls.js';
import { useProductsById } from '../../api/products.js';
import { recallPath, RECALLS_PATH } from '../../auth/permissions.js';
import { Alert } from '../../ui/alert.js';
import { PageHeader } from '../../ui/page-header.js';
import { Spinner } from '../../ui/spinner.js';
import { plural } from './recall-draft.js';
import { RecallForm } from './recall-form.js';
import { RecallRmasTable, RecallSkipsTable } from './recall-rmas-table.js';

/**
 * Raise a recall: the product and its affected lots (prefilled when coming from a lot's trace),
 * then the returns raised for every customer who received them and the order lines skipped.
 */
export function NewRecallPage() {
  const [params] = useSearchParams();
  const productId = params.get('productId') ?? '';
  const named = useProductsById(productId ? [productId] : [])[0];
  const [raised, setRaised] = useState<RaisedRecall | null>(null);
  return (
    <>
      <PageHeader
        back={{ to: RECALLS_PATH, label: 'Recalls' }}
        title="Raise a recall"
        subtitle="Every customer who received an affected lot gets a recall return for what they still hold of it, authorized at once unless the approval rules say otherwise."
      />
      {raised ? (
        <RaisedRecallResult recall={raised} />
      ) : named?.isPending ? (
        <Spinner label="Loading the product…" />
      ) : (
        <RecallForm initialProduct={named?.data ?? null} initialLot={params.get('lot') ?? ''} onRaised={setRaised} />
      )}
    </>
  );
}

function RaisedRecallResult({ recall }: { recall: RaisedRecall }) {
  const customers = new Set(recall.rmas.map((rma) => rma.customerId)).size;
  return (
    <>
      <Alert tone="success">
        Recall <Link to={recallPath(recall.id)}>{recall.recallNumber}</Link> raised for {recall.productSku}{' '}
        {plural(recall.lots.length, 'lot')} {recall.lots.join(', ')}: {plural(recall.rmas.length, 'recall return')} for{' '}
        {plural(customers, 'customer')}
        {recall.skipped.length > 0 ? `, ${plural(recall.skipped.length, 'order line')} skipped` : ''}.
      </Alert>
      <section className="panel" aria-labelledby="raised-title">
        <h2 id="raised-title">Recall returns raised</h2>
        <RecallRmasTable rmas={recall.rmas} />
      </section>
      <section className="panel" aria-labelledby="skipped-title">
        <h2 id="skipped-title">Skipped</h2>
        <RecallSkipsTable skipped={recall.skipped} />
      </section>
    </>
  );
}
