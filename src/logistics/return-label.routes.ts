// GET /returns/:id/label.pdf — the return label to print and stick on the parcel, for whoever may
// read the return (its customer, or staff). Only an authorized return has one: before that there is
// nothing to send, and the label names the site the return is routed to.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { IdParamsSchema, ProblemSchema } from '../contracts/common.js';
import { findCustomer, findSiteAddress } from '../masterdata/index.js';
import { assertCan } from '../platform/access.js';
import { AppError } from '../platform/errors.js';
import { contextOf, SIGNED_IN } from '../platform/http/request-context.js';
import type { Platform } from '../platform/unit-of-work.js';
import { findReturnForStages, findShipToSiteIdOf } from '../returns/index.js';
import { renderReturnLabel } from './return-label.js';

export function registerReturnLabelRoutes(app: FastifyInstance, platform: Platform): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  api.get(
    '/returns/:id/label.pdf',
    {
      config: SIGNED_IN,
      schema: {
        tags: ['logistics'],
        summary:
          'The return label of an authorized return (PDF, 4 × 6 in): RMA number, the site to send it to, the sender, and a Code 128 and a QR code that both hold the RMA number',
        params: IdParamsSchema,
        produces: ['application/pdf', 'application/problem+json'],
        response: {
          200: z.any().describe('The label, application/pdf, as an attachment named RMA-<number>-label.pdf'),
          404: ProblemSchema,
          409: ProblemSchema,
        },
      },
    },
    async (request, reply) => {
      const ctx = contextOf(request);
      assertCan(ctx.actor, 'returns.read');
      const rma = await findReturnForStages(platform.db, ctx.actor, request.params.id);
      if (rma.status !== 'authorized')
        throw new AppError(
          'conflict',
          `the label is available once the return is authorized (return ${rma.rmaNumber} is ${rma.status.replace('_', ' ')})`,
        );
      const siteId = await findShipToSiteIdOf(platform.db, rma);
      const site = siteId === null ? undefined : await findSiteAddress(platform.db, siteId);
      if (!site)
        throw new AppError(
          'conflict',
          `return ${rma.rmaNumber} is not routed to a site yet, so there is no address for its label: contact customer service`,
        );
      const customer = await findCustomer(platform.db, rma.customerId);
      const pdf = await renderReturnLabel({
        rmaNumber: rma.rmaNumber,
        customerName: customer?.name ?? '',
        customerAccount: customer?.account_number ?? '',
        shipTo: {
          siteName: site.name,
          addressLines: [site.address_line1],
          city: site.city,
          region: site.region,
          postalCode: site.postal_code,
          country: site.country,
        },
        lines: { count: rma.lines.length, units: rma.lines.reduce((sum, line) => sum + line.quantity, 0) },
        expiresOn: rma.expiresOn,
        issuedAt: platform.clock.now(),
      });
      return reply
        .type('application/pdf')
        .header('Content-Disposition', `attachment; filename="${fileNameOf(rma.rmaNumber)}"`)
        .header('Cache-Control', 'private, no-store')
        .send(pdf);
    },
  );
}

/** `RMA-000123-label.pdf`; characters a file name or the header cannot hold become "_". */
function fileNameOf(rmaNumber: string): string {
  return `${rmaNumber.replace(/[^A-Za-z0-9._-]/g, '_')}-label.pdf`;
}
