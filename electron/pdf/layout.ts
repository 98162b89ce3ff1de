/**
 * A small page layout over pdfkit for the dossier and the statistics: headings, paragraphs,
 * label–value facts, tables that wrap and continue on the next page with their header
 * repeated, horizontal bar charts drawn with vector primitives, and a footer with page
 * numbers. Text is laid out here, character by character with the font that has each one
 * (electron/pdf/fonts.ts), so English, Chinese and mixed lines wrap correctly.
 *
 * Synchronous: pdfkit writes into its stream buffer and `finish()` reads the bytes back, so
 * the services can answer through the synchronous router.
 */
import PDFDocument from 'pdfkit';
import { advance, fontFor, type SubsetFont, type Weight } from './fonts.ts';

const PAGE = { width: 595.28, height: 841.89, margin: 50 } as const;
const INK = '#1b1b1b';
const MUTED = '#505a5f';
const RULE = '#b1b4b6';
const BAR = '#1d70b8';

interface Style {
  size: number;
  weight: Weight;
  color: string;
}

interface Line {
  chars: { ch: string; font: SubsetFont; width: number }[];
  width: number;
}

/** Breaks text into lines no wider than `width` points: at spaces, between wide (CJK) characters, or anywhere inside a word too long for a line. */
function wrap(text: string, width: number, style: Style): Line[] {
  const lines: Line[] = [];
  for (const paragraph of text.split('\n')) {
    const tokens = paragraph.match(/[\u2e80-\u{10ffff}]|\s+|[^\s\u2e80-\u{10ffff}]+/gu) ?? [''];
    let line: Line = { chars: [], width: 0 };
    const push = () => {
      while (line.chars.length > 0 && line.chars[line.chars.length - 1]!.ch === ' ') line.width -= line.chars.pop()!.width;
      lines.push(line);
      line = { chars: [], width: 0 };
    };
    for (const token of tokens) {
      const chars = [...token].map((ch) => {
        const cp = ch.codePointAt(0)!;
        const font = fontFor(/\s/.test(ch) ? 32 : cp, style.weight);
        return { ch: /\s/.test(ch) ? ' ' : ch, font, width: advance(font, /\s/.test(ch) ? 32 : cp) * style.size };
      });
      const tokenWidth = chars.reduce((sum, c) => sum + c.width, 0);
      if (token.trim() === '' && line.chars.length === 0) continue;
      if (line.width + tokenWidth > width && line.chars.length > 0) push();
      if (token.trim() === '' && line.chars.length === 0) continue;
      for (const c of chars) {
        // Only a word longer than a whole line still overflows here: it is cut where it does.
        if (line.width + c.width > width && line.chars.length > 0) push();
        line.chars.push(c);
        line.width += c.width;
      }
    }
    push();
  }
  return lines;
}

export interface TableOptions {
  columns: string[];
  rows: string[][];
  /** Relative widths of the columns. */
  widths: number[];
  /** Columns whose cells are right-aligned (numbers). */
  numeric?: boolean[];
}

export class PdfWriter {
  readonly doc: PDFKit.PDFDocument;
  private readonly registered = new Set<string>();
  private y = PAGE.margin;
  readonly contentWidth = PAGE.width - 2 * PAGE.margin;

  constructor(info: { title: string; subject: string; language: string; /** PDF/A-2b: every font embedded (the default one too), an sRGB output intent, the XMP declaration. */ pdfa?: boolean }) {
    this.doc = new PDFDocument({
      size: 'A4',
      margin: PAGE.margin,
      bufferPages: true,
      autoFirstPage: true,
      lang: info.language,
      displayTitle: true,
      info: { Title: info.title, Subject: info.subject, Creator: 'TSP Desk', Producer: 'TSP Desk (pdfkit)' },
      // pdfkit's own default font (Helvetica) is never embedded: a PDF/A file starts with one of ours.
      ...(info.pdfa === true ? ({ subset: 'PDF/A-2b', pdfVersion: '1.7', font: fontFor(65, 400).data } as object) : {}),
    });
  }

