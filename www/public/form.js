// The form of one connector type, generated from its JSON Schema: one input per field, the right
// kind for each (text, number, checkbox, select, key/value rows, list rows, nested groups, JSON),
// defaults prefilled, descriptions as help text, secrets as password inputs with a show toggle.
//
// Each field object has the same small interface:
//   root                    its element
//   read(modes)             → { present, value } (modes: visibility of nested fields)
//   write(value)            fills it; a value the input cannot hold switches it to a JSON box
//   setState({ visible, required })
//   setMessages(errors, warnings)
//   locate(pointer)         the deepest field (this or a descendant) that holds the pointer
//   *all()                  this field and every descendant
//   focus()

import { h, richText, uniqueId } from './dom.js';
import { formOf, walk, resolveModes, parsePointer, pointer as makePointer } from './schema.js';

const UNSET = '__unset__';
const NULL = '__null__';
const NUMBER = /^[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?$/;

const isObject = (value) => value !== null && typeof value === 'object' && !Array.isArray(value);
const within = (path, base) => path === base || path.startsWith(`${base}/`);

/** Rewrites the pointers of a spec (and its children) from one prefix to another. */
function rebase(spec, from, to) {
  const swap = (path) => (within(path, from) ? to + path.slice(from.length) : path);
  const copy = { ...spec, pointer: swap(spec.pointer) };
  if (spec.fields) copy.fields = spec.fields.map((child) => rebase(child, from, to));
  if (spec.item) copy.item = rebase(spec.item, from, to);
  return copy;
}

/** The label of a field, with its required mark and its wire name. */
function labelContent(spec, requiredMark) {
  return [
    spec.label,
    requiredMark,
    spec.key && spec.key !== spec.label ? [' ', h('code', { class: 'key' }, spec.key)] : null,
  ];
}

/** The parts every field has: a container, its label, help text and a message area. */
function shell(spec, { group = false, id }) {
  const requiredMark = h('span', { class: 'req', hidden: true }, h('span', { 'aria-hidden': 'true' }, ' *'), h('span', { class: 'sr-only' }, ' (required)'));
  const helpId = `${id}-help`;
  const msgId = `${id}-msg`;
  const help = spec.description ? h('p', { class: 'help', id: helpId }, richText(spec.description)) : null;
  const messages = h('div', { class: 'messages', id: msgId });
  const root = group
    ? h('fieldset', { class: 'field group', dataset: { pointer: spec.pointer, kind: spec.kind } }, h('legend', {}, labelContent(spec, requiredMark)))
    : h('div', { class: 'field', dataset: { pointer: spec.pointer, kind: spec.kind } });
  const describedBy = [help ? helpId : null, msgId].filter(Boolean).join(' ');
  return { root, requiredMark, help, messages, describedBy };
}

/** Fills a message area: errors first, then warnings (checks only Kibana can make). */
function showMessages(area, errors, warnings) {
  const unique = (list) => [...new Set(list)];
  area.replaceChildren(
    ...unique(errors).map((text) => h('p', { class: 'error' }, h('span', { class: 'sr-only' }, 'Error: '), text)),
    ...unique(warnings).map((text) => h('p', { class: 'warning' }, h('span', { class: 'sr-only' }, 'Server check: '), text)),
  );
}

/** A "Show" toggle for a secret input (or several). */
function revealToggle(inputs, label) {
  const button = h('button', { type: 'button', class: 'reveal', 'aria-pressed': 'false', 'aria-label': `Show ${label}` }, 'Show');
  button.addEventListener('click', () => {
    const show = button.getAttribute('aria-pressed') !== 'true';
    button.setAttribute('aria-pressed', String(show));
    button.textContent = show ? 'Hide' : 'Show';
    button.setAttribute('aria-label', `${show ? 'Hide' : 'Show'} ${label}`);
    for (const input of inputs()) {
      if (input.tagName === 'TEXTAREA') input.classList.toggle('masked', !show);
      else input.type = show ? 'text' : 'password';
    }
  });
  return button;
}

/** Adds the shared behaviour: state, messages, and the JSON box for values the input cannot hold. */
function finish(field, parts, ctx, { accepts, writeWidget, resetWidget, focusTarget, describedInputs }) {
  const { spec } = field;
  const rawId = uniqueId(`${spec.pointer}-json`);
  const rawInput = spec.secret
    ? h('input', { id: rawId, type: 'password', autocomplete: 'off', spellcheck: 'false' })
    : h('textarea', { id: rawId, rows: 3, spellcheck: 'false', class: 'code' });
  const raw = h('div', { class: 'raw', hidden: true },
    h('label', { for: rawId }, `${spec.label} as JSON`),
    h('p', { class: 'help' }, 'This value does not fit the usual input, so it is shown as JSON text: edit it here, or go back to the usual input.'),
    rawInput,
    h('button', { type: 'button', onclick: () => { setRaw(false); resetWidget(); ctx.changed(field); focusTarget()?.focus(); } }, 'Use the usual input'));
  let rawActive = false;
  const setRaw = (on, value) => {
    rawActive = on;
    raw.hidden = !on;
    for (const child of parts.widgets) child.hidden = on;
    if (on) rawInput.value = JSON.stringify(value, null, 2);
  };
  // The JSON box sits where the input was, above the field's messages.
  if (parts.messages.parentNode === parts.root) parts.root.insertBefore(raw, parts.messages);
  else parts.root.append(raw);
  const described = describedInputs();
  for (const input of described.length > 0 ? described : [parts.root]) {
    input.setAttribute('aria-describedby', parts.describedBy);
  }
  rawInput.setAttribute('aria-describedby', parts.describedBy);
  field.touched = false;
  parts.root.addEventListener('input', () => { field.touched = true; });
  parts.root.addEventListener('change', () => { field.touched = true; });
  const widgetRead = field.read;
  field.read = (modes) => {
    if (!rawActive) return widgetRead(modes);
    const text = rawInput.value.trim();
    if (text === '') return { present: false };
    try {
      return { present: true, value: JSON.parse(text) };
    } catch {
      return { present: true, value: rawInput.value };
    }
  };
  field.write = (value) => {
    if (value === undefined) {
      setRaw(false);
      resetWidget();
    } else if (accepts(value)) {
      setRaw(false);
      writeWidget(value);
    } else {
      setRaw(true, value);
    }
  };
  field.reset = () => { setRaw(false); resetWidget(); };
  field.setState = ({ visible, required }) => {
    parts.root.hidden = !visible;
    field.onRequired?.(required);
    parts.requiredMark.hidden = !required;
    for (const input of describedInputs()) {
      if (required) input.setAttribute('aria-required', 'true');
      else input.removeAttribute('aria-required');
    }
  };
  field.setMessages = (errors, warnings) => {
    showMessages(parts.messages, errors, warnings);
    const invalid = errors.length > 0;
    for (const input of [...describedInputs(), rawInput]) {
      if (invalid) input.setAttribute('aria-invalid', 'true');
      else input.removeAttribute('aria-invalid');
    }
  };
  field.focus = () => (rawActive ? rawInput : focusTarget())?.focus();
  field.setHelp = (text) => parts.help?.replaceChildren(...richText(text));
  field.root = parts.root;
  field.locate ??= () => field;
  field.all ??= function* all() { yield field; };
  return field;
}

/** Text, multi-line text and numbers. */
function scalarField(spec, ctx) {
  const id = uniqueId(spec.pointer);
  const parts = shell(spec, { id });
  const multiline = spec.kind === 'multiline';
  const attributes = { id, spellcheck: 'false', autocomplete: 'off', 'data-lpignore': 'true', 'data-1p-ignore': 'true' };
  let input;
  if (multiline) {
    input = h('textarea', { ...attributes, rows: 4, class: spec.secret ? 'code masked' : 'code' });
  } else {
    input = h('input', { ...attributes, type: spec.secret ? 'password' : 'text' });
    if (spec.kind === 'number') input.setAttribute('inputmode', spec.integer ? 'numeric' : 'decimal');
    if (/url$/i.test(spec.key)) input.setAttribute('inputmode', 'url');
  }
  const label = h('label', { for: id }, labelContent(spec, parts.requiredMark));
  const row = h('div', { class: 'control' }, input);
  if (spec.suggestions) {
    const listId = `${id}-options`;
    input.setAttribute('list', listId);
    row.append(h('datalist', { id: listId }, spec.suggestions.map((value) => h('option', { value }))));
  }
  if (spec.secret) row.append(revealToggle(() => [input], spec.label));
  const widgets = [row];
  if (spec.base64File) {
    const fileId = `${id}-file`;
    const file = h('input', { id: fileId, type: 'file', class: 'file' });
    file.addEventListener('change', async () => {
      const chosen = file.files?.[0];
      if (!chosen) return;
      input.value = await base64Of(chosen);
      file.value = '';
      field.touched = true;
      ctx.changed(field);
    });
    widgets.push(h('div', { class: 'file-row' }, h('label', { for: fileId }, 'or load a file (it is base64-encoded for you)'), file));
  }
  parts.root.append(label, ...widgets, parts.help ?? '', parts.messages);
  parts.widgets = widgets;
  const initial = spec.hasDefault && spec.default !== null && spec.default !== undefined ? String(spec.default) : '';
  input.value = initial;
  const field = {
    spec,
    read() {
      const text = input.value;
      if (text === '') return { present: false };
      if (spec.kind === 'number') {
        const trimmed = text.trim();
        return { present: true, value: NUMBER.test(trimmed) ? Number(trimmed) : text };
      }
      return { present: true, value: text };
    },
  };
  return finish(field, parts, ctx, {
    accepts: (value) => (spec.kind === 'number' ? typeof value === 'number' : typeof value === 'string') || (value === null && spec.nullable),
    writeWidget: (value) => { input.value = value === null ? '' : String(value); },
    resetWidget: () => { input.value = initial; },
    focusTarget: () => input,
    describedInputs: () => [input],
  });
}

/** Reads a file as base64 (what Kibana's own file pickers store). */
function base64Of(file) {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ''));
    reader.onerror = () => reject(reader.error);
    reader.readAsDataURL(file);
  });
}

