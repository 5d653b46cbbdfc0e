// Tracking-number formats of regional and newer US carriers: Amazon, GOFO, LaserShip, Old
// Dominion, OnTrac and Spee-Dee. Patterns apply to the normalized number (upper case, whitespace
// removed); see carrier-formats.ts for the fields.
import type { Carrier } from './carrier-formats.js';
import type { CheckDigitRule } from './check-digits.js';

const MOD10_ODDS_X2: CheckDigitRule = { algorithm: 'mod10', evensMultiplier: 1, oddsMultiplier: 2, reverse: false };

export const US_REGIONAL_CARRIERS: readonly Carrier[] = [
  {
    code: 'amazon',
    name: 'Amazon',
    formats: [
      {
        id: 'amazon_logistics',
        name: 'Amazon Logistics',
        pattern: /^TB[ACM](?<serial>\d{12})$/,
        length: 15,
        distinctiveness: 'marked',
      },
      {
        id: 'amazon_international',
        name: 'Amazon International',
        pattern: /^[AFC](?<serial>\d{10})$/,
        length: 11,
        distinctiveness: 'shaped',
      },
    ],
  },
  {
    code: 'gofo',
    name: 'GOFO Express',
    formats: [
      {
        id: 'gofo_us',
        name: 'GOFO Express (US)',
        pattern: /^GFUS(?<serial>\d{14})$/,
        length: 18,
        distinctiveness: 'marked',
      },
    ],
  },
  {
    code: 'lasership',
    name: 'LaserShip',
    formats: [
      {
        id: 'lasership_lx',
        name: 'LaserShip LX',
        pattern: /^L[AIEHNX][1-3](?<serial>\d{7})$/,
        length: 10,
        distinctiveness: 'marked',
      },
      {
        id: 'lasership_1ls7',
        name: 'LaserShip 1LS7 (15)',
        pattern: /^1LS7[12]\d{4}(?<serial>\d{6})$/,
        length: 15,
        distinctiveness: 'marked',
      },
      {
        // The only format whose number holds a hyphen: the "-1" ending is part of it.
        id: 'lasership_1ls7_18',
        name: 'LaserShip 1LS7 (18)',
        pattern: /^1LS7[12]\d{2}01[1-4](?<serial>\d{6})-1$/,
        length: 18,
        distinctiveness: 'marked',
      },
      {
        id: 'lasership_1lscx',
        name: 'LaserShip 1LSCX (15)',
        pattern: /^1LSCX(?<serial>[0-9A-Z]{10})$/,
        length: 15,
        distinctiveness: 'marked',
      },
    ],
  },
  {
    code: 'old_dominion',
    name: 'Old Dominion Freight Line',
    formats: [
      {
        id: 'old_dominion',
        name: 'Old Dominion',
        pattern: /^(?<serial>(?:77[78]|072|780)\d{7})(?<checkDigit>\d)$/,
        length: 11,
        distinctiveness: 'marked',
        checkDigit: { algorithm: 'luhn' },
      },
      {
        id: 'old_dominion_guaranteed',
        name: 'Old Dominion Guaranteed Shipment',
        pattern: /^(?<serial>80\d{8})(?<checkDigit>\d)$/,
        length: 11,
        distinctiveness: 'marked',
        checkDigit: { algorithm: 'luhn' },
      },
    ],
  },
  {
    code: 'ontrac',
    name: 'OnTrac',
    formats: [
      {
        id: 'ontrac_c',
        name: 'OnTrac',
        pattern: /^C(?<serial>\d{13})(?<checkDigit>\d)$/,
        length: 15,
        distinctiveness: 'shaped',
        checkDigit: MOD10_ODDS_X2,
        serialPrefix: '4',
      },
      {
        id: 'ontrac_d',
        name: 'OnTrac D',
        pattern: /^D(?<serial>\d{13})(?<checkDigit>\d)$/,
        length: 15,
        distinctiveness: 'shaped',
        checkDigit: MOD10_ODDS_X2,
        serialPrefix: '5',
      },
    ],
  },
  {
    code: 'speedee',
    name: 'Spee-Dee Delivery',
    formats: [
      {
        id: 'speedee',
        name: 'Spee-Dee (20)',
        pattern: /^SP(?<serial>\d{18})$/,
        length: 20,
        distinctiveness: 'marked',
      },
    ],
  },
];
