// Who the demo distributor is and who it sells to: three legal entities, their warehouses, and the
// words customer names are made of. Tax rates are what a B2B invoice from that entity would charge.
import type { SITE_CAPABILITIES } from '../contracts/masterdata.js';

export type Country = 'US' | 'NL' | 'DE' | 'BE' | 'GB';
export type EntityKey = 'US' | 'EU' | 'UK';
export type Segment = 'contractor' | 'healthcare' | 'it' | 'industrial' | 'facilities';
type Capability = (typeof SITE_CAPABILITIES)[number];

// prettier-ignore
export const ENTITIES: ReadonlyArray<{ key: EntityKey; code: string; name: string; currency: string; country: Country }> = [
  { key: 'US', code: 'MSI-US', name: 'Meridian Supply Inc.', currency: 'USD', country: 'US' },
  { key: 'EU', code: 'MSE-NL', name: 'Meridian Supply Europe B.V.', currency: 'EUR', country: 'NL' },
  { key: 'UK', code: 'MSL-UK', name: 'Meridian Supply UK Ltd', currency: 'GBP', country: 'GB' },
];

export interface SiteVocabulary {
  code: string;
  name: string;
  entity: EntityKey;
  address: readonly [line1: string, city: string, region: string, postalCode: string, country: Country];
  capabilities: readonly Capability[];
  /** Ships customer orders (the repair centre only takes returns in). */
  isShipping: boolean;
}

// prettier-ignore
export const SITES: readonly SiteVocabulary[] = [
  { code: 'US-DAL', name: 'Dallas Distribution Center', entity: 'US', address: ['4800 Mountain Creek Pkwy', 'Dallas', 'TX', '75236', 'US'], capabilities: ['receiving', 'inspection', 'regulated_goods', 'hazmat'], isShipping: true },
  { code: 'US-RNO', name: 'Reno Distribution Center', entity: 'US', address: ['9550 Gateway Dr', 'Reno', 'NV', '89521', 'US'], capabilities: ['receiving', 'inspection', 'regulated_goods', 'temperature_controlled'], isShipping: true },
  { code: 'US-CMH', name: 'Columbus Distribution Center', entity: 'US', address: ['6200 Commerce Center Dr', 'Groveport', 'OH', '43125', 'US'], capabilities: ['receiving', 'inspection'], isShipping: true },
  { code: 'US-MEM', name: 'Memphis Repair & Returns Center', entity: 'US', address: ['3100 Democrat Rd', 'Memphis', 'TN', '38118', 'US'], capabilities: ['receiving', 'inspection', 'repair', 'refurbishment'], isShipping: false },
  { code: 'NL-VLO', name: 'Venlo European Distribution Centre', entity: 'EU', address: ['Trade Port Noord 40', 'Venlo', 'Limburg', '5928 NB', 'NL'], capabilities: ['receiving', 'inspection', 'regulated_goods', 'temperature_controlled', 'hazmat', 'refurbishment'], isShipping: true },
  { code: 'UK-DAV', name: 'Daventry Distribution Centre', entity: 'UK', address: ['Royal Oak Way South', 'Daventry', 'Northamptonshire', 'NN11 8PQ', 'GB'], capabilities: ['receiving', 'inspection', 'regulated_goods', 'hazmat', 'temperature_controlled', 'repair'], isShipping: true },
];