/** A checkbox. Without a default, an untouched checkbox leaves the key out. */
function booleanField(spec, ctx) {
  const id = uniqueId(spec.pointer);
  const parts = shell(spec, { id });
  const input = h('input', { id, type: 'checkbox' });
  const initial = spec.hasDefault && spec.default === true;
  input.checked = initial;
  let explicit = false;
  input.addEventListener('change', () => { explicit = true; });
  const row = h('div', { class: 'control check' }, input, h('label', { for: id }, labelContent(spec, parts.requiredMark)));
  parts.root.append(row, parts.help ?? '', parts.messages);
  parts.widgets = [row];
  const field = {
    spec,
    read() {
      if (!explicit && !spec.hasDefault && !spec.required) return { present: false };
      return { present: true, value: input.checked };
    },
  };
  return finish(field, parts, ctx, {
    accepts: (value) => typeof value === 'boolean' || (value === null && spec.nullable),
    writeWidget: (value) => {
      explicit = value !== null;
      input.checked = value === true;
    },
    resetWidget: () => { explicit = false; input.checked = initial; },
    focusTarget: () => input,
    describedInputs: () => [input],
  });
}

/** A select for an `enum`. */
function enumField(spec, ctx) {
  const id = uniqueId(spec.pointer);
  const parts = shell(spec, { id });
  const select = h('select', { id });
  const labels = ctx.hints.optionLabels ?? {};
  const unset = spec.hasDefault ? null : h('option', { value: UNSET }, spec.required ? '— choose —' : '— not set —');
  if (unset) select.append(unset);
  if (spec.nullable) select.append(h('option', { value: NULL }, 'None (null)'));
  spec.options.forEach((option, index) => {
    const text = labels[option] ? `${labels[option]} (${option})` : String(option);
    select.append(h('option', { value: `o${index}` }, text));
  });
  const indexOf = (value) => spec.options.findIndex((option) => option === value);
  const initial = !spec.hasDefault ? UNSET : spec.default === null ? NULL : `o${indexOf(spec.default)}`;
  select.value = initial;
  const row = h('div', { class: 'control' }, select);
  parts.root.append(h('label', { for: id }, labelContent(spec, parts.requiredMark)), row, parts.help ?? '', parts.messages);
  parts.widgets = [row];
  const field = {
    spec,
    onRequired(required) {
      if (unset) unset.textContent = required ? '— choose —' : '— not set —';
    },
    read() {
      if (select.value === UNSET) return { present: false };
      if (select.value === NULL) return { present: true, value: null };
      return { present: true, value: spec.options[Number(select.value.slice(1))] };
    },
  };
  return finish(field, parts, ctx, {
    accepts: (value) => indexOf(value) >= 0 || (value === null && spec.nullable),
    writeWidget: (value) => { select.value = value === null ? NULL : `o${indexOf(value)}`; },
    resetWidget: () => { select.value = initial; },
    focusTarget: () => select,
    describedInputs: () => [select],
  });
}

