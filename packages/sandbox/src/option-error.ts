/**
 * A bad option of `createSandbox` (or of the mock's `startMock`): `option` names it as the caller
 * passed it (`failRate`), `rule` says what it must be, and the message is the two together
 * (`failRate must be a number from 0 to 1 (got 2)`). The mock's command line shows it as the flag
 * (`--fail-rate must be …`).
 */
export class OptionError extends Error {
  override name = 'OptionError';
  /** The option, as named in the options object, such as `failRate`. */
  readonly option: string;
  /** What it must be, with the value that broke it, such as `must be a number from 0 to 1 (got 2)`. */
  readonly rule: string;
  constructor(option: string, rule: string) {
    super(`${option} ${rule}`);
    this.option = option;
    this.rule = rule;
  }
}
