// A direct visit's first results. The search page's words are in its address, so its results
// cannot be in its HTML; this classic script, inline after the page's template (the post-build
// hook puts it there, with NAMES), searches the passages the build wrote into the page and
// shows the results in the first paint, where waiting for the search's island would put them a
// second later on a slow phone. The island takes over once its code has run
// (islands/search/src/first.rs); until then the stylesheet hides it.
//
// The search is the content crate's (crates/content/src/search.rs), step for step: every word
// matches at the start of a word, a quoted phrase as a phrase, case and accents ignored; the
// passages whose headings match come first, then the more occurrences, the closer together,
// the earlier. tests/e2e/search-first.spec.js checks that both find the same, in the same order.
(() => {
  const template = document.getElementById(NAMES.ids.searchFirstTemplate);
  const words = new URLSearchParams(location.search).get("q") ?? "";
  let data;
  try {
    data = JSON.parse(document.getElementById(NAMES.ids.searchData).textContent);
  } catch {
    return; // the island says what is wrong
  }
  if (!template) return;

  // --- Folding and words (crates/content/src/folding.rs) ---
  // It runs before the first paint, so it folds a text in one pass (each character keeps its
  // length: offsets in the folded text are offsets in the text) and finds words with indexOf.
  const memo = (compute) => {
    const known = new Map();
    return (c) => {
      let value = known.get(c);
      if (value === undefined) known.set(c, (value = compute(c)));
      return value;
    };
  };
  const fold = memo((c) => data.fold[c] ?? String.fromCodePoint(c.toLowerCase().codePointAt(0)));
  const isWord = memo((c) => /[\p{Alphabetic}\p{N}]/u.test(c));
  const foldText = (text) => text.replace(/[^\x00-\x7f]/gu, fold).toLowerCase();
  const charAt = (text, i) => String.fromCodePoint(text.codePointAt(i));
  const wordAt = (text, i) => i < text.length && isWord(charAt(text, i));
  /** Whether `i` is where a word starts: the character before it (if any) is not a word's. */
  const startsWord = (text, i) => {
    if (i === 0) return true;
    const low = text.charCodeAt(i - 1) >= 0xdc00 && text.charCodeAt(i - 1) <= 0xdfff && i >= 2;
    return !isWord(charAt(text, low ? i - 2 : i - 1));
  };

  /** Where `word` ends when it stands at `i`, whole or (with `prefix`) as a word's start; -1 if not. */
  const matchAt = (text, i, word, prefix) => (text.startsWith(word, i) && (prefix || !wordAt(text, i + word.length)) ? i + word.length : -1);

  /** Where a term (its words) stands in a folded text: one word after the other, each at a word's start, each whole but the last. */
  const findTerm = (text, [first, ...rest]) => {
    const found = [];
    for (let i = text.indexOf(first); i >= 0; i = text.indexOf(first, i + 1)) {
      if (!startsWord(text, i)) continue;
      let end = matchAt(text, i, first, rest.length === 0);
      for (let k = 0; k < rest.length && end >= 0; k++) {
        let next = end;
        while (next < text.length && !wordAt(text, next)) next += text.codePointAt(next) > 0xffff ? 2 : 1;
        end = matchAt(text, next, rest[k], k + 1 === rest.length);
      }
      if (end >= 0) found.push([i, end]);
    }
    return found;
  };

  // --- The query and the search (crates/content/src/search.rs) ---
  const wordsOf = (text) => Array.from(text, fold).join("").split(/[^\p{Alphabetic}\p{N}]/u).filter(Boolean);
  const parse = (text) => {
    const terms = [];
    text.replace(/[“”„]/g, '"').split('"').forEach((part, index) => {
      const found = wordsOf(part);
      if (index % 2) found.length && terms.push(found);
      else terms.push(...found.map((word) => [word]));
    });
    return terms.filter((term, i) => i === 0 || JSON.stringify(term) !== JSON.stringify(terms[i - 1]));
  };

  /** The shortest stretch of `text`, in UTF-8 bytes (as the crate counts), holding one match of every term that has one. */
  const span = (text, matches) => {
    const found = matches.filter((ranges) => ranges.length);
    const encoder = new TextEncoder();
    const bytes = (at) => encoder.encode(text.slice(0, at)).length;
    const all = found.flatMap((ranges, term) => ranges.map(([start]) => [bytes(start), term]));
    all.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
    const counts = found.map(() => 0);
    let [best, covered, left] = [Infinity, 0, 0];
    for (const [position, term] of all) {
      if (++counts[term] === 1) covered++;
      while (covered === found.length) {
        best = Math.min(best, position - all[left][0]);
        if (--counts[all[left][1]] === 0) covered--;
        left++;
      }
    }
    return best;
  };

  const search = (query) => {
    const hits = [];
    data.passages.forEach((passage, order) => {
      const [text, headings] = [foldText(passage.text), foldText(passage.headings)];
      if (text.length !== passage.text.length) throw new RangeError("a character folds to another length");
      const inText = query.map((term) => findTerm(text, term));
      const inHeadings = query.map((term) => findTerm(headings, term).length > 0);
      if (!inText.every((found, i) => found.length || inHeadings[i])) return;
      const marks = [];
      for (const range of inText.flat().sort((a, b) => a[0] - b[0] || b[1] - a[1])) {
        const kept = marks.at(-1);
        if (kept && range[0] < kept[1]) kept[1] = Math.max(kept[1], range[1]);
        else marks.push([...range]);
      }
      const rank = [-inHeadings.filter(Boolean).length, -inText.flat().length, span(passage.text, inText), order];
      hits.push({ rank, passage, marks });
    });
    const compare = (a, b) => a.rank.reduce((order, value, i) => order || (value < b.rank[i] ? -1 : value > b.rank[i] ? 1 : 0), 0);
    return hits.sort(compare);
  };

  // --- The results, in the island's markup (the template) ---
  const query = parse(words);
  if (!query.length) return;
  let hits;
  try {
    hits = search(query);
  } catch {
    return; // the island shows the results
  }
  const results = template.content.firstElementChild.cloneNode(true);
  results.setAttribute(NAMES.marks.words, words);
  const [status, list] = [results.querySelector("p"), results.querySelector("ol")];
  const item = list.firstElementChild;
  item.remove();
  status.textContent = data.counts[hits.length];
  for (const { passage, marks } of hits) {
    const result = item.cloneNode(true);
    const link = result.querySelector("a");
    link.setAttribute("href", passage.href);
    link.textContent = passage.place;
    const holder = result.lastElementChild;
    let at = 0;
    for (const [start, end] of marks) {
      if (start > at) holder.append(passage.text.slice(at, start));
      holder.append(Object.assign(document.createElement("mark"), { textContent: passage.text.slice(start, end) }));
      at = end;
    }
    if (at < passage.text.length) holder.append(passage.text.slice(at));
    list.append(result);
  }
  document.currentScript.before(results);
  const field = document.getElementById(NAMES.ids.siteSearch);
  if (field) field.value = words;
})();
