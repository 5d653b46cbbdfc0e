// Type-aware lint, zero warnings (npm run check). The rules that matter most here: no floating
// promises (a lost await is a lost write), exhaustive switches over our string unions, and the
// boundaries of the modular monolith (see docs/ARCHITECTURE.md):
// - outside a context, only its index may be imported; the kernel (platform) imports no context;
// - a context names only its own tables in queries (others are read through their index).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';

/**
 * Each bounded context and the tables it owns (the kernel's are platform's).
 * @type {Record<string, string[]>}
 */
const TABLES = {
  identity: ['users', 'access_tokens', 'api_keys', 'sign_in_throttle', 'password_links'],
  masterdata: ['legal_entities', 'sites', 'customers', 'suppliers', 'products', 'partners'],
  sales: ['sales_orders', 'sales_order_lines'],
  configuration: ['config_versions'],
  returns: ['rmas', 'rma_lines', 'rma_serials', 'routing_instructions', 'recalls'],
  logistics: ['shipments', 'shipment_lines', 'tracking_events', 'dock_doors', 'dock_slots', 'dock_appointments'],
  inventory: ['stock_locations', 'stock_movements', 'stock_balances'],
  receiving: ['receipts', 'receipt_lines', 'unidentified_arrivals', 'unidentified_arrival_lines', 'receipt_exceptions'],
  inspection: ['inspections', 'inspection_photos'],
  disposition: [
    'dispositions',
    'work_orders',
    'vendor_returns',
    'vendor_return_lines',
    'quarantine_holds',
    'disposals',
    'liquidation_lots',
    'liquidation_lot_lines',
    'customer_return_shipments',
  ],
  ledger: [
    'ledger_accounts',
    'fiscal_period_closes',
    'journal_entries',
    'journal_lines',
    'return_line_valuations',
    'fx_rates',
  ],
  settlement: [
    'credit_memos',
    'credit_memo_lines',
    'order_line_credits',
    'credit_reserves',
    'credit_reserve_releases',
    'early_credit_withdrawals',
    'replacement_orders',
    'replacement_order_lines',
    'replacement_allocations',
  ],
  recovery: ['supplier_claims', 'supplier_claim_lines', 'supplier_claim_receivable_changes'],
  webhooks: ['webhook_subscriptions', 'webhook_deliveries'],
  edi: ['trading_partners', 'edi_documents', 'edi_inbound_sets'],
  notifications: ['notifications', 'notification_opt_outs', 'notification_keys', 'sla_breach_episodes'],
  kpi: ['kpi_return_facts', 'kpi_line_facts', 'kpi_rollups'],
  audit: [],
  platform: [
    'audit_log',
    'audit_chain_head',
    'outbox_events',
    'idempotency_keys',
    'counters',
    'document_counters',
    'job_leases',
  ],
};
const CONTEXTS = Object.keys(TABLES).filter((name) => name !== 'platform');
/** Folders that are not contexts but are entered only through their index, like one. */
const INDEX_ONLY = [...CONTEXTS, 'workflows'];

const NO_ENUMS = { selector: 'TSEnumDeclaration', message: 'use a string-literal union, not enum' };
const QUERY_METHODS = 'selectFrom|insertInto|updateTable|deleteFrom|mergeInto|innerJoin|leftJoin|rightJoin|fullJoin';

/**
 * Imports of another context's (or workflows') files other than its index.
 * @param {string[]} folders
 */
function deepImportsOf(folders) {
  return folders.map((folder) => ({
    regex: `(^|/)${folder}/(?!index\\.js$)`,
    message: `import ${folder} only through its index (${folder}/index.js): its other files are private`,
  }));
}

/**
 * Kysely calls whose table (first argument) is not one of `own`.
 * @param {string} name
 * @param {string[]} own
 */
function foreignTables(name, own) {
  const ownPattern = own.length > 0 ? `^(${own.join('|')})( |$)` : '^$';
  return {
    selector: `CallExpression[callee.property.name=/^(${QUERY_METHODS})$/] > Literal.arguments:first-child:not([value=/${ownPattern}/])`,
    message: `${name} queries only its own tables (${own.join(', ') || 'none'}); read another context through its index`,
  };
}

const boundaries = [
  {
    files: ['src/**/*.ts', 'tests/**/*.ts', 'bench/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: deepImportsOf(INDEX_ONLY) }] },
  },
  ...INDEX_ONLY.map((folder) => ({
    files: [`src/${folder}/**/*.ts`],
    rules: {
      'no-restricted-imports': ['error', { patterns: deepImportsOf(INDEX_ONLY.filter((other) => other !== folder)) }],
    },
  })),
  // The one file that composes every context's table types into the database type.
  { files: ['src/schema.ts'], rules: { 'no-restricted-imports': 'off' } },
  {
    files: ['src/platform/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: `(^|/)(${[...INDEX_ONLY, 'demo', 'cli', 'server'].join('|')})/|(^|/)schema\\.js$`,
              message: 'the kernel (platform) imports no context: contexts build on it, never the other way round',
            },
          ],
        },
      ],
    },
  },
  // Tables: each context and the kernel name only their own; tools (demo, cli, server, workflows) none.
  {
    files: ['src/**/*.ts'],
    ignores: ['src/**/*.test.ts'],
    rules: { 'no-restricted-syntax': ['error', NO_ENUMS, foreignTables('this folder', [])] },
  },
  ...Object.entries(TABLES).map(([name, own]) => ({
    files: [`src/${name}/**/*.ts`],
    ignores: ['src/**/*.test.ts', 'src/platform/db/migrations/**'],
    rules: { 'no-restricted-syntax': ['error', NO_ENUMS, foreignTables(name, own)] },
  })),
];

export default tseslint.config(
  { ignores: ['node_modules', 'dist', 'data', 'coverage', 'scripts/*.mjs'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        projectService: { allowDefaultProject: ['eslint.config.js'] },
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' },
      ],
      'no-restricted-syntax': ['error', NO_ENUMS],
    },
  },
  ...boundaries,
  {
    files: ['web/src/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: { ...reactHooks.configs.recommended.rules },
  },
  {
    files: ['**/*.test.ts', 'tests/**/*.ts', 'bench/**/*.ts'],
    rules: {
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
);
