// A hand edit of the settings sheet: settings are validated on read, and hot paths use the stored
// copy, refreshed here.
import { saveConfig } from '../../gas/config';
import { findSettingsSheet, readSettings } from '../../gas/settingsSheet';
import type { Tracker } from '../tracker';

export function refreshSettings(tr: Tracker): void {
  const { settings } = readSettings(findSettingsSheet(tr.ss), tr.lang, tr.zone);
  saveConfig(tr.props, { ...tr.config, settings });
}
