// jixiao 工作台：页面只与本程序的 /api 交谈，不加载任何外部资源。
'use strict';

const $ = (id) => document.getElementById(id);
const state = {
  name: '', yaml: '', baseName: '', baseYaml: '', baseLabel: '',
  dataset: '', datasetName: '',
  view: null, page: null, sortKey: 'rank', sortDesc: false, selected: '',
};
const ROW = 26;
// 服务器排序、筛选后每次只送来一页行（十万个单位全部送来约 30 MB）：
// 页面取可见行前后的 PAGE 行，滚出这个范围时再取。
const PAGE = 300;
let rowsWanted = 0; // 最近一次取行请求的编号，较早的回答作废

function esc(s) {
  return String(s).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c]));
}
function num(x) {
  if (x === null || x === undefined) return 'NA';
  return String(Math.round(x * 100) / 100);
}
function status(t) { $('status').textContent = t; }

async function api(path, opts) {
  const o = Object.assign({ headers: {} }, opts || {});
  if (o.json !== undefined) {
    o.method = 'POST';
    o.body = JSON.stringify(o.json);
    o.headers['Content-Type'] = 'application/json';
  }
  const res = await fetch(path, o);
  const type = res.headers.get('Content-Type') || '';
  if (!res.ok) {
    const body = type.startsWith('application/json') ? await res.json() : { error: await res.text() };
    const err = new Error(body.error || res.statusText);
    err.body = body;
    throw err;
  }
  return o.raw ? res : type.startsWith('application/json') ? res.json() : res.text();
}

function showErrors(e) {
  const box = $('errors');
  if (!e) { box.hidden = true; box.innerHTML = ''; return; }
  const items = (e.errors && e.errors.length) ? e.errors : [{ text: e.error }];
  box.innerHTML = '<b>出错了：</b>' + items.map((it) => {
    const at = it.line ? `<div class="pos">${esc(it.file || '')} 第 ${it.line} 行${it.col ? ' 第 ' + it.col + ' 列' : ''}</div>` : '';
    return at + '<pre>' + esc(it.text || it.message) + '</pre>';
  }).join('');
  box.hidden = false;
}

function workspace(edits, page) {
  return { name: state.name, yaml: state.yaml, base_name: state.baseName, base_yaml: state.baseYaml, dataset: state.dataset, edits: edits || [], page: page };
}

function firstVisible() { return Math.max(0, Math.floor($('grid-body').scrollTop / ROW) - 5); }
function pageQuery(first) {
  return { offset: Math.max(0, first - 100), limit: PAGE, sort: state.sortKey, desc: state.sortDesc, grade: $('grade-filter').value, q: $('search').value.trim() };
}
function pageKey(q) { return [q.sort, q.desc, q.grade, q.q].join('\u0000'); }
function setPage(q, v) {
  state.page = { key: pageKey(q), offset: v.offset, units: v.units || [], matched: v.matched, total: v.total };
}

// refresh 让服务器按当前规则与数据重算，并与已保存版本比较。
async function refresh(edits) {
  status('计算中…');
  let v;
  const q = pageQuery(firstVisible());
  rowsWanted++;
  try {
    v = await api('/api/view', { json: workspace(edits, q) });
  } catch (e) {
    showErrors(e.body || { error: String(e) });
    status('');
    return;
  }
  state.yaml = v.yaml;
  state.view = v.error ? (state.view && Object.assign({}, state.view, { lint: v.lint })) : v;
  showErrors(v.error);
  // 出错时旧结果仍在，但变灰，以免被当作新结果。
  document.querySelector('main').classList.toggle('stale', !!v.error);
  drawYaml(v);
  if (!v.error) {
    setPage(q, v);
    drawTable();
    drawChart();
    drawTune();
    drawDiff();
    if (state.selected && state.page.units.some((u) => u.u === state.selected)) explain(state.selected);
    else { $('explain').textContent = '点击一个单位查看其得分说明。'; $('explain').classList.add('muted'); }
  }
  $('tune-time').textContent = v.error ? '' : `${v.total} 个单位，用时 ${v.ms} 毫秒`;
  status(v.error ? '有错误' : `${v.ruleset.title}（${v.ruleset.id} ${v.ruleset.version}）`);
  document.body.dataset.ready = v.error ? 'error' : 'ok';
  // 页面测试据此得知一次重算已画完。
  document.body.dataset.refreshes = String(+(document.body.dataset.refreshes || 0) + 1);
}

