/**
 * Custom Elements Manifest (`npm run analyze` writes custom-elements.json).
 * The elements' JSDoc blocks are the single source of the contract (summary,
 * events, slots, parts, custom properties, states); the manifest feeds
 * Storybook's docs, IDE completion and the framework wrappers.
 */
import { readFileSync, readdirSync } from 'node:fs';

/**
 * Elements do not call customElements.define themselves: src/define-inbox.ts
 * and src/define-conversation.ts register them with `defineOnce('tag',
 * Class)`, which the analyzer does not know. This plugin reads those calls,
 * so the tag names come from those files alone, as `custom-element-definition`
 * exports that the analyzer then links to their classes (test/manifest.test.ts
 * checks that every registered tag is in the manifest).
 */
function defineOncePlugin() {
  return {
    name: 'inbox-elements:define-once',
    analyzePhase({ ts, node, moduleDoc, context }) {
      if (!ts.isCallExpression(node) || !ts.isIdentifier(node.expression)) return;
      if (node.expression.text !== 'defineOnce') return;
      const [tag, klass] = node.arguments;
      if (!tag || !klass || !ts.isStringLiteral(tag) || !ts.isIdentifier(klass)) return;
      const imported = context.imports?.find((i) => i.name === klass.text && !i.isBareModuleSpecifier);
      const module = imported
        ? new URL(imported.importPath, `file:///${moduleDoc.path}`).pathname.slice(1).replace(/\.js$/, '.ts')
        : moduleDoc.path;
      moduleDoc.exports = [
        ...(moduleDoc.exports ?? []),
        { kind: 'custom-element-definition', name: tag.text, declaration: { name: klass.text, module } },
      ];
    },
  };
}

/** The classes of src/events/: class name -> its `static eventName` and the first sentence of its doc. */
function eventClasses(ts) {
  const classes = new Map();
  for (const file of readdirSync('src/events')) {
    if (!file.endsWith('.ts') || file.endsWith('.test.ts')) continue;
    const source = ts.createSourceFile(file, readFileSync(`src/events/${file}`, 'utf8'), ts.ScriptTarget.Latest, true);
    for (const statement of source.statements) {
      if (!ts.isClassDeclaration(statement) || !statement.name) continue;
      const field = statement.members.find(
        (m) =>
          ts.isPropertyDeclaration(m) &&
          m.name.getText() === 'eventName' &&
          m.modifiers?.some((k) => k.kind === ts.SyntaxKind.StaticKeyword),
      );
      if (!field?.initializer || !ts.isStringLiteral(field.initializer)) continue;
      const doc = ts.getTextOfJSDocComment(ts.getJSDocCommentsAndTags(statement).find(ts.isJSDoc)?.comment) ?? '';
      const sentence = doc.replace(/\s+/g, ' ').match(/^.*?\.(?=\s|$)/)?.[0] ?? doc;
      classes.set(statement.name.text, { name: field.initializer.text, description: sentence });
    }
  }
  return classes;
}

/** Event types that are no class of src/events/ and that a `@fires` tag may name. */
const PLATFORM_EVENTS = new Set(['Event', 'CustomEvent']);

/**
 * Events. The analyzer's Lit plugin guesses an event from each
 * `this.dispatchEvent(new X(a, ...))` in a method: it takes `a` as the name
 * (so `new StoreChangeEvent(store)` became an event called "store") and
 * misses dispatches in arrow functions and helpers. This plugin replaces
 * those guesses, for every class, with:
 *
 * - the class's `@fires` tags, as `@fires name - {Type} description` (or the
 *   analyzer's `@fires {Type} name - description`); `{A | B}` when several
 *   classes fire under one name;
 * - every `new X(...)` of an event class of src/events/ in the class's body,
 *   resolved to X's `static eventName` and typed X, and every
 *   `dispatchEvent(new Event('name'))` (or CustomEvent), typed Event.
 *
 * A `@fires` tag whose type is no event class, or an event class whose
 * `eventName` is not the tag's name, or an event of no known type, fails
 * the analysis. Events that an
 * element's helpers dispatch, or that elements inside its shadow root fire
 * and that bubble out of it (composed), are documented by `@fires` tags:
 * test/manifest.test.ts works out each element's events from the sources
 * and requires the manifest to list exactly those.
 */
