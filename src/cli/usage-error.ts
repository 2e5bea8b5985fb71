/** A mistake in how the command was called: exit 2 with the message and a pointer to --help. */
export class UsageError extends Error {
  /**
   * @param command the command whose --help to point to ("check", "contracts verify"); the one that was
   *   running when main() catches the error, if not given.
   */
  constructor(
    message: string,
    readonly command?: string,
  ) {
    super(message);
    this.name = "UsageError";
  }
}
