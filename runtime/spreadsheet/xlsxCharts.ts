// Embedded charts in the .xlsx export as native charts (DrawingML, ECMA-376 Part 1 §21.2), so
// Excel and LibreOffice draw them from the exported cells, as Sheets' own "Download .xlsx" does.
// ExcelJS writes images but not charts, so the parts are added to the zip it wrote: per sheet with
// charts one drawing (xl/drawings/drawingN.xml) anchoring each chart at its cell and offset, one
// chart part per chart (xl/charts/chartN.xml), the relationships and content types they need.
//
// Types: COLUMN, BAR, LINE, AREA and PIE become the same native type; other types (scatter,
// combo, geo…) are left out, and the data range they read stays in the sheet. Series refer to the
// sheet's cells with their current values cached; a chart reading several ranges or transposed
// carries its values as literals (it then does not follow later edits in Excel).
import { chartTable, type ChartTable } from './chartData';
import { readZip, writeZip } from './zip';
import type { ChartSpec, Workbook } from './workbook';

export const XLSX_CHART_TYPES = ['COLUMN', 'BAR', 'LINE', 'AREA', 'PIE'];

const PALETTE = [
  '4285F4',
  'EA4335',
  'FBBC04',
  '34A853',
  'FF6D01',
  '46BDC6',
  '7BAAF7',
  'F07B72',
  'FCD04F',
  '71C287',
];
const EMU_PER_PX = 9525;
const DEFAULT_SIZE = { width: 600, height: 371 };

const NS_C = 'http://schemas.openxmlformats.org/drawingml/2006/chart';
const NS_A = 'http://schemas.openxmlformats.org/drawingml/2006/main';
const NS_R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const NS_XDR = 'http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing';
const REL_CHART = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/chart';
const REL_DRAWING = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/drawing';
const CT_CHART = 'application/vnd.openxmlformats-officedocument.drawingml.chart+xml';
const CT_DRAWING = 'application/vnd.openxmlformats-officedocument.drawing+xml';

const esc = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

const hex = (c: unknown, i: number): string => {
  const s = typeof c === 'string' ? c.trim() : '';
  return /^#[0-9a-f]{6}$/i.test(s) ? s.slice(1).toUpperCase() : PALETTE[i % PALETTE.length];
};

const solid = (rgb: string) => `<c:spPr><a:solidFill><a:srgbClr val="${rgb}"/></a:solidFill></c:spPr>`;

function richTitle(text: string, size: number): string {
  return `<c:title><c:tx><c:rich><a:bodyPr/><a:p><a:pPr><a:defRPr sz="${size}" b="0"/></a:pPr><a:r><a:rPr lang="en-US" sz="${size}" b="0"/><a:t>${esc(text)}</a:t></a:r></a:p></c:rich></c:tx><c:overlay val="0"/></c:title>`;
}

function strData(ref: string | null | undefined, values: string[]): string {
  const pts = values.map((v, i) => `<c:pt idx="${i}"><c:v>${esc(v)}</c:v></c:pt>`).join('');
  const cache = `<c:ptCount val="${values.length}"/>${pts}`;
  return ref
    ? `<c:strRef><c:f>${esc(ref)}</c:f><c:strCache>${cache}</c:strCache></c:strRef>`
    : `<c:strLit>${cache}</c:strLit>`;
}

function numData(ref: string | undefined, values: Array<number | null>): string {
  const pts = values.map((v, i) => (v === null ? '' : `<c:pt idx="${i}"><c:v>${v}</c:v></c:pt>`)).join('');
  const cache = `<c:formatCode>General</c:formatCode><c:ptCount val="${values.length}"/>${pts}`;
  return ref
    ? `<c:numRef><c:f>${esc(ref)}</c:f><c:numCache>${cache}</c:numCache></c:numRef>`
    : `<c:numLit>${cache}</c:numLit>`;
}