// ---------- 结果表 ----------
function columns() {
  const v = state.view;
  const diff = !!v.diff;
  const cols = [
    { key: 'rank', label: '排名', w: 48, get: (u) => u.r || '' },
    { key: 'unit', label: '单位', w: 80, t: true, get: (u) => u.u },
    { key: 'name', label: '名称', w: 200, t: true, get: (u) => u.n },
  ];
  v.columns.forEach((c, k) => cols.push({ key: 'p' + k, label: String(k + 1), title: c.label + '（' + c.weight + '分）', w: 52, get: (u) => u.e ? '' : num(u.p[k]), val: (u) => u.p[k] }));
  cols.push({ key: 'score', label: '总分', w: 64, get: (u) => u.e ? '未评分' : num(u.s), val: (u) => u.e ? -1 : u.s });
  cols.push({ key: 'grade', label: '等级', w: 48, get: (u) => u.g });
  if (diff) {
    cols.push({ key: 'old', label: '原总分', w: 64, get: (u) => u.os === undefined ? '' : num(u.os), val: (u) => u.os });
    cols.push({ key: 'oldgrade', label: '原等级', w: 52, get: (u) => u.og || '' });
    cols.push({ key: 'delta', label: '变化', w: 56, get: (u) => u.d === undefined ? '' : (u.d > 0 ? '+' : '') + num(u.d), val: (u) => u.d || 0, cls: (u) => u.d > 0 ? 'up' : u.d < 0 ? 'down' : '' });
  }
  cols.push({ key: 'checks', label: '校验', w: 48, get: (u) => u.c ? '不符' : '' });
  return cols;
}

function drawTable() {
  const v = state.view;
  $('title').textContent = `${v.ruleset.title}（${v.ruleset.id} ${v.ruleset.version}）· 数据 ${v.data.files.join(', ')}`;
  const sel = $('grade-filter');
  const cur = sel.value;
  sel.innerHTML = '<option value="">全部</option>' + v.grades.map((g) => `<option>${esc(g.label)}</option>`).join('');
  sel.value = cur;
  const cols = columns();
  const tmpl = cols.map((c) => c.w + 'px').join(' ');
  const head = $('grid-head');
  head.style.gridTemplateColumns = tmpl;
  head.innerHTML = cols.map((c) => `<span data-key="${c.key}" class="${c.t ? 't' : ''}" title="${esc(c.title || c.label)}">${esc(c.label)}${state.sortKey === c.key ? (state.sortDesc ? '▼' : '▲') : ''}</span>`).join('');
  state.template = tmpl;
  if (!state.page || state.page.key !== pageKey(pageQuery(0))) { fetchRows(firstVisible()); return; }
  drawCount();
  drawRows();
}

function drawCount() {
  $('grid-spacer').style.height = (state.page.matched * ROW) + 'px';
  $('count').textContent = `显示 ${state.page.matched} / ${state.page.total} 个单位`;
}

// fetchRows 取从 first 附近开始的一页行（当前的排序与筛选），到后画出。
async function fetchRows(first) {
  const q = pageQuery(first);
  const n = ++rowsWanted;
  state.fetching = q;
  let v;
  try {
    v = await api('/api/view', { json: workspace([], q) });
  } catch (e) {
    return;
  } finally {
    if (n === rowsWanted) state.fetching = null;
  }
  if (n !== rowsWanted || v.error) return;
  setPage(q, v);
  drawCount();
  drawRows();
}

