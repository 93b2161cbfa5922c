import { html, nothing, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import { msg, str } from '@lit/localize';
import { newId } from '../../model/ids.js';
import type { Attachment } from '../../model/types.js';
import { defaultDraftStorage, loadDraft, saveDraft, type DraftAddress } from '../../store/drafts.js';
import type { InboxStore } from '../../store/inbox-store.js';
import { Paperclip } from 'lucide';
import { icon } from '../shared/icons.js';
import { fileSize } from './composer-labels.js';
import { sameAddress } from './draft.controller.js';

type Host = ReactiveControllerHost & HTMLElement & { readonly renderRoot: HTMLElement | DocumentFragment };

export interface AttachmentsOptions {
  /** The store files upload through (`store.upload`). */
  readonly store: () => InboxStore | undefined;
  /** The draft shown; files go with replies only. */
  readonly address: () => DraftAddress | null;
  /** The attachments changed (for the host to save its draft). */
  readonly changed: () => void;
  /** A message for the host's status line (files dropped on a comment). */
  readonly notify: (message: string) => void;
  /** Focus goes back to the text field (a chip was removed). */
  readonly focus: () => void;
}

/** One file of the reply: uploading, uploaded (with its Attachment) or failed. */
export interface Upload {
  readonly key: string;
  readonly name: string;
  readonly size: number;
  readonly state: 'uploading' | 'done' | 'failed';
  /** Kept to retry a failed upload; absent for attachments restored from a draft. */
  readonly file?: File | undefined;
  readonly attachment?: Attachment | undefined;
  readonly error?: string | undefined;
}

const uploadOf = (attachment: Attachment): Upload => ({
  key: `att-${attachment.id}`,
  name: attachment.name,
  size: attachment.size,
  state: 'done',
  attachment,
});

/**
 * The files of a reply: they come by the attach button, drag and drop or
 * paste, upload through the transport (`store.upload`) and show as chips
 * (uploading, with their size once uploaded, or with why they failed and a
 * Retry). A file that finishes uploading after the person moved to another
 * conversation joins that conversation's draft. The host wires the handlers
 * (`onPick`, `onPaste`, `onDragOver`, `onDragLeave`, `onDrop`) and renders
 * `renderButton()` and `render()`. It needs none of the host's lifecycle
 * callbacks, so it is not added to the host's controllers.
 */
export class AttachmentsController {
  readonly #host: Host;
  readonly #options: AttachmentsOptions;
  #uploads: readonly Upload[] = [];
  #dragging = false;

  constructor(host: Host, options: AttachmentsOptions) {
    this.#host = host;
    this.#options = options;
  }

  /** Every file, uploaded or not. */
  get uploads(): readonly Upload[] {
    return this.#uploads;
  }

  /** The uploaded files, what a reply sends. */
  get done(): readonly Attachment[] {
    return this.#uploads.flatMap((u) => (u.state === 'done' && u.attachment ? [u.attachment] : []));
  }

  /** Whether a file is still uploading (a reply waits for it). */
  get uploading(): boolean {
    return this.#uploads.some((u) => u.state === 'uploading');
  }

  /** Files are dragged over the host. */
  get dragging(): boolean {
    return this.#dragging;
  }

  /** Shows these uploaded files (a draft's, a refused reply's), dropping any others. */
  show(attachments: readonly Attachment[]): void {
    this.#set(attachments.map(uploadOf));
  }

  // The host's handlers.

  readonly onPick = (event: Event): void => {
    const input = event.target as HTMLInputElement;
    this.#add([...(input.files ?? [])]);
    input.value = '';
  };

  readonly onPaste = (event: ClipboardEvent): void => {
    const files = [...(event.clipboardData?.files ?? [])];
    if (files.length === 0 || !this.#options.store()?.canUpload) return;
    event.preventDefault();
    this.#add(files);
  };

  readonly onDragOver = (event: DragEvent): void => {
    if (!this.#hasFiles(event)) return;
    event.preventDefault();
    if (event.dataTransfer) event.dataTransfer.dropEffect = 'copy';
    this.#setDragging(true);
  };

  readonly onDragLeave = (event: DragEvent): void => {
    const to = event.relatedTarget;
    if (to instanceof Node && (this.#host.renderRoot.contains(to) || this.#host.contains(to))) return;
    this.#setDragging(false);
  };

  readonly onDrop = (event: DragEvent): void => {
    this.#setDragging(false);
    if (!this.#hasFiles(event)) return;
    event.preventDefault();
    this.#add([...(event.dataTransfer?.files ?? [])]);
  };

  // Rendering.

  /** The attach button and its hidden file input. */
  renderButton(): TemplateResult {
    const label = msg('Attach files', { id: 'composer.attach' });
    return html`<button
        type="button"
        part="attach"
        class="tool attach"
        aria-label=${label}
        data-tip=${label}
        @click=${() => this.#host.renderRoot.querySelector<HTMLInputElement>('input[type=file]')?.click()}
      >
        ${icon(Paperclip, { size: 18 })}
      </button>
      <input type="file" multiple hidden tabindex="-1" @change=${this.onPick} />`;
  }

  /** The chips. */
  render(): TemplateResult {
    return html`<ul class="chips" part="attachments" aria-label=${msg('Attachments', { id: 'composer.attachments' })}>
      ${repeat(
        this.#uploads,
        (u) => u.key,
        (u) => html`<li class="chip ${u.state}" part="attachment">
          <span class="name">${u.name}</span>
          ${u.state === 'done' ? html`<span class="size">${fileSize(u.size)}</span>` : nothing}
          ${u.state === 'uploading' ? html`<span class="progress">${msg('uploading…', { id: 'composer.upload.progress' })}</span>` : nothing}
          ${u.state === 'failed'
            ? html`<span class="problem" role="alert">${msg(str`Upload failed: ${u.error ?? ''}`, { id: 'composer.upload.failed' })}</span>
                ${u.file
                  ? html`<button type="button" @click=${() => this.#retry(u)} aria-label=${msg(str`Retry uploading ${u.name}`, { id: 'composer.upload.retry' })}>
                      ${msg('Retry', { id: 'composer.retry' })}
                    </button>`
                  : nothing}`
            : nothing}
          <button type="button" @click=${() => this.#remove(u.key)} aria-label=${msg(str`Remove ${u.name}`, { id: 'composer.upload.remove' })}>
            <span aria-hidden="true">×</span>
          </button>
        </li>`,
      )}
    </ul>`;
  }

  // Uploading.

  #add(files: readonly File[]): void {
    const store = this.#options.store();
    const address = this.#options.address();
    if (files.length === 0 || !store?.canUpload || !address) return;
    if (address.mode !== 'reply') {
      this.#options.notify(msg('Files go with replies: switch to Reply to attach them.', { id: 'composer.commentFiles' }));
      return;
    }
    for (const file of files) this.#upload(store, address, file);
  }

  #upload(store: InboxStore, address: DraftAddress, file: File, key = newId('upload')): void {
    const entry: Upload = { key, name: file.name || 'file', size: file.size, state: 'uploading', file };
    const at = this.#uploads.findIndex((u) => u.key === key);
    this.#set(at === -1 ? [...this.#uploads, entry] : this.#uploads.map((u) => (u.key === key ? entry : u)));
    store.upload(file).then(
      (attachment) => this.#uploaded(key, address, { ...entry, state: 'done', attachment, file: undefined }),
      (error: unknown) =>
        this.#uploaded(key, address, { ...entry, state: 'failed', error: error instanceof Error ? error.message : String(error) }),
    );
  }

  #uploaded(key: string, address: DraftAddress, result: Upload): void {
    if (sameAddress(address, this.#options.address())) {
      if (!this.#uploads.some((u) => u.key === key)) return; // removed while uploading
      this.#set(this.#uploads.map((u) => (u.key === key ? result : u)));
      this.#options.changed();
      return;
    }
    // The person moved on: the file joins that conversation's draft.
    if (result.state !== 'done' || !result.attachment) return;
    const storage = defaultDraftStorage();
    const draft = loadDraft(storage, address) ?? { body: '', attachments: [] };
    saveDraft(storage, address, { ...draft, attachments: [...draft.attachments, result.attachment] });
  }

  #remove(key: string): void {
    this.#set(this.#uploads.filter((u) => u.key !== key));
    this.#options.changed();
    this.#options.focus();
  }

  #retry(upload: Upload): void {
    const store = this.#options.store();
    const address = this.#options.address();
    if (store && address && upload.file) this.#upload(store, address, upload.file, upload.key);
  }

  #hasFiles(event: DragEvent): boolean {
    return this.#options.store()?.canUpload === true && (event.dataTransfer?.types.includes('Files') ?? false);
  }

  #set(uploads: readonly Upload[]): void {
    this.#uploads = uploads;
    this.#host.requestUpdate();
  }

  #setDragging(dragging: boolean): void {
    if (dragging === this.#dragging) return;
    this.#dragging = dragging;
    this.#host.requestUpdate();
  }
}