function series(t: ChartTable, spec: ChartSpec, pie: boolean): string {
  const colors = Array.isArray(spec.options.colors) ? spec.options.colors : [];
  return t.series
    .map((s, k) => {
      const color = hex(colors[k], k);
      const name = t.refs?.names[k]
        ? `<c:tx>${strData(t.refs.names[k], [s.name])}</c:tx>`
        : `<c:tx><c:v>${esc(s.name)}</c:v></c:tx>`;
      const look = pie
        ? t.categories
            .map(
              (_, i) => `<c:dPt><c:idx val="${i}"/><c:bubble3D val="0"/>${solid(hex(colors[i], i))}</c:dPt>`,
            )
            .join('')
        : spec.type === 'LINE'
          ? `<c:spPr><a:ln w="28575"><a:solidFill><a:srgbClr val="${color}"/></a:solidFill></a:ln></c:spPr><c:marker><c:symbol val="circle"/><c:size val="5"/>${solid(color)}</c:marker>`
          : solid(color);
      const labels = pie ? pieLabels(String(spec.options.pieSliceText ?? 'percentage')) : '';
      return `<c:ser><c:idx val="${k}"/><c:order val="${k}"/>${name}${look}${labels}<c:cat>${strData(t.refs?.categories, t.categories)}</c:cat><c:val>${numData(t.refs?.values[k], s.values)}</c:val>${spec.type === 'LINE' ? '<c:smooth val="0"/>' : ''}</c:ser>`;
    })
    .join('');
}

function pieLabels(text: string): string {
  if (text === 'none') return '';
  const on = (b: boolean) => (b ? 1 : 0);
  return `<c:dLbls><c:txPr><a:bodyPr/><a:p><a:pPr><a:defRPr sz="1000"><a:solidFill><a:srgbClr val="FFFFFF"/></a:solidFill></a:defRPr></a:pPr><a:endParaRPr lang="en-US"/></a:p></c:txPr><c:dLblPos val="ctr"/><c:showLegendKey val="0"/><c:showVal val="${on(text === 'value')}"/><c:showCatName val="${on(text === 'label')}"/><c:showSerName val="0"/><c:showPercent val="${on(text === 'percentage')}"/><c:showBubbleSize val="0"/><c:showLeaderLines val="0"/></c:dLbls>`;
}

function axis(kind: 'cat' | 'val', id: number, cross: number, pos: string, title: string): string {
  const t = title ? richTitle(title, 1000) : '';
  const grid =
    kind === 'val'
      ? '<c:majorGridlines><c:spPr><a:ln><a:solidFill><a:srgbClr val="E0E0E0"/></a:solidFill></a:ln></c:spPr></c:majorGridlines>'
      : '';
  const tail =
    kind === 'cat'
      ? '<c:auto val="1"/><c:lblAlgn val="ctr"/><c:lblOffset val="100"/><c:noMultiLvlLbl val="0"/>'
      : '<c:crossBetween val="between"/>';
  return `<c:${kind}Ax><c:axId val="${id}"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="${pos}"/>${grid}${t}<c:numFmt formatCode="General" sourceLinked="1"/><c:majorTickMark val="none"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/><c:crossAx val="${cross}"/><c:crosses val="autoZero"/>${tail}</c:${kind}Ax>`;
}

const LEGEND: Record<string, string> = { right: 'r', left: 'l', top: 't', bottom: 'b', in: 'r' };

/** One chart part (xl/charts/chartN.xml). */
export function chartXml(spec: ChartSpec, t: ChartTable): string {
  const o = spec.options;
  const pie = spec.type === 'PIE';
  const stacked = o.isStacked === true || o.isStacked === 'true';
  const ser = series(t, spec, pie);
  let plot: string;
  if (pie) plot = `<c:pieChart><c:varyColors val="1"/>${ser}<c:firstSliceAng val="0"/></c:pieChart>`;
  else {
    const ids = '<c:axId val="500000001"/><c:axId val="500000002"/>';
    const bar = spec.type === 'BAR';
    const body =
      spec.type === 'LINE'
        ? `<c:lineChart><c:grouping val="standard"/><c:varyColors val="0"/>${ser}<c:marker val="1"/>${ids}</c:lineChart>`
        : spec.type === 'AREA'
          ? `<c:areaChart><c:grouping val="${stacked ? 'stacked' : 'standard'}"/><c:varyColors val="0"/>${ser}${ids}</c:areaChart>`
          : `<c:barChart><c:barDir val="${bar ? 'bar' : 'col'}"/><c:grouping val="${stacked ? 'stacked' : 'clustered'}"/><c:varyColors val="0"/>${ser}<c:gapWidth val="60"/>${stacked ? '<c:overlap val="100"/>' : ''}${ids}</c:barChart>`;
    plot =
      body +
      axis('cat', 500000001, 500000002, bar ? 'l' : 'b', String(o['hAxis.title'] ?? '')) +
      axis('val', 500000002, 500000001, bar ? 'b' : 'l', String(o['vAxis.title'] ?? ''));
  }
  const title = o.title ? richTitle(String(o.title), 1200) : '';
  const pos = String(o['legend.position'] ?? 'right').toLowerCase();
  const legend =
    pos === 'none'
      ? ''
      : `<c:legend><c:legendPos val="${LEGEND[pos] ?? 'r'}"/><c:overlay val="0"/></c:legend>`;
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
    `<c:chartSpace xmlns:c="${NS_C}" xmlns:a="${NS_A}" xmlns:r="${NS_R}"><c:roundedCorners val="0"/>` +
    `<c:chart>${title}<c:autoTitleDeleted val="${title ? 0 : 1}"/><c:plotArea><c:layout/>${plot}</c:plotArea>${legend}<c:plotVisOnly val="1"/><c:dispBlanksAs val="gap"/></c:chart>` +
    `<c:spPr><a:solidFill><a:srgbClr val="FFFFFF"/></a:solidFill><a:ln><a:solidFill><a:srgbClr val="DADCE0"/></a:solidFill></a:ln></c:spPr>` +
    `<c:txPr><a:bodyPr/><a:p><a:pPr><a:defRPr sz="1000"/></a:pPr><a:endParaRPr lang="en-US"/></a:p></c:txPr>` +
    `</c:chartSpace>`
  );
}

