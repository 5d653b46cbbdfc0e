// Human words for the API's codes, shared by badges, filters and selects.
export function humanize(code: string): string {
  const text = code.replace(/_/g, ' ');
  return text.charAt(0).toUpperCase() + text.slice(1);
}

export const ROLE_LABELS: Record<string, string> = {
  customer: 'Customer',
  cs_agent: 'Customer service',
  cs_manager: 'Customer service manager',
  warehouse: 'Warehouse',
  quality: 'Quality',
  finance: 'Finance',
  ops_manager: 'Operations manager',
  admin: 'Administrator',
  repair_partner: 'Repair partner',
  supplier: 'Supplier',
  carrier: 'Carrier',
};

export const CONDITION_LABELS: Record<string, string> = {
  unopened: 'Unopened',
  opened_unused: 'Opened, unused',
  used: 'Used',
  damaged_in_transit: 'Damaged in transit',
  defective: 'Defective',
  missing_parts: 'Missing parts',
};
