import { printJson, printLine } from '../../cli/main.ts';

export interface Output {
  json: boolean;
  /** Human text (only without --json). */
  line(text?: string): void;
  /** The one JSON object (only with --json). */
  result(value: Record<string, unknown>): void;
}

export function output(json: boolean | undefined): Output {
  const asJson = json === true;
  return {
    json: asJson,
    line(text = '') {
      if (!asJson) printLine(text);
    },
    result(value) {
      if (asJson) printJson(value);
    },
  };
}