/** Key/value rows for a map of strings (headers). */
function mapField(spec, ctx) {
  const id = uniqueId(spec.pointer);
  const parts = shell(spec, { id, group: true });
  const rows = h('div', { class: 'rows' });
  const add = h('button', { type: 'button', class: 'add' }, `Add ${spec.secret ? 'secret ' : ''}entry`);
  const entries = [];
  const valueInputs = () => entries.map((entry) => entry.value);
  let revealed = false;
  const toggle = spec.secret ? revealToggle(valueInputs, `${spec.label} values`) : null;
  toggle?.addEventListener('click', () => { revealed = !revealed; });
  const addRow = (name = '', value = '') => {
    const n = entries.length + 1;
    const nameId = uniqueId(`${spec.pointer}-name`);
    const valueId = uniqueId(`${spec.pointer}-value`);
    const entry = {
      name: h('input', { id: nameId, type: 'text', autocomplete: 'off', spellcheck: 'false', value: name }),
      value: h('input', { id: valueId, type: spec.secret && !revealed ? 'password' : 'text', autocomplete: 'off', spellcheck: 'false', value }),
    };
    entry.row = h('div', { class: 'kv-row' },
      h('div', { class: 'kv-cell' }, h('label', { for: nameId, class: 'small' }, `Name ${n}`), entry.name),
      h('div', { class: 'kv-cell' }, h('label', { for: valueId, class: 'small' }, `Value ${n}`), entry.value),
      h('button', { type: 'button', class: 'remove', 'aria-label': `Remove entry ${n} of ${spec.label}` , onclick: () => {
        entries.splice(entries.indexOf(entry), 1);
        entry.row.remove();
        relabel();
        ctx.changed(field);
        add.focus();
      } }, 'Remove'));
    entries.push(entry);
    rows.append(entry.row);
    return entry;
  };
  const relabel = () => entries.forEach((entry, index) => {
    const [nameLabel, valueLabel] = entry.row.querySelectorAll('label');
    nameLabel.textContent = `Name ${index + 1}`;
    valueLabel.textContent = `Value ${index + 1}`;
    entry.row.querySelector('button.remove').setAttribute('aria-label', `Remove entry ${index + 1} of ${spec.label}`);
  });
  add.addEventListener('click', () => {
    const entry = addRow();
    ctx.changed(field);
    entry.name.focus();
  });
  parts.root.append(parts.help ?? '', rows, h('div', { class: 'control' }, add, toggle ?? ''), parts.messages);
  parts.widgets = [rows, add.parentElement];
  const clear = () => { entries.splice(0).forEach((entry) => entry.row.remove()); };
  const field = {
    spec,
    read() {
      const used = entries.filter((entry) => entry.name.value !== '' || entry.value.value !== '');
      if (used.length === 0) return { present: false };
      return { present: true, value: Object.fromEntries(used.map((entry) => [entry.name.value, entry.value.value])) };
    },
  };
  return finish(field, parts, ctx, {
    accepts: (value) => (value === null && spec.nullable) || (isObject(value) && Object.values(value).every((v) => typeof v === 'string')),
    writeWidget: (value) => {
      clear();
      for (const [name, text] of Object.entries(value ?? {})) addRow(name, text);
    },
    resetWidget: clear,
    focusTarget: () => entries[0]?.name ?? add,
    describedInputs: () => [],
  });
}

