// The JavaScript host's number conversions, imported by the wasm module (src/js.rs, `mod host`):
// `String(number)` and `Number(text)` are what src/js.rs reproduces natively, so in wasm the
// host answers and the module carries no float formatting or parsing tables. Neither can throw.

/** The host's conversions as they were when the module loaded. */
const HostString = String;
const HostNumber = Number;

/** `String(number)`. */
export function numberToString(number) {
  return HostString(number);
}

/** `Number(text)`. */
export function stringToNumber(text) {
  return HostNumber(text);
}
