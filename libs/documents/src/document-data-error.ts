/**
 * The data given cannot produce the requested form (e.g. a refusal slip for a dossier that was not refused). The
 * HTTP layer maps it to 409 Conflict.
 */
export class DocumentDataError extends Error {
  override readonly name = 'DocumentDataError';

  constructor(message: string) {
    super(message);
  }
}
