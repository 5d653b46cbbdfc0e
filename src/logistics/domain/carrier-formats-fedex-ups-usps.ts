// Tracking-number formats of the three big US carriers, FedEx, UPS and USPS, which between them
// have most of the formats. Patterns apply to the normalized number (upper case, whitespace
// removed); see carrier-formats.ts for the fields.
import type { Carrier } from './carrier-formats.js';
import type { CheckDigitRule } from './check-digits.js';

/** FedEx Express: weights 3,1,7 repeating over an 11-digit serial, then mod 11, mod 10. */
const FEDEX_EXPRESS_12: CheckDigitRule = {
  algorithm: 'sum_product_with_weightings_and_modulo',
  weightings: [3, 1, 7, 3, 1, 7, 3, 1, 7, 3, 1],
  modulo1: 11,
  modulo2: 10,
};
/** FedEx's long barcodes: weights 1,7,3 repeating over the 13-digit serial they end with. */
const FEDEX_EXPRESS_13: CheckDigitRule = {
  algorithm: 'sum_product_with_weightings_and_modulo',
  weightings: [1, 7, 3, 1, 7, 3, 1, 7, 3, 1, 7, 3, 1],
  modulo1: 11,
  modulo2: 10,
};
const MOD10_ODDS_X3: CheckDigitRule = { algorithm: 'mod10', evensMultiplier: 1, oddsMultiplier: 3, reverse: false };
const MOD10_EVENS_X3: CheckDigitRule = { algorithm: 'mod10', evensMultiplier: 3, oddsMultiplier: 1, reverse: false };
const MOD10_ODDS_X2: CheckDigitRule = { algorithm: 'mod10', evensMultiplier: 1, oddsMultiplier: 2, reverse: false };

