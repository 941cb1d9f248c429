// The form of one connector type, generated from its JSON Schema: one input per field, the right
// kind for each (text, number, checkbox, select, key/value rows, list rows, nested groups, JSON),
// descriptions as help text, secrets as password inputs with a show toggle.
//
// A field is either set (it is in the body) or not set (left out). A fresh form sets the
// defaults; a filled one (an import) holds exactly what it was given: what it leaves out stays
// left out, `null` stays `null`, and a value the usual input cannot hold is shown as JSON.
//
// Each field object has the same small interface:
//   root                    its element
//   read(modes)             → { present, value } (modes: visibility of nested fields)
//   write(value)            fills it (undefined: not set; null: empty)
//   reset()                 back to a fresh form's value (the default)
//   setState({ visible, required })
//   setMessages(errors, warnings)
//   problems()              what the page itself sees wrong (a duplicate name, a bad number)
//   locate(pointer)         the deepest field (this or a descendant) that holds the pointer
//   *all()                  this field and every descendant
//   focus()

import { h, richText, uniqueId } from './dom.js';
import { formOf, walk, resolveModes, parsePointer, pointer as makePointer, humanize } from './schema.js';

const UNSET = '__unset__';
/** A value longer than this (characters of text or JSON) is held, not laid out in an input:
 *  Chromium takes most of a second to lay out a 2 MB input. */
export const LONG_VALUE = 100000;

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

/** The readable name of an option value: the schema's title, the page's label, or the value. */
export function optionLabel(spec, value, hints = {}) {
  const key = String(value);
  const label = spec.optionLabels?.[key] ?? hints.optionLabels?.[key];
  if (label) return label;
  if (typeof value === 'string' && /^[a-z][a-z0-9]*(?:[_-][a-z0-9]+)+$/.test(value)) return humanize(value);
  return key;
}