  private use(font: SubsetFont): void {
    if (!this.registered.has(font.name)) {
      this.doc.registerFont(font.name, font.data);
      this.registered.add(font.name);
    }
    this.doc.font(font.name);
  }

  private lineHeight(style: Style): number {
    return style.size * 1.45;
  }

  private bottom(): number {
    return PAGE.height - PAGE.margin - 20;
  }

  /** Starts a new page when less than `height` points are left. */
  ensure(height: number): void {
    if (this.y + height > this.bottom()) this.newPage();
  }

  newPage(): void {
    this.doc.addPage();
    this.y = PAGE.margin;
  }

  /** Draws laid-out lines from (x, y), each character run in its own font. */
  private drawLines(lines: Line[], x: number, y: number, width: number, style: Style, align: 'left' | 'right' = 'left'): void {
    const lh = this.lineHeight(style);
    this.doc.fillColor(style.color).fontSize(style.size);
    lines.forEach((line, i) => {
      let cx = align === 'right' ? x + width - line.width : x;
      let run = '';
      let runFont: SubsetFont | null = null;
      let runX = cx;
      const flush = () => {
        if (run !== '' && runFont !== null) {
          this.use(runFont);
          this.doc.text(run, runX, y + i * lh + (lh - style.size) / 2, { lineBreak: false, features: [] });
        }
      };
      for (const c of line.chars) {
        if (c.font !== runFont) {
          flush();
          run = '';
          runFont = c.font;
          runX = cx;
        }
        run += c.ch;
        cx += c.width;
      }
      flush();
    });
  }

  text(text: string, options: { size?: number; bold?: boolean; color?: string; gapAfter?: number; indent?: number; align?: 'left' | 'right' } = {}): void {
    const style: Style = { size: options.size ?? 10, weight: options.bold ? 700 : 400, color: options.color ?? INK };
    const indent = options.indent ?? 0;
    const lines = wrap(text, this.contentWidth - indent, style);
    const lh = this.lineHeight(style);
    for (const line of lines) {
      this.ensure(lh);
      this.drawLines([line], PAGE.margin + indent, this.y, this.contentWidth - indent, style, options.align);
      this.y += lh;
    }
    this.y += options.gapAfter ?? 4;
  }

  heading(text: string, level: 1 | 2 | 3): void {
    const size = level === 1 ? 20 : level === 2 ? 14 : 11.5;
    this.ensure(size * 4);
    if (level < 3 && this.y > PAGE.margin) this.y += 8;
    this.text(text, { size, bold: true, gapAfter: level === 2 ? 2 : 4 });
    if (level === 2) {
      this.doc.moveTo(PAGE.margin, this.y).lineTo(PAGE.margin + this.contentWidth, this.y).lineWidth(0.75).strokeColor(RULE).stroke();
      this.y += 6;
    }
  }

  /** A thin rule across the page (under a letterhead). */
  rule(): void {
    this.doc.moveTo(PAGE.margin, this.y).lineTo(PAGE.margin + this.contentWidth, this.y).lineWidth(0.75).strokeColor(RULE).stroke();
    this.y += 10;
  }

  /** Vertical space, e.g. for a signature. */
  space(points: number): void {
    this.y += points;
  }

  muted(text: string): void {
    this.text(text, { color: MUTED, size: 9.5 });
  }

  /** Label–value rows, the label in a narrower column. */
  facts(rows: [string, string][]): void {
    this.table({ columns: [], rows, widths: [1, 2.2] }, { labelsBold: true, ruled: false });
  }

