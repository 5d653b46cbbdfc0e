// Tracking-number formats of carriers outside the United States, and the UPU S10 format every
// postal service uses for international items. Patterns apply to the normalized number (upper
// case, whitespace removed); see carrier-formats.ts for the fields.
import type { Carrier } from './carrier-formats.js';
import type { CheckDigitRule } from './check-digits.js';

const MOD10_EVENS_X3: CheckDigitRule = { algorithm: 'mod10', evensMultiplier: 3, oddsMultiplier: 1, reverse: false };

/**
 * The countries whose postal service issues S10 numbers, by ISO 3166 code (the UPU member list
 * in the spec). An S10 number must end with one: `RB123456785XX` has a good check digit but no
 * postal service to track it with.
 */
const UPU_POSTAL_COUNTRIES: ReadonlySet<string> = new Set(
  [
    'AE AF AG AL AM AO AR AT AU AZ',
    'BA BB BD BE BF BG BH BI BJ BN BO BR BS BT BW BY BZ',
    'CA CD CF CG CH CI CL CM CN CO CR CU CV CY CZ',
    'DE DJ DK DM DO DZ',
    'EC EE EG ER ES ET',
    'FI FJ FR',
    'GA GB GD GE GH GM GN GQ GR GT GW GY',
    'HK HN HR HT HU',
    'ID IE IL IN IQ IR IS IT',
    'JM JO JP',
    'KE KG KH KI KM KN KP KR KW KZ',
    'LA LB LC LI LK LR LS LT LU LV LY',
    'MA MC MD ME MG MK ML MM MN MR MT MU MV MW MX MY MZ',
    'NA NE NG NI NL NO NP NR NZ',
    'OM',
    'PA PE PG PH PK PL PT PY',
    'QA',
    'RO RS RU RW',
    'SA SB SC SD SE SG SI SK SL SM SN SO SR SS ST SV SY SZ',
    'TD TG TH TJ TL TM TN TO TR TT TV TZ',
    'UA UG US UY UZ',
    'VA VC VE VN VU',
    'WS',
    'YE',
    'ZA ZM ZW',
  ].flatMap((line) => line.split(' ')),
);

export const WORLDWIDE_CARRIERS: readonly Carrier[] = [
  {
    code: 'canada_post',
    name: 'Canada Post',
    formats: [
      {
        id: 'canada_post',
        name: 'Canada Post (16)',
        pattern: /^(?<serial>(?<originId>\d{7})\d{8})(?<checkDigit>\d)$/,
        length: 16,
        distinctiveness: 'plain',
        checkDigit: MOD10_EVENS_X3,
      },
    ],
  },
  {
    code: 'canpar',
    name: 'Canpar',
    formats: [
      {
        id: 'canpar_22',
        name: 'Canpar (22)',
        pattern: /^(?<serial>[CDKLSUXZ]\d{21})$/,
        length: 22,
        distinctiveness: 'shaped',
      },
    ],
  },
  {
    code: 'dhl',
    name: 'DHL',
    formats: [
      {
        id: 'dhl_express',
        name: 'DHL Express',
        pattern: /^(?<serial>\d{9,10})(?<checkDigit>\d)$/,
        length: 'varies',
        distinctiveness: 'plain',
        checkDigit: { algorithm: 'mod7' },
      },
      {
        id: 'dhl_express_piece_id',
        name: 'DHL Express (Piece ID)',
        pattern: /^J[A-Z]{2,3}(?<serial>\d{9,10})$/,
        length: 'varies',
        distinctiveness: 'shaped',
      },
      {
        // The spec's serial must hold a digit; with whitespace gone, that means it starts with one.
        id: 'dhl_ecommerce',
        name: 'DHL E-Commerce',
        pattern: /^(?:GM|LX|RX|UV|CN|SG|TH|IN|HK|MY)(?<serial>\d[0-9A-Z]{9,38})$/,
        length: 'varies',
        distinctiveness: 'marked',
      },
      {
        id: 'dhl_ecommerce_14',
        name: 'DHL E-Commerce (14)',
        pattern: /^(?<serial>\d{14})$/,
        length: 14,
        distinctiveness: 'plain',
      },
    ],
  },
  {
    code: 'dpd',
    name: 'DPD',
    formats: [
      {
        id: 'dpd',
        name: 'DPD (28)',
        pattern:
          /^(?<serial>(?<destinationZip>\d{7})\d{14}(?<serviceType>\d{3})(?<countryCode>\d{3}))(?<checkDigit>[0-9A-Z])$/,
        length: 28,
        distinctiveness: 'plain',
        checkDigit: { algorithm: 'mod_37_36' },
      },
      {
        id: 'dpd_14',
        name: 'DPD (14)',
        pattern: /^(?<serial>\d{14})(?<checkDigit>[0-9A-Z])$/,
        length: 15,
        distinctiveness: 'plain',
        checkDigit: { algorithm: 'mod_37_36' },
      },
    ],
  },
  {
    code: 'landmark',
    name: 'Landmark Global',
    formats: [
      {
        id: 'landmark_global',
        name: 'Landmark Global LTN',
        pattern: /^LTN(?<serial>\d{8})N1$/,
        length: 13,
        distinctiveness: 'marked',
      },
    ],
  },
  {
    code: 'purolator',
    name: 'Purolator',
    formats: [
      {
        id: 'purolator_numeric',
        name: 'Purolator (12)',
        pattern: /^(?<serial>[0-5]\d{10})(?<checkDigit>\d)$/,
        length: 12,
        distinctiveness: 'shaped',
        checkDigit: { algorithm: 'luhn' },
      },
      {
        id: 'purolator_alpha',
        name: 'Purolator (alpha + 9)',
        pattern: /^(?<serial>[A-Z]{3}\d{9})$/,
        length: 12,
        distinctiveness: 'shaped',
      },
    ],
  },
  {
    code: 's10',
    name: 'International post (UPU S10)',
    formats: [
      {
        // Two letters for the postal service class, eight serial digits, the check digit, and the
        // issuing country: the layout alone marks it.
        id: 's10',
        name: 'S10',
        pattern: /^(?<serviceType>[A-Z]{2})(?<serial>\d{8})(?<checkDigit>\d)(?<countryCode>[A-Z]{2})$/,
        length: 13,
        distinctiveness: 'marked',
        checkDigit: { algorithm: 's10' },
        knownCountryCodes: UPU_POSTAL_COUNTRIES,
      },
    ],
  },
  {
    code: 'yodel',
    name: 'Yodel',
    formats: [
      {
        // UK domestic numbers on a JD or JJD prefix.
        id: 'yodel',
        name: 'Yodel',
        pattern: /^JJ?D(?<serial>\d{16})$/,
        length: 'varies',
        distinctiveness: 'marked',
      },
    ],
  },
  {
    code: 'yunexpress',
    name: 'YunExpress',
    formats: [
      {
        id: 'yunexpress',
        name: 'YunExpress',
        pattern: /^YT(?<serial>\d{16})$/,
        length: 18,
        distinctiveness: 'marked',
      },
    ],
  },
];
