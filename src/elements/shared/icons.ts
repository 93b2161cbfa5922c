import { html, nothing, svg, type TemplateResult } from 'lit';
import { Directive, directive } from 'lit/directive.js';
import type { IconNode } from 'lucide';

export type { IconNode };

const SVG_NS = 'http://www.w3.org/2000/svg';

/**
 * Draws a Lucide icon node (`[['path', { d: '…' }], ['rect', {…}]]`, data,
 * not markup) as SVG elements made with `createElementNS`. No template
 * minifier or HTML parser ever sees the shapes, so every build draws the
 * same tree as the sources (a minifier that dropped the `/>` of SVG
 * elements once nested each later shape inside the first, where it was
 * never drawn). The `<g>` is made once per place and node.
 */
class IconShapes extends Directive {
  #node: IconNode | undefined;
  #group: SVGGElement | undefined;

  render(node: IconNode): SVGGElement {
    if (node !== this.#node || !this.#group) {
      this.#node = node;
      const group = document.createElementNS(SVG_NS, 'g');
      for (const [tag, attributes] of node) {
        const shape = document.createElementNS(SVG_NS, tag);
        for (const [name, value] of Object.entries(attributes)) if (value !== undefined) shape.setAttribute(name, String(value));
        group.append(shape);
      }
      this.#group = group;
    }
    return this.#group;
  }
}

const iconShapes = directive(IconShapes);

/**
 * A Lucide icon, 24-unit grid drawn with `currentColor`, `size` px wide
 * (16 in rows, 20 in headers). With a `label` it is an image named for
 * assistive technology (and a tooltip); without, decorative and hidden.
 */
export function icon(node: IconNode, { label, size = 16, part, className }: { label?: string; size?: number; part?: string; className?: string } = {}): TemplateResult {
  return html`<svg
    class=${className ?? nothing}
    part=${part ?? nothing}
    role=${label ? 'img' : nothing}
    aria-label=${label ?? nothing}
    aria-hidden=${label ? nothing : 'true'}
    viewBox="0 0 24 24"
    width=${size}
    height=${size}
    fill="none"
    stroke="currentColor"
    stroke-width="2"
    stroke-linecap="round"
    stroke-linejoin="round"
  >${label ? svg`<title>${label}</title>` : nothing}${iconShapes(node)}</svg>`;
}
