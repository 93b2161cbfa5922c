import type { StorybookConfig } from '@storybook/web-components-vite';

const config: StorybookConfig = {
  framework: { name: '@storybook/web-components-vite', options: {} },
  stories: ['../stories/**/*.stories.ts'],
  core: {
    // Also what lets `storybook build` finish quickly on a closed network.
    disableTelemetry: true,
  },
  viteFinal(viteConfig) {
    // Storybook merges vite.config.ts, whose library settings (entries,
    // external dependencies) are for dist/, not for a Storybook build.
    if (viteConfig.build) {
      delete viteConfig.build.lib;
      delete viteConfig.build.rolldownOptions?.external;
      // The preview iframe holds Storybook's whole runtime.
      viteConfig.build.chunkSizeWarningLimit = 1500;
    }
    viteConfig.optimizeDeps ??= {};
    // Without these, Vite pre-bundles Lit twice ("Multiple versions of Lit loaded").
    viteConfig.optimizeDeps.include = [
      ...(viteConfig.optimizeDeps.include ?? []),
      'lit',
      'lit/directive-helpers.js',
    ];
    return viteConfig;
  },
};

export default config;
