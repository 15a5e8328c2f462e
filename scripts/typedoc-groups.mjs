// Typedoc plugin: sorts every package's exports into reader-oriented groups (and, in
// @sellkit/core, into an audience group plus a topic category) by the folder that declares them,
// so a new export lands in the right section without a tag on each declaration.
//
// An explicit `@group` or `@category` tag on a declaration always wins over this table.
// A folder missing from the table falls back to its own name, title-cased ("calendar" becomes
// "Calendar"), under the "Host API" group in core.
import { relative, sep } from 'node:path';
import { Comment, CommentTag, Converter, ReflectionKind } from 'typedoc';

const HOST = 'Host API';
const AUTHORS = 'Module and plugin authors';
const ADAPTERS = 'Storage adapter authors';
const TESTING = 'Testing';

/** core: folder under packages/core/src → [group, category]. */
const CORE_FOLDERS = {
  kernel: [HOST, 'Setup'],
  money: [HOST, 'Money'],
  errors: [HOST, 'Errors'],
  context: [HOST, 'Context'],
  ids: [HOST, 'Ids'],
  io: [AUTHORS, 'CSV'],
  model: [AUTHORS, 'Models'],
  events: [AUTHORS, 'Events'],
  scoring: [AUTHORS, 'Scoring'],
  access: [AUTHORS, 'Access'],
  audit: [AUTHORS, 'Audit'],
  kit: [AUTHORS, 'Module kit'],
  storage: [ADAPTERS, 'Storage'],
  testing: [ADAPTERS, TESTING],
};

/** core: exports that belong to another audience than their folder's. */
const CORE_NAMES = {
  // kernel: what module and plugin authors write
  defineModule: [AUTHORS, 'Modules and plugins'],
  definePlugin: [AUTHORS, 'Modules and plugins'],
  AnyModule: [AUTHORS, 'Modules and plugins'],
  AnyPlugin: [AUTHORS, 'Modules and plugins'],
  EventsOf: [AUTHORS, 'Modules and plugins'],
  ExtendedModels: [AUTHORS, 'Modules and plugins'],
  ExtensionsOf: [AUTHORS, 'Modules and plugins'],
  KernelRuntime: [AUTHORS, 'Modules and plugins'],
  ModelHooks: [AUTHORS, 'Modules and plugins'],
  ModelsOf: [AUTHORS, 'Modules and plugins'],
  ModuleDefinition: [AUTHORS, 'Modules and plugins'],
  ModuleScope: [AUTHORS, 'Modules and plugins'],
  PluginDefinition: [AUTHORS, 'Modules and plugins'],
  PluginEventHandlers: [AUTHORS, 'Modules and plugins'],
  ScheduledJob: [AUTHORS, 'Modules and plugins'],
  ScoringContribution: [AUTHORS, 'Modules and plugins'],
  SellkitEventRegistry: [AUTHORS, 'Modules and plugins'],
  ServicesOf: [AUTHORS, 'Modules and plugins'],
  // context: test helpers
  createTestClock: [HOST, TESTING],
  TestClock: [HOST, TESTING],
  // events: what the host runs
  drainOutbox: [HOST, 'Events'],
  DrainOptions: [HOST, 'Events'],
  DrainReport: [HOST, 'Events'],
  OutboxMessage: [HOST, 'Events'],
  // audit: what the host reads
  AuditEntry: [HOST, 'Audit'],
  // access: what the host configures
  AccessAction: [HOST, 'Access'],
  AccessRoles: [HOST, 'Access'],
  AccessScope: [HOST, 'Access'],
  RoleGrants: [HOST, 'Access'],
  defaultRoles: [HOST, 'Access'],
  // storage: the adapter a host picks and the queries it writes
  memory: [HOST, 'Storage'],
  StorageAdapter: [HOST, 'Storage'],
  AggregateFunction: [HOST, 'Queries'],
  AggregateQuery: [HOST, 'Queries'],
  AggregateRow: [HOST, 'Queries'],
  FieldCondition: [HOST, 'Queries'],
  FilterNode: [HOST, 'Queries'],
  FilterOperator: [HOST, 'Queries'],
  FindQuery: [HOST, 'Queries'],
  FindResult: [HOST, 'Queries'],
  GroupKey: [HOST, 'Queries'],
  LeafOperator: [HOST, 'Queries'],
  Measure: [HOST, 'Queries'],
  Page: [HOST, 'Queries'],
  RecordOf: [HOST, 'Queries'],
  RecordUpdate: [HOST, 'Queries'],
  Selected: [HOST, 'Queries'],
  SortDirection: [HOST, 'Queries'],
  SortKey: [HOST, 'Queries'],
  TimeBucket: [HOST, 'Queries'],
  UpdateManyOptions: [HOST, 'Queries'],
  UpdateManyResult: [HOST, 'Queries'],
  Where: [HOST, 'Queries'],
  WriteOptions: [HOST, 'Queries'],
};

/** Other packages: first folder under src → group (topic). Files directly in src → "Module". */
const FOLDER_TITLES = {
  cli: 'Command line',
  db: 'Database',
  io: 'CSV',
  output: 'Output',
  predictive: 'Win probability',
  shared: 'Module',
};

const titleCase = (name) => name.charAt(0).toUpperCase() + name.slice(1);

function placement(file, name) {
  const parts = relative(process.cwd(), file).split(sep);
  // packages/<pkg>/src/<folder>/...
  if (parts[0] !== 'packages' || parts[2] !== 'src') return undefined;
  const pkg = parts[1];
  const folder = parts.length > 4 ? parts[3] : undefined;
  if (pkg === 'core') {
    const fixed = CORE_NAMES[name] ?? (folder ? CORE_FOLDERS[folder] : undefined);
    return fixed ?? [HOST, titleCase(folder ?? 'Setup')];
  }
  if (!folder) return ['Module'];
  return [FOLDER_TITLES[folder] ?? titleCase(folder)];
}

function hasTag(reflection, tag) {
  const comments = [reflection.comment, ...(reflection.signatures ?? []).map((s) => s.comment)];
  return comments.some((c) => c?.blockTags.some((t) => t.tag === tag));
}

function addTag(reflection, tag, text) {
  const target = reflection.signatures?.[0] ?? reflection;
  target.comment ??= new Comment();
  target.comment.blockTags.push(new CommentTag(tag, [{ kind: 'text', text }]));
}

/** @param {import('typedoc').Application} app */
export function load(app) {
  // Before the group (-100) and category (-200) plugins read the tags.
  app.converter.on(
    Converter.EVENT_RESOLVE_END,
    (context) => {
      for (const module of context.project.getReflectionsByKind(ReflectionKind.Module)) {
        for (const child of module.children ?? []) {
          const file = child.sources?.[0]?.fullFileName;
          if (!file) continue;
          const place = placement(file, child.name);
          if (!place) continue;
          const [group, category] = place;
          if (!hasTag(child, '@group')) addTag(child, '@group', group);
          if (category && !hasTag(child, '@category')) addTag(child, '@category', category);
        }
      }
    },
    0,
  );
}
