// JSON text with source positions.
//
// The values are JSON.parse's (Kibana reads request bodies with it); this scanner only walks
// the same grammar (RFC 8259, exactly what JSON.parse accepts) to learn where each value and
// key starts, so that a problem at `/config/url` can be shown at its line and column. It also
// finds the offset of a syntax error itself, because JSON.parse's messages quote the text
// around the error, which may be a secret.

/** A syntax error at `offset`, with a message that quotes nothing from the text. */
export class JsonSyntaxError extends Error {
  constructor(offset, message) {
    super(message);
    this.offset = offset;
  }
}

const WHITESPACE = new Set([0x20, 0x09, 0x0a, 0x0d]);

/**
 * Scans one JSON value starting at `offset` (after white space) and returns its node:
 * `{ type, start, end, members?: [{ key, keyStart, value }], items?: [node] }`.
 * Throws JsonSyntaxError.
 */
export function scanValue(text, offset = 0) {
  const scanner = new Scanner(text, offset);
  scanner.skipWhitespace();
  const node = scanner.value(0);
  return { node, end: scanner.pos };
}

/** Scans a whole text holding exactly one JSON value. */
export function scanDocument(text) {
  const scanner = new Scanner(text, 0);
  scanner.skipWhitespace();
  const node = scanner.value(0);
  scanner.skipWhitespace();
  if (scanner.pos < text.length) throw new JsonSyntaxError(scanner.pos, 'unexpected text after the JSON value');
  return node;
}

/** Deeper than this, the text is refused (the checker reads 128 levels; this is far past it). */
const MAX_DEPTH = 1000;

class Scanner {
  constructor(text, pos) {
    this.text = text;
    this.pos = pos;
  }

  skipWhitespace() {
    const { text } = this;
    while (this.pos < text.length && WHITESPACE.has(text.charCodeAt(this.pos))) this.pos += 1;
  }

  fail(message) {
    throw new JsonSyntaxError(this.pos, this.pos >= this.text.length ? 'unexpected end of the JSON text' : message);
  }

  value(depth) {
    if (depth > MAX_DEPTH) this.fail('JSON nested too deeply');
    const { text } = this;
    const start = this.pos;
    const c = text.charCodeAt(start);
    if (c === 0x7b) return this.object(start, depth);
    if (c === 0x5b) return this.array(start, depth);
    if (c === 0x22) {
      this.string();
      return { type: 'string', start, end: this.pos };
    }
    if (c === 0x2d || (c >= 0x30 && c <= 0x39)) {
      this.number();
      return { type: 'number', start, end: this.pos };
    }
    for (const word of ['true', 'false', 'null']) {
      if (text.startsWith(word, start)) {
        this.pos += word.length;
        return { type: word, start, end: this.pos };
      }
    }
    return this.fail('unexpected character: a JSON value was expected');
  }

  object(start, depth) {
    const { text } = this;
    const members = [];
    this.pos += 1;
    this.skipWhitespace();
    if (text.charCodeAt(this.pos) === 0x7d) {
      this.pos += 1;
      return { type: 'object', start, end: this.pos, members };
    }
    for (;;) {
      if (text.charCodeAt(this.pos) !== 0x22) this.fail('unexpected character: a property name in double quotes was expected');
      const keyStart = this.pos;
      this.string();
      const key = JSON.parse(text.slice(keyStart, this.pos));
      this.skipWhitespace();
      if (text.charCodeAt(this.pos) !== 0x3a) this.fail('unexpected character: ":" was expected after the property name');
      this.pos += 1;
      this.skipWhitespace();
      const value = this.value(depth + 1);
      members.push({ key, keyStart, value });
      this.skipWhitespace();
      const c = text.charCodeAt(this.pos);
      if (c === 0x2c) {
        this.pos += 1;
        this.skipWhitespace();
      } else if (c === 0x7d) {
        this.pos += 1;
        return { type: 'object', start, end: this.pos, members };
      } else {
        this.fail('unexpected character: "," or "}" was expected');
      }
    }
  }

