// The demo's EDI partner: the first customer that orders by EDI becomes a trading partner (the
// common X12 codes mapped, items by our SKU), and one 180 from it — a unit of its latest order,
// ordered in error — has been handed in, so the document log shows a request, its 997, our
// answering 180 and the return it opened.
import { systemContext } from '../platform/actor.js';
import type { Platform } from '../platform/unit-of-work.js';
import type { ProductsTable } from '../masterdata/index.js';
import { createTradingPartner, writeX12, type Segment } from '../edi/index.js';
import { findOrderLinesByPo, type SalesOrderLinesTable, type SalesOrdersTable } from '../sales/index.js';
import { receiveInterchange } from '../workflows/index.js';
import type { DemoCustomer } from './demo-model.js';

const DEMO_SENDER = 'DEMORETAIL';

export async function createDemoTradingPartner(
  platform: Platform,
  input: {
    customers: readonly DemoCustomer[];
    orders: readonly SalesOrdersTable[];
    lines: readonly SalesOrderLinesTable[];
    products: readonly ProductsTable[];
  },
): Promise<string | null> {
  const customer = input.customers.find((c) => c.channel === 'edi' && !c.isOnCreditHold);
  if (!customer) return null;
  const ctx = systemContext('demo-edi');
  const partner = await createTradingPartner(platform, ctx, {
    code: 'DEMO-EDI',
    name: `${customer.name} (EDI)`,
    customerId: customer.id,
    supplierId: null,
    interchangeQualifier: 'ZZ',
    interchangeId: DEMO_SENDER,
    groupId: DEMO_SENDER,
    ourInterchangeQualifier: 'ZZ',
    ourInterchangeId: 'BOOMERANG',
    ourGroupId: 'BOOMERANG',
    x12Version: '004010',
    usage: 'P',
    documents: ['180_in', '180_out', '997_out', '812_out'],
    mappings: { items: { qualifiers: {}, crossReference: {} }, reasons: {}, dispositions: {} },
    inboundDirectory: '',
    outboundDirectory: '',
    isActive: true,
  });
  // A 180 names no serial or lot numbers here: the demo request is for a plain catalogue item.
  const plain = input.products.filter(
    (p) => p.is_serialized === 0 && p.is_lot_controlled === 0 && p.regulated_class === null,
  );
  const sku = new Map(plain.map((p) => [p.id, p.sku]));
  const orders = input.orders
    .filter((o) => o.customer_id === customer.id)
    .sort((a, b) => b.order_date.localeCompare(a.order_date));
  for (const order of orders) {
    const shipped = input.lines.filter((l) => l.order_id === order.id && l.delivery_date && sku.has(l.product_id));
    const open = await findOrderLinesByPo(platform.db, {
      customerId: customer.id,
      customerPo: order.customer_po,
      productIds: shipped.map((l) => l.product_id),
    });
    const line = open.find((l) => l.returnable > 0);
    if (!line) continue;
    await receiveInterchange(platform, ctx, {
      content: demoRequest(order.customer_po, sku.get(line.productId)!, order.order_date),
      fileName: 'demo-180.x12',
      partnerId: partner.id,
    });
    return partner.id;
  }
  return partner.id;
}

function demoRequest(po: string, sku: string, date: string): string {
  const day = date.replaceAll('-', '');
  const body: Segment[] = [
    { id: 'BGN', elements: ['00', `RA${day}`, day] },
    { id: 'PRF', elements: [po] },
    { id: 'BLI', elements: ['VN', sku, '1', 'EA'] },
    { id: 'RDR', elements: ['CR', 'CO'] },
    { id: 'NTE', elements: ['ADD', 'Ordered one too many'] },
  ];
  const segments: Segment[] = [
    {
      id: 'ISA',
      elements: [
        '00',
        ' '.repeat(10),
        '00',
        ' '.repeat(10),
        'ZZ',
        DEMO_SENDER.padEnd(15),
        'ZZ',
        'BOOMERANG'.padEnd(15),
        day.slice(2),
        '0900',
        'U',
        '00401',
        '000000001',
        '0',
        'P',
        ':',
      ],
    },
    { id: 'GS', elements: ['AN', DEMO_SENDER, 'BOOMERANG', day, '0900', '1', 'X', '004010'] },
    { id: 'ST', elements: ['180', '0001'] },
    ...body,
    { id: 'SE', elements: [String(body.length + 2), '0001'] },
    { id: 'GE', elements: ['1', '1'] },
    { id: 'IEA', elements: ['1', '000000001'] },
  ];
  return writeX12(segments, { element: '*', component: ':', repetition: undefined, segment: '~', suffix: '\n' });
}
