// The JavaScript host's WHATWG URL parser and case mapping, imported by the wasm module
// (src/kibana/urls.rs, `mod host`): Node implements the URL Standard that Kibana's Node runs, so
// the module need not carry the `url` crate's Unicode and IDNA tables.
//
// Browsers' parsers part from the standard (and from Node) in a few places, measured in headless
// Chromium by tests/wasm.rs on every row of tests/urls/agreement.json; `standardUrl` undoes
// them, so that a page answers as Kibana does. Only strings cross, and every function answers
// with a string or `undefined`, never an exception: nothing thrown here may unwind through the
// module.

/** The host's parser as it was when the module loaded: a page that later replaces `URL` (a
 *  polyfill, a test stub) does not change the answers. */
const HostURL = globalThis.URL;

/** The schemes the URL Standard calls special (their hosts are domains or IP addresses). */
const SPECIAL = new Set(['ftp:', 'file:', 'http:', 'https:', 'ws:', 'wss:']);

/** RFC 3492's decoding of a punycode label (without `xn--`), or `undefined` where it fails. */
function punycodeDecode(input) {
  const base = 36;
  const adapt = (delta, points, first) => {
    let d = first ? Math.floor(delta / 700) : delta >> 1;
    d += Math.floor(d / points);
    let k = 0;
    for (; d > 455; k += base) d = Math.floor(d / 35);
    return k + Math.floor((36 * d) / (d + 38));
  };
  const out = [];
  const delimiter = input.lastIndexOf('-');
  for (let j = 0; j < delimiter; j++) {
    const c = input.charCodeAt(j);
    if (c >= 0x80) return undefined;
    out.push(c);
  }
  let n = 128;
  let i = 0;
  let bias = 72;
  for (let at = delimiter > 0 ? delimiter + 1 : 0; at < input.length; ) {
    const old = i;
    let w = 1;
    for (let k = base; ; k += base) {
      if (at >= input.length) return undefined;
      const c = input.charCodeAt(at++);
      const digit = c >= 48 && c <= 57 ? c - 22 : c >= 65 && c <= 90 ? c - 65 : c >= 97 && c <= 122 ? c - 97 : base;
      if (digit >= base) return undefined;
      i += digit * w;
      const t = k <= bias ? 1 : k >= bias + 26 ? 26 : k - bias;
      if (digit < t) break;
      w *= base - t;
      if (i > 0x10ffff * 64 || w > 0x10ffff * 64) return undefined;
    }
    bias = adapt(i - old, out.length + 1, old === 0);
    n += Math.floor(i / (out.length + 1));
    i %= out.length + 1;
    if (n > 0x10ffff) return undefined;
    out.splice(i++, 0, n);
  }
  try {
    return String.fromCodePoint(...out);
  } catch {
    return undefined;
  }
}

/** The parsed URL, or `undefined` where the URL Standard (and Node) fail it. */
function standardUrl(value) {
  let url;
  try {
    url = new HostURL(value);
  } catch {
    return undefined;
  }
  if (!SPECIAL.has(url.protocol)) return url;
  const host = url.hostname;
  // Chromium percent-encodes some forbidden domain code points (a space) instead of failing; a
  // special URL's domain never holds `%` (it is percent-decoded, and `%` is forbidden).
  if (host.includes('%')) return undefined;
  // Chromium keeps `file://localhost/`'s host, which the standard empties.
  if (url.protocol === 'file:' && host === 'localhost') return { protocol: url.protocol, hostname: '' };
  // Chromium keeps a punycode label that does not decode, or decodes to a label UTS #46 does not
  // give back (all ASCII, mapped, not normalized); the standard fails the URL.
  for (const label of host.split('.')) {
    if (!label.startsWith('xn--')) continue;
    const decoded = punycodeDecode(label.slice(4));
    if (decoded === undefined || decoded === '') return undefined;
    let again;
    try {
      again = new HostURL(`http://${decoded}/`).hostname;
    } catch {
      return undefined;
    }
    if (again !== label) return undefined;
  }
  return url;
}

/** `new URL(value)`'s `protocol` + `hostname` (`https:example.com`), or `undefined` where it throws. */
export function whatwgUrl(value) {
  try {
    const url = standardUrl(value);
    return url === undefined ? undefined : url.protocol + url.hostname;
  } catch {
    return undefined;
  }
}

/**
 * WHATWG's domain to ASCII of a host name, or `undefined` where it fails. The URL parser applies
 * it to a special URL's host; the appended label `a` keeps the host parser from reading a name
 * that ends in a number as an IPv4 address (`url.parse` only converts the name), and is removed.
 */
export function domainToAscii(domain) {
  try {
    const hostname = standardUrl(`http://${domain}.a/`)?.hostname;
    return hostname?.endsWith('.a') ? hostname.slice(0, -2) : undefined;
  } catch {
    return undefined;
  }
}

/** `String.prototype.toLowerCase` as it was when the module loaded. */
const lowerCase = String.prototype.toLowerCase;

/** `text.toLowerCase()`. */
export function toLowerCase(text) {
  return lowerCase.call(text);
}
