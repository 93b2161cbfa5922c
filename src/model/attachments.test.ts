import { expect } from '@open-wc/testing';
import { checkAttachments, type UploadRecord } from './attachments.js';
import type { Attachment } from './types.js';

const invoice: Attachment = { id: 'att-1', name: 'facture n°42.txt', mime: 'text/plain', size: 21, url: '/api/uploads/att-1' };
const photo: Attachment = { id: 'att-2', name: 'photo.png', mime: 'image/png', size: 2048, url: '/api/uploads/att-2' };
const uploads = new Map<string, UploadRecord>([
  ['att-1', { attachment: invoice, userId: 'u-ana' }],
  ['att-2', { attachment: photo, userId: 'u-ana' }],
  ['att-3', { attachment: { ...photo, id: 'att-3', url: '/api/uploads/att-3' }, userId: 'u-lea' }],
]);
const uploadOf = (id: string) => uploads.get(id);

describe('model: a reply\'s attachments (checkAttachments)', () => {
  it('attachments: the author\'s own uploads, as they were answered, are accepted as the stored ones', () => {
    expect(checkAttachments([invoice, photo], 'u-ana', uploadOf)).to.deep.equal([invoice, photo]);
  });

  it('attachments: none is fine', () => {
    expect(checkAttachments([], 'u-ana', uploadOf)).to.deep.equal([]);
  });

  it('attachments: an id that names no upload is not found', () => {
    const forged = { ...invoice, id: 'att-404', url: 'javascript:alert(1)' };
    expect(checkAttachments([forged], 'u-ana', uploadOf)).to.deep.equal({ code: 'not-found', reason: 'Upload att-404 was not found.' });
  });

  it("R14 attachments: another person's upload is answered exactly as one that does not exist", () => {
    const theirs = checkAttachments([uploads.get('att-3')!.attachment], 'u-ana', uploadOf);
    const missing = checkAttachments([{ ...photo, id: 'att-404' }], 'u-ana', uploadOf);
    expect(theirs).to.deep.equal({ code: 'not-found', reason: 'Upload att-3 was not found.' });
    expect(missing).to.deep.equal({ code: 'not-found', reason: 'Upload att-404 was not found.' });
  });

  for (const [what, change] of [
    ['a javascript: url', { url: 'javascript:alert(1)' }],
    ['a url elsewhere', { url: 'https://elsewhere.example/api/uploads/att-1' }],
    ['a data: url', { url: 'data:text/html,<script>alert(1)</script>' }],
    ['another name', { name: 'invoice.exe' }],
    ['another type', { mime: 'text/html' }],
    ['another size', { size: 1 }],
  ] as const) {
    it(`attachments: an upload sent with ${what} is refused, naming the attachment`, () => {
      expect(checkAttachments([{ ...invoice, ...change }], 'u-ana', uploadOf)).to.deep.equal({
        code: 'invalid',
        reason: 'Attachment att-1 is not the file that was uploaded: send it as the upload answered.',
      });
    });
  }

  it('attachments: the first attachment that fails is the one reported', () => {
    const result = checkAttachments([invoice, { ...photo, id: 'att-404' }, { ...photo, url: 'javascript:x' }], 'u-ana', uploadOf);
    expect(result).to.deep.equal({ code: 'not-found', reason: 'Upload att-404 was not found.' });
  });
});
