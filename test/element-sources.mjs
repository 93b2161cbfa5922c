/**
 * What test/manifest.test.ts checks custom-elements.json against, worked
 * out from the sources alone.
 *
 * elementCustomProperties(): the `--inbox-*` custom properties each element's
 * styles read (`var(--inbox-...)` in its sources, and in the sheets of
 * src/styles/ it imports by name), besides the global tokens.
 *
 * elementEvents(): which events a listener on each element hears from it:
 *
 * - the tags: `defineOnce('tag', Class)` in src/define-*.ts, and the class's
 *   module through that file's imports;
 * - an element's sources: its module and, through value imports, the
 *   helpers, controllers and base classes it uses (src/elements/**,
 *   src/controllers/**), but not another element's module;
 * - what they dispatch: `new X(...)` of an event class of src/events/
 *   (its `static eventName`, typed X), `new Event('name', ...)` and
 *   `new CustomEvent('name', ...)` (typed Event, CustomEvent);
 * - what elements inside its shadow root fire and that crosses it: the
 *   tags its `html` templates render (`<tag-name`), or that it creates by
 *   name (`document.createElement('tag')`, `customElements.get(TAGS[k])`
 *   with TAGS a literal of tag names), and of their events the composed ones.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';

const ROOT = resolve(import.meta.dirname, '..');
const SRC = join(ROOT, 'src');
const PLATFORM_EVENTS = new Set(['Event', 'CustomEvent']);

const parsed = new Map();
function parse(file) {
  let source = parsed.get(file);
  if (!source) {
    source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
    parsed.set(file, source);
  }
  return source;
}

function walk(node, visit) {
  visit(node);
  ts.forEachChild(node, (child) => walk(child, visit));
}

/** `{ bubbles: true, composed: true }` among a call's arguments. */
function options(args) {
  const literal = [...args].reverse().find(ts.isObjectLiteralExpression);
  const flag = (name) =>
    literal?.properties.some(
      (p) => ts.isPropertyAssignment(p) && p.name.getText() === name && p.initializer.kind === ts.SyntaxKind.TrueKeyword,
    ) ?? false;
  return { composed: flag('composed'), bubbles: flag('bubbles') };
}

/** The classes of src/events/: name -> { eventName, composed }. */
function eventClasses() {
  const classes = new Map();
  const declarations = new Map();
  for (const file of readdirSync(join(SRC, 'events'))) {
    if (!file.endsWith('.ts') || file.endsWith('.test.ts')) continue;
    for (const statement of parse(join(SRC, 'events', file)).statements) {
      if (ts.isClassDeclaration(statement) && statement.name) declarations.set(statement.name.text, statement);
    }
  }
  const superOptions = (declaration) => {
    let found;
    walk(declaration, (node) => {
      if (!found && ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.SuperKeyword) {
        found = options(node.arguments);
      }
    });
    const base = declaration.heritageClauses?.[0]?.types[0]?.expression.getText();
    return found?.composed || !base || !declarations.has(base) ? found : superOptions(declarations.get(base));
  };
  for (const [name, declaration] of declarations) {
    const field = declaration.members.find(
      (m) => ts.isPropertyDeclaration(m) && m.name.getText() === 'eventName' && m.modifiers?.some((k) => k.kind === ts.SyntaxKind.StaticKeyword),
    );
    if (!field?.initializer || !ts.isStringLiteral(field.initializer)) continue;
    classes.set(name, { eventName: field.initializer.text, composed: superOptions(declaration)?.composed ?? false });
  }
  return classes;
}