/** Rows for a list: one input per item, or a group of inputs per object item. */
function listField(spec, ctx) {
  const id = uniqueId(spec.pointer);
  const parts = shell(spec, { id, group: true });
  const rows = h('div', { class: 'rows' });
  const add = h('button', { type: 'button', class: 'add' }, 'Add item');
  const items = [];
  const base = spec.pointer;
  const makeItem = (index) => {
    const itemSpec = rebase(spec.item, `${base}/-`, `${base}/${index}`);
    itemSpec.label = `${spec.item.kind === 'object' ? 'Item' : spec.label} ${index + 1}`;
    itemSpec.key = '';
    itemSpec.required = true;
    itemSpec.description = spec.item.kind === 'object' ? '' : '';
    return makeField(itemSpec, ctx);
  };
  const render = (values) => {
    items.splice(0).forEach((item) => item.wrapper.remove());
    values.forEach((value) => {
      const item = makeItem(items.length);
      if (value !== undefined) item.write(value);
      push(item);
    });
    sync();
  };
  const push = (item) => {
    const index = items.length;
    const remove = h('button', { type: 'button', class: 'remove', 'aria-label': `Remove item ${index + 1} of ${spec.label}` }, 'Remove');
    item.wrapper = h('div', { class: 'list-row' }, item.root, remove);
    remove.addEventListener('click', () => {
      const values = items.map((entry) => entry.read(ctx.modes()).value);
      values.splice(items.indexOf(item), 1);
      render(values);
      ctx.changed(field);
      (items[Math.min(index, items.length - 1)]?.focus ?? (() => add.focus()))();
    });
    items.push(item);
    rows.append(item.wrapper);
  };
  const sync = () => { add.disabled = spec.maxItems !== undefined && items.length >= spec.maxItems; };
  add.addEventListener('click', () => {
    const item = makeItem(items.length);
    push(item);
    sync();
    ctx.changed(field);
    item.focus();
  });
  parts.root.append(parts.help ?? '', rows, h('div', { class: 'control' }, add), parts.messages);
  parts.widgets = [rows, add.parentElement];
  const field = {
    spec,
    read(modes) {
      const values = items.map((item) => item.read(modes)).map((r) => (r.present ? r.value : undefined));
      if (values.length === 0) return { present: false };
      return { present: true, value: values.map((v) => (v === undefined ? (spec.item.kind === 'object' ? {} : '') : v)) };
    },
    locate(path) {
      for (const item of items) {
        if (within(path, item.spec.pointer)) return item.locate(path);
      }
      return field;
    },
    *all() {
      yield field;
      for (const item of items) yield* item.all();
    },
  };
  const fits = (value) => {
    const probe = makeItem(0);
    probe.write(value);
    return JSON.stringify(probe.read(ctx.modes()).value) === JSON.stringify(value);
  };
  return finish(field, parts, ctx, {
    accepts: (value) => (value === null && spec.nullable) || (Array.isArray(value) && value.every(fits)),
    writeWidget: (value) => render(value ?? []),
    resetWidget: () => render([]),
    focusTarget: () => items[0] ?? add,
    describedInputs: () => [],
  });
}

