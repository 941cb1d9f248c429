// Finding a connector type among a hundred: categories, search and ranking. Pure: no DOM, so the
// page's tests run it in Node too.
//
// The data (each type's description, category, search words, deprecation) comes from the core's
// table (`connectorTypes()`); only the categories' display names are the page's. A type without
// a category is "other"; without a description, it shows none.

/** The categories, in the order the list shows them, with their display names. */
export const CATEGORIES = [
  ['ai', 'AI'],
  ['itsm', 'ITSM and tickets'],
  ['messaging', 'Messaging and paging'],
  ['security', 'Security'],
  ['observability', 'Observability'],
  ['data', 'Data and storage'],
  ['productivity', 'Productivity'],
  ['developer', 'Developer tools'],
  ['automation', 'Automation'],
  ['other', 'Other'],
];
const CATEGORY_NAMES = new Map(CATEGORIES);

const capitalized = (word) => `${word.charAt(0).toUpperCase()}${word.slice(1)}`;

/** Names in order, case aside (not localeCompare: its first call loads the collation data, tens of
 *  milliseconds before the page is interactive). */
export function byName(a, b) {
  const [x, y] = [a.name.toLowerCase(), b.name.toLowerCase()];
  return x < y ? -1 : x > y ? 1 : 0;
}

/** A type's category id, "other" when the core gives none (or one the page does not know). */
export function categoryOf(type) {
  return CATEGORY_NAMES.has(type.category) ? type.category : 'other';
}

export function categoryName(id) {
  return CATEGORY_NAMES.get(id) ?? capitalized(String(id));
}

/** Lowercase words of a text, split on anything but letters and digits. */
function words(text) {
  return String(text ?? '').toLowerCase().normalize('NFKD').replace(/[\u0300-\u036f]/g, '').split(/[^a-z0-9]+/).filter(Boolean);
}

/** What a search reads of a type, weighted: its name and id count most, then its search words
 *  and category, then its description. */
export function searchIndex(type) {
  const searchWords = Array.isArray(type.searchWords) ? type.searchWords : [];
  return {
    name: words(type.name),
    id: words(type.id),
    rawId: String(type.id).toLowerCase(),
    searchWords: searchWords.flatMap(words),
    phrases: [type.name, ...searchWords].map((text) => words(text).join(' ')),
    category: words(`${categoryOf(type)} ${type.category ? categoryName(categoryOf(type)) : ''}`),
    description: words(type.description),
  };
}

/** How well one query word matches a list of words: 2 for a whole word, 1 for a word's start. */
function wordScore(list, word) {
  let best = 0;
  for (const candidate of list) {
    if (candidate === word) return 2;
    if (candidate.startsWith(word)) best = 1;
  }
  return best;
}

/**
 * The score of a type for a query (higher is better), or 0 when some word of the query matches
 * nothing the type says. An empty query matches everything (score 1).
 */
export function score(index, query) {
  const queryWords = words(query);
  if (queryWords.length === 0) return 1;
  let total = 0;
  for (const word of queryWords) {
    const best = Math.max(
      wordScore(index.name, word) * 10,
      index.rawId.includes(word) ? (index.id.includes(word) ? 16 : 8) : 0,
      wordScore(index.searchWords, word) * 6,
      wordScore(index.category, word) * 4,
      wordScore(index.description, word) * 2,
    );
    if (best === 0) return 0;
    total += best;
  }
  // The whole query as a phrase of the name or of a search word ("azure openai").
  const phrase = queryWords.join(' ');
  if (queryWords.length > 1 && index.phrases.some((text) => text.includes(phrase))) total += 20;
  if (index.name.join(' ') === phrase) total += 30;
  return total;
}

/** Types matching a query, best first; deprecated types after every other. */
export function searchTypes(types, query) {
  return types
    // The index is built on the first search, not while the page loads.
    .map((type) => ({ type, score: score(type.index ??= searchIndex(type), query) }))
    .filter((entry) => entry.score > 0)
    .sort((a, b) => Number(Boolean(a.type.isDeprecated)) - Number(Boolean(b.type.isDeprecated))
      || b.score - a.score
      || byName(a.type, b.type))
    .map((entry) => entry.type);
}

/**
 * The list without a query: groups of types, each { id, label, types }. By category once the core
 * gives categories (by license until then, in `licenses`' order: the core's `licenses()`), names
 * in order; deprecated types in a last group.
 */
export function groupTypes(types, licenses = []) {
  const byCategory = types.some((type) => typeof type.category === 'string');
  const live = types.filter((type) => !type.isDeprecated);
  const deprecated = types.filter((type) => type.isDeprecated);
  const groups = [];
  const sorted = (list) => [...list].sort(byName);
  if (byCategory) {
    for (const [id, label] of CATEGORIES) {
      const members = live.filter((type) => categoryOf(type) === id);
      if (members.length > 0) groups.push({ id, label, types: sorted(members) });
    }
  } else {
    // The core's order, lowest first; a license it does not know goes last.
    const rank = (license) => (licenses.includes(license) ? licenses.indexOf(license) : licenses.length);
    const present = [...new Set(live.map((type) => type.minimumLicense ?? 'other'))].sort((a, b) => rank(a) - rank(b));
    for (const license of present) {
      groups.push({ id: license, label: `${capitalized(license)} license`, types: sorted(live.filter((type) => (type.minimumLicense ?? 'other') === license)) });
    }
  }
  if (deprecated.length > 0) groups.push({ id: 'deprecated', label: 'Deprecated', types: sorted(deprecated) });
  return groups;
}