function drawRows() {
  if (!state.view) return;
  const body = $('grid-body');
  const first = Math.max(0, Math.floor(body.scrollTop / ROW) - 5);
  const count = Math.ceil(body.clientHeight / ROW) + 10;
  const cols = columns();
  const html = [];
  const p = state.page;
  if (!p) return;
  const end = Math.min(p.matched, first + count);
  if ((first < p.offset || end > p.offset + p.units.length) &&
    !(state.fetching && Math.abs(state.fetching.offset - pageQuery(first).offset) < PAGE / 3)) fetchRows(first);
  for (let i = first; i < end; i++) {
    const u = p.units[i - p.offset];
    if (!u) continue; // 尚未取到，取到后再画
    const cls = 'row' + (u.e ? ' failed' : '') + (u.u === state.selected ? ' sel' : '');
    html.push(`<div class="${cls}" data-unit="${esc(u.u)}" style="grid-template-columns:${state.template}" title="${esc(u.e || '')}">` +
      cols.map((c) => `<span class="${c.t ? 't' : ''} ${c.cls ? c.cls(u) : ''}">${esc(c.get(u))}</span>`).join('') + '</div>');
  }
  const rows = $('grid-rows');
  rows.style.top = (first * ROW) + 'px';
  rows.innerHTML = html.join('');
  $('grid-head').scrollLeft = body.scrollLeft;
}

function drawChart() {
  const v = state.view;
  const max = Math.max(1, ...v.grades.map((g) => g.units));
  $('chart').innerHTML = v.grades.map((g) =>
    `<div class="bar" data-grade="${esc(g.label)}"><span>${esc(g.label)}</span><i style="width:${Math.round(220 * g.units / max)}px"></i><b>${g.units}</b><span class="muted">≥${g.min}</span></div>`).join('');
}

async function explain(unit) {
  state.selected = unit;
  drawRows();
  const fd = rulesetForm();
  fd.append('unit', unit);
  try {
    $('explain').textContent = await api('/api/explain', { method: 'POST', body: fd });
    $('explain').classList.remove('muted');
  } catch (e) {
    $('explain').textContent = e.message;
  }
}

function rulesetForm(part) {
  const fd = new FormData();
  fd.append(part || 'ruleset', new Blob([state.yaml], { type: 'application/yaml' }), state.name);
  if (state.dataset) fd.append('dataset', state.dataset);
  return fd;
}

// ---------- 调整 ----------
function drawTune() {
  const v = state.view;
  let h = '<table><tr><th class="t">指标</th><th>分值</th><th>目标值</th><th class="t">区间（条件 → 得分比例）</th></tr>';
  v.columns.forEach((c, k) => {
    let bands = '';
    (c.bands || []).forEach((b, i) => {
      if (b.else) { bands += `<div>其余 → ${esc(b.score)}</div>`; return; }
      bands += `<div><input class="when" data-ind="${esc(c.id)}" data-field="band.${i + 1}.when" value="${esc(b.when)}"> → <input data-ind="${esc(c.id)}" data-field="band.${i + 1}.score" value="${esc(b.score)}"></div>`;
    });
    h += `<tr><td class="t">${k + 1}. ${esc(c.label)}</td><td><input data-ind="${esc(c.id)}" data-field="weight" value="${c.weight}"></td>` +
      `<td>${c.form === 'tiers' || c.form === 'deduct' || (c.bands && c.bands.length) ? '' : `<input data-ind="${esc(c.id)}" data-field="target" value="${esc(c.target || '')}">`}</td><td class="t">${bands}</td></tr>`;
  });
  h += '</table><h2>等级线</h2><table><tr><th class="t">等级</th><th>最低分</th><th>单位数</th></tr>';
  v.grades.forEach((g) => {
    h += `<tr><td class="t">${esc(g.label)}</td><td><input data-grade="${esc(g.label)}" data-field="min" value="${g.min}"></td><td>${g.units}</td></tr>`;
  });
  $('tune-form').innerHTML = h + '</table>';
}

