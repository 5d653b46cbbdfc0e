// Configuration's table: every published version of every configuration document.
import type { Json } from '../platform/db/kernel-tables.js';
import type { ConfigKind } from '../contracts/configuration.js';

export interface ConfigVersionsTable {
  kind: ConfigKind;
  version: number;
  document: Json;
  comment: string;
  created_by: string;
  created_at: string;
}

export interface ConfigurationTables {
  config_versions: ConfigVersionsTable;
}
