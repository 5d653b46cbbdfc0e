// What the demo distributor sells: twelve categories a broadline distributor carries, each with its
// product types (name, typical list price in US dollars, traits) and the brands that supply them.
// Category names 'Consumables' and 'Pharmaceuticals' match the default return policy's windows.

/**
 * Traits, one letter each: s serialized, l lot-controlled, n sold as non-returnable,
 * h hazmat, r prescription drug (rx), c controlled substance, t temperature-controlled,
 * w carries a warranty although not serialized.
 */
export type ProductType = readonly [name: string, listPriceUsd: number, traits: string];

/** A brand is also the supplier the distributor buys it from; home decides the buying entity. */
export type Brand = readonly [brand: string, supplierName: string, home: 'US' | 'NL' | 'GB'];

export interface CategoryVocabulary {
  name: string;
  code: string;
  /** How many products of this category the catalogue carries. */
  productCount: number;
  /** Warranty months offered on serialized (and 'w') products, one picked per product. */
  warrantyMonths: readonly number[];
  brands: readonly Brand[];
  types: readonly ProductType[];
  /** Pharmaceuticals are named by molecule and pack, not by brand and model. */
  isNamedByPack?: boolean;
}

// prettier-ignore
export const CATALOG: readonly CategoryVocabulary[] = [
  {
    name: 'Networking', code: 'NET', productCount: 300, warrantyMonths: [12, 24, 36],
    brands: [['Northgate', 'Northgate Networks Inc.', 'US'], ['Linkwave', 'Linkwave Systems Corp.', 'US'], ['Tessera', 'Tessera Networks B.V.', 'NL']],
    types: [
      ['8-Port Gigabit Unmanaged Switch', 39, ''], ['24-Port Gigabit PoE+ Managed Switch', 429, 's'], ['48-Port Gigabit L3 Managed Switch', 689, 's'],
      ['Wi-Fi 6 Ceiling Access Point', 179, 's'], ['Wi-Fi 6E Outdoor Access Point', 389, 's'], ['Dual-WAN VPN Router', 249, 's'],
      ['Next-Generation Firewall Appliance', 1290, 's'], ['10G SFP+ SR Transceiver', 49, 's'], ['Cat6 Patch Cable 3 m (10-pack)', 24, ''],
      ['24-Port Cat6 Patch Panel', 59, ''], ['12U Wall-Mount Network Cabinet', 219, ''], ['PoE Injector 30W', 29, ''],
    ],
  },
  {
    name: 'Power Tools', code: 'PWT', productCount: 300, warrantyMonths: [12, 24, 36],
    brands: [['Voltforge', 'Voltforge Tool Company', 'US'], ['Ironclad', 'Ironclad Industrial Tools Inc.', 'US'], ['Brenner', 'Brenner Werkzeuge Benelux B.V.', 'NL']],
    types: [
      ['18V Brushless Hammer Drill Kit', 189, 's'], ['18V Impact Driver (tool only)', 129, 's'], ['7-1/4" Circular Saw 15A', 149, 's'],
      ['18V Reciprocating Saw', 139, 's'], ['4-1/2" Angle Grinder 11A', 89, 's'], ['SDS-Plus Rotary Hammer 1"', 259, 's'],
      ['Oscillating Multi-Tool', 99, 's'], ['18V Cordless Jigsaw', 119, 's'], ['5" Random Orbital Sander', 79, ''],
      ['Heat Gun 2000W', 49, ''], ['12V Cordless Drill Driver Kit', 109, 's'], ['Magnetic Drill Press 1-3/8"', 1190, 's'],
    ],
  },
  {
    name: 'Electrical', code: 'ELE', productCount: 300, warrantyMonths: [12, 24],
    brands: [['Amperon', 'Amperon Electric Supply Co.', 'US'], ['Circuitry', 'Circuitry Components LLC', 'US'], ['Wexford', 'Wexford Electrical Ltd', 'GB']],
    types: [
      ['THHN Copper Wire 12 AWG 500 ft', 119, ''], ['THHN Wire, cut to length (per 100 ft)', 29, 'n'], ['20A Single-Pole Circuit Breaker', 12, ''],
      ['GFCI Duplex Receptacle 20A', 19, ''], ['True-RMS Digital Multimeter CAT III', 89, 's'], ['Non-Contact Voltage Tester', 24, ''],
      ['PVC Conduit 3/4" x 10 ft (bundle of 10)', 45, ''], ['Load Center 200A 40-Space', 249, ''], ['Wire Connector Assortment (500 pcs)', 29, ''],
      ['Cable Ties 300 mm (1000-pack)', 18, ''], ['Insulated Screwdriver Set 1000V', 59, ''], ['Clamp Meter 600A', 129, 's'],
    ],
  },
  {
    name: 'Plumbing', code: 'PLB', productCount: 240, warrantyMonths: [12, 24],
    brands: [['Aqualine', 'Aqualine Plumbing Products Inc.', 'US'], ['Pipeworks', 'Pipeworks Supply LLC', 'US'], ['Hollands', 'Hollands Sanitair B.V.', 'NL']],
    types: [
      ['PEX-A Tubing 1/2" x 100 ft', 59, ''], ['Lead-Free Brass Ball Valve 3/4"', 22, ''], ['Tankless Water Heater 11 kW', 549, 's'],
      ['Submersible Sump Pump 1/2 HP', 189, 's'], ['Copper Press Elbow 1" (10-pack)', 42, ''], ['Thermostatic Mixing Valve', 129, ''],
      ['PTFE Thread Seal Tape (12 rolls)', 9, ''], ['Cast Pipe Wrench 18"', 39, ''], ['PVC Solvent Cement 16 oz', 12, 'lh'],
      ['Commercial Pre-Rinse Faucet Unit', 389, 'w'], ['Backflow Preventer 1"', 299, ''],
    ],
  },
  {
    name: 'Safety & PPE', code: 'SAF', productCount: 260, warrantyMonths: [12],
    brands: [['Guardian', 'Guardian Safety Products Inc.', 'US'], ['Shieldtex', 'Shieldtex PPE LLC', 'US'], ['Brightwell', 'Brightwell Protective Ltd', 'GB'], ['Armorline', 'Armorline Safety Supply Inc.', 'US']],
    types: [
      ['Nitrile Gloves 6 mil (box of 100)', 14, 'ln'], ['Type II Vented Hard Hat', 34, ''], ['Anti-Fog Safety Glasses (12-pack)', 38, ''],
      ['Hi-Vis Safety Vest Class 2', 11, ''], ['N95 Respirator (box of 20)', 29, 'ln'], ['Full-Body Fall Arrest Harness', 159, 's'],
      ['Self-Retracting Lifeline 30 ft', 389, 's'], ['Portable 4-Gas Detector', 749, 's'], ['First Aid Kit, 50 Person', 64, 'l'],
      ['Disposable Foam Earplugs (200 pairs)', 32, 'n'], ['Cut-Resistant Gloves A4 (12 pairs)', 79, ''],
    ],
  },
  {
    name: 'Office Supplies', code: 'OFF', productCount: 226, warrantyMonths: [12],
    brands: [['Papyra', 'Papyra Office Products Inc.', 'US'], ['Deskwell', 'Deskwell Business Supplies Ltd', 'GB'], ['Kantoor', 'Kantoorgroep Nederland B.V.', 'NL']],
    types: [
      ['Copy Paper Letter 20 lb (case of 10 reams)', 54, ''], ['High-Yield Black Toner Cartridge', 119, ''], ['Ergonomic Mesh Office Chair', 289, 'w'],
      ['Thermal Label Printer', 179, 's'], ['Shipping Labels 4x6 (roll of 500)', 19, ''], ['Ballpoint Pens (box of 50)', 12, ''],
      ['Heavy-Duty Stapler', 34, ''], ['Dual Monitor Arm', 119, ''], ['Cross-Cut Document Shredder', 229, 's'], ['Magnetic Whiteboard 4 x 3 ft', 89, ''],
    ],
  },
  {
    name: 'Consumables', code: 'CON', productCount: 260, warrantyMonths: [],
    brands: [['Kleenmax', 'Kleenmax Industrial Supply Inc.', 'US'], ['Adhesa', 'Adhesa Bonding Solutions LLC', 'US'], ['Sterling', 'Sterling Abrasives Ltd', 'GB'], ['Vandermeer', 'Vandermeer Chemie B.V.', 'NL']],
    types: [
      ['Industrial Cleaning Wipes (case of 6 tubs)', 54, 'l'], ['Stretch Wrap 18" x 1500 ft (4 rolls)', 69, ''], ['Packing Tape 48 mm (36 rolls)', 59, ''],
      ['Cutting Discs 125 mm (pack of 25)', 34, 'l'], ['Sanding Discs P120 (pack of 100)', 29, ''], ['Two-Part Epoxy Adhesive 50 ml (12)', 79, 'l'],
      ['Penetrating Oil Aerosol 400 ml (12 cans)', 48, 'lh'], ['Isopropyl Alcohol 99% 5 L', 39, 'lh'], ['Hand Cleaner Gel 4 L', 24, 'l'],
      ['Welding Wire ER70S-6 0.9 mm 15 kg', 89, 'l'], ['Threadlocker Medium Strength 50 ml', 19, 'l'],
    ],
  },
  {
    name: 'Pharmaceuticals', code: 'PHA', productCount: 144, warrantyMonths: [], isNamedByPack: true,
    brands: [['Meridian Generics', 'Meridian Generics Inc.', 'US'], ['Halcyon Pharma', 'Halcyon Pharma Distribution LLC', 'US'], ['Noordzee Farma', 'Noordzee Farma B.V.', 'NL']],
    types: [
      ['Amoxicillin 500 mg Capsules', 18, 'lr'], ['Insulin Glargine 100 U/mL Pens', 189, 'lrt'], ['Influenza Vaccine 0.5 mL Syringes', 159, 'lrt'],
      ['Oxycodone HCl 5 mg Tablets', 42, 'lcn'], ['Lorazepam 1 mg Tablets', 28, 'lcn'], ['Ibuprofen 400 mg Tablets', 16, 'l'],
      ['Sodium Chloride 0.9% IV Bags 1 L', 32, 'lr'], ['Epinephrine Auto-Injectors 0.3 mg', 289, 'lr'], ['Omeprazole 20 mg Capsules', 14, 'lr'],
      ['Adalimumab 40 mg Prefilled Syringes', 2890, 'lrt'], ['Atorvastatin 20 mg Tablets', 12, 'lr'], ['Paracetamol 500 mg Tablets', 9, 'l'],
    ],
  },
  {
    name: 'Lab Equipment', code: 'LAB', productCount: 220, warrantyMonths: [12, 24],
    brands: [['Labcore', 'Labcore Scientific Inc.', 'US'], ['Precisa', 'Precisa Instruments B.V.', 'NL'], ['Kestrel', 'Kestrel Laboratory Supplies Ltd', 'GB']],
    types: [
      ['Benchtop Centrifuge 6 x 50 mL', 2490, 's'], ['Analytical Balance 220 g x 0.1 mg', 2890, 's'], ['Benchtop pH Meter', 449, 's'],
      ['Magnetic Hotplate Stirrer', 589, 's'], ['Adjustable Micropipette 100-1000 uL', 289, 's'], ['Nitrile Lab Gloves (case of 1000)', 89, 'ln'],
      ['Borosilicate Beakers 250 mL (12)', 39, ''], ['Racked Pipette Tips 1000 uL (960)', 59, 'l'], ['Ethanol Absolute 2.5 L', 69, 'lh'],
      ['Taq DNA Polymerase 500 U', 189, 'lt'], ['Vortex Mixer', 329, 's'],
    ],
  },
  {
    name: 'HVAC', code: 'HVA', productCount: 250, warrantyMonths: [12, 24, 36],
    brands: [['Polaris Air', 'Polaris Air Systems Inc.', 'US'], ['Thermacore', 'Thermacore HVAC Supply LLC', 'US'], ['Klimatek', 'Klimatek Europe B.V.', 'NL'], ['Coldstream', 'Coldstream Refrigeration Ltd', 'GB']],
    types: [
      ['Ductless Mini-Split 12,000 BTU', 1190, 's'], ['Wi-Fi Smart Thermostat', 179, 's'], ['Pleated Air Filter MERV 13 20x25x1 (12)', 89, ''],
      ['Condensate Pump 1/30 HP', 89, ''], ['Refrigerant R-410A 25 lb Cylinder', 289, 'lh'], ['Inline Duct Fan 8"', 149, ''],
      ['Digital Manifold Gauge Set', 389, 's'], ['Insulated Flexible Duct 6" x 25 ft', 39, ''], ['Two-Stage Vacuum Pump 6 CFM', 329, 's'],
      ['Refrigerant R-32 20 lb Cylinder', 249, 'lh'], ['Electronic Leak Detector', 259, 's'],
    ],
  },
  {
    name: 'Lighting', code: 'LTG', productCount: 250, warrantyMonths: [36, 60],
    brands: [['Lumina', 'Lumina Lighting Corp.', 'US'], ['Brightfield', 'Brightfield LED Inc.', 'US'], ['Lichtwerk', 'Lichtwerk Benelux B.V.', 'NL']],
    types: [
      ['LED High Bay 150W 5000K', 129, 'w'], ['LED Troffer 2x4 40W', 69, 'w'], ['LED A19 Bulb 9W (24-pack)', 39, ''],
      ['LED Exit Sign / Emergency Light Combo', 59, 'w'], ['LED Wall Pack 80W', 119, 'w'], ['LED T8 Tube 4 ft (25-pack)', 99, ''],
      ['Ceiling Occupancy Sensor', 49, ''], ['LED Flood Light 200W', 189, 'w'], ['Rechargeable LED Work Light 3000 lm', 89, ''], ['0-10V Dimmer Switch', 34, ''],
    ],
  },
  {
    name: 'Batteries', code: 'BAT', productCount: 250, warrantyMonths: [12, 24],
    brands: [['Powercell', 'Powercell Energy Inc.', 'US'], ['Ampstore', 'Ampstore Battery Supply LLC', 'US'], ['Volta', 'Volta Energy Solutions Ltd', 'GB'], ['Stroomlijn', 'Stroomlijn Energie B.V.', 'NL']],
    types: [
      ['AA Alkaline Batteries (pack of 48)', 24, 'l'], ['18V 5.0Ah Li-ion Battery Pack', 129, 'h'], ['CR2032 Lithium Coin Cells (100)', 39, 'lh'],
      ['12V 100Ah LiFePO4 Battery', 689, 'sh'], ['UPS Replacement Battery 12V 9Ah', 34, 'h'], ['Rack-Mount UPS 1500VA', 649, 's'],
      ['9V Lithium Batteries (12)', 42, 'lh'], ['Multi-Bay Battery Charger', 119, 's'], ['D Alkaline Batteries (pack of 24)', 32, 'l'],
      ['AAA NiMH Rechargeable (pack of 16)', 36, ''],
    ],
  },
];

/** Pack sizes pharmaceuticals are sold in, with a price factor relative to the base pack. */
export const PHARMA_PACKS: ReadonlyArray<readonly [pack: string, priceFactor: number]> = [
  ['30 ct', 0.4],
  ['100 ct', 1],
  ['500 ct', 4.2],
  ['hospital pack', 9],
];

/** Distributor-style model-code series, e.g. 'Voltforge VF-4127 18V Brushless Hammer Drill Kit'. */
export const MODEL_SUFFIXES = ['', '', '', 'X', 'P', 'HD', 'S', 'M'] as const;