function drawDiff() {
  const d = state.view.diff;
  if (!d) {
    $('migration').innerHTML = '<p class="muted">与已保存版本相同：修改一项即可看到变化。</p>';
    $('moved').innerHTML = '';
    $('causes').innerHTML = '';
    return;
  }
  const cell = {};
  d.migration.forEach((m) => { cell[m.from + '\u0000' + m.to] = m.units; });
  const froms = d.old_grades.slice(), tos = d.new_grades.slice();
  d.migration.forEach((m) => { if (!froms.includes(m.from)) froms.push(m.from); if (!tos.includes(m.to)) tos.push(m.to); });
  let h = '<table id="migration-table"><tr><th></th>' + tos.map((t) => `<th>${esc(t || '未评分')}</th>`).join('') + '</tr>';
  froms.forEach((f) => {
    h += `<tr><th>${esc(f || '未评分')}</th>` + tos.map((t) => {
      const n = cell[f + '\u0000' + t] || 0;
      return `<td class="${f !== t && n ? (d.new_grades.indexOf(t) < d.old_grades.indexOf(f) ? 'up' : 'down') : ''}">${n}</td>`;
    }).join('') + '</tr>';
  });
  $('migration').innerHTML = h + `</table><p>共 ${d.moved_count} 个单位得分变化（对比 ${esc(state.baseLabel || d.old.id + ' ' + d.old.version)}）。</p>`;
  $('moved').innerHTML = d.moved.length ? '<table><tr><th class="t">单位</th><th>原</th><th>新</th><th>变化</th><th class="t">原因</th></tr>' + d.moved.map((u) =>
    `<tr><td class="t">${esc(u.unit)} ${esc(u.name)}</td><td>${num(u.old_score)} ${esc(u.old_grade)}</td><td>${num(u.new_score)} ${esc(u.new_grade)}</td>` +
    `<td class="${u.delta > 0 ? 'up' : 'down'}">${u.delta > 0 ? '+' : ''}${num(u.delta)}</td><td class="t">${u.causes.map((c) => `${esc(c.label)} ${c.old === null ? '—' : num(c.old)}→${c.new === null ? '—' : num(c.new)}`).join('；')}</td></tr>`).join('') + '</table>' : '<p class="muted">没有单位得分变化。</p>';
  $('causes').innerHTML = '<table><tr><th class="t">指标</th><th>原合计</th><th>新合计</th><th>变化</th><th>单位数</th></tr>' + d.indicators.filter((c) => c.delta !== 0 || c.units).map((c) =>
    `<tr><td class="t">${esc(c.label)}</td><td>${num(c.old)}</td><td>${num(c.new)}</td><td>${num(c.delta)}</td><td>${c.units}</td></tr>`).join('') + '</table>';
}

let tuneTimer = null;
function onTune(ev) {
  const el = ev.target;
  if (el.tagName !== 'INPUT') return;
  el.classList.add('changed');
  clearTimeout(tuneTimer);
  tuneTimer = setTimeout(() => {
    const edit = { field: el.dataset.field, value: el.value };
    if (el.dataset.ind) edit.indicator = el.dataset.ind; else edit.grade = el.dataset.grade;
    refresh([edit]);
  }, 150);
}

async function saveVersion() {
  try {
    const v = await api('/api/versions', { json: { name: state.name, yaml: state.yaml, note: $('version-note').value } });
    state.baseYaml = state.yaml;
    state.baseName = state.name;
    state.baseLabel = `版本 ${v.id}`;
    status(`已保存为版本 ${v.id}`);
    await loadRulesets(`v${v.id}`);
    refresh();
  } catch (e) { showErrors(e.body || { error: String(e) }); }
}

// ---------- 规则 ----------
function drawYaml(v) {
  const ta = $('yaml');
  if (document.activeElement !== ta) ta.value = state.yaml;
  $('yaml-name').textContent = state.name;
  const marks = {};
  const issues = (v.lint || []).slice();
  if (v.error && v.error.errors) v.error.errors.forEach((e) => { if (e.file === state.name) issues.push({ line: e.line, col: e.col, severity: 'error', text: e.text }); });
  issues.forEach((is) => { if (is.line && marks[is.line] !== 'error') marks[is.line] = is.severity; });
  const n = ta.value.split('\n').length;
  const g = [];
  for (let i = 1; i <= n; i++) g.push(marks[i] ? `<b class="${marks[i]}">${i}</b>` : String(i));
  $('gutter').innerHTML = g.join('\n');
  $('lint').innerHTML = issues.length ? issues.map((is) => `<li class="${is.severity}" data-line="${is.line || 0}">${esc(is.text)}</li>`).join('') : '<li class="muted">没有发现问题。</li>';
}