/** Relative value imports of a module, static or dynamic (`import('./x.js')`), as files. */
function valueImports(file) {
  const files = [];
  walk(parse(file), (node) => {
    const [arg] = ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword ? node.arguments : [];
    if (arg && ts.isStringLiteralLike(arg) && arg.text.startsWith('.')) {
      const target = resolve(dirname(file), arg.text.replace(/\.js$/, '.ts'));
      if (existsSync(target)) files.push(target);
    }
  });
  for (const statement of parse(file).statements) {
    if (!ts.isImportDeclaration(statement) || statement.importClause?.isTypeOnly) continue;
    const specifier = statement.moduleSpecifier.text;
    if (!specifier.startsWith('.')) continue;
    const bindings = statement.importClause?.namedBindings;
    if (bindings && ts.isNamedImports(bindings) && bindings.elements.length && bindings.elements.every((e) => e.isTypeOnly) && !statement.importClause.name) continue;
    const target = resolve(dirname(file), specifier.replace(/\.js$/, '.ts'));
    if (existsSync(target)) files.push(target);
  }
  return files;
}

/**
 * Every registered tag -> the `--inbox-*` custom properties its styles read,
 * except the global tokens of src/styles/tokens.ts (which builds their names).
 */
export function elementCustomProperties() {
  parsed.clear();
  const tags = registeredTags();
  const elementFiles = new Set([...tags.values()].map((t) => t.file));
  const STYLES = join(SRC, 'styles');
  const TOKENS = join(STYLES, 'tokens.ts');
  const reads = (text) => [...text.matchAll(/var\(\s*(--inbox-[a-z0-9-]*[a-z0-9])\b/g)].map((m) => m[1]);
  const result = {};
  for (const [tag, { file }] of tags) {
    const found = new Set();
    for (const source of sourcesOf(file, elementFiles)) {
      for (const name of reads(readFileSync(source, 'utf8'))) found.add(name);
      // Shared sheets (styles/controls.ts): only those imported by name.
      for (const statement of parse(source).statements) {
        if (!ts.isImportDeclaration(statement) || !statement.moduleSpecifier.text.startsWith('.')) continue;
        const target = resolve(dirname(source), statement.moduleSpecifier.text.replace(/\.js$/, '.ts'));
        const bindings = statement.importClause?.namedBindings;
        // tokens.ts reads the global tokens, listed apart.
        if (!target.startsWith(STYLES) || target === TOKENS || !bindings || !ts.isNamedImports(bindings)) continue;
        const names = new Set(bindings.elements.map((e) => (e.propertyName ?? e.name).text));
        walk(parse(target), (node) => {
          if (ts.isVariableDeclaration(node) && ts.isIdentifier(node.name) && names.has(node.name.text) && node.initializer) {
            for (const name of reads(node.initializer.getText())) found.add(name);
          }
        });
      }
    }
    result[tag] = [...found].sort();
  }
  return result;
}

/** An element's module and the helpers, controllers and base classes it imports (values), not other elements. */
function sourcesOf(file, elementFiles) {
  const inScope = (f) => f.startsWith(join(SRC, 'elements')) || f.startsWith(join(SRC, 'controllers'));
  const sources = new Set([file]);
  const queue = [file];
  while (queue.length) {
    for (const next of valueImports(queue.shift())) {
      if (sources.has(next) || !inScope(next) || elementFiles.has(next) || next.endsWith('.test.ts')) continue;
      sources.add(next);
      queue.push(next);
    }
  }
  return sources;
}

/** tag -> the module of its class, from the defineOnce calls of src/define-*.ts. */
function registeredTags() {
  const tags = new Map();
  for (const name of readdirSync(SRC).filter((f) => /^define.*\.ts$/.test(f) && !f.endsWith('.test.ts'))) {
    const file = join(SRC, name);
    const source = parse(file);
    const importOf = new Map();
    for (const statement of source.statements) {
      if (!ts.isImportDeclaration(statement)) continue;
      const bindings = statement.importClause?.namedBindings;
      if (!bindings || !ts.isNamedImports(bindings)) continue;
      for (const element of bindings.elements) {
        importOf.set(element.name.text, resolve(SRC, statement.moduleSpecifier.text.replace(/\.js$/, '.ts')));
      }
    }
    walk(source, (node) => {
      if (!ts.isCallExpression(node) || node.expression.getText() !== 'defineOnce') return;
      const [tag, klass] = node.arguments;
      if (tag && klass && ts.isStringLiteral(tag) && ts.isIdentifier(klass) && importOf.has(klass.text)) {
        tags.set(tag.text, { className: klass.text, file: importOf.get(klass.text) });
      }
    });
  }
  return tags;
}

/**
 * Every registered tag -> { className, sources, events: { name: [types] }, own: {...}, children }.
 * `events` holds what a listener on the element hears; `own` what its sources dispatch.
 */
export function elementEvents() {
  parsed.clear();
  const classes = eventClasses();
  const tags = registeredTags();
  const elementFiles = new Set([...tags.values()].map((t) => t.file));

  const info = new Map();
  for (const [tag, { className, file }] of tags) {
    const sources = sourcesOf(file, elementFiles);
    /** name -> Map(type -> composed) */
    const own = new Map();
    const children = new Set();
    const add = (name, type, composed) => {
      if (!own.has(name)) own.set(name, new Map());
      own.get(name).set(type, composed);
    };
    for (const source of sources) {
      const tagLiterals = new Map(); // const NAME = { ...: 'tag' } / ['tag', ...]
      walk(parse(source), (node) => {
        if (ts.isVariableDeclaration(node) && ts.isIdentifier(node.name) && node.initializer) {
          const found = [];
          walk(node.initializer, (n) => {
            if (ts.isStringLiteral(n) && tags.has(n.text)) found.push(n.text);
          });
          if (found.length) tagLiterals.set(node.name.text, found);
        }
      });
      walk(parse(source), (node) => {
        if (ts.isNewExpression(node) && ts.isIdentifier(node.expression)) {
          const type = node.expression.text;
          const [first] = node.arguments ?? [];
          if (classes.has(type)) add(classes.get(type).eventName, type, classes.get(type).composed);
          else if (PLATFORM_EVENTS.has(type) && first && ts.isStringLiteralLike(first)) add(first.text, type, options(node.arguments).composed);
        }
        if (ts.isTaggedTemplateExpression(node) && node.tag.getText() === 'html') {
          const texts = ts.isNoSubstitutionTemplateLiteral(node.template)
            ? [node.template.text]
            : [node.template.head.text, ...node.template.templateSpans.map((s) => s.literal.text)];
          for (const text of texts) {
            for (const [, name] of text.matchAll(/<([a-z][a-z0-9]*-[a-z0-9-]*)/g)) if (tags.has(name)) children.add(name);
          }
        }
        if (ts.isCallExpression(node)) {
          const callee = node.expression.getText();
          const [arg] = node.arguments;
          if (callee.endsWith('createElement') && arg && ts.isStringLiteral(arg) && tags.has(arg.text)) children.add(arg.text);
          if (callee === 'customElements.get' && arg && ts.isElementAccessExpression(arg)) {
            for (const name of tagLiterals.get(arg.expression.getText()) ?? []) children.add(name);
          }
        }
      });
    }
    children.delete(tag);
    info.set(tag, { className, file, sources: [...sources].map((f) => relative(ROOT, f)), own, children: [...children] });
  }

  const heard = new Map();
  const hear = (tag, path = []) => {
    if (heard.has(tag)) return heard.get(tag);
    if (path.includes(tag)) return new Map();
    const { own, children } = info.get(tag);
    const events = new Map([...own].map(([name, types]) => [name, new Map([...types].map(([type, composed]) => [type, { composed, from: null }]))]));
    for (const child of children) {
      for (const [name, types] of hear(child, [...path, tag])) {
        for (const [type, { composed, from }] of types) {
          if (!composed) continue;
          if (!events.has(name)) events.set(name, new Map());
          if (!events.get(name).has(type)) events.get(name).set(type, { composed, from: from ?? child });
        }
      }
    }
    heard.set(tag, events);
    return events;
  };

  const result = {};
  for (const [tag, { className, sources, children }] of info) {
    const events = {};
    for (const [name, types] of hear(tag)) {
      events[name] = [...types].map(([type, { from }]) => ({ type, from }));
    }
    result[tag] = { className, sources, children, events };
  }
  return result;
}

if (process.argv[1] === import.meta.filename) {
  console.log(JSON.stringify({ events: elementEvents(), customProperties: elementCustomProperties() }, null, 1));
}
