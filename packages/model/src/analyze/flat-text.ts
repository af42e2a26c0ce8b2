/**
 * Template tag giving the same string as the untagged template literal (each value converted with
 * `String`, as a template does), built flat in one pass. An untagged template of many parts is a
 * tree of small string pieces that lives as long as the string; a finding's message lives as long
 * as the report, so on orgs with tens of thousands of findings the flat string is less to keep and
 * less for the garbage collector to copy. Used for the messages of the high-volume rules.
 */
export function flat(strings: TemplateStringsArray, ...values: unknown[]): string {
  const parts: string[] = new Array(strings.length * 2 - 1);
  parts[0] = strings[0];
  for (let k = 0; k < values.length; k++) {
    parts[2 * k + 1] = String(values[k]);
    parts[2 * k + 2] = strings[k + 1];
  }
  return parts.join('');
}