/** Where customers sit, with the sales tax or VAT an invoice to them carries (basis points). */
// prettier-ignore
export const REGIONS: Record<Country, ReadonlyArray<readonly [region: string, taxBps: number]>> = {
  US: [['TX', 625], ['CA', 725], ['NY', 400], ['IL', 625], ['OH', 575], ['GA', 400], ['FL', 600], ['WA', 650], ['CO', 290], ['AZ', 560], ['OR', 0], ['NC', 475], ['PA', 600], ['MN', 688], ['NV', 685], ['TN', 700], ['MI', 600], ['MA', 625]],
  NL: [['Noord-Holland', 2100], ['Zuid-Holland', 2100], ['Utrecht', 2100], ['Noord-Brabant', 2100], ['Gelderland', 2100], ['Limburg', 2100]],
  // Intra-EU B2B supplies from the Dutch entity are reverse-charged: no VAT on the invoice.
  DE: [['Nordrhein-Westfalen', 0], ['Bayern', 0], ['Hessen', 0], ['Niedersachsen', 0]],
  BE: [['Antwerpen', 0], ['Vlaams-Brabant', 0], ['Oost-Vlaanderen', 0], ['Brussel', 0]],
  GB: [['Greater London', 2000], ['West Midlands', 2000], ['Greater Manchester', 2000], ['West Yorkshire', 2000], ['Scotland', 2000], ['Wales', 2000], ['Bristol', 2000]],
};

// prettier-ignore
export const CUSTOMER_COUNTRIES: ReadonlyArray<readonly [Country, EntityKey, weight: number]> = [
  ['US', 'US', 55], ['NL', 'EU', 13], ['DE', 'EU', 8], ['BE', 'EU', 7], ['GB', 'UK', 17],
];

/** The first word of a customer name: places and family names that sound local. */
// prettier-ignore
export const NAME_STEMS: Record<Country, readonly string[]> = {
  US: ['Lone Star', 'Summit', 'Great Lakes', 'Bayview', 'Cascade', 'Pioneer', 'Redwood', 'Keystone', 'Blue Ridge', 'Gulf Coast', 'Ironwood', 'Prairie', 'Harbor', 'Copper State', 'Granite', 'Evergreen', 'Tri-County', 'Riverside', 'Allegheny', 'Sierra', 'Magnolia', 'Heartland', 'Northshore', 'Hudson Valley', 'Mesa', 'Palmetto', 'Badger', 'Buckeye', 'Crescent', 'Liberty', 'Frontier', 'Sunbelt', 'Patriot', 'Midwest', 'Pacific Crest', 'Atlas', 'Beacon', 'Clearwater', 'Red River', 'Silver Creek'],
  NL: ['Van Dijk', 'De Vries', 'Bakker', 'Jansen', 'Visser', 'Smit', 'Meijer', 'De Boer', 'Mulder', 'Bos', 'Vos', 'Peters', 'Hendriks', 'Dekker', 'Brouwer', 'Kok', 'Van Leeuwen', 'Verhoeven'],
  DE: ['Müller', 'Schmidt', 'Schneider', 'Fischer', 'Weber', 'Becker', 'Hoffmann', 'Schäfer', 'Koch', 'Richter', 'Klein', 'Wolf'],
  BE: ['Janssens', 'Peeters', 'Maes', 'Jacobs', 'Mertens', 'Willems', 'Claes', 'Goossens', 'Wouters', 'Dubois', 'Lambert'],
  GB: ['Pennine', 'Thames Valley', 'Cotswold', 'Mersey', 'Severn', 'Chiltern', 'Highland', 'Tyneside', 'Wessex', 'Mercia', 'Solent', 'Humber', 'Clyde', 'Fenland', 'Dales', 'Medway'],
};

