/**
 * Custom Elements Manifest (`npm run analyze` writes custom-elements.json).
 * The elements' JSDoc blocks are the single source of the contract (summary,
 * events, slots, parts, custom properties, states); the manifest feeds
 * Storybook's docs, IDE completion and the framework wrappers.
 */

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
  globs: ['src/elements/**/*.ts', 'src/define*.ts'],
  exclude: ['src/**/*.test.ts', 'src/**/*.stories.ts'],
  outdir: '.',
  litelement: true,
  // package.json is hand-kept: do not let the analyzer add a customElements field.
  packagejson: false,
  plugins: [defineOncePlugin(), dropPrivateMembersPlugin()],
};