/** A sheet's drawing part: each chart anchored at its cell plus offset, at its size. */
function drawingXml(charts: Array<{ spec: ChartSpec; rId: string; name: string }>): string {
  const anchors = charts
    .map(({ spec, rId, name }, i) => {
      const p = spec.position;
      const w = typeof spec.options.width === 'number' ? spec.options.width : DEFAULT_SIZE.width;
      const h = typeof spec.options.height === 'number' ? spec.options.height : DEFAULT_SIZE.height;
      return (
        `<xdr:oneCellAnchor><xdr:from><xdr:col>${p.col - 1}</xdr:col><xdr:colOff>${Math.round(p.offsetX * EMU_PER_PX)}</xdr:colOff><xdr:row>${p.row - 1}</xdr:row><xdr:rowOff>${Math.round(p.offsetY * EMU_PER_PX)}</xdr:rowOff></xdr:from>` +
        `<xdr:ext cx="${Math.round(w * EMU_PER_PX)}" cy="${Math.round(h * EMU_PER_PX)}"/>` +
        `<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="${i + 2}" name="${esc(name)}"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr><xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm>` +
        `<a:graphic><a:graphicData uri="${NS_C}"><c:chart xmlns:c="${NS_C}" r:id="${rId}"/></a:graphicData></a:graphic></xdr:graphicFrame><xdr:clientData/></xdr:oneCellAnchor>`
      );
    })
    .join('');
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<xdr:wsDr xmlns:xdr="${NS_XDR}" xmlns:a="${NS_A}" xmlns:r="${NS_R}">${anchors}</xdr:wsDr>`;
}

function rels(items: Array<{ id: string; type: string; target: string }>): string {
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${items
    .map((r) => `<Relationship Id="${r.id}" Type="${r.type}" Target="${esc(r.target)}"/>`)
    .join('')}</Relationships>`;
}

const attr = (tag: string, name: string): string | undefined =>
  new RegExp(`\\s${name}="([^"]*)"`).exec(tag)?.[1];
const unesc = (s: string) =>
  s
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');

/** Sheet name → its worksheet part (xl/worksheets/sheetN.xml), from workbook.xml and its rels. */
function sheetParts(files: Map<string, Buffer>): Map<string, string> {
  const wbXml = files.get('xl/workbook.xml')?.toString('utf8') ?? '';
  const relXml = files.get('xl/_rels/workbook.xml.rels')?.toString('utf8') ?? '';
  const targets = new Map<string, string>();
  for (const m of relXml.matchAll(/<Relationship\b[^>]*>/g)) {
    const id = attr(m[0], 'Id');
    const target = attr(m[0], 'Target');
    if (id && target) targets.set(id, target.replace(/^\/?(xl\/)?/, 'xl/'));
  }
  const out = new Map<string, string>();
  for (const m of wbXml.matchAll(/<sheet\b[^>]*>/g)) {
    const name = attr(m[0], 'name');
    const id = attr(m[0], 'r:id');
    const target = id && targets.get(id);
    if (name !== undefined && target) out.set(unesc(name), target);
  }
  return out;
}

