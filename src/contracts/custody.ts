// Chain of custody: every hand-over of a return's goods — customer → carrier, carrier scans,
// carrier → dock, dock → receiving, receiving → a location and on — with who, where and when.
// Each stage reports its own; workflows/chain-of-custody.ts puts them in order.
import { z } from 'zod';

export const CUSTODY_STAGES = ['carrier', 'dock', 'receiving', 'warehouse'] as const;

export const CustodyEventSchema = z.object({
  at: z.string(),
  stage: z.enum(CUSTODY_STAGES),
  /** What happened, as a person says it ("Handed to UPS", "Checked in at door D2"). */
  action: z.string(),
  /** Who holds the goods afterwards: the carrier, a site, a location of a site. */
  holder: z.string(),
  /** Who did it or reported it: a person's name, or the carrier. */
  by: z.string(),
  /** Where it happened: a carrier's scan location, a site, a door, a location. */
  where: z.string(),
  units: z.number().int().nullable(),
  /** The document behind it: a tracking number, a receipt, an appointment, a movement. */
  reference: z.string(),
});
export type CustodyEvent = z.infer<typeof CustodyEventSchema>;

export const ChainOfCustodySchema = z.object({
  rmaId: z.string(),
  rmaNumber: z.string(),
  /** Oldest first. */
  events: z.array(CustodyEventSchema),
});
export type ChainOfCustody = z.infer<typeof ChainOfCustodySchema>;