/** The trade words of a customer name, per segment and country. */
// prettier-ignore
export const TRADE_WORDS: Record<Segment, Record<Country, readonly string[]>> = {
  contractor: {
    US: ['Electrical Contractors', 'Mechanical', 'Plumbing & Heating', 'Building Services', 'Construction'],
    NL: ['Installatietechniek', 'Elektrotechniek', 'Bouw'], DE: ['Haustechnik', 'Elektrotechnik', 'Bau'], BE: ['Installaties', 'Elektriciteitswerken', 'Bouwbedrijf'],
    GB: ['Electrical Contractors', 'Building Services', 'Mechanical & Electrical'],
  },
  healthcare: {
    US: ['Medical Center', 'Health System', 'Pharmacy', 'Surgical Clinic', 'Veterinary Hospital'],
    NL: ['Apotheek', 'Zorggroep', 'Ziekenhuis'], DE: ['Apotheke', 'Klinikum', 'Praxisbedarf'], BE: ['Apotheek', 'Ziekenhuis', 'Zorgnet'],
    GB: ['Pharmacy', 'Healthcare', 'Medical Practice'],
  },
  it: {
    US: ['IT Solutions', 'Network Systems', 'Data Services', 'Telecom', 'Managed Services'],
    NL: ['ICT', 'Netwerken', 'Systeembeheer'], DE: ['IT-Systemhaus', 'Netzwerktechnik', 'Datentechnik'], BE: ['ICT Diensten', 'Netwerken'],
    GB: ['IT Services', 'Networks', 'Data Systems'],
  },
  industrial: {
    US: ['Manufacturing', 'Fabrication', 'Industrial Supply', 'Machine Works', 'Packaging'],
    NL: ['Metaalbewerking', 'Machinebouw', 'Verpakkingen'], DE: ['Maschinenbau', 'Metallbau', 'Industriebedarf'], BE: ['Metaalconstructie', 'Machinebouw'],
    GB: ['Engineering', 'Fabrications', 'Manufacturing'],
  },
  facilities: {
    US: ['Facility Services', 'Property Management', 'School District', 'Hospitality Group', 'Maintenance'],
    NL: ['Facilitair', 'Vastgoedbeheer', 'Onderhoud'], DE: ['Gebäudemanagement', 'Facility Services', 'Hausverwaltung'], BE: ['Facility Services', 'Onderhoud'],
    GB: ['Facilities Management', 'Property Services', 'Estates'],
  },
};

// prettier-ignore
export const LEGAL_SUFFIXES: Record<Country, readonly string[]> = {
  US: ['Inc.', 'LLC', 'Co.', 'Corp.'],
  NL: ['B.V.'], DE: ['GmbH', 'GmbH & Co. KG'], BE: ['NV', 'BV'], GB: ['Ltd', 'plc'],
};

/** Which categories each kind of customer buys, by weight. */
// prettier-ignore
export const SEGMENT_CATEGORIES: Record<Segment, ReadonlyArray<readonly [category: string, weight: number]>> = {
  contractor: [['Electrical', 30], ['Plumbing', 15], ['Power Tools', 20], ['HVAC', 12], ['Lighting', 12], ['Safety & PPE', 8], ['Batteries', 5]],
  healthcare: [['Pharmaceuticals', 40], ['Lab Equipment', 20], ['Safety & PPE', 15], ['Consumables', 10], ['Office Supplies', 10], ['Batteries', 5]],
  it: [['Networking', 55], ['Batteries', 15], ['Office Supplies', 15], ['Electrical', 10], ['Power Tools', 5]],
  industrial: [['Consumables', 30], ['Safety & PPE', 20], ['Power Tools', 20], ['Electrical', 10], ['Batteries', 8], ['Lighting', 7], ['Lab Equipment', 5]],
  facilities: [['HVAC', 25], ['Lighting', 25], ['Plumbing', 15], ['Office Supplies', 15], ['Consumables', 10], ['Electrical', 10]],
};

// prettier-ignore
export const SEGMENT_WEIGHTS: ReadonlyArray<readonly [Segment, number]> = [['contractor', 35], ['healthcare', 15], ['it', 18], ['industrial', 20], ['facilities', 12]];

/** The customer account the demo portal user belongs to. */
export const DEMO_CUSTOMER = {
  name: 'Acme Tools Inc.',
  accountNumber: 'C-100042',
  region: 'OH',
  segment: 'contractor' as Segment,
};

/** Value of one unit of each currency in US dollars, for pricing the catalogue in other currencies. */
export const USD_PER_UNIT: Record<string, number> = { USD: 1, EUR: 1.08, GBP: 1.27 };