  table(t: TableOptions, options: { labelsBold?: boolean; ruled?: boolean } = {}): void {
    const total = t.widths.reduce((a, b) => a + b, 0);
    const widths = t.widths.map((w) => (w / total) * this.contentWidth);
    const pad = 3;
    const body: Style = { size: 9, weight: 400, color: INK };
    const head: Style = { size: 9, weight: 700, color: INK };
    const layoutRow = (cells: string[], style: (i: number) => Style) => {
      const lines = cells.map((cell, i) => wrap(cell, widths[i]! - 2 * pad, style(i)));
      const height = Math.max(...lines.map((l, i) => l.length * this.lineHeight(style(i)))) + 2 * pad;
      return { lines, height };
    };
    const drawRow = (cells: string[], style: (i: number) => Style, shaded: boolean) => {
      const { lines, height } = layoutRow(cells, style);
      if (this.y + height > this.bottom()) {
        this.newPage();
        if (t.columns.length > 0) drawHeader();
      }
      if (shaded) this.doc.rect(PAGE.margin, this.y, this.contentWidth, height).fillColor('#f3f2f1').fill();
      let x = PAGE.margin;
      lines.forEach((l, i) => {
        this.drawLines(l, x + pad, this.y + pad, widths[i]! - 2 * pad, style(i), t.numeric?.[i] ? 'right' : 'left');
        x += widths[i]!;
      });
      this.y += height;
      if (options.ruled !== false) {
        this.doc.moveTo(PAGE.margin, this.y).lineTo(PAGE.margin + this.contentWidth, this.y).lineWidth(0.4).strokeColor(RULE).stroke();
      }
    };
    const drawHeader = () => drawRow(t.columns, () => head, true);
    if (t.columns.length > 0) {
      this.ensure(60);
      drawHeader();
    }
    for (const row of t.rows) drawRow(row, (i) => (options.labelsBold && i === 0 ? { ...body, weight: 700 } : body), false);
    this.y += 8;
  }

  /** A horizontal bar chart: one bar per row, the value written at its end. */
  barChart(bars: { label: string; value: number }[], formatValue: (v: number) => string): void {
    if (bars.length === 0) return;
    const labelWidth = this.contentWidth * 0.38;
    const chartWidth = this.contentWidth - labelWidth - 40;
    const style: Style = { size: 8.5, weight: 400, color: INK };
    const barHeight = 12;
    const gap = 5;
    const max = Math.max(...bars.map((b) => b.value), 1);
    for (const bar of bars) {
      const lines = wrap(bar.label, labelWidth - 6, style).slice(0, 2);
      const rowHeight = Math.max(barHeight, lines.length * this.lineHeight(style));
      this.ensure(rowHeight + gap);
      this.drawLines(lines, PAGE.margin, this.y, labelWidth - 6, style);
      const x = PAGE.margin + labelWidth;
      const length = Math.max(0.5, (bar.value / max) * chartWidth);
      this.doc.rect(x, this.y + (rowHeight - barHeight) / 2, length, barHeight).fillColor(BAR).fill();
      this.drawLines(wrap(formatValue(bar.value), 40, style), x + length + 4, this.y + (rowHeight - this.lineHeight(style)) / 2, 40, style);
      this.y += rowHeight + gap;
    }
    this.y += 8;
  }

  /** Writes the footer of every page, ends the document and returns its bytes. */
  finish(footer: (page: number, pages: number) => string): Buffer {
    const range = this.doc.bufferedPageRange();
    const style: Style = { size: 8, weight: 400, color: MUTED };
    for (let i = range.start; i < range.start + range.count; i++) {
      this.doc.switchToPage(i);
      const lines = wrap(footer(i + 1, range.count), this.contentWidth, style);
      this.drawLines(lines, PAGE.margin, PAGE.height - PAGE.margin + 6, this.contentWidth, style);
    }
    this.doc.end();
    const chunks: Buffer[] = [];
    for (let chunk = this.doc.read() as Buffer | null; chunk !== null; chunk = this.doc.read() as Buffer | null) chunks.push(chunk);
    return Buffer.concat(chunks);
  }
}