/** A group of fields (a nested object). An optional one has a checkbox that includes it. */
function objectField(spec, ctx) {
  const id = uniqueId(spec.pointer);
  const parts = shell(spec, { id, group: true });
  const children = spec.fields.map((child) => makeField(child, ctx));
  const body = h('div', { class: 'children' }, children.map((child) => child.root));
  const optional = !spec.required || spec.nullable;
  const toggleId = `${id}-include`;
  const toggle = optional ? h('input', { id: toggleId, type: 'checkbox' }) : null;
  const sync = () => { body.hidden = optional && !toggle.checked; };
  toggle?.addEventListener('change', sync);
  const toggleRow = optional ? h('div', { class: 'control check' }, toggle, h('label', { for: toggleId }, `Set ${spec.label}`)) : null;
  parts.root.append(parts.help ?? '', toggleRow ?? '', body, parts.messages);
  parts.widgets = [toggleRow, body].filter(Boolean);
  sync();
  const field = {
    spec,
    children,
    read(modes) {
      if (optional && !toggle.checked) return { present: false };
      return { present: true, value: collect(children, modes) };
    },
    locate(path) {
      for (const child of children) if (within(path, child.spec.pointer)) return child.locate(path);
      return field;
    },
    *all() {
      yield field;
      for (const child of children) yield* child.all();
    },
  };
  const keys = new Set(spec.fields.map((child) => child.key));
  return finish(field, parts, ctx, {
    accepts: (value) => (value === null && spec.nullable) || (isObject(value) && Object.keys(value).every((key) => keys.has(key))),
    writeWidget: (value) => {
      if (toggle) toggle.checked = value !== null;
      for (const child of children) child.write(value?.[child.spec.key]);
      sync();
    },
    resetWidget: () => {
      if (toggle) toggle.checked = false;
      children.forEach((child) => child.reset());
      sync();
    },
    focusTarget: () => toggle ?? children[0],
    describedInputs: () => (toggle ? [toggle] : []),
  });
}