function gotoLine(line) {
  const ta = $('yaml');
  const lines = ta.value.split('\n');
  let start = 0;
  for (let i = 0; i < line - 1 && i < lines.length; i++) start += lines[i].length + 1;
  ta.focus();
  ta.setSelectionRange(start, start + (lines[line - 1] || '').length);
  ta.scrollTop = (line - 5) * 18;
  $('gutter').scrollTop = ta.scrollTop;
}

// ---------- 数据与规则集 ----------
async function loadRulesets(select) {
  const r = await api('/api/rulesets');
  const sel = $('ruleset-select');
  sel.innerHTML = r.builtin.map((b) => `<option value="b:${esc(b.id)}">${esc(b.id)} ${esc(b.title)}</option>`).join('') +
    r.versions.map((v) => `<option value="v${v.id}">版本 ${v.id}：${esc(v.ruleset_id)} ${esc(v.version)} ${esc(v.note)}</option>`).join('');
  sel.value = select || 'b:' + r.default;
  return r;
}

async function openRuleset(value) {
  const q = value.startsWith('v') ? 'version=' + value.slice(1) : 'id=' + encodeURIComponent(value.slice(2));
  const r = await api('/api/ruleset?' + q);
  state.name = r.name; state.yaml = r.yaml; state.baseName = r.name; state.baseYaml = r.yaml;
  state.baseLabel = value.startsWith('v') ? '版本 ' + value.slice(1) : value.slice(2);
  await refresh();
}

async function openRulesetFile(file) {
  state.name = file.name;
  state.yaml = await file.text();
  state.baseName = state.name; state.baseYaml = state.yaml; state.baseLabel = file.name;
  const sel = $('ruleset-select');
  let opt = sel.querySelector('option[value="file"]');
  if (!opt) { opt = document.createElement('option'); opt.value = 'file'; sel.prepend(opt); }
  opt.textContent = '文件：' + file.name;
  sel.value = 'file';
  await refresh();
}

async function openData(file) {
  const fd = new FormData();
  fd.append('data', file, file.name);
  try {
    const d = await api('/api/datasets', { method: 'POST', body: fd });
    state.dataset = d.sha256;
    state.datasetName = d.name;
    $('data-name').textContent = `数据：${d.name}（${d.sha256.slice(0, 12)}）`;
    await refresh();
  } catch (e) { showErrors(e.body || { error: String(e) }); }
}

async function downloadCurrent() {
  const format = $('download-format').value;
  const [kind, f] = format.split(':');
  let fd;
  if (kind === 'diff') {
    fd = new FormData();
    fd.append('old', new Blob([state.baseYaml]), state.baseName);
    fd.append('new', new Blob([state.yaml]), state.name);
    if (state.dataset) fd.append('dataset', state.dataset);
  } else {
    fd = rulesetForm();
  }
  fd.append('format', f);
  await save('/api/' + kind, fd, 'jixiao.' + f);
}

// save 发出请求，把回答存为文件（文件名取自服务器）。
async function save(path, fd, fallback) {
  try {
    const res = await api(path, { method: 'POST', body: fd, raw: true });
    const blob = await res.blob();
    const m = /filename\*=UTF-8''([^;]+)/.exec(res.headers.get('Content-Disposition') || '');
    const a = document.createElement('a');
    a.href = URL.createObjectURL(blob);
    a.download = m ? decodeURIComponent(m[1]) : fallback;
    document.body.appendChild(a);
    a.click();
    a.remove();
  } catch (e) { showErrors(e.body || { error: String(e) }); }
}

