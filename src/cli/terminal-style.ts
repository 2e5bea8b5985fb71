type Paint = (text: string) => string;

export interface TerminalStyle {
  green: Paint;
  red: Paint;
  yellow: Paint;
  bold: Paint;
}

const plain: Paint = (text) => text;
const ansi =
  (open: number, close: number): Paint =>
  (text) =>
    `\x1b[${open}m${text}\x1b[${close}m`;

/** Colours only on a terminal, and never with NO_COLOR set (https://no-color.org). */
export function terminalStyle(
  stream: { isTTY?: boolean },
  env: NodeJS.ProcessEnv = process.env,
): TerminalStyle {
  if (!stream.isTTY || env.NO_COLOR !== undefined)
    return { green: plain, red: plain, yellow: plain, bold: plain };
  return { green: ansi(32, 39), red: ansi(31, 39), yellow: ansi(33, 39), bold: ansi(1, 22) };
}
