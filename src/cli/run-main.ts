/** Exit codes and error output shared by the command-line entries: 0 ok, 1 a problem with the input, 2 bad usage. */

/** Thrown for a command line that cannot be understood; printed with the usage, exit 2. */
export class UsageError extends Error {
  override name = 'UsageError';
}

/** Thrown for input that cannot be used (a file, a spec); printed as is, exit 1. */
export class InputError extends Error {
  override name = 'InputError';
}

/**
 * Runs a command's body and exits with its code. User errors print one clear message and no stack trace;
 * anything else is a bug and prints its stack.
 */
export function runMain(usage: string, body: () => number | Promise<number>): void {
  Promise.resolve()
    .then(body)
    .then(
      (code) => {
        process.exitCode = code;
      },
      (error: unknown) => {
        if (error instanceof UsageError) {
          process.stderr.write(`${error.message}\n${usage}\n`);
          process.exitCode = 2;
        } else if (error instanceof InputError) {
          process.stderr.write(`${error.message}\n`);
          process.exitCode = 1;
        } else {
          process.stderr.write(`internal error (please report it): ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
          process.exitCode = 70;
        }
      },
    );
}