/** JSON text, for what the other inputs cannot show. */
function jsonField(spec, ctx) {
  const id = uniqueId(spec.pointer);
  const parts = shell(spec, { id });
  const input = h('textarea', { id, rows: 4, spellcheck: 'false', class: 'code' });
  const note = h('p', { class: 'help' }, 'Type JSON.');
  const initial = spec.hasDefault ? JSON.stringify(spec.default, null, 2) : '';
  input.value = initial;
  const row = h('div', { class: 'control' }, input);
  parts.root.append(h('label', { for: id }, labelContent(spec, parts.requiredMark), ' (JSON)'), row, parts.help ?? note, parts.messages);
  parts.widgets = [row];
  const field = {
    spec,
    read() {
      const text = input.value.trim();
      if (text === '') return { present: false };
      try {
        return { present: true, value: JSON.parse(text) };
      } catch {
        return { present: true, value: input.value };
      }
    },
  };
  return finish(field, parts, ctx, {
    accepts: () => true,
    writeWidget: (value) => { input.value = JSON.stringify(value, null, 2); },
    resetWidget: () => { input.value = initial; },
    focusTarget: () => input,
    describedInputs: () => [input],
  });
}

function makeField(spec, ctx) {
  switch (spec.kind) {
    case 'text':
    case 'multiline':
    case 'number':
      return scalarField(spec, ctx);
    case 'boolean':
      return booleanField(spec, ctx);
    case 'enum':
      return enumField(spec, ctx);
    case 'map':
      return mapField(spec, ctx);
    case 'list':
      return listField(spec, ctx);
    case 'object':
      return objectField(spec, ctx);
    default:
      return jsonField(spec, ctx);
  }
}

/** The object a list of fields gives, with the modes applied (hidden fields left out or null). */
function collect(fields, modes) {
  const out = {};
  for (const field of fields) {
    const path = field.spec.pointer;
    if (modes && !modes.isVisible(path)) {
      if (modes.hiddenValue?.get(path) === null) out[field.spec.key] = null;
      continue;
    }
    const { present, value } = field.read(modes);
    if (present) out[field.spec.key] = value;
  }
  return out;
}

/**
 * The form of one connector type.
 * `schema`: jsonSchema(type); `modes`: MODES[type] (may be undefined); `hints`: HINTS;
 * `onChange()`: called after any edit.
 */
