/**
 * The application's icon set, from the one drawing build/icon.svg, rasterised with resvg
 * (@resvg/resvg-js, a dev dependency) at the sizes electron-builder takes (electron-builder.yml):
 *   build/icons/<n>x<n>.png  Linux (AppImage, deb): 16 to 1024
 *   build/icon.png           1024, electron-builder's default
 *   build/icon.ico           Windows: 16, 24, 32, 48, 64, 128 and 256, each a PNG inside the ICO
 *   build/icon.icns          macOS: 16 to 1024 (with the @2x sizes), PNGs inside the ICNS
 * `node scripts/icons.mjs` writes them (run it after changing the drawing and commit the result);
 * `node scripts/icons.mjs --check` says whether the files are those the drawing gives.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Resvg } from '@resvg/resvg-js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const BUILD = path.join(root, 'build');

export const LINUX_SIZES = [16, 24, 32, 48, 64, 128, 256, 512, 1024];
export const ICO_SIZES = [16, 24, 32, 48, 64, 128, 256];
/** ICNS entry types holding a PNG, by pixel size (Apple's icns types; ic11-ic14 are the @2x ones). */
export const ICNS_TYPES = [
  ['icp4', 16], ['icp5', 32], ['icp6', 64], ['ic07', 128], ['ic08', 256], ['ic09', 512], ['ic10', 1024],
  ['ic11', 32], ['ic12', 64], ['ic13', 256], ['ic14', 512],
];

export function renderPng(svg, size) {
  return Buffer.from(new Resvg(svg, { fitTo: { mode: 'width', value: size }, font: { loadSystemFonts: false } }).render().asPng());
}

/** An ICO file whose images are PNGs (Windows Vista and later read them; electron-builder takes such a file). */
export function encodeIco(pngs) {
  const header = Buffer.alloc(6);
  header.writeUInt16LE(0, 0);
  header.writeUInt16LE(1, 2); // an icon
  header.writeUInt16LE(pngs.length, 4);
  const entries = [];
  let offset = 6 + 16 * pngs.length;
  for (const { size, png } of pngs) {
    const entry = Buffer.alloc(16);
    entry.writeUInt8(size >= 256 ? 0 : size, 0); // 0 means 256
    entry.writeUInt8(size >= 256 ? 0 : size, 1);
    entry.writeUInt8(0, 2); // no palette
    entry.writeUInt8(0, 3);
    entry.writeUInt16LE(1, 4); // colour planes
    entry.writeUInt16LE(32, 6); // bits per pixel
    entry.writeUInt32LE(png.length, 8);
    entry.writeUInt32LE(offset, 12);
    offset += png.length;
    entries.push(entry);
  }
  return Buffer.concat([header, ...entries, ...pngs.map((p) => p.png)]);
}

/** An ICNS file of PNG entries: "icns", the file's length, then each entry's type, length and PNG (big-endian). */
export function encodeIcns(entries) {
  const parts = entries.map(({ type, png }) => {
    const head = Buffer.alloc(8);
    head.write(type, 0, 'latin1');
    head.writeUInt32BE(8 + png.length, 4);
    return Buffer.concat([head, png]);
  });
  const head = Buffer.alloc(8);
  head.write('icns', 0, 'latin1');
  head.writeUInt32BE(8 + parts.reduce((n, p) => n + p.length, 0), 4);
  return Buffer.concat([head, ...parts]);
}

/** Every file of the set with its content, from the drawing. */
export function iconFiles(svg = fs.readFileSync(path.join(BUILD, 'icon.svg'))) {
  const png = new Map(LINUX_SIZES.map((size) => [size, renderPng(svg, size)]));
  const files = new Map();
  for (const size of LINUX_SIZES) files.set(path.join('icons', `${size}x${size}.png`), png.get(size));
  files.set('icon.png', png.get(1024));
  files.set('icon.ico', encodeIco(ICO_SIZES.map((size) => ({ size, png: png.get(size) }))));
  files.set('icon.icns', encodeIcns(ICNS_TYPES.map(([type, size]) => ({ type, png: png.get(size) }))));
  return files;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const check = process.argv.includes('--check');
  const stale = [];
  for (const [name, content] of iconFiles()) {
    const file = path.join(BUILD, name);
    if (check) {
      if (!fs.existsSync(file) || !fs.readFileSync(file).equals(content)) stale.push(name);
    } else {
      fs.mkdirSync(path.dirname(file), { recursive: true });
      fs.writeFileSync(file, content);
    }
  }
  if (check && stale.length > 0) {
    console.error(`Not the drawing's: ${stale.join(', ')}. Run node scripts/icons.mjs.`);
    process.exit(1);
  }
  if (!check) console.log(`Wrote the icon set in ${BUILD}.`);
}
