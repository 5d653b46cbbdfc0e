// What executed dispositions opened, as operations work through them: work orders (our bench and
// repair partners), vendor returns per supplier, quarantine holds, liquidation lots, goods going
// back to customers, and the disposal records. Every change is sent with the version on screen
// (If-Match): one someone else made meanwhile is refused (412), and the lists are read again.
import { keepPreviousData, useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { Page } from '../../../src/contracts/common.js';
import type {
  CustomerReturnShipmentSchema,
  DisposalSchema,
  LiquidationLotSchema,
  QuarantineHoldSchema,
  ReleaseHoldBodySchema,
  ReportWorkOrderOutcomeBodySchema,
  SellLiquidationLotBodySchema,
  ShipToCustomerBodySchema,
  ShipVendorReturnBodySchema,
  VendorReturn,
  WorkOrder,
} from '../../../src/contracts/disposition.js';
import { apiFetch } from './client.js';

export type { VendorReturn, WorkOrder };
export type QuarantineHold = z.infer<typeof QuarantineHoldSchema>;
export type LiquidationLot = z.infer<typeof LiquidationLotSchema>;
export type CustomerReturnShipment = z.infer<typeof CustomerReturnShipmentSchema>;
export type Disposal = z.infer<typeof DisposalSchema>;
export type WorkOrderOutcomeBody = z.input<typeof ReportWorkOrderOutcomeBodySchema>;
export type ShipVendorReturnBody = z.input<typeof ShipVendorReturnBodySchema>;
export type ReleaseHoldBody = z.input<typeof ReleaseHoldBodySchema>;
export type SellLotBody = z.input<typeof SellLiquidationLotBodySchema>;
export type ShipToCustomerBody = z.input<typeof ShipToCustomerBodySchema>;

export type WorkOrderStatus = 'open' | 'completed' | 'any';
export type Performer = 'internal' | 'partner' | 'any';

export interface OperationsFilters {
  /** The resource's own statuses ('open', 'shipped', 'held', …); empty for all. */
  status?: string;
  siteId?: string;
  page: number;
  pageSize: number;
}

export interface WorkOrderFilters extends OperationsFilters {
  status?: WorkOrderStatus;
  performer?: Performer;
}

/** The lists the operations screens read, by path. */
export const OPERATIONS_PATHS = {
  workOrders: '/work-orders',
  vendorReturns: '/vendor-returns',
  holds: '/quarantine-holds',
  lots: '/liquidation-lots',
  customerReturns: '/customer-return-shipments',
  disposals: '/disposals',
} as const;
type OperationsList = keyof typeof OPERATIONS_PATHS;

export const operationsKeys = {
  all: ['operations'] as const,
  list: (list: OperationsList, filters: OperationsFilters) => ['operations', list, filters] as const,
};

function useOperationsList<Row>(list: OperationsList, filters: OperationsFilters) {
  return useQuery({
    queryKey: operationsKeys.list(list, filters),
    queryFn: ({ signal }) =>
      apiFetch<Page<Row>>(OPERATIONS_PATHS[list], {
        query: { ...filters, status: filters.status || undefined, siteId: filters.siteId || undefined },
        signal,
      }),
    placeholderData: keepPreviousData,
  });
}

export const useWorkOrders = (filters: WorkOrderFilters) => useOperationsList<WorkOrder>('workOrders', filters);
export const useVendorReturns = (filters: OperationsFilters) =>
  useOperationsList<VendorReturn>('vendorReturns', filters);
export const useQuarantineHolds = (filters: OperationsFilters) => useOperationsList<QuarantineHold>('holds', filters);
export const useLiquidationLots = (filters: OperationsFilters) => useOperationsList<LiquidationLot>('lots', filters);
export const useCustomerReturnShipments = (filters: OperationsFilters) =>
  useOperationsList<CustomerReturnShipment>('customerReturns', filters);
export const useDisposals = (filters: OperationsFilters) => useOperationsList<Disposal>('disposals', filters);

/**
 * How many wait in each list (the hub's counts): one row per list is asked for, the total read.
 * A list the person may not read (or not served yet) counts as unknown, not as zero.
 */
export function useOperationsCount(list: OperationsList, status: string | undefined, siteId = '') {
  const query = useOperationsList<unknown>(list, { status, siteId, page: 1, pageSize: 1 });
  return query.isSuccess ? query.data.total : null;
}

/** After a change (or a refusal: what is on screen may be stale) every list and the stock are read again. */
async function refreshOperations(queryClient: QueryClient) {
  await Promise.all([
    queryClient.invalidateQueries({ queryKey: operationsKeys.all }),
    queryClient.invalidateQueries({ queryKey: ['stock'] }),
    queryClient.invalidateQueries({ queryKey: ['dispositions'] }),
  ]);
}

interface Change<Body> {
  id: string;
  version: number;
  body: Body;
  /** The same key for a retry of the same change, so a lost answer cannot apply it twice. */
  idempotencyKey: string;
}

function useOperationsChange<Body, Result>(pathOf: (id: string) => string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, version, body, idempotencyKey }: Change<Body>) =>
      apiFetch<Result>(pathOf(encodeURIComponent(id)), { method: 'POST', body, ifMatch: version, idempotencyKey }),
    onSettled: () => refreshOperations(queryClient),
  });
}

/** Repaired (restocked at its grade) or beyond repair (written off): our own bench only. */
export const useReportWorkOrderOutcome = () =>
  useOperationsChange<WorkOrderOutcomeBody, WorkOrder>((id) => `/work-orders/${id}/outcome`);
export const useShipVendorReturn = () =>
  useOperationsChange<ShipVendorReturnBody, VendorReturn>((id) => `/vendor-returns/${id}/ship`);
export const useReleaseHold = () =>
  useOperationsChange<ReleaseHoldBody, QuarantineHold>((id) => `/quarantine-holds/${id}/release`);
export const useSellLiquidationLot = () =>
  useOperationsChange<SellLotBody, LiquidationLot>((id) => `/liquidation-lots/${id}/sell`);
export const useShipToCustomer = () =>
  useOperationsChange<ShipToCustomerBody, CustomerReturnShipment>((id) => `/customer-return-shipments/${id}/ship`);
