import { EditTable, RemoveRowButton } from '../../ui/edit-table.js';
import { newRowKey, removeRow, updateRow } from '../../ui/editable-rows.js';
import { TextField } from '../../ui/field.js';

export interface ZoneDraft {
  key: string;
  name: string;
  /** Comma-separated, as the customers' addresses name them. */
  regions: string;
  /** Comma-separated site codes, nearest first. */
  sites: string;
}

export const splitList = (text: string) =>
  text
    .split(',')
    .map((part) => part.trim())
    .filter((part) => part !== '');

/** The first server message under a path, or under any path below it (e.g. zones.0.sites.1). */
function errorUnder(errors: Record<string, string>, path: string): string | undefined {
  return errors[path] ?? Object.entries(errors).find(([key]) => key.startsWith(`${path}.`))?.[1];
}

/** Zones: customers in these regions send their returns to these sites, nearest first. */
export function RoutingZonesTable({
  zones,
  errors,
  onChange,
}: {
  zones: ZoneDraft[];
  errors: Record<string, string>;
  onChange: (zones: ZoneDraft[]) => void;
}) {
  const update = (key: string, changes: Partial<ZoneDraft>) => onChange(updateRow(zones, key, changes));
  return (
    <section className="panel" aria-labelledby="zones-title">
      <h2 id="zones-title">Zones</h2>
      <p className="muted">
        Customers in a zone&apos;s regions send returns to its sites, nearest first. A site is skipped when it lacks the
        goods&apos; certification or is full. Regions no zone names go to a site in the same region first, then the
        others by code.
      </p>
      {zones.length > 0 ? (
        <EditTable caption="Routing zones" headers={['Zone', 'Regions (comma-separated)', 'Sites, nearest first']}>
          {zones.map((zone, index) => (
            <tr key={zone.key}>
              <td>
                <TextField
                  label={`Name of zone ${index + 1}`}
                  hideLabel
                  value={zone.name}
                  maxLength={80}
                  error={errorUnder(errors, `zones.${index}.name`) && 'Name the zone.'}
                  onChange={(event) => update(zone.key, { name: event.target.value })}
                />
              </td>
              <td>
                <TextField
                  label={`Regions of zone ${index + 1}`}
                  hideLabel
                  value={zone.regions}
                  placeholder="CA, NV, OR"
                  error={errorUnder(errors, `zones.${index}.regions`) && 'List at least one region.'}
                  onChange={(event) => update(zone.key, { regions: event.target.value })}
                />
              </td>
              <td>
                <TextField
                  label={`Sites of zone ${index + 1}`}
                  hideLabel
                  value={zone.sites}
                  placeholder="US-RNO, US-DAL"
                  error={errorUnder(errors, `zones.${index}.sites`)}
                  onChange={(event) => update(zone.key, { sites: event.target.value.toUpperCase() })}
                />
              </td>
              <td>
                <RemoveRowButton
                  rowName={zone.name || `zone ${index + 1}`}
                  onRemove={() => onChange(removeRow(zones, zone.key))}
                />
              </td>
            </tr>
          ))}
        </EditTable>
      ) : (
        <p className="muted">No zones: every return goes to the nearest certified site by region, then by code.</p>
      )}
      <button
        type="button"
        className="button"
        onClick={() => onChange([...zones, { key: newRowKey(), name: '', regions: '', sites: '' }])}
      >
        + Add a zone
      </button>
    </section>
  );
}