function eventsPlugin() {
  let classes;
  return {
    name: 'inbox-elements:events',
    // The analyzer's own TypeScript: its syntax kinds are the ones of `node`.
    analyzePhase({ ts, node, moduleDoc }) {
      if (!ts.isClassDeclaration(node) || !node.name) return;
      classes ??= eventClasses(ts);
      const declaration = moduleDoc.declarations?.find((d) => d.name === node.name.text);
      if (!declaration) return;
      const where = `${moduleDoc.path}: ${node.name.text}`;
      /** name -> { name, types: Set, description } */
      const events = new Map();
      const add = (name, types, description) => {
        const event = events.get(name) ?? { name, types: new Set(), description: '' };
        for (const type of types) event.types.add(type);
        if (description && !event.description) event.description = description;
        events.set(name, event);
      };

      for (const tag of ts.getJSDocTags(node)) {
        if (tag.tagName.text !== 'fires' && tag.tagName.text !== 'event') continue;
        const text = (ts.getTextOfJSDocComment(tag.comment) ?? '').replace(/\s+/g, ' ').trim();
        const match = text.match(/^(?:\{([^}]+)\}\s+)?([\w:.-]+)(?:\s+-)?\s*(?:\{([^}]+)\}\s*)?(.*)$/);
        if (!match) throw new Error(`${where}: cannot read "@${tag.tagName.text} ${text}"`);
        const [, typeBefore, name, typeAfter, description] = match;
        const types = (typeBefore ?? typeAfter ?? '').split('|').map((t) => t.trim()).filter(Boolean);
        for (const type of types) {
          const known = classes.get(type);
          if (known && known.name !== name) {
            throw new Error(`${where}: "@fires ${name} - {${type}}", but ${type}.eventName is '${known.name}'`);
          }
          if (!known && !PLATFORM_EVENTS.has(type)) {
            throw new Error(`${where}: "@fires ${name} - {${type}}": ${type} is no event class of src/events/`);
          }
        }
        add(name, types, description);
      }

      const visit = (child) => {
        if (ts.isNewExpression(child) && ts.isIdentifier(child.expression)) {
          const type = child.expression.text;
          const known = classes.get(type);
          const [first] = child.arguments ?? [];
          if (known) {
            add(known.name, [type], known.description);
          } else if (
            PLATFORM_EVENTS.has(type) &&
            first &&
            ts.isStringLiteralLike(first) &&
            ts.isCallExpression(child.parent) &&
            child.parent.expression.getText().endsWith('dispatchEvent')
          ) {
            add(first.text, [type], '');
          }
        }
        ts.forEachChild(child, visit);
      };
      node.members.forEach(visit);

      for (const { name, types } of events.values()) {
        if (!types.size) throw new Error(`${where}: "@fires ${name}" needs its type: @fires ${name} - {SomeEvent} ...`);
      }
      if (!events.size && !declaration.events) return;
      declaration.events = [...events.values()].map(({ name, types, description }) => ({
        name,
        type: { text: [...types].join(' | ') },
        ...(description ? { description } : {}),
      }));
    },
  };
}

/** Private members (`#internals`) are not part of the contract. */
function dropPrivateMembersPlugin() {
  return {
    name: 'inbox-elements:drop-private-members',
    packageLinkPhase({ customElementsManifest }) {
      for (const mod of customElementsManifest.modules ?? []) {
        for (const declaration of mod.declarations ?? []) {
          if (declaration.members) {
            declaration.members = declaration.members.filter((m) => m.privacy !== 'private');
          }
        }
      }
    },
  };
}

export default {
  // The event classes too: the generated framework types import them from
  // the module the manifest names.
  globs: ['src/elements/**/*.ts', 'src/events/*.ts', 'src/define*.ts'],
  exclude: ['src/**/*.test.ts', 'src/**/*.stories.ts'],
  outdir: '.',
  litelement: true,
  // package.json is hand-kept: do not let the analyzer add a customElements field.
  packagejson: false,
  plugins: [defineOncePlugin(), eventsPlugin(), dropPrivateMembersPlugin()],
};
