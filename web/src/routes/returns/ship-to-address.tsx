import type { ShipTo } from '../../../../src/contracts/returns.js';

/** A receiving site's postal address, one line per line as a carrier writes it. */
export function ShipToAddress({ shipTo }: { shipTo: ShipTo }) {
  const cityLine = [shipTo.postalCode, shipTo.city, shipTo.region].filter((part) => part.trim() !== '').join(' ');
  return (
    <address className="ship-to">
      <strong>{shipTo.siteName}</strong>
      {shipTo.addressLines.map((line) => (
        <span key={line}>{line}</span>
      ))}
      {cityLine ? <span>{cityLine}</span> : null}
      <span>{countryName(shipTo.country)}</span>
    </address>
  );
}

function countryName(code: string): string {
  try {
    return new Intl.DisplayNames(undefined, { type: 'region' }).of(code) ?? code;
  } catch {
    return code;
  }
}
