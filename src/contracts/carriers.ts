// The codes of the carriers logistics recognises (its carrier table, logistics/domain/carrier-formats*.ts),
// named here because master data — below logistics — records which codes a carrier partner answers
// for, and the web app offers them. The table types each carrier's code as one of these, and
// tracking-numbers.test.ts holds that every code here has a carrier there.
import { z } from 'zod';

export const CARRIER_CODES = [
  'amazon',
  'canada_post',
  'canpar',
  'dhl',
  'dpd',
  'fedex',
  'gofo',
  'landmark',
  'lasership',
  'old_dominion',
  'ontrac',
  'purolator',
  's10',
  'speedee',
  'ups',
  'usps',
  'yodel',
  'yunexpress',
] as const;
export const CarrierCodeSchema = z.enum(CARRIER_CODES, {
  error: (issue) => `${String(issue.input)} is not a carrier code of ours (${CARRIER_CODES.join(', ')})`,
});
export type CarrierCode = z.infer<typeof CarrierCodeSchema>;
