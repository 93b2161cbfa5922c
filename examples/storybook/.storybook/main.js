/** @type { import('@storybook/web-components-vite').StorybookConfig } */
export default {
  stories: ['../stories/*.stories.js'],
  framework: { name: '@storybook/web-components-vite', options: {} },
  core: { disableTelemetry: true },
};
