import { Link } from 'react-router';
import type { KpiReturnRow } from '../../api/kpis.js';
import { Badge } from '../../ui/badge.js';
import type { Column } from '../../ui/data-table.js';
import { formatDate } from '../../ui/dates.js';
import { humanize } from '../../ui/labels.js';
import { formatMoney } from '../../ui/money.js';
import { formatKpiValue } from './kpi-format.js';

const money = (minor: number, row: KpiReturnRow) => formatMoney(minor, row.currency);

/** What each return contributes to the figures: its dates, units, values, costs and problems. */
export const KPI_RETURN_COLUMNS: Column<KpiReturnRow>[] = [
  {
    key: 'rma',
    header: 'Return',
    render: (row) => <Link to={`/returns/${encodeURIComponent(row.rmaId)}`}>{row.rmaNumber}</Link>,
  },
  { key: 'requested', header: 'Requested', render: (row) => formatDate(row.createdAt) },
  { key: 'customer', header: 'Customer', render: (row) => row.customerName },
  { key: 'type', header: 'Type', render: (row) => humanize(row.returnType) },
  { key: 'channel', header: 'Channel', render: (row) => humanize(row.channel) },
  {
    key: 'flags',
    header: 'Flags',
    render: (row) => (
      <span className="kpi-flags">
        {row.isUnauthorized ? <Badge tone="warning">Unauthorized</Badge> : null}
        {row.isRepeat ? <Badge tone="info">Repeat</Badge> : null}
      </span>
    ),
  },
  { key: 'settled', header: 'Settled', render: (row) => formatDate(row.settledAt) },
  { key: 'cycle', header: 'Cycle time', align: 'right', render: (row) => formatKpiValue(row.cycleDays, 'days', '') },
  {
    key: 'units',
    header: 'Units received / dispositioned',
    align: 'right',
    render: (row) => `${row.receivedUnits} / ${row.dispositionedUnits}`,
  },
  { key: 'returned', header: 'Returned value', align: 'right', render: (row) => money(row.returnedValueMinor, row) },
  { key: 'recovered', header: 'Recovered', align: 'right', render: (row) => money(row.recoveredValueMinor, row) },
  { key: 'cost', header: 'Cost', align: 'right', render: (row) => money(row.costMinor, row) },
  { key: 'exceptions', header: 'Open exceptions', align: 'right', render: (row) => row.openExceptions },
  { key: 'sla', header: 'Late inspections', align: 'right', render: (row) => row.slaBreaches },
];
