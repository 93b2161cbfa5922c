import type { Refusal } from './events.js';
import type { Attachment, Id } from './types.js';

/** An upload a backend keeps: what it stored, and who uploaded it. */
export interface UploadRecord {
  /** The attachment as the backend issued it (its url included). */
  readonly attachment: Attachment;
  readonly userId: Id;
}

/**
 * A reply's attachments (issue 12): each must be an upload the same person
 * made, exactly as the backend issued it. Another person's upload is
 * answered exactly as one that does not exist (R14); an attachment whose
 * name, type, size or url differ from its upload's (a `javascript:` url, a
 * file elsewhere) is refused, so that only what the backend stored ever
 * reaches those who see the conversation. Returns the uploads' own
 * attachments, or the refusal of the first one that is not.
 */
export function checkAttachments(
  given: readonly Attachment[],
  actorId: Id,
  uploadOf: (id: Id) => UploadRecord | undefined,
): readonly Attachment[] | Refusal {
  const checked: Attachment[] = [];
  for (const attachment of given) {
    const upload = uploadOf(attachment.id);
    if (!upload || upload.userId !== actorId) {
      return { code: 'not-found', reason: `Upload ${attachment.id} was not found.` };
    }
    const stored = upload.attachment;
    if (
      stored.url !== attachment.url ||
      stored.name !== attachment.name ||
      stored.mime !== attachment.mime ||
      stored.size !== attachment.size
    ) {
      return { code: 'invalid', reason: `Attachment ${attachment.id} is not the file that was uploaded: send it as the upload answered.` };
    }
    checked.push(stored);
  }
  return checked;
}
