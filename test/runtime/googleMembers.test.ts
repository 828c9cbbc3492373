// Issue 16, member by member: for every class the local runtime provides, the members
// @types/google-apps-script declares, and which of them the runtime lacks. The list is kept in
// docs/runtime-members.md (regenerate with UPDATE_MEMBERS=1 npx jest test/runtime/googleMembers.test.ts):
// a member added or removed shows there in review. A member the runtime lacks must fail clearly,
// "not provided by the local runtime: Class.member", never as "undefined is not a function" or a
// silent undefined (runtime/instrument.ts `expose`).
import fs from 'fs';
import path from 'path';
import ts from 'typescript';
import { createLocalRuntime } from '../../runtime';
import { NotProvidedError, unwrap } from '../../runtime/instrument';

const TYPES = path.join(__dirname, '../../node_modules/@types/google-apps-script');
const DOC = path.join(__dirname, '../../docs/runtime-members.md');
const FIDELITY = path.join(__dirname, '../../docs/fidelity.md');
const LIST = path.join(__dirname, '../../runtime/googleMembers.ts');
const FILES = ['base', 'cache', 'charts', 'html', 'lock', 'mail', 'properties', 'script', 'spreadsheet', 'utilities'];

/**
 * Classes and members the reference pages document that @types/google-apps-script (2.0.x) has not
 * caught up with, each read on its page (the method table at its top).
 */
const BEYOND_TYPES: Record<string, { page: string; members: string[] }> = {
  'Spreadsheet.PivotGroupLimit': { page: 'reference/spreadsheet/pivot-group-limit', members: ['getCountLimit', 'getPivotGroup', 'remove', 'setCountLimit'] },
  'Spreadsheet.PivotTable': { page: 'reference/spreadsheet/pivot-table', members: ['asDataSourcePivotTable', 'getSourceDataRange'] },
  'Spreadsheet.PivotGroup': {
    page: 'reference/spreadsheet/pivot-group',
    members: ['getDateTimeGroupingRule', 'getGroupLimit', 'getSourceDataSourceColumn', 'setDateTimeGroupingRule', 'setGroupLimit'],
  },
  'Spreadsheet.PivotFilter': { page: 'reference/spreadsheet/pivot-filter', members: ['getSourceDataSourceColumn'] },
  'Spreadsheet.Slicer': { page: 'reference/spreadsheet/slicer', members: ['getBackgroundColorObject', 'setBackgroundColorObject'] },
  'Charts.ChartOptions': { page: 'reference/charts/chart-options', members: ['getOrDefault'] },
  'Spreadsheet.PivotValue': { page: 'reference/spreadsheet/pivot-value', members: ['getSourceDataColumn', 'getSourceDataSourceColumn', 'remove'] },
};