// Elements a worksheet may hold after <drawing>, in schema order (CT_Worksheet).
const AFTER_DRAWING = [
  'legacyDrawing',
  'legacyDrawingHF',
  'drawingHF',
  'picture',
  'oleObjects',
  'controls',
  'webPublishItems',
  'tableParts',
  'extLst',
];

function withDrawingRef(sheetXml: string, rId: string): string {
  const el = `<drawing r:id="${rId}"/>`;
  for (const name of AFTER_DRAWING) {
    const i = sheetXml.search(new RegExp(`<${name}[\\s/>]`));
    if (i >= 0) return sheetXml.slice(0, i) + el + sheetXml.slice(i);
  }
  const end = sheetXml.lastIndexOf('</worksheet>');
  return sheetXml.slice(0, end) + el + sheetXml.slice(end);
}

/**
 * Adds the workbook's charts to the .xlsx `buf` (as ExcelJS wrote it). Returns `buf` unchanged
 * when no sheet has a chart the export can write.
 */
export function addNativeCharts(buf: Buffer, wb: Workbook, nowMs: number): Buffer {
  const sheets = wb.sheets
    .map((s) => ({ sheet: s, charts: s.charts.filter((c) => XLSX_CHART_TYPES.includes(c.type)) }))
    .filter((x) => x.charts.length);
  if (!sheets.length) return buf;
  const files = readZip(buf);
  const parts = sheetParts(files);
  let types = files.get('[Content_Types].xml')!.toString('utf8');
  const overrides: string[] = [];
  let chartNo = 0;
  let drawingNo = 0;
  while (files.has(`xl/drawings/drawing${drawingNo + 1}.xml`)) drawingNo++;
  for (const { sheet, charts } of sheets) {
    const part = parts.get(sheet.name);
    // A sheet holds one drawing: one ExcelJS wrote (images) is left as it is.
    if (!part || !files.has(part) || /<drawing[\s/>]/.test(files.get(part)!.toString('utf8'))) continue;
    drawingNo++;
    const drawingPath = `xl/drawings/drawing${drawingNo}.xml`;
    const drawingRels: Array<{ id: string; type: string; target: string }> = [];
    const anchored: Array<{ spec: ChartSpec; rId: string; name: string }> = [];
    for (const spec of charts) {
      chartNo++;
      const chartPath = `xl/charts/chart${chartNo}.xml`;
      files.set(chartPath, Buffer.from(chartXml(spec, chartTable(wb, spec, nowMs)), 'utf8'));
      overrides.push(`<Override PartName="/${chartPath}" ContentType="${CT_CHART}"/>`);
      const rId = `rId${drawingRels.length + 1}`;
      drawingRels.push({ id: rId, type: REL_CHART, target: `../charts/chart${chartNo}.xml` });
      anchored.push({ spec, rId, name: `Chart ${chartNo}` });
    }
    files.set(drawingPath, Buffer.from(drawingXml(anchored), 'utf8'));
    files.set(`xl/drawings/_rels/drawing${drawingNo}.xml.rels`, Buffer.from(rels(drawingRels), 'utf8'));
    overrides.push(`<Override PartName="/${drawingPath}" ContentType="${CT_DRAWING}"/>`);
    // The sheet's relationships: ExcelJS may have written some (notes, hyperlinks); add ours after them.
    const relsPath = part.replace(/^(.*\/)([^/]+)$/, '$1_rels/$2.rels');
    const existing = files.get(relsPath)?.toString('utf8');
    const rId = `rIdChartDrawing${drawingNo}`;
    const rel = `<Relationship Id="${rId}" Type="${REL_DRAWING}" Target="../drawings/drawing${drawingNo}.xml"/>`;
    files.set(
      relsPath,
      Buffer.from(
        existing
          ? existing.replace('</Relationships>', `${rel}</Relationships>`)
          : rels([{ id: rId, type: REL_DRAWING, target: `../drawings/drawing${drawingNo}.xml` }]),
        'utf8',
      ),
    );
    let sheetXml = files.get(part)!.toString('utf8');
    if (!/xmlns:r="/.test(sheetXml.slice(0, 1000)))
      sheetXml = sheetXml.replace('<worksheet ', `<worksheet xmlns:r="${NS_R}" `);
    files.set(part, Buffer.from(withDrawingRef(sheetXml, rId), 'utf8'));
  }
  types = types.replace('</Types>', `${overrides.join('')}</Types>`);
  files.set('[Content_Types].xml', Buffer.from(types, 'utf8'));
  return writeZip(files);
}
