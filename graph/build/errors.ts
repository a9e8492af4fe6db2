/** A build error that says where: file, line (1-based) and, where it applies, the key. */
export class BuildError extends Error {
  constructor(
    readonly file: string,
    readonly detail: string,
    readonly line?: number,
    readonly key?: string,
  ) {
    const where = line !== undefined ? `${file}:${line}` : file;
    super(`${where}: ${key !== undefined ? `${key}: ` : ''}${detail}`);
    this.name = 'BuildError';
  }
}

/** Several build errors reported together, so one run shows them all. */
export class BuildErrors extends Error {
  constructor(readonly errors: Error[]) {
    super(errors.map((e) => e.message).join('\n'));
    this.name = 'BuildErrors';
  }
}