export function createForm({ type, schema, modes = {}, hints = {}, onChange }) {
  const plan = formOf(schema, hints);
  let current = { isVisible: () => true, hiddenValue: new Map() };
  const ctx = {
    hints,
    modes: () => current,
    changed: () => onChange(),
  };
  const groups = {};
  for (const name of ['config', 'secrets']) {
    const group = plan.groups[name];
    let fields = group.fields.map((spec) => makeField(spec, ctx));
    if (group.opaque) {
      // The schema of the whole group is beyond the inputs above: edit it as JSON.
      fields = [];
      group.json = makeField({ pointer: `/${name}`, key: name, label: name === 'config' ? 'Settings' : 'Secrets', description: '', kind: 'json', required: false, secret: name === 'secrets' }, ctx);
    }
    const extras = h('div', { class: 'extras', hidden: true });
    const messages = h('div', { class: 'messages group-messages', id: uniqueId(`${name}-messages`) });
    const empty = h('p', { class: 'empty', hidden: fields.length > 0 || group.json !== undefined },
      name === 'config' ? 'This connector type has no settings.' : 'This connector type has no secrets.');
    const root = h('div', { class: 'group-fields' }, empty, messages, fields.map((field) => field.root), group.json?.root ?? '', extras);
    // One listener per group: every edit inside it re-checks the body.
    root.addEventListener('input', () => onChange());
    root.addEventListener('change', (event) => {
      // Text inputs fire `input` already; selects, checkboxes and files only `change`.
      if (!(event.target instanceof HTMLInputElement && ['text', 'password', 'search'].includes(event.target.type)) && event.target.tagName !== 'TEXTAREA') onChange();
    });
    groups[name] = { name, root, fields, json: group.json, extras, extraValues: new Map(), messages, description: group.description };
  }
  const specs = [...walk(plan.groups.config.fields), ...walk(plan.groups.secrets.fields)];
  const staticFields = new Map();
  for (const group of Object.values(groups)) {
    for (const field of group.fields) for (const each of field.all()) staticFields.set(each.spec.pointer, each);
  }

  const renderExtras = (group) => {
    const shown = (value) => (group.name === 'secrets' ? '(hidden)' : JSON.stringify(value));
    const parts = [];
    if (group.whole !== undefined) {
      parts.push(h('p', {}, `The imported ${group.name} is not an object: `, h('code', {}, shown(group.whole)), '. ',
        h('button', { type: 'button', onclick: () => {
          group.whole = undefined;
          renderExtras(group);
          onChange();
        } }, 'Use the fields instead')));
    }
    if (group.extraValues.size > 0) {
      parts.push(h('p', {}, 'Keys that this connector type does not define (from the imported body):'));
      parts.push(h('ul', {}, [...group.extraValues].map(([key, value]) => h('li', {},
        h('code', {}, key), ': ', h('code', {}, shown(value)), ' ',
        h('button', { type: 'button', 'aria-label': `Remove the key ${key}`, onclick: () => {
          group.extraValues.delete(key);
          renderExtras(group);
          onChange();
        } }, 'Remove')))));
    }
    group.extras.hidden = parts.length === 0;
    group.extras.replaceChildren(...parts);
  };

  const groupValue = (group, modes) => {
    if (group.whole !== undefined) return group.whole;
    if (group.json) {
      const { present, value } = group.json.read(modes);
      return present ? value : undefined;
    }
    const out = collect(group.fields, modes);
    for (const [key, value] of group.extraValues) out[key] = value;
    return out;
  };

  const valueOf = (path) => {
    const field = staticFields.get(path);
    if (!field) return undefined;
    const { present, value } = field.read(current);
    if (present) return value;
    return field.spec.hasDefault ? field.spec.default : undefined;
  };

  /** Works out the modes, shows/hides fields, and returns the config and secrets. */
  function update() {
    const resolved = resolveModes(
      { specs, rules: modes.rules ?? [], nullWhenHidden: modes.nullWhenHidden ?? [], conditionals: plan.conditionals, root: schema ?? {} },
      valueOf,
      (isVisible) => ({ config: groupValue(groups.config, { isVisible, hiddenValue: new Map() }), secrets: groupValue(groups.secrets, { isVisible, hiddenValue: new Map() }) }),
    );
    current = { isVisible: (path) => resolved.visible.get(path) !== false, hiddenValue: resolved.hiddenValue };
    for (const [path, field] of staticFields) {
      field.setState({ visible: resolved.visible.get(path) !== false, required: resolved.required.get(path) === true || (field.spec.required && !resolved.visible.has(path)) });
      const variants = field.spec.variantDescriptions;
      if (variants) {
        const text = variants.byValue[String(valueOf(variants.pointer))];
        if (text !== undefined) field.setHelp(text);
      }
    }
    const config = groupValue(groups.config, current);
    const secrets = groupValue(groups.secrets, current);
    return { config, secrets };
  }

  return {
    type,
    groups,
    title: plan.title,
    update,
    /** Fills the form from a body's config and secrets; unknown keys are kept and listed. */
    fill(config, secrets) {
      for (const [group, value] of [[groups.config, config], [groups.secrets, secrets]]) {
        group.extraValues.clear();
        group.whole = undefined;
        if (group.json) {
          group.json.write(value);
        } else if (value === undefined || isObject(value)) {
          const known = new Set(group.fields.map((field) => field.spec.key));
          for (const field of group.fields) field.write(value?.[field.spec.key]);
          for (const [key, extra] of Object.entries(value ?? {})) if (!known.has(key)) group.extraValues.set(key, extra);
        } else {
          // Not an object (null, a list…): keep it as it is, so that its problem shows.
          for (const field of group.fields) field.reset();
          group.whole = value;
        }
        renderExtras(group);
      }
    },
    /** The field (or group) that shows the problems of a pointer, or null. */
    locate(path) {
      for (const group of Object.values(groups)) {
        if (!within(path, `/${group.name}`)) continue;
        if (group.json) return group.json;
        for (const field of group.fields) if (within(path, field.spec.pointer)) return field.locate(path);
        return { group };
      }
      return null;
    },
    *fields() {
      for (const group of Object.values(groups)) {
        if (group.json) yield group.json;
        for (const field of group.fields) yield* field.all();
      }
    },
    isVisible: (path) => current.isVisible(path),
    pointerOf: makePointer,
    parsePointer,
  };
}