  array(start, depth) {
    const { text } = this;
    const items = [];
    this.pos += 1;
    this.skipWhitespace();
    if (text.charCodeAt(this.pos) === 0x5d) {
      this.pos += 1;
      return { type: 'array', start, end: this.pos, items };
    }
    for (;;) {
      items.push(this.value(depth + 1));
      this.skipWhitespace();
      const c = text.charCodeAt(this.pos);
      if (c === 0x2c) {
        this.pos += 1;
        this.skipWhitespace();
      } else if (c === 0x5d) {
        this.pos += 1;
        return { type: 'array', start, end: this.pos, items };
      } else {
        this.fail('unexpected character: "," or "]" was expected');
      }
    }
  }

  string() {
    const { text } = this;
    this.pos += 1;
    for (;;) {
      if (this.pos >= text.length) this.fail('unterminated string');
      const c = text.charCodeAt(this.pos);
      if (c === 0x22) {
        this.pos += 1;
        return;
      }
      if (c < 0x20) this.fail('control character in a string (write it as an escape such as \\n)');
      if (c === 0x5c) {
        const e = text.charCodeAt(this.pos + 1);
        if (e === 0x75) {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(this.pos + 2, this.pos + 6))) this.fail('invalid \\u escape in a string');
          this.pos += 6;
        } else if ('"\\/bfnrt'.includes(String.fromCharCode(e)) && !Number.isNaN(e)) {
          this.pos += 2;
        } else {
          this.fail('invalid escape in a string');
        }
      } else {
        this.pos += 1;
      }
    }
  }

  number() {
    const { text } = this;
    const match = /-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?/y;
    match.lastIndex = this.pos;
    const found = match.exec(text);
    if (!found || found[0] === '-') this.fail('invalid number');
    this.pos += found[0].length;
    // `01`, `1.`, `1e`: the regular expression stops early; JSON.parse refuses what follows.
    const next = text.charCodeAt(this.pos);
    if ((next >= 0x30 && next <= 0x39) || next === 0x2e || next === 0x65 || next === 0x45) this.fail('invalid number');
  }
}

/**
 * The node a JSON pointer's tokens lead to, as far as they go: `{ node, offset, complete }`,
 * where `offset` is where the last token found starts (a member's key, an item's value). For
 * duplicate keys the last member wins, as in JSON.parse.
 */
export function locateTokens(root, tokens) {
  let node = root;
  let offset = root.start;
  for (const token of tokens) {
    if (node.type === 'object') {
      let found;
      for (const member of node.members) if (member.key === token) found = member;
      if (!found) return { node, offset, complete: false };
      node = found.value;
      offset = found.keyStart;
    } else if (node.type === 'array' && /^(0|[1-9][0-9]*)$/.test(token) && Number(token) < node.items.length) {
      node = node.items[Number(token)];
      offset = node.start;
    } else {
      return { node, offset, complete: false };
    }
  }
  return { node, offset, complete: true };
}

/** RFC 6901: `/a~1b/c~0d` → ['a/b', 'c~d']. */
export function pointerTokens(pointer) {
  if (pointer === '') return [];
  return pointer
    .slice(1)
    .split('/')
    .map((token) => token.replace(/~1/g, '/').replace(/~0/g, '~'));
}

/** ['a/b', 'c~d'] → `/a~1b/c~0d`. */
export function pointerOf(tokens) {
  return tokens.map((token) => `/${String(token).replace(/~/g, '~0').replace(/\//g, '~1')}`).join('');
}

/** A pointer as a dotted field name for messages: `/secrets/user` → `secrets.user` (keys only, never values). */
export function fieldName(pointer) {
  return pointerTokens(pointer).join('.') || '(the connector)';
}

/** Line and column (1-based, columns in UTF-16 code units) of offsets in a text. */
export class LineIndex {
  constructor(text) {
    this.starts = [0];
    for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) this.starts.push(i + 1);
  }

  position(offset) {
    const { starts } = this;
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (starts[middle] <= offset) low = middle;
      else high = middle - 1;
    }
    return { line: low + 1, column: offset - starts[low] + 1 };
  }
}
