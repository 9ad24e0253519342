/**
 * Offsets to 1-based line and column. Computed from the text itself rather than from the YAML library's
 * line counter, so positions stay right inside multi-line strings and for CR, LF and CRLF line ends alike.
 */

/** A 1-based position in a file, as editors and `file:line:col` links expect. */
export interface Position {
  line: number;
  col: number;
}

/** Start offsets of every line of a text, for fast offset → line/col lookups. */
export class LineIndex {
  private readonly starts: number[] = [0];
  private readonly length: number;

  constructor(text: string) {
    this.length = text.length;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 10) this.starts.push(i + 1);
      else if (c === 13 && text.charCodeAt(i + 1) !== 10) this.starts.push(i + 1);
    }
  }

  /** The 1-based line and column of a string offset (clamped to the text). */
  pos(offset: number): Position {
    const at = Math.max(0, Math.min(Number.isFinite(offset) ? Math.floor(offset) : 0, this.length));
    let low = 0;
    let high = this.starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if ((this.starts[mid] as number) <= at) low = mid;
      else high = mid - 1;
    }
    return { line: low + 1, col: at - (this.starts[low] as number) + 1 };
  }
}
