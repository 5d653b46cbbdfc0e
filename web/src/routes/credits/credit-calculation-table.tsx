import type { CreditMemo, CreditMemoLine } from '../../api/credit-memos.js';
import { money } from './credit-labels.js';
import { CREDIT_BASIS_LABELS, CreditReserveNote } from './credit-reserve-note.js';

/** A fee or deduction takes away from the credit: shown with its sign, or a dash when there is none. */
const minus = (minor: number, currency: string) => (minor === 0 ? '—' : money(-minor, currency));

/**
 * The credit line by line, as the settlement policy computed it from the original sale: units ×
 * the invoiced price, the tax given back, less any restocking fee and damage deduction, and the
 * policy's own words for how each line came out. Units credited ahead of inspection (a trusted
 * tier's, on authorization or on receipt) say where they stand with the returns reserve. The
 * totals are the memo's.
 */
export function CreditCalculationTable({ memo }: { memo: CreditMemo }) {
  const { currency } = memo;
  return (
    <div className="table-wrap">
      <table className="data-table credit-calculation">
        <caption className="visually-hidden">How the credit is calculated, line by line</caption>
        <thead>
          <tr>
            <th scope="col">Product</th>
            <th scope="col">Credited</th>
            <th scope="col" className="align-right">
              Units × price
            </th>
            <th scope="col" className="align-right">
              Price
            </th>
            <th scope="col" className="align-right">
              Tax
            </th>
            <th scope="col" className="align-right">
              Restocking fee
            </th>
            <th scope="col" className="align-right">
              Deduction
            </th>
            <th scope="col" className="align-right">
              Credit
            </th>
          </tr>
        </thead>
        {memo.lines.map((line) => (
          <LineRows key={line.id} line={line} currency={currency} />
        ))}
        <tfoot>
          <tr>
            <th scope="row" colSpan={3}>
              Total
            </th>
            <td className="align-right">{money(memo.priceMinor, currency)}</td>
            <td className="align-right">{money(memo.taxMinor, currency)}</td>
            <td className="align-right">{minus(memo.restockingFeeMinor, currency)}</td>
            <td className="align-right">{minus(memo.deductionMinor, currency)}</td>
            <td className="align-right">{money(memo.totalMinor, currency)}</td>
          </tr>
        </tfoot>
      </table>
    </div>
  );
}

/** One line and, beneath it, how it was computed (its own body, so the two read as one). */
function LineRows({ line, currency }: { line: CreditMemoLine; currency: string }) {
  return (
    <tbody>
      <tr>
        <td>{line.productSku ?? line.productId}</td>
        <td>{CREDIT_BASIS_LABELS[line.basis]}</td>
        <td className="align-right">
          {line.quantity} × {money(line.unitPriceMinor, currency)}
        </td>
        <td className="align-right">{money(line.priceMinor, currency)}</td>
        <td className="align-right">{money(line.taxMinor, currency)}</td>
        <td className="align-right">{minus(line.restockingFeeMinor, currency)}</td>
        <td className="align-right">{minus(line.deductionMinor, currency)}</td>
        <td className="align-right">{money(line.totalMinor, currency)}</td>
      </tr>
      <tr>
        <td colSpan={8} className="credit-explanation">
          {line.explanation}
          <CreditReserveNote line={line} currency={currency} />
        </td>
      </tr>
    </tbody>
  );
}