// ---------- 复核 ----------
async function runReview() {
  const fd = rulesetForm();
  fd.append('format', 'json');
  try {
    const r = await api('/api/review', { method: 'POST', body: fd });
    const units = r.units.filter((u) => u.review && u.review.length);
    $('findings').innerHTML = `<p>${r.units.length} 个单位中 ${units.length} 个的自评与规则不符。</p>` + units.map((u) =>
      `<h2>${esc(u.unit)} ${esc(u.name)}：规则 ${num(u.score)} ${esc(u.grade)}，自评 ${u.claimed ? num(u.claimed.score) + ' ' + esc(u.claimed.grade || '') : ''}</h2>` +
      u.review.map((f) => `<div class="finding ${f.kind === 'claim_high' ? 'high' : 'low'}">${esc(f.message)}</div>`).join('')).join('');
  } catch (e) {
    $('findings').innerHTML = `<pre>${esc(e.message)}</pre>`;
  }
}

// reviewForms 复核一批自评表（.xlsx）：files 为 [{file, path}]，path 是文件在所选文件夹中的
// 路径（如 自评表/二科/219002.xlsx），与命令 jixiao review 自评表 所见相同；
// 结果按命令行的样子显示。
function formsForm(files, format) {
  const fd = new FormData();
  files.forEach((f) => fd.append('forms', f.file, f.path));
  fd.append('format', format);
  return fd;
}

async function reviewForms(files) {
  if (!files.length) return;
  show('review');
  state.forms = files;
  $('forms-download').hidden = true;
  const fd = formsForm(files, 'table');
  $('findings').innerHTML = `<p class="muted">正在复核 ${files.length} 个文件…</p>`;
  try {
    const text = await api('/api/review', { method: 'POST', body: fd });
    $('forms-download').hidden = false;
    $('findings').innerHTML = `<p>复核了 ${files.length} 个文件（按 10号自评表规则，与命令 jixiao review 文件夹 的结果相同）。</p><pre id="forms-review">${esc(text)}</pre>`;
  } catch (e) {
    $('findings').innerHTML = `<pre>${esc(e.message)}</pre>`;
  }
  document.body.dataset.formsReviewed = String(+(document.body.dataset.formsReviewed || 0) + 1);
}

// droppedEntries 读出拖入的文件与文件夹（文件夹逐层展开），路径从所拖的文件夹名起。
async function droppedEntries(entries) {
  const out = [];
  const walk = async (entry, prefix) => {
    if (entry.isFile) {
      const file = await new Promise((ok, fail) => entry.file(ok, fail));
      out.push({ file, path: prefix + file.name });
      return;
    }
    const reader = entry.createReader();
    for (;;) {
      const batch = await new Promise((ok, fail) => reader.readEntries(ok, fail));
      if (!batch.length) break;
      for (const e of batch) await walk(e, prefix + entry.name + '/');
    }
  };
  for (const e of entries) await walk(e, '');
  return out;
}

// ---------- 历史 ----------
async function drawHistory() {
  const [vs, ds, runs] = await Promise.all([api('/api/versions'), api('/api/datasets'), api('/api/runs')]);
  $('versions').innerHTML = vs.length ? '<table>' + vs.map((v) => `<tr><td>${v.id}</td><td class="t">${esc(v.ruleset_id)} ${esc(v.version)}<br><span class="muted">${esc(v.note)} ${esc(v.created)}</span></td><td><button data-open-version="${v.id}">打开</button></td></tr>`).join('') + '</table>' : '<p class="muted">尚未保存版本。</p>';
  $('datasets').innerHTML = ds.length ? '<table>' + ds.map((d) => `<tr><td class="t">${esc(d.name)}<br><span class="muted">${d.sha256.slice(0, 16)} · ${d.size} 字节 · ${esc(d.created)}</span></td><td><button data-use-dataset="${d.sha256}" data-name="${esc(d.name)}">使用</button></td></tr>`).join('') + '</table>' : '<p class="muted">尚未上传数据。</p>';
  $('runs').innerHTML = runs.length ? '<table>' + runs.map((r) => `<tr><td>${r.id}</td><td class="t">${esc(r.ruleset_id)} ${esc(r.ruleset_version)} · ${esc(r.data_name)}<br><span class="muted">${esc(r.stamp)} · 规则 ${r.ruleset_sha256.slice(0, 12)} · 数据 ${r.data_sha256.slice(0, 12)}</span></td><td><button data-open-run="${r.id}">打开</button></td></tr>`).join('') + '</table>' : '<p class="muted">尚无运行记录。</p>';
}