export const FEDEX_UPS_USPS: readonly Carrier[] = [
  {
    code: 'fedex',
    name: 'FedEx',
    formats: [
      {
        id: 'fedex_12',
        name: 'FedEx Express (12)',
        pattern: /^(?<serial>\d{11})(?<checkDigit>\d)$/,
        length: 12,
        distinctiveness: 'plain',
        checkDigit: FEDEX_EXPRESS_12,
      },
      {
        id: 'fedex_34',
        name: 'FedEx Express (34)',
        pattern: /^[0-8]\d{14}(?<destinationZip>\d{5})(?<serial>\d{13})(?<checkDigit>\d)$/,
        length: 34,
        distinctiveness: 'shaped',
        checkDigit: FEDEX_EXPRESS_13,
      },
      {
        // The legacy ASTRA barcode: positions 17–28 hold a FedEx Express number, whose check digit
        // is the only one the barcode carries.
        id: 'fedex_astra_32',
        name: 'FedEx ASTRA (32)',
        pattern: /^3\d{15}(?<serial>\d{11})(?<checkDigit>\d)\d{4}$/,
        length: 32,
        distinctiveness: 'shaped',
        checkDigit: FEDEX_EXPRESS_12,
      },
      {
        id: 'fedex_ground',
        name: 'FedEx Ground',
        pattern: /^(?<serial>\d{14})(?<checkDigit>\d)$/,
        length: 15,
        distinctiveness: 'plain',
        checkDigit: MOD10_ODDS_X3,
      },
      {
        id: 'fedex_ground_sscc_18',
        name: 'FedEx Ground (SSCC-18)',
        // The spec computes the check over the 15 serial digits only, not the container type.
        pattern: /^(?<containerType>\d{2})(?<serial>\d{15})(?<checkDigit>\d)$/,
        length: 18,
        distinctiveness: 'plain',
        checkDigit: MOD10_EVENS_X3,
      },
      {
        id: 'fedex_ground_96',
        name: 'FedEx Ground 96 (22)',
        pattern:
          /^(?<applicationIdentifier>96)(?<scnc>\d{2})(?<serviceType>\d{3})(?<serial>(?<shipperId>\d{7})(?<packageId>\d{7}))(?<checkDigit>\d)$/,
        length: 22,
        distinctiveness: 'marked',
        checkDigit: MOD10_ODDS_X3,
      },
      {
        // Ground's 34-digit barcode: the Ground shipper number, then the tracking number in the last 12 digits.
        id: 'fedex_ground_gsn',
        name: 'FedEx Ground GSN',
        pattern: /^(?<applicationIdentifier>96)(?<scnc>\d{2})\d{5}(?<gsn>\d{10})\d(?<serial>\d{13})(?<checkDigit>\d)$/,
        length: 34,
        distinctiveness: 'marked',
        checkDigit: FEDEX_EXPRESS_13,
      },
    ],
  },
  {
    code: 'ups',
    name: 'UPS',
    formats: [
      {
        id: 'ups',
        name: 'UPS',
        pattern:
          /^1Z(?<serial>(?<shipperId>[0-9A-Z]{6})(?<serviceType>[0-9A-Z]{2})(?<packageId>[0-9A-Z]{7}))(?<checkDigit>\d)$/,
        length: 18,
        distinctiveness: 'marked',
        checkDigit: MOD10_ODDS_X2,
      },
      {
        id: 'ups_waybill',
        name: 'UPS Waybill',
        pattern: /^(?<serviceType>[AHJKTV])(?<serial>\d{9})(?<checkDigit>\d)$/,
        length: 11,
        distinctiveness: 'shaped',
        checkDigit: MOD10_ODDS_X2,
      },
    ],
  },
  {
    code: 'usps',
    name: 'USPS',
    formats: [
      {
        // Delivery and Signature Confirmation numbers printed without their application identifier.
        id: 'usps_20',
        name: 'USPS 20',
        pattern: /^(?<serial>(?<serviceType>\d{2})(?<shipperId>\d{9})(?<packageId>\d{8}))(?<checkDigit>\d)$/,
        length: 20,
        distinctiveness: 'plain',
        checkDigit: MOD10_EVENS_X3,
      },
      {
        // IMpb constructs N01–N10 (online or vendor labels, application identifier 94), optionally
        // after the 420 + ZIP routing code. The mailer ID has 9 digits when it starts with 9, else 6,
        // and the package ID's length follows from it; the ZIP may be followed by ZIP+4 only before
        // a 22-digit number.
        id: 'usps_impb_n',
        name: 'USPS IMpb N',
        pattern:
          /^(?:420(?<destinationZip>\d{5}(?=\d{22}$|\d{26}$))(?<destinationZipPlus4>\d{4}(?=\d{22}$))?)?(?<serial>(?<applicationIdentifier>94)(?<serviceType>\d{3})(?<shipperId>9\d{8}(?=(?:\d{15}|\d{11}|\d{7})\d$)|[0-8]\d{5}(?=(?:\d{14}|\d{10})\d$))(?<packageId>\d+))(?<checkDigit>\d)$/,
        length: 'varies',
        distinctiveness: 'marked',
        checkDigit: { algorithm: 'mod10', evensMultiplier: 3, oddsMultiplier: 1, reverse: true },
      },
      {
        // Delivery and Signature Confirmation numbers with the 91 application identifier, which
        // the check digit always covers: it is put back when the label leaves it out.
        id: 'usps_legacy',
        name: 'USPS Legacy',
        pattern:
          /^(?:420(?<destinationZip>\d{5})(?<destinationZipPlus4>\d{4})?)?(?<serial>(?<applicationIdentifier>91)?(?<serviceType>\d{2})(?<shipperId>\d{9})(?<packageId>\d{8}))(?<checkDigit>\d)$/,
        length: 'varies',
        distinctiveness: 'plain',
        checkDigit: MOD10_EVENS_X3,
        serialPrefix: '91',
      },
      {
        // IMpb constructs C01–C10 and USPS retail: 92 (nine-digit mailer ID), 93 (six-digit) or 95
        // (retail), optionally after the 420 + ZIP routing code.
        id: 'usps_impb_c',
        name: 'USPS IMpb C',
        pattern:
          /^(?:420(?<destinationZip>\d{5})(?<destinationZipPlus4>\d{4}(?=\d{22}$))?)?(?<serial>(?<applicationIdentifier>92(?=\d{3}9)|93(?=\d{3}[0-8])|95)(?<serviceType>\d{3})(?<shipperId>9\d{8}(?=(?:\d{11}|\d{7})\d$)|[0-8]\d{5}(?=(?:\d{14}|\d{10})\d$))(?<packageId>\d+))(?<checkDigit>\d)$/,
        length: 'varies',
        distinctiveness: 'marked',
        checkDigit: MOD10_EVENS_X3,
      },
    ],
  },
];