/** `Namespace.Interface` → its members (methods and properties), with `@deprecated` ones apart. */
function declared(): Map<string, { all: string[]; deprecated: Set<string> }> {
  const out = new Map<string, { all: string[]; deprecated: Set<string> }>();
  for (const f of FILES) {
    const file = path.join(TYPES, `google-apps-script.${f}.d.ts`);
    const src = ts.createSourceFile(file, fs.readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
    const visit = (node: ts.Node, ns: string[]) => {
      if (ts.isModuleDeclaration(node)) {
        const inner = [...ns, node.name.getText(src)];
        if (node.body) ts.forEachChild(node.body, (n) => visit(n, inner));
        return;
      }
      if (ts.isInterfaceDeclaration(node)) {
        const key = `${ns.filter((n) => n !== 'GoogleAppsScript').join('.')}.${node.name.text}`;
        const entry = out.get(key) ?? { all: [], deprecated: new Set<string>() };
        for (const m of node.members) {
          if (!m.name || !(ts.isIdentifier(m.name) || ts.isStringLiteral(m.name))) continue;
          const name = m.name.text;
          if (!entry.all.includes(name)) entry.all.push(name);
          if (ts.getJSDocTags(m).some((t) => t.tagName.text === 'deprecated')) entry.deprecated.add(name);
        }
        out.set(key, entry);
        return;
      }
      ts.forEachChild(node, (n) => visit(n, ns));
    };
    visit(src, []);
  }
  for (const [type, { members }] of Object.entries(BEYOND_TYPES)) {
    const entry = out.get(type) ?? { all: [], deprecated: new Set<string>() };
    for (const m of members) if (!entry.all.includes(m)) entry.all.push(m);
    out.set(type, entry);
  }
  return out;
}

/** One instance of every class the runtime provides, by its @types name. */
function instances(): Array<[string, object]> {
  const rt = createLocalRuntime({ bundle: false, now: Date.parse('2024-05-01T09:15:00+08:00'), locale: 'zh-CN', timeZone: 'Asia/Shanghai', user: 'li@example.com' });
  const s = rt.services;
  const app = s.SpreadsheetApp;
  const ss = app.getActiveSpreadsheet();
  const sheet = ss.getActiveSheet();
  const range = sheet.getRange('A1:B2');
  const dv = app.newDataValidation().requireValueInList(['a']).build();
  const cf = app.newConditionalFormatRule().whenTextContains('x').setBackground('#ff0000').setRanges([range]).build();
  const chartBuilder = sheet.newChart().asColumnChart().addRange(range).setPosition(1, 1, 0, 0);
  sheet.insertChart(chartBuilder.build());
  const trigger = s.ScriptApp.newTrigger('f').timeBased().everyHours(1).create();
  const ui = app.getUi();
  const rich = app.newRichTextValue().setText('x').build();
  // A pivot table, its group, limit, value and filter, and a slicer, built on a small sheet.
  const data = ss.insertSheet('PivotData');
  data.getRange('A1:C3').setValues([['Region', 'Product', 'Units'], ['East', 'Pen', 3], ['West', 'Ink', 4]]);
  const source = data.getRange('A1:C3');
  const pivot = data.getRange('E1').createPivotTable(source);
  const group = pivot.addRowGroup(1);
  const value = pivot.addPivotValue(3, app.PivotTableSummarizeFunction.SUM);
  const criteria = app.newFilterCriteria().setVisibleValues(['East']).build();
  const pivotFilter = pivot.addFilter(2, criteria);
  const slicer = data.insertSlicer(source, 1, 9);
  // setGroupLimit refuses a pivot over a range (only a data-source pivot has one): set in the model.
  (unwrap(group) as unknown as { _g: { limit: number | null } })._g.limit = 1;
  const limit = (group as unknown as { getGroupLimit(): object }).getGroupLimit();
  const prompt = ui as unknown as { prompt(m: string): GoogleAppsScript.Base.PromptResponse };
  return [
    ['Spreadsheet.SpreadsheetApp', app],
    ['Spreadsheet.Spreadsheet', ss],
    ['Spreadsheet.Sheet', sheet],
    ['Spreadsheet.Range', range],
    ['Spreadsheet.RangeList', sheet.getRangeList(['A1', 'B2:C3'])],
    ['Spreadsheet.Selection', ss.getSelection()],
    ['Spreadsheet.DataValidationBuilder', app.newDataValidation()],
    ['Spreadsheet.DataValidation', dv],
    ['Spreadsheet.ConditionalFormatRuleBuilder', app.newConditionalFormatRule()],
    ['Spreadsheet.ConditionalFormatRule', cf],
    ['Spreadsheet.BooleanCondition', cf.getBooleanCondition()!],
    ['Spreadsheet.Protection', range.protect()],
    ['Spreadsheet.TextFinder', range.createTextFinder('x')],
    ['Spreadsheet.EmbeddedChartBuilder', sheet.newChart()],
    // one runtime object stands for each typed builder of the family, exposed under its class's name
    ...familyOf(declared(), 'Spreadsheet.EmbeddedChartBuilder')
      .slice(1)
      .map((type): [string, object] => [type, (sheet.newChart() as unknown as Record<string, () => object>)[`as${type.replace(/^Spreadsheet\.Embedded|Builder$/g, '')}`]()]),
    ['Spreadsheet.EmbeddedChart', sheet.getCharts()[0]],
    ['Spreadsheet.Color', range.getBackgroundObject()],
    ['Spreadsheet.RichTextValueBuilder', app.newRichTextValue()],
    ['Spreadsheet.RichTextValue', rich],
    ['Spreadsheet.TextStyleBuilder', app.newTextStyle()],
    ['Spreadsheet.TextStyle', rich.getTextStyle()],
    ['Base.RgbColor', range.getBackgroundObject().asRgbColor()],
    ['Spreadsheet.ContainerInfo', sheet.getCharts()[0].getContainerInfo()],
    ['Charts.ChartOptions', sheet.getCharts()[0].getOptions()],
    ['Spreadsheet.PivotTable', pivot],
    ['Spreadsheet.PivotGroup', group],
    ['Spreadsheet.PivotGroupLimit', limit],
    ['Spreadsheet.PivotValue', value],
    ['Spreadsheet.PivotFilter', pivotFilter],
    ['Spreadsheet.FilterCriteriaBuilder', app.newFilterCriteria()],
    ['Spreadsheet.FilterCriteria', criteria],
    ['Spreadsheet.Slicer', slicer],
    ['Properties.PropertiesService', s.PropertiesService],
    ['Properties.Properties', s.PropertiesService.getScriptProperties()],
    ['Cache.CacheService', s.CacheService],
    ['Cache.Cache', s.CacheService.getScriptCache()],
    ['Lock.LockService', s.LockService],
    ['Lock.Lock', s.LockService.getScriptLock()],
    ['Base.Session', s.Session],
    ['Base.User', s.Session.getEffectiveUser()],
    ['Base.Ui', ui],
    ['Base.Menu', ui.createMenu('m')],
    ['Base.PromptResponse', prompt.prompt('m')],
    ['Base.Logger', (rt as unknown as { globals: Record<string, object> }).globals.Logger],
    ['Script.ScriptApp', s.ScriptApp],
    ['Script.TriggerBuilder', s.ScriptApp.newTrigger('f')],
    ['Script.ClockTriggerBuilder', s.ScriptApp.newTrigger('f').timeBased()],
    ['Script.SpreadsheetTriggerBuilder', s.ScriptApp.newTrigger('f').forSpreadsheet(ss)],
    ['Script.Trigger', trigger],
    ['Script.Service', s.ScriptApp.getService()],
    ['Mail.MailApp', s.MailApp],
    ['Utilities.Utilities', s.Utilities],
    ['HTML.HtmlService', s.HtmlService],
    ['HTML.HtmlOutput', s.HtmlService.createHtmlOutput('x')],
    ['HTML.HtmlTemplate', s.HtmlService.createTemplate('x')],
  ];
}

const provided = (o: object, name: string): boolean => Reflect.get(unwrap(o), name) !== undefined;

/** Public methods of the emulated object (its own and its classes'): what a script could call. */
function publicMethods(o: object): string[] {
  const names = new Set<string>();
  for (let p: object | null = unwrap(o); p && p !== Object.prototype; p = Object.getPrototypeOf(p)) {
    for (const k of Object.getOwnPropertyNames(p)) {
      if (k === 'constructor' || k.startsWith('_')) continue;
      const d = Object.getOwnPropertyDescriptor(p, k);
      if (d && typeof d.value === 'function') names.add(k);
    }
  }
  return [...names];
}

/** The Google classes one runtime object stands for (Spreadsheet.Embedded…ChartBuilder), itself first. */
function familyOf(types: Map<string, unknown>, type: string): string[] {
  const [ns, name] = type.split('.');
  const family = new RegExp(`^${ns}\\.Embedded\\w*${name.replace(/^Embedded/, '')}$`);
  return [type, ...[...types.keys()].filter((k) => k !== type && family.test(k)).sort()];
}

/** runtime/googleMembers.ts: the members Google declares, per class the runtime provides. */
function memberList(): string {
  const types = declared();
  const lines = [
    '// Generated by test/runtime/googleMembers.test.ts from @types/google-apps-script (UPDATE_MEMBERS=1 npx jest',
    '// test/runtime/googleMembers.test.ts); the test fails when it is out of date. The members Google declares',
    '// for each class the runtime provides: runtime/instrument.ts `expose` hands out only these, so a',
    "// script cannot reach a runtime helper, or a method Google does not have, and pass here only.",
    'export const GOOGLE_MEMBERS: Record<string, string> = {',
  ];
  // One runtime object stands for several Google classes (asColumnChart() returns an
  // EmbeddedColumnChartBuilder on Google, with its own setters): instances() lists it under each
  // class's name of the family, so each class gets its own list.
  const entry = (type: string) => `  ${type.split('.').pop()}: '${types.get(type)!.all.slice().sort().join(' ')}',`;
  for (const [type] of instances()) lines.push(entry(type));
  lines.push('};', '');
  return lines.join('\n');
}

/**
 * The members docs/fidelity.md records as read against their reference page: the first cell of
 * each row of its member tables (between "## Runtime members checked" and "## Not checked"). A
 * `Class.member` token names its class; a bare `member` token after it in the same cell is of
 * that class (`Range.getFontColor(s)`, `setFontColor(s)`); `(s)` stands for both forms.
 */
function readMembers(): Set<string> {
  const doc = fs.readFileSync(FIDELITY, 'utf8');
  const start = doc.indexOf('## Runtime members checked');
  const end = doc.indexOf('## Not checked', start);
  const read = new Set<string>();
  for (const line of doc.slice(start, end).split('\n')) {
    if (!line.startsWith('| `')) continue;
    let cls: string | null = null;
    for (const [, token] of line.split(' | ')[0].matchAll(/`([\w.]+(?:\(s\))?)[^`]*`/g)) {
      const parts = token.split('.');
      const member = parts.length === 2 ? ((cls = parts[0]), parts[1]) : cls ? parts[0] : null;
      if (!member || !cls) continue;
      const base = member.replace(/\(s\)$/, '');
      read.add(`${cls}.${base}`);
      if (member.endsWith('(s)')) read.add(`${cls}.${base}s`);
    }
  }
  return read;
}

function report(): { text: string; missing: Array<[string, object, string]>; extras: string[] } {
  const types = declared();
  const missing: Array<[string, object, string]> = [];
  const lines = [
    '# Runtime members against @types/google-apps-script',
    '',
    'Generated by `test/runtime/googleMembers.test.ts` (`UPDATE_MEMBERS=1 npx jest test/runtime/googleMembers.test.ts`);',
    'the test fails when this list is out of date. For every class the local runtime provides: the',
    "members @types/google-apps-script declares, how many the runtime provides, and the ones it does",
    'not (deprecated ones marked †). A member not provided fails when used: "not provided by the local',
    'runtime: Class.member"; so does any member Google does not declare (the emulation\'s own helpers),',
    'through runtime/googleMembers.ts. What was checked against the reference pages is in',
    '[fidelity.md](fidelity.md); the last column lists the provided members it does not yet name in its',
    'member tables (the member-by-member reading of issue 16).',
    '',
    '| class | provided | not provided | provided, not yet read against the reference |',
    '|---|---|---|---|',
  ];
  const readOnes = readMembers();
  let unreadTotal = 0;
  let providedTotal = 0;
  const extras: string[] = [];
  for (const [type, obj] of instances()) {
    const decl = types.get(type);
    if (!decl) throw new Error(`@types/google-apps-script declares no ${type}`);
    const lacking = decl.all.filter((m) => !provided(obj, m)).sort();
    for (const m of lacking) missing.push([type, obj, m]);
    const shown = lacking.map((m) => `\`${m}\`${decl.deprecated.has(m) ? '†' : ''}`).join(', ');
    const extra = publicMethods(obj).filter((m) => !decl.all.includes(m) && m !== 'toString').sort();
    // Reachable through the exposed object, it would let a script pass here and fail on Google.
    for (const m of extra) {
      try {
        (obj as Record<string, () => unknown>)[m]();
        extras.push(`${type}.${m}: callable`);
      } catch (e) {
        if (!(e instanceof NotProvidedError)) extras.push(`${type}.${m}: ${(e as Error).message}`);
      }
    }
    const cls = type.split('.').pop() as string;
    // a typed chart builder's members that EmbeddedChartBuilder declares too are one member, read once under its name
    const base = familyOf(types, 'Spreadsheet.EmbeddedChartBuilder').includes(type) ? types.get('Spreadsheet.EmbeddedChartBuilder')!.all : [];
    const isRead = (m: string) => readOnes.has(`${cls}.${m}`) || (base.includes(m) && readOnes.has(`EmbeddedChartBuilder.${m}`));
    const unread = decl.all.filter((m) => provided(obj, m) && !isRead(m)).sort();
    unreadTotal += unread.length;
    providedTotal += decl.all.length - lacking.length;
    lines.push(`| ${cls} | ${decl.all.length - lacking.length} / ${decl.all.length} | ${shown || '—'} | ${unread.map((m) => `\`${m}\``).join(', ') || '—'} |`);
  }
  lines.push('', `Provided: ${providedTotal}; read against the reference: ${providedTotal - unreadTotal}; not yet read: ${unreadTotal}.`);
  return { text: lines.join('\n') + '\n', missing, extras };
}

const RUNTIME = path.join(__dirname, '../../runtime');

/**
 * Every class name the runtime hands to `expose` (directly, through `exposeSelf`, or through
 * runtime/index.ts's `any`): the string literal among the call's arguments. A call whose class
 * name is not a literal is listed as `<file>:dynamic` and must be accounted for by name below.
 */
function exposedClassNames(): Set<string> {
  const names = new Set<string>();
  const walk = (dir: string): string[] =>
    fs.readdirSync(dir, { withFileTypes: true }).flatMap((d) => (d.isDirectory() ? walk(path.join(dir, d.name)) : d.name.endsWith('.ts') ? [path.join(dir, d.name)] : []));
  for (const file of walk(RUNTIME)) {
    const src = fs.readFileSync(file, 'utf8');
    const rel = path.relative(RUNTIME, file);
    for (const m of src.matchAll(/\b(expose|exposeSelf|any)(<[^>(]*>)?\(/g)) {
      if (m[1] === 'any' && rel !== 'index.ts') continue;
      // the call's text, up to its closing parenthesis
      let depth = 0;
      let i = m.index! + m[0].length - 1;
      const from = i;
      for (; i < src.length; i++) {
        if (src[i] === '(') depth++;
        else if (src[i] === ')' && --depth === 0) break;
      }
      const call = src.slice(from, i + 1);
      if (/^\((o|target): [\w<>]+, (className|name): string/.test(call)) continue; // a definition
      if (/^\(o, (className|name), [\w.]+\)$/.test(call)) continue; // a helper passing its own argument on
      const literal = [...call.matchAll(/,\s*'([A-Za-z]+)',?\s*(?:[\w.]+\s*,?\s*)?\)$/g)].pop() ?? [...call.matchAll(/,\s*'([A-Za-z]+)'\s*,/g)].pop();
      names.add(literal ? literal[1] : `${rel}:dynamic`);
    }
  }
  return names;
}

/** Exposed under a name that is not a literal, and which Google classes those are. */
const DYNAMIC: Record<string, string> = {
  // asColumnChart() etc.: the builder under each Embedded…ChartBuilder name (familyOf)
  'spreadsheet/chart.ts:dynamic': 'EmbeddedChartBuilder',
};
/** Exposed, but not an Apps Script class: the JavaScript console (V8's own object, no reference page). */
const NOT_APPS_SCRIPT = new Set(['console']);

describe('runtime members against @types/google-apps-script (issue 16)', () => {
  const { text, missing, extras } = report();

  it('every class the runtime exposes is enumerated here, so GOOGLE_MEMBERS limits it and runtime-members.md lists it', () => {
    const listed = new Set(instances().map(([type]) => type.split('.').pop() as string));
    const unlisted = [...exposedClassNames()]
      .map((n) => DYNAMIC[n] ?? n)
      .filter((n) => !listed.has(n) && !NOT_APPS_SCRIPT.has(n))
      .sort();
    expect(unlisted).toEqual([]);
    // the scan itself finds what it should (a scan finding nothing would pass the line above)
    expect([...exposedClassNames()]).toEqual(expect.arrayContaining(['Range', 'PivotGroupLimit', 'RgbColor', 'PromptResponse', 'Logger', 'ContainerInfo']));
  });

  it('a method of the emulation Google does not declare cannot be called by a script (it would pass here and fail there)', () => {
    expect(extras).toEqual([]);
  });

  it('the chart builder, one object for every Embedded…ChartBuilder, offers each class only its own members', () => {
    const rt = createLocalRuntime({ bundle: false, now: Date.parse('2024-05-01T09:15:00+08:00'), locale: 'zh-CN', timeZone: 'Asia/Shanghai', user: 'li@example.com' });
    const sheet = rt.services.SpreadsheetApp.getActiveSpreadsheet().getActiveSheet();
    const plain = sheet.newChart() as unknown as Record<string, () => unknown>;
    expect(() => plain.setColors()).toThrow(NotProvidedError); // EmbeddedColumnChartBuilder's, not EmbeddedChartBuilder's
    const column = sheet.newChart().asColumnChart() as unknown as Record<string, unknown>;
    expect(() => (column.svc as () => unknown)()).toThrow(NotProvidedError); // the emulation's own field
    expect(() => (column.self as () => unknown)()).toThrow(NotProvidedError);
    expect(() => (column.opt as () => unknown)()).toThrow(NotProvidedError);
    expect(typeof column.setColors).toBe('function');
  });

  it('docs/runtime-members.md lists what the runtime provides and lacks, class by class; runtime/googleMembers.ts is current', () => {
    const list = memberList();
    if (process.env.UPDATE_MEMBERS) {
      fs.writeFileSync(DOC, text);
      fs.writeFileSync(LIST, list);
    }
    const read = (f: string) => (fs.existsSync(f) ? fs.readFileSync(f, 'utf8') : '(missing: run with UPDATE_MEMBERS=1)');
    expect(read(DOC)).toBe(text);
    expect(read(LIST)).toBe(list);
  });

  it('every member the runtime lacks fails clearly when used: called, or read further (enums)', () => {
    const unclear: string[] = [];
    for (const [type, obj, m] of missing) {
      const cls = type.split('.').pop() as string;
      const want = `not provided by the local runtime: ${cls}.${m}`;
      const member = (obj as Record<string, unknown>)[m];
      const attempts: Array<() => unknown> = [() => (member as () => unknown)(), () => (member as Record<string, unknown>).ANY_KEY];
      for (const attempt of attempts) {
        try {
          attempt();
          unclear.push(`${cls}.${m}: no error`);
        } catch (e) {
          if (!(e instanceof NotProvidedError) || (e as Error).message !== want) unclear.push(`${cls}.${m}: ${(e as Error).message}`);
        }
      }
    }
    expect(unclear).toEqual([]);
  });
});
