/** A problem in a content file, with the file and (when known) the line it is on. */
export class ContentError extends Error {
  constructor(
    readonly file: string,
    readonly detail: string,
    readonly line?: number,
  ) {
    super(`${file}${line === undefined ? '' : `:${line}`}: ${detail}`);
    this.name = 'ContentError';
  }
}