async function saveRun() {
  try {
    const r = await api('/api/runs', { json: workspace() });
    status(`已记录运行 ${r.id}（${r.stamp}）`);
    drawHistory();
  } catch (e) { showErrors(e.body || { error: String(e) }); }
}

async function openRun(id) {
  const r = await api('/api/runs/' + id);
  $('history-detail').innerHTML = `<h2>运行 ${id}（原样重现，生成时间 ${esc(r.time || '')}，规则集 ${esc(r.ruleset.id)} ${esc(r.ruleset.version)}，数据 ${esc(r.data.files.join(', '))}）</h2><table><tr><th>排名</th><th class="t">单位</th><th class="t">名称</th><th>总分</th><th>等级</th></tr>` +
    r.units.map((u) => `<tr><td>${u.rank || ''}</td><td class="t">${esc(u.unit)}</td><td class="t">${esc(u.name)}</td><td>${u.score === undefined ? '未评分' : num(u.score)}</td><td>${esc(u.grade || '')}</td></tr>`).join('') + '</table>';
}

async function unitHistory() {
  const unit = $('unit-history').value.trim();
  if (!unit) return;
  const h = await api('/api/units/' + encodeURIComponent(unit) + '/history');
  $('history-detail').innerHTML = `<h2>${esc(unit)} 历次运行</h2>` + (h.length ? '<table><tr><th>运行</th><th class="t">时间</th><th class="t">规则集</th><th>总分</th><th>等级</th><th>排名</th></tr>' +
    h.map((u) => `<tr><td>${u.run}</td><td class="t">${esc(u.stamp)}</td><td class="t">${esc(u.ruleset_id)} ${esc(u.ruleset_version)}</td><td>${u.scored ? num(u.score) : '未评分'}</td><td>${esc(u.grade)}</td><td>${u.rank || ''}</td></tr>`).join('') + '</table>' : '<p class="muted">没有该单位的运行记录。</p>');
}

// ---------- 事件 ----------
function show(view) {
  document.querySelectorAll('#tabs button').forEach((b) => b.classList.toggle('active', b.dataset.view === view));
  document.querySelectorAll('.view').forEach((s) => { s.hidden = s.id !== 'view-' + view; });
  if (view === 'history') drawHistory();
  if (view === 'table') drawRows();
}

