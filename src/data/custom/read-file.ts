import * as fs from "fs";
import { CorruptFileError, InvalidArgumentError } from "../../util/errors";

/**
 * Read a user data file, refusing anything that is not a regular file first: a FIFO named `000.txt` would
 * block the read forever, a device would never end. Read errors name the file.
 *
 * @example
 * const bytes = readRegularFile("scans/cat/1.png", "image");
 * @throws InvalidArgumentError for a missing or non-regular file; CorruptFileError for a read error.
 */
export function readRegularFile(file: string, what: string): Buffer {
  let st: fs.Stats;
  try { st = fs.statSync(file); } catch (err) {
    throw new InvalidArgumentError(what, file, `an existing file (${(err as NodeJS.ErrnoException).code ?? err})`, { cause: err });
  }
  if (!st.isFile()) throw new InvalidArgumentError(what, file, `a regular file (this is ${st.isFIFO() ? "a FIFO" : st.isDirectory() ? "a folder" : st.isSocket() ? "a socket" : "a device or special file"})`);
  try { return fs.readFileSync(file); } catch (err) {
    throw new CorruptFileError(file, `cannot be read (${(err as NodeJS.ErrnoException).code ?? err})`, { cause: err });
  }
}

/**
 * The UTF-8 text of a user `.txt` example: refused when it is empty (or only whitespace), binary (a NUL
 * byte) or not valid UTF-8 (e.g. Latin-1) — each of those used to become a silent, meaningless example.
 *
 * @example
 * textOfExample(fs.readFileSync("reviews/pos/1.txt"), "reviews/pos/1.txt");   // "great film"
 * @throws CorruptFileError naming the file and what was expected.
 */
export function textOfExample(bytes: Uint8Array, file: string): string {
  if (bytes.includes(0)) throw new CorruptFileError(file, "holds a NUL byte: a binary file, expected UTF-8 text");
  let text: string;
  try { text = new TextDecoder("utf-8", { fatal: true }).decode(bytes); } catch (err) {
    throw new CorruptFileError(file, "is not valid UTF-8 (Latin-1 or another encoding?); expected UTF-8 text — convert it, e.g. iconv -f latin1 -t utf-8", { cause: err });
  }
  if (text.trim() === "") throw new CorruptFileError(file, `is empty${bytes.length ? " (only whitespace)" : ""}; expected one example's text`);
  return text;
}
