/**
 * Fills missing <target>s in src/i18n/xliff/{fr,es}.xlf from JSON files in
 * src/i18n/incoming/ (one per element, so that people working on different
 * elements never edit the XLIFF at the same time):
 *
 *   { "composer.send": { "fr": "Envoyer", "es": "Enviar" },
 *     "composer.count": { "fr": "{0} pièces jointes", "es": "{0} adjuntos" } }
 *
 * `{0}`, `{1}` stand for the source's placeholders (`${...}` in msg(str`...`)),
 * in their order. Existing targets are replaced too, so a JSON file can fix a
 * translation. Run through `npm run localize`, which extracts first and
 * builds the runtime locale modules after.
 */
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';

const incomingDir = 'src/i18n/incoming';
const translations = {};
if (existsSync(incomingDir)) {
  for (const file of readdirSync(incomingDir).filter((f) => f.endsWith('.json')).sort()) {
    Object.assign(translations, JSON.parse(readFileSync(`${incomingDir}/${file}`, 'utf8')));
  }
}

const escapeXml = (text) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

for (const locale of ['fr', 'es']) {
  const path = `src/i18n/xliff/${locale}.xlf`;
  let xml = readFileSync(path, 'utf8');
  let filled = 0;
  const missing = [];
  xml = xml.replace(
    /(<trans-unit id="([^"]+)">\s*<source>([\s\S]*?)<\/source>)(\s*<target>[\s\S]*?<\/target>)?/g,
    (whole, head, id, source, target) => {
      const text = translations[id]?.[locale];
      if (text === undefined) {
        if (!target) missing.push(id);
        return whole;
      }
      const placeholders = source.match(/<x id="[^"]*" equiv-text="[^"]*"\/>/g) ?? [];
      const body = escapeXml(text).replace(/\{(\d+)\}/g, (m, n) => placeholders[Number(n)] ?? m);
      filled++;
      const indent = head.match(/\n(\s*)<source>/)?.[1] ?? '  ';
      return `${head}\n${indent}<target>${body}</target>`;
    },
  );
  writeFileSync(path, xml);
  console.log(`${locale}: ${filled} targets from ${incomingDir}${missing.length ? `; still untranslated: ${missing.join(', ')}` : ''}`);
}