/** The label of a field: its name first, its required mark, then its wire name, small. */
function labelContent(spec, requiredMark) {
  return [
    spec.label,
    requiredMark,
    spec.key && spec.key !== spec.label ? [' ', h('code', { class: 'key', title: `Sent as "${spec.key}"` }, spec.keyLabel ?? spec.key)] : null,
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

/**
 * Adds the shared behaviour: state, messages, the `null` state, and the JSON box for values the
 * input cannot hold. `clearWidget` empties the input (not set); `resetWidget` gives it a fresh
 * form's value.
 */
function finish(field, parts, ctx, { accepts, writeWidget, clearWidget, resetWidget, focusTarget, describedInputs }) {
  const { spec } = field;
  const rawId = uniqueId(`${spec.pointer}-json`);
  const rawInput = spec.sensitive
    ? h('input', { id: rawId, type: 'password', autocomplete: 'off', spellcheck: 'false' })
    : h('textarea', { id: rawId, rows: 3, spellcheck: 'false', class: 'code' });
  const useUsual = () => { setMode('widget'); clearWidget(); ctx.changed(field); focusTarget()?.focus(); };
  const raw = h('div', { class: 'raw', hidden: true },
    h('label', { for: rawId }, `${spec.label} as JSON`),
    h('p', { class: 'help' }, 'This value does not fit the usual input, so it is shown as JSON text: edit it here, or go back to the usual input.'),
    rawInput,
    h('button', { type: 'button', onclick: useUsual }, 'Use the usual input'));
  const empty = h('div', { class: 'null-box control', hidden: true },
    h('span', { class: 'help' }, 'Empty: sent as ', h('code', {}, 'null'), '.'),
    h('button', { type: 'button', onclick: useUsual, 'aria-label': `Type a value for ${spec.label}` }, 'Type a value'));
  // A very long value: held as it is, its size shown; editing it lays it out.
  let longValue;
  const longText = h('span', { class: 'help' });
  const long = h('div', { class: 'long-box control', hidden: true }, longText,
    h('button', { type: 'button', 'aria-label': `Edit ${spec.label} here`, onclick: () => { place(longValue); ctx.changed(field); field.focus(); } }, 'Edit it here'),
    h('button', { type: 'button', 'aria-label': `Clear ${spec.label}`, onclick: () => { setMode('widget'); clearWidget(); ctx.changed(field); field.focus(); } }, 'Clear'));
  let mode = 'widget';
  const setMode = (next, value) => {
    mode = next;
    raw.hidden = next !== 'raw';
    empty.hidden = next !== 'null';
    long.hidden = next !== 'long';
    for (const child of parts.widgets) child.hidden = next !== 'widget';
    if (next === 'raw') rawInput.value = JSON.stringify(value, null, 2);
    if (next === 'long') {
      longValue = value;
      const size = typeof value === 'string' ? value.length : JSON.stringify(value).length;
      longText.textContent = `A value of ${(size / 1024).toFixed(0)} KB (${typeof value === 'string' ? 'text' : 'JSON'}), kept as it is: too long to show here. `;
    }
  };
  /** Puts a value in the usual input, or the JSON box when it cannot hold it. */
  const place = (value) => {
    if (accepts(value)) {
      setMode('widget');
      writeWidget(value);
    } else {
      setMode('raw', value);
    }
  };
  // The JSON box sits where the input was, above the field's messages.
  if (parts.messages.parentNode === parts.root) {
    parts.root.insertBefore(raw, parts.messages);
    parts.root.insertBefore(empty, parts.messages);
    parts.root.insertBefore(long, parts.messages);
  } else {
    parts.root.append(raw, empty, long);
  }
  const described = describedInputs();
  for (const input of described.length > 0 ? described : [parts.root]) {
    input.setAttribute('aria-describedby', parts.describedBy);
  }
  rawInput.setAttribute('aria-describedby', parts.describedBy);
  field.touched = false;
  field.pinned = false;
  parts.root.addEventListener('input', () => { field.touched = true; });
  parts.root.addEventListener('change', () => { field.touched = true; });
  const widgetRead = field.read;
  field.read = (modes) => {
    if (mode === 'null') return { present: true, value: null };
    if (mode === 'long') return { present: true, value: longValue };
    if (mode === 'widget') return widgetRead(modes);
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
      setMode('widget');
      clearWidget();
    } else if (value === null && spec.nullable && spec.kind !== 'json') {
      setMode('null');
    } else if ((typeof value === 'string' ? value.length : JSON.stringify(value)?.length ?? 0) > LONG_VALUE && !['object', 'list'].includes(spec.kind)) {
      setMode('long', value);
    } else {
      place(value);
    }
  };
  field.reset = () => { setMode('widget'); resetWidget(); field.pinned = false; };
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
  const widgetProblems = field.problems ?? (() => []);
  field.problems = () => (mode === 'widget' ? widgetProblems() : []);
  field.focus = () => (mode === 'raw' ? rawInput : mode === 'null' ? empty.querySelector('button') : mode === 'long' ? long.querySelector('button') : focusTarget())?.focus();
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
  const number = spec.kind === 'number';
  const attributes = { id, spellcheck: 'false', autocomplete: 'off', 'data-lpignore': 'true', 'data-1p-ignore': 'true' };
  let input;
  if (multiline) {
    input = h('textarea', { ...attributes, rows: 4, class: spec.sensitive ? 'code masked' : 'code' });
  } else if (number) {
    input = h('input', { ...attributes, type: 'number', step: spec.integer ? '1' : 'any', inputmode: spec.integer ? 'numeric' : 'decimal' });
    if (spec.minimum !== undefined) input.min = String(spec.minimum);
    if (spec.maximum !== undefined) input.max = String(spec.maximum);
  } else {
    input = h('input', { ...attributes, type: spec.sensitive ? 'password' : 'text' });
    if (/url$/i.test(spec.key)) input.setAttribute('inputmode', 'url');
  }
  // Left empty, Kibana uses the default: the placeholder says which.
  if (spec.hasDefault && spec.default !== null && spec.default !== '' && !spec.sensitive) input.placeholder = `Default: ${spec.default}`;
  const label = h('label', { for: id }, labelContent(spec, parts.requiredMark));
  const row = h('div', { class: 'control' }, input);
  if (spec.suggestions) {
    const listId = `${id}-options`;
    input.setAttribute('list', listId);
    row.append(h('datalist', { id: listId }, spec.suggestions.map((value) => h('option', { value }))));
  }
  if (spec.sensitive) row.append(revealToggle(() => [input], spec.label));
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
  const initial = spec.initial !== undefined && spec.initial !== null ? String(spec.initial) : '';
  input.value = initial;
  const field = {
    spec,
    read() {
      if (number && input.validity.badInput) return { present: true, value: '(not a number)' };
      const text = input.value;
      if (text === '') return { present: false };
      if (number) return { present: true, value: Number(text) };
      return { present: true, value: text };
    },
    problems() {
      return number && input.validity.badInput ? ['Type a number.'] : [];
    },
  };
  return finish(field, parts, ctx, {
    // A single-line input drops line breaks: such a text goes to the JSON box.
    accepts: (value) => (number ? typeof value === 'number' && Number.isFinite(value) : typeof value === 'string' && (multiline || !/[\r\n]/.test(value))),
    writeWidget: (value) => { input.value = String(value); },
    clearWidget: () => { input.value = ''; },
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

/** A checkbox. Not set (left out of the body) until the user ticks or unticks it, unless a
 *  fresh form starts it at its default; not set with a default, it is shown half-ticked. */
function booleanField(spec, ctx) {
  const id = uniqueId(spec.pointer);
  const parts = shell(spec, { id });
  const input = h('input', { id, type: 'checkbox' });
  const fresh = spec.initial !== undefined || spec.required;
  let set = fresh;
  const unsetNote = h('span', { class: 'unset-note small', hidden: true });
  const show = () => {
    input.indeterminate = !set && spec.hasDefault;
    unsetNote.hidden = set || !spec.hasDefault;
    unsetNote.textContent = ` (left out: Kibana uses ${spec.default === true ? 'yes' : 'no'})`;
  };
  const freshValue = () => (spec.initial === undefined ? false : spec.initial === true);
  input.checked = freshValue();
  show();
  input.addEventListener('change', () => { set = true; show(); });
  const row = h('div', { class: 'control check' }, input, h('label', { for: id }, labelContent(spec, parts.requiredMark), unsetNote));
  parts.root.append(row, parts.help ?? '', parts.messages);
  parts.widgets = [row];
  const field = {
    spec,
    read() {
      return set ? { present: true, value: input.checked } : { present: false };
    },
  };
  return finish(field, parts, ctx, {
    accepts: (value) => typeof value === 'boolean',
    writeWidget: (value) => { set = true; input.checked = value; show(); },
    clearWidget: () => { set = false; input.checked = spec.default === true; show(); },
    resetWidget: () => { set = fresh; input.checked = freshValue(); show(); },
    focusTarget: () => input,
    describedInputs: () => [input],
  });
}

/** A select for an `enum`, its options by name. Options the page does not offer (`offered`) are
 *  there only while selected (an imported body holds them). */
function enumField(spec, ctx) {
  const id = uniqueId(spec.pointer);
  const parts = shell(spec, { id });
  const select = h('select', { id });
  const label = (value) => optionLabel(spec, value, ctx.hints);
  const unsetText = (required) => {
    if (spec.hasDefault && spec.default !== null) return `— left out (Kibana uses ${label(spec.default)}) —`;
    return required ? '— choose —' : '— not set —';
  };
  const unset = h('option', { value: UNSET }, unsetText(spec.required));
  select.append(unset);
  const offered = spec.offered ? new Set(spec.offered.map(String)) : null;
  const options = spec.options.map((option, index) => {
    const element = h('option', { value: `o${index}`, dataset: { value: JSON.stringify(option) }, title: `Sent as ${JSON.stringify(option)}` }, label(option));
    element.dataset.offered = String(!offered || offered.has(String(option)));
    select.append(element);
    return element;
  });
  const indexOf = (value) => spec.options.findIndex((option) => option === value);
  const initial = spec.initial !== undefined && indexOf(spec.initial) >= 0 ? `o${indexOf(spec.initial)}` : UNSET;
  const sync = () => {
    for (const element of options) element.hidden = element.dataset.offered === 'false' && select.value !== element.value;
  };
  select.value = initial;
  sync();
  select.addEventListener('change', sync);
  // The value as sent, under the select (labels hide it).
  const sent = h('p', { class: 'sent small' });
  const showSent = () => {
    const value = select.value === UNSET ? undefined : spec.options[Number(select.value.slice(1))];
    sent.replaceChildren(...(value === undefined || label(value) === String(value) ? [] : ['Sent as ', h('code', {}, JSON.stringify(value))]));
  };
  select.addEventListener('change', showSent);
  showSent();
  const row = h('div', { class: 'control' }, select);
  parts.root.append(h('label', { for: id }, labelContent(spec, parts.requiredMark)), row, sent, parts.help ?? '', parts.messages);
  parts.widgets = [row, sent];
  const field = {
    spec,
    onRequired(required) {
      unset.textContent = unsetText(required);
    },
    read() {
      if (select.value === UNSET) return { present: false };
      return { present: true, value: spec.options[Number(select.value.slice(1))] };
    },
  };
  const set = (value) => { select.value = value; sync(); showSent(); };
  return finish(field, parts, ctx, {
    accepts: (value) => indexOf(value) >= 0,
    writeWidget: (value) => set(`o${indexOf(value)}`),
    clearWidget: () => set(UNSET),
    resetWidget: () => set(initial),
    focusTarget: () => select,
    describedInputs: () => [select],
  });
}

/** Key/value rows for a map of strings (headers). Two rows with the same name would collapse
 *  into one key: the page says so. */
function mapField(spec, ctx) {
  const id = uniqueId(spec.pointer);
  const parts = shell(spec, { id, group: true });
  const rows = h('div', { class: 'rows' });
  const add = h('button', { type: 'button', class: 'add' }, `Add ${spec.sensitive ? 'secret ' : ''}entry`);
  const entries = [];
  const valueInputs = () => entries.map((entry) => entry.value);
  let revealed = false;
  const toggle = spec.sensitive ? revealToggle(valueInputs, `${spec.label} values`) : null;
  toggle?.addEventListener('click', () => { revealed = !revealed; });
  // HTTP header names do not tell case apart.
  const caseless = /headers$/i.test(spec.key);
  const addRow = (name = '', value = '') => {
    const n = entries.length + 1;
    const nameId = uniqueId(`${spec.pointer}-name`);
    const valueId = uniqueId(`${spec.pointer}-value`);
    const entry = {
      name: h('input', { id: nameId, type: 'text', autocomplete: 'off', spellcheck: 'false', value: name }),
      value: h('input', { id: valueId, type: spec.sensitive && !revealed ? 'password' : 'text', autocomplete: 'off', spellcheck: 'false', value }),
    };
    entry.row = h('div', { class: 'kv-row' },
      h('div', { class: 'kv-cell' }, h('label', { for: nameId, class: 'small' }, `Name ${n}`), entry.name),
      h('div', { class: 'kv-cell' }, h('label', { for: valueId, class: 'small' }, `Value ${n}`), entry.value),
      h('button', { type: 'button', class: 'remove', 'aria-label': `Remove entry ${n} of ${spec.label}`, onclick: () => {
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
  // An empty object given as such (an import) is kept until a row is added.
  let emptySet = false;
  const emptyNote = h('p', { class: 'help empty-set', hidden: true }, 'No entries: sent as ', h('code', {}, '{}'), '.');
  rows.before(emptyNote);
  const setEmpty = (on) => { emptySet = on; emptyNote.hidden = !on; };
  add.addEventListener('click', () => setEmpty(false));
  const clear = () => { entries.splice(0).forEach((entry) => entry.row.remove()); setEmpty(false); };
  const used = () => entries.filter((entry) => entry.name.value !== '' || entry.value.value !== '');
  const field = {
    spec,
    read() {
      const rowsUsed = used();
      if (rowsUsed.length === 0) return emptySet ? { present: true, value: {} } : { present: false };
      return { present: true, value: Object.fromEntries(rowsUsed.map((entry) => [entry.name.value, entry.value.value])) };
    },
    problems() {
      const seen = new Map();
      const out = [];
      for (const entry of used()) {
        const name = caseless ? entry.name.value.toLowerCase() : entry.name.value;
        if (seen.has(name)) out.push(`Two entries are named "${entry.name.value}": only the last one would be sent. Remove one.`);
        seen.set(name, entry);
      }
      return [...new Set(out)];
    },
  };
  return finish(field, parts, ctx, {
    accepts: (value) => isObject(value) && Object.values(value).every((v) => typeof v === 'string'),
    writeWidget: (value) => {
      clear();
      for (const [name, text] of Object.entries(value)) addRow(name, text);
      setEmpty(entries.length === 0);
    },
    clearWidget: clear,
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
    itemSpec.description = '';
    return makeField(itemSpec, ctx);
  };
  // An empty list given as such (an import) is kept until an item is added.
  let emptySet = false;
  const emptyNote = h('p', { class: 'help empty-set', hidden: true }, 'No items: sent as ', h('code', {}, '[]'), '.');
  const setEmpty = (on) => { emptySet = on; emptyNote.hidden = !on; };
  const render = (values) => {
    setEmpty(false);
    items.splice(0).forEach((item) => item.wrapper.remove());
    values.forEach((value) => {
      const item = makeItem(items.length);
      item.write(value);
      push(item);
    });
    sync();
  };
  const push = (item) => {
    const index = items.length;
    const remove = h('button', { type: 'button', class: 'remove', 'aria-label': `Remove item ${index + 1} of ${spec.label}` }, 'Remove');
    item.wrapper = h('div', { class: 'list-row' }, item.root, remove);
    remove.addEventListener('click', () => {
      const values = items.map((entry) => {
        const read = entry.read(ctx.modes());
        return read.present ? read.value : undefined;
      });
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
    setEmpty(false);
    const item = makeItem(items.length);
    item.reset();
    push(item);
    sync();
    ctx.changed(field);
    item.focus();
  });
  parts.root.append(parts.help ?? '', emptyNote, rows, h('div', { class: 'control' }, add), parts.messages);
  parts.widgets = [emptyNote, rows, add.parentElement];
  const field = {
    spec,
    read(modes) {
      const values = items.map((item) => item.read(modes)).map((r) => (r.present ? r.value : undefined));
      if (values.length === 0) return emptySet ? { present: true, value: [] } : { present: false };
      return { present: true, value: values.map((v) => (v === undefined ? (spec.item.kind === 'object' ? {} : '') : v)) };
    },
    problems: () => items.flatMap((item) => [...item.all()].flatMap((each) => each.problems())),
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
    const read = probe.read(ctx.modes());
    return read.present && JSON.stringify(read.value) === JSON.stringify(value);
  };
  return finish(field, parts, ctx, {
    accepts: (value) => Array.isArray(value) && value.every(fits),
    writeWidget: (value) => { render(value); setEmpty(value.length === 0); },
    clearWidget: () => render([]),
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
    problems: () => children.flatMap((child) => child.problems()),
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
    accepts: (value) => isObject(value) && Object.keys(value).every((key) => keys.has(key)),
    writeWidget: (value) => {
      if (toggle) toggle.checked = true;
      for (const child of children) child.write(value[child.spec.key]);
      sync();
    },
    clearWidget: () => {
      if (toggle) toggle.checked = false;
      children.forEach((child) => child.write(undefined));
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
  const input = h('textarea', { id, rows: 4, spellcheck: 'false', class: spec.sensitive ? 'code masked' : 'code' });
  const note = h('p', { class: 'help' }, 'Type JSON.');
  const initial = spec.initial !== undefined ? JSON.stringify(spec.initial, null, 2) : '';
  input.value = initial;
  const row = h('div', { class: 'control' }, input);
  if (spec.sensitive) row.append(revealToggle(() => [input], spec.label));
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
    clearWidget: () => { input.value = ''; },
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

/** The object a list of fields gives, with the modes applied: hidden fields are left out, or
 *  sent as `null` where the modes say so (only when they hold a value). */
function collect(fields, modes) {
  const out = {};
  for (const field of fields) {
    const path = field.spec.pointer;
    const { present, value } = field.read(modes);
    if (modes && !modes.isVisible(path)) {
      if (modes.hiddenValue?.get(path) === null && present) out[field.spec.key] = null;
      continue;
    }
    if (present) out[field.spec.key] = value;
  }
  return out;
}

/** A page-only choice (modes.js `choices`): radio buttons that pick which fields apply. */
function choiceControl(choice) {
  const name = uniqueId(`choice-${choice.key}`);
  const radios = choice.options.map((option) => {
    const id = uniqueId(`${name}-${option.value}`);
    const input = h('input', { type: 'radio', name, id, value: option.value });
    return { option, input, element: h('span', { class: 'radio' }, input, h('label', { for: id }, option.label)) };
  });
  radios[0].input.checked = true;
  const root = h('fieldset', { class: 'field group choice', dataset: { choice: choice.key } },
    h('legend', {}, choice.label),
    h('div', { class: 'control radios' }, radios.map((radio) => radio.element)));
  return {
    choice,
    root,
    pointer: `#${choice.key}`,
    get value() { return radios.find((radio) => radio.input.checked)?.option.value ?? choice.options[0].value; },
    set value(value) { for (const radio of radios) radio.input.checked = radio.option.value === value; },
  };
}

/**
 * The form of one connector type.
 * `schema`: jsonSchema(type); `modes`: MODES[type] (may be undefined); `hints`: HINTS;
 * `onChange({ typing })`: called after any edit (`typing`: a keystroke in a text input).
 */
export function createForm({ type, schema, modes = {}, hints = {}, onChange }) {
  const plan = formOf(schema, hints);
  // Settings that choose or hold the authentication show with the credentials (their key says
  // that they are settings).
  const credentials = new Set(modes.credentials ?? []);
  for (const spec of [...walk(plan.groups.config.fields), ...walk(plan.groups.secrets.fields)]) {
    if (modes.offer?.[spec.pointer]) spec.offered = modes.offer[spec.pointer];
    if (credentials.has(spec.pointer)) spec.keyLabel = `config.${spec.key}`;
  }
  let current = { isVisible: () => true, hiddenValue: new Map() };
  const ctx = {
    hints,
    modes: () => current,
    changed: () => onChange({ typing: false }),
  };
  const choices = (modes.choices ?? []).map((choice) => choiceControl(choice));
  const groups = {};
  for (const name of ['config', 'secrets']) {
    const group = plan.groups[name];
    let fields = group.fields.map((spec) => makeField(spec, ctx));
    if (group.opaque) {
      // The schema of the whole group is beyond the inputs above: edit it as JSON.
      fields = [];
      group.json = makeField({ pointer: `/${name}`, key: name, label: name === 'config' ? 'Settings' : 'Secrets', description: '', kind: 'json', required: false, secret: name === 'secrets', sensitive: name === 'secrets' }, ctx);
    }
    const extras = h('div', { class: 'extras', hidden: true });
    const messages = h('div', { class: 'messages group-messages', id: uniqueId(`${name}-messages`) });
    const empty = h('p', { class: 'empty', hidden: fields.length > 0 || group.json !== undefined },
      name === 'config' ? 'This connector type has no settings.' : 'This connector type has no secrets.');
    const own = choices.filter((choice) => choice.choice.group === name);
    // In the credentials, a user name comes before its password (the models' order may differ).
    const rank = (field) => (field.spec.discriminator ? 0 : ['user', 'username', 'email'].includes(field.spec.key) ? 1 : 2);
    const placed = name === 'config'
      ? fields.filter((field) => !credentials.has(field.spec.pointer))
      : [...groups.config.fields.filter((field) => credentials.has(field.spec.pointer)), ...[...fields].sort((a, b) => rank(a) - rank(b))];
    if (name === 'secrets' && placed.length > 0) empty.hidden = true;
    const root = h('div', { class: 'group-fields' }, empty, messages, own.map((choice) => choice.root), placed.map((field) => field.root), group.json?.root ?? '', extras);
    // One listener per group: every edit inside it re-checks the body. Typing is checked once
    // it pauses; a choice (a select, a checkbox, a radio, a file) at once.
    const typed = (target) => (target instanceof HTMLInputElement && ['text', 'password', 'search', 'number'].includes(target.type)) || target.tagName === 'TEXTAREA';
    root.addEventListener('input', (event) => { if (typed(event.target)) onChange({ typing: true }); });
    root.addEventListener('change', (event) => { if (!typed(event.target)) onChange({ typing: false }); });
    groups[name] = { name, root, fields, json: group.json, extras, extraValues: new Map(), messages, description: group.description };
  }
  const specs = [...walk(plan.groups.config.fields), ...walk(plan.groups.secrets.fields)];
  const staticFields = new Map();
  for (const group of Object.values(groups)) {
    for (const field of group.fields) for (const each of field.all()) staticFields.set(each.spec.pointer, each);
  }
  const choiceRules = choices.flatMap((control) => control.choice.options.map((option) => ({ when: { [control.pointer]: option.value }, show: option.show })));

  const renderExtras = (group) => {
    const shown = (value) => (group.name === 'secrets' ? '(hidden)' : JSON.stringify(value));
    const parts = [];
    if (group.whole !== undefined) {
      parts.push(h('p', {}, `The imported ${group.name} is not an object: `, h('code', {}, shown(group.whole)), '. ',
        h('button', { type: 'button', onclick: () => {
          group.whole = undefined;
          renderExtras(group);
          onChange({ typing: false });
        } }, 'Use the fields instead')));
    }
    if (group.extraValues.size > 0) {
      parts.push(h('p', {}, 'Keys that this connector type does not define (from the imported body):'));
      parts.push(h('ul', {}, [...group.extraValues].map(([key, value]) => h('li', {},
        h('code', {}, JSON.stringify(key)), ': ', h('code', {}, shown(value)), ' ',
        h('button', { type: 'button', 'aria-label': `Remove the key ${JSON.stringify(key)}`, onclick: () => {
          group.extraValues.delete(key);
          renderExtras(group);
          onChange({ typing: false });
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

  const sentOf = (path) => {
    const field = staticFields.get(path);
    if (!field) return undefined;
    const { present, value } = field.read(current);
    return present ? value : undefined;
  };
  const valueOf = (path) => {
    const choice = choices.find((control) => control.pointer === path);
    if (choice) return offered(choice) ? choice.value : choice.choice.options[0].value;
    const field = staticFields.get(path);
    if (!field) return undefined;
    const { present, value } = field.read(current);
    if (present) return value;
    return field.spec.hasDefault ? field.spec.default : undefined;
  };
  const offered = (control) => !control.choice.when || Object.entries(control.choice.when).every(([path, expected]) => {
    const value = valueOf(path);
    return Array.isArray(expected) ? expected.includes(value) : value === expected;
  });

  /** Works out the modes, shows/hides fields, and returns the config and secrets. */
  function update() {
    const isPinned = (path) => {
      const field = staticFields.get(path);
      return field?.pinned === true && field.read(current).present;
    };
    const resolved = resolveModes(
      {
        specs,
        rules: [...(modes.rules ?? []), ...choiceRules],
        nullWhenHidden: modes.nullWhenHidden ?? [],
        conditionals: plan.conditionals,
        root: schema ?? {},
        virtual: choices.map((control) => control.pointer),
      },
      valueOf,
      (isVisible) => ({ config: groupValue(groups.config, { isVisible, hiddenValue: new Map() }), secrets: groupValue(groups.secrets, { isVisible, hiddenValue: new Map() }) }),
      { sentOf, isPinned },
    );
    current = { isVisible: (path) => resolved.visible.get(path) !== false, hiddenValue: resolved.hiddenValue };
    for (const control of choices) control.root.hidden = !offered(control);
    for (const [path, field] of staticFields) {
      let visible = resolved.visible.get(path) !== false;
      if (field.spec.onlyWhenSet && !field.read(current).present) visible = false;
      field.setState({ visible, required: resolved.required.get(path) === true || (field.spec.required && !resolved.visible.has(path)) });
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
    /** Fills the form from a body's config and secrets: exactly what they hold (what they leave
     *  out stays unset); unknown keys are kept and listed. */
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
          for (const field of group.fields) field.write(undefined);
          group.whole = value;
        }
        renderExtras(group);
      }
      // What the body holds stays visible whatever the modes say, so that the form shows all of
      // it; a choice follows the fields the body fills.
      for (const field of staticFields.values()) field.pinned = field.read(null).present;
      for (const control of choices) {
        const filled = control.choice.options.find((option) => option.show.some((path) => staticFields.get(path)?.pinned));
        control.value = (filled ?? control.choice.options[0]).value;
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
    /** What the page itself sees wrong, by field: [{ field, text }]. Only visible fields. */
    problems() {
      const out = [];
      for (const field of this.fields()) {
        if (field.root.hidden || field.root.closest('[hidden]')) continue;
        for (const text of field.problems()) out.push({ field, text });
      }
      return out;
    },
    /** Whether the value at a pointer is a secret to mask (names, addresses and choices are not). */
    isSensitive(path) {
      if (!within(path, '/secrets')) return false;
      let best = null;
      for (const field of this.fields()) if (within(path, field.spec.pointer) && (!best || field.spec.pointer.length > best.spec.pointer.length)) best = field;
      if (best && best.spec.pointer !== '/secrets') return best.spec.sensitive !== false;
      const [, key] = parsePointer(path);
      return !(hints.notSensitive?.has(key) ?? false);
    },
    isVisible: (path) => current.isVisible(path),
    pointerOf: makePointer,
    parsePointer,
  };
}