async function init() {
  $('tabs').addEventListener('click', (e) => { if (e.target.dataset.view) show(e.target.dataset.view); });
  $('grid-body').addEventListener('scroll', drawRows);
  $('grid-head').addEventListener('click', (e) => {
    const key = e.target.closest('span') && e.target.closest('span').dataset.key;
    if (!key) return;
    state.sortDesc = state.sortKey === key ? !state.sortDesc : (key === 'score' || key === 'delta');
    state.sortKey = key;
    $('grid-body').scrollTop = 0;
    drawTable();
  });
  $('grid-rows').addEventListener('click', (e) => { const r = e.target.closest('.row'); if (r) explain(r.dataset.unit); });
  $('grade-filter').addEventListener('change', () => { $('grid-body').scrollTop = 0; drawTable(); });
  $('search').addEventListener('input', () => { $('grid-body').scrollTop = 0; drawTable(); });
  $('chart').addEventListener('click', (e) => { const b = e.target.closest('.bar'); if (b) { $('grade-filter').value = b.dataset.grade; $('grid-body').scrollTop = 0; drawTable(); } });
  $('tune-form').addEventListener('input', onTune);
  $('save-version').addEventListener('click', saveVersion);
  $('apply-yaml').addEventListener('click', () => { state.yaml = $('yaml').value; refresh(); });
  $('yaml').addEventListener('scroll', () => { $('gutter').scrollTop = $('yaml').scrollTop; });
  $('lint').addEventListener('click', (e) => { const li = e.target.closest('li'); if (li && +li.dataset.line) gotoLine(+li.dataset.line); });
  $('ruleset-select').addEventListener('change', (e) => { if (e.target.value !== 'file') openRuleset(e.target.value); });
  $('ruleset-file').addEventListener('change', (e) => { if (e.target.files[0]) openRulesetFile(e.target.files[0]); e.target.value = ''; });
  $('data-file').addEventListener('change', (e) => { if (e.target.files[0]) openData(e.target.files[0]); e.target.value = ''; });
  $('claims-file').addEventListener('change', async (e) => { if (e.target.files[0]) { await openData(e.target.files[0]); runReview(); } e.target.value = ''; });
  $('run-review').addEventListener('click', runReview);
  $('forms-save').addEventListener('click', () => { const f = $('forms-format').value; save('/api/review', formsForm(state.forms, f), 'review.' + f); });
  $('forms-files').addEventListener('change', (e) => { reviewForms(Array.from(e.target.files).map((file) => ({ file, path: file.name }))); e.target.value = ''; });
  $('forms-folder').addEventListener('change', (e) => { reviewForms(Array.from(e.target.files).map((file) => ({ file, path: file.webkitRelativePath || file.name }))); e.target.value = ''; });
  $('download').addEventListener('click', downloadCurrent);
  $('save-run').addEventListener('click', saveRun);
  $('show-unit-history').addEventListener('click', unitHistory);
  $('view-history').addEventListener('click', async (e) => {
    const t = e.target;
    if (t.dataset.openVersion) { $('ruleset-select').value = 'v' + t.dataset.openVersion; openRuleset('v' + t.dataset.openVersion); show('table'); }
    if (t.dataset.useDataset) { state.dataset = t.dataset.useDataset; $('data-name').textContent = `数据：${t.dataset.name}`; await refresh(); show('table'); }
    if (t.dataset.openRun) openRun(t.dataset.openRun);
  });
  // 拖放数据文件到页面任意处即可打开。
  let depth = 0;
  window.addEventListener('dragenter', (e) => { e.preventDefault(); depth++; document.body.classList.add('dragging'); });
  window.addEventListener('dragleave', () => { if (--depth <= 0) { depth = 0; document.body.classList.remove('dragging'); } });
  window.addEventListener('dragover', (e) => e.preventDefault());
  window.addEventListener('drop', (e) => {
    e.preventDefault(); depth = 0; document.body.classList.remove('dragging');
    // 文件夹，或在复核页拖入的多个表格：作为自评表复核。条目须在事件中取出。
    const entries = Array.from(e.dataTransfer.items || []).map((it) => it.webkitGetAsEntry && it.webkitGetAsEntry()).filter(Boolean);
    const onReview = !$('view-review').hidden;
    if (entries.some((en) => en.isDirectory) || (onReview && entries.length && entries.every((en) => /\.(xlsx|xlsm|xls)$/i.test(en.name)))) {
      droppedEntries(entries).then(reviewForms);
      return;
    }
    const f = e.dataTransfer.files[0];
    if (!f) return;
    if (/\.ya?ml$/i.test(f.name) && !/数据|data/i.test(f.name)) openRulesetFile(f); else openData(f);
  });
  const formats = await api('/api/formats');
  $('download-format').innerHTML = formats.eval.map((f) => `<option value="eval:${f}">结果 ${f}</option>`).join('') +
    formats.diff.map((f) => `<option value="diff:${f}">对比 ${f}</option>`).join('') +
    formats.review.map((f) => `<option value="review:${f}">复核 ${f}</option>`).join('');
  $('forms-format').innerHTML = formats.forms.map((f) => `<option>${f}</option>`).join('');
  const r = await loadRulesets();
  await openRuleset('b:' + r.default);
}

init();
