// Tiny DOM helpers. Text is always set as text (never parsed as HTML).

/** Creates an element: `h('p', { class: 'help', id }, 'text', child)`. Attributes with a value
 *  of false/null/undefined are left out; `on*` functions become event listeners. */
export function h(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === false || value === null || value === undefined) continue;
    if (name.startsWith('on') && typeof value === 'function') element.addEventListener(name.slice(2), value);
    else if (name === 'class') element.className = value;
    else if (name === 'dataset') Object.assign(element.dataset, value);
    else if (name === 'value' || name === 'checked') element[name] = value;
    else element.setAttribute(name, value === true ? '' : String(value));
  }
  append(element, children);
  return element;
}

function append(element, children) {
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    element.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

/** Help text with `code` spans (Markdown backticks) as <code> elements. */
export function richText(text) {
  const parts = String(text ?? '').split('`');
  return parts.map((part, index) => (index % 2 === 1 ? h('code', {}, part) : part));
}

let counter = 0;
/** A document-unique id with a readable stem. */
export function uniqueId(stem) {
  counter += 1;
  return `${String(stem).replace(/[^A-Za-z0-9_-]+/g, '-').replace(/^-+|-+$/g, '') || 'f'}-${counter}`;
}
