// Prints, sorted, every word of WORDS (one per line) that typo repair could
// turn into a word of VOCAB: same first letter, length 4 or more, within one
// edit (two for words of nine letters or more), and not a prefix either way.
// Mirrors repair_typos in src/scoring/matching.rs.
import { readFileSync } from 'node:fs';

const [vocabPath, wordsPath] = process.argv.slice(2);
const vocab = readFileSync(vocabPath, 'utf8').split('\n').filter(Boolean);
const words = readFileSync(wordsPath, 'utf8').split('\n').filter((w) => /^[a-z]+$/.test(w));

// Damerau (adjacent swap) edit distance, bounded.
function within(a, b, max) {
  if (Math.abs(a.length - b.length) > max) return false;
  const d = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array(b.length).fill(0)]);
  for (let j = 0; j <= b.length; j++) d[0][j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
      }
    }
  }
  return d[a.length][b.length] <= max;
}

const byFirst = new Map();
for (const v of vocab) {
  if (!byFirst.has(v[0])) byFirst.set(v[0], []);
  byFirst.get(v[0]).push(v);
}
const out = new Set();
for (const w of words) {
  if (w.length < 4 || vocab.includes(w)) continue;
  const max = w.length >= 9 ? 2 : 1;
  for (const v of byFirst.get(w[0]) ?? []) {
    if (w.startsWith(v) || v.startsWith(w)) continue;
    if (w.length === 4 && v.length !== 5) continue;
    if (within(w, v, max)) {
      out.add(w);
      break;
    }
  }
}
process.stdout.write([...out].sort().join('\n') + '\n');
