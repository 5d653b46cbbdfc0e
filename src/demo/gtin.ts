// GS1 check digits, so demo GTINs scan and validate like real ones.

/** The GS1 mod-10 check digit for the digits before it (weights 3,1,3,… from the right). */
export function computeGs1CheckDigit(digits: string): number {
  if (!/^\d+$/.test(digits)) throw new RangeError(`GS1 data must be digits, got '${digits}'`);
  let sum = 0;
  for (let i = 0; i < digits.length; i += 1) {
    const fromRight = digits.length - 1 - i;
    sum += Number(digits[i]) * (fromRight % 2 === 0 ? 3 : 1);
  }
  return (10 - (sum % 10)) % 10;
}

/** A GTIN-13 from a GS1 company prefix and an item reference (12 digits together). */
export function buildGtin13(companyPrefix: string, itemReference: number): string {
  const body = companyPrefix + String(itemReference).padStart(12 - companyPrefix.length, '0');
  if (body.length !== 12) throw new RangeError(`prefix ${companyPrefix} leaves no room for item ${itemReference}`);
  return body + String(computeGs1CheckDigit(body));
}

export function isValidGtin(gtin: string): boolean {
  return /^\d{8}$|^\d{12,14}$/.test(gtin) && computeGs1CheckDigit(gtin.slice(0, -1)) === Number(gtin.slice(-1));
}
