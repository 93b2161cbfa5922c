import { html, noChange, type TemplateResult } from 'lit';
import { Directive, PartType, directive, type ElementPart, type PartInfo } from 'lit/directive.js';

type EmailModule = typeof import('./email-html.js');

let module: Promise<EmailModule> | undefined;

/** The sanitizer, loaded once on first use (DOMPurify is a chunk of its own). */
export function loadEmailHtml(): Promise<EmailModule> {
  module ??= import('./email-html.js');
  return module;
}

export interface EmailBodyOptions {
  readonly html: string;
  readonly remoteImages: boolean;
  /** Whether the e-mail's links are in the tab order (its message is the focused one). */
  readonly tabbable: boolean;
  /** Told how many remote images were held back, once the HTML is in. */
  readonly onRender: (blocked: number) => void;
}

/**
 * Puts sanitized e-mail HTML in a shadow root of the element it is bound
 * to, so that the e-mail's CSS cannot reach the page nor the page's the
 * e-mail. Until the sanitizer has loaded (or if it cannot), the shadow root
 * shows the element's own children through a slot: the message's plain
 * text, which the timeline renders there.
 */
class EmailBodyDirective extends Directive {
  #html: string | undefined;
  #remote: boolean | undefined;
  #tabbable: boolean | undefined;
  #root: ShadowRoot | undefined;
  #run = 0;

  constructor(info: PartInfo) {
    super(info);
    if (info.type !== PartType.ELEMENT) throw new Error('emailBody() belongs on an element');
  }

  render(_options: EmailBodyOptions): unknown {
    return noChange;
  }

  override update(part: ElementPart, [options]: [EmailBodyOptions]): unknown {
    const host = part.element;
    if (!this.#root) {
      this.#root = host.shadowRoot ?? host.attachShadow({ mode: 'open' });
      this.#root.append(document.createElement('slot'));
    }
    const root = this.#root;
    const tabbable = options.tabbable;
    if (options.html !== this.#html || options.remoteImages !== this.#remote) {
      this.#html = options.html;
      this.#remote = options.remoteImages;
      const run = ++this.#run;
      loadEmailHtml().then(
        (email) => {
          if (run !== this.#run) return;
          const blocked = email.renderEmail(root, options.html, { remoteImages: options.remoteImages });
          email.setLinksTabbable(root, this.#tabbable ?? tabbable);
          options.onRender(blocked);
        },
        () => undefined, // the slot keeps showing the plain text
      );
    } else if (tabbable !== this.#tabbable) {
      void loadEmailHtml().then((email) => email.setLinksTabbable(root, this.#tabbable ?? tabbable));
    }
    this.#tabbable = tabbable;
    return noChange;
  }
}

const emailBody = directive(EmailBodyDirective);

/** An e-mail's body: sanitized HTML in its own shadow root, the plain text until then. */
export function renderEmailBody(options: EmailBodyOptions, text: string): TemplateResult {
  return html`<div class="email" part="email" ${emailBody(options)}>${text}</div>`;
}
