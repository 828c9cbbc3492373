// What hot paths need without reading the sheet: where the ticket sheet is, the spreadsheet time
// zone and language, and the validated settings. Stored in document properties by setup, refreshed
// by the sweep and whenever the settings sheet is edited.
import type { Lang } from '../domain/schema';
import type { Settings } from '../domain/settings';
import { defaultSettings } from '../domain/settings';
import type { SheetHint } from './ticketSheet';

export interface TrackerConfig {
  version: 1;
  tickets: SheetHint | null;
  timeZone: string;
  /** The language the sheet's labels are written in (set at setup). */
  lang: Lang;
  settings: Settings;
  /** Whether this copy runs as an editor add-on (hourly triggers at most) or a bound script. */
  addon: boolean;
}

const KEY = 'tracker.config';
/** The last ticket ID intake handed out: IDs are never reused, even when its row was cleared. */
export const LAST_ID_KEY = 'intake.lastId';

export function loadConfig(props: GoogleAppsScript.Properties.Properties): TrackerConfig | null {
  const raw = props.getProperty(KEY);
  if (!raw) return null;
  try {
    const c = JSON.parse(raw) as TrackerConfig;
    if (c.version !== 1) return null;
    return { ...c, settings: { ...defaultSettings(c.lang), ...c.settings } };
  } catch {
    return null;
  }
}

export function saveConfig(props: GoogleAppsScript.Properties.Properties, config: TrackerConfig): void {
  props.setProperty(KEY, JSON.stringify(config));
}
