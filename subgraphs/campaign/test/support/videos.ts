/**
 * Minimal but well-formed video containers for upload tests, built byte by byte (no encoder on the
 * machine): an MP4 with a movie header (duration) and one video track (dimensions), and a WebM with
 * its segment info (duration) and one VP9 track. Real players would find no frames; parsers find
 * what a container says about itself, which is all the upload checks read.
 */

const u32 = (value: number) => {
  const buffer = Buffer.alloc(4);
  buffer.writeUInt32BE(value);
  return buffer;
};
const u16 = (value: number) => {
  const buffer = Buffer.alloc(2);
  buffer.writeUInt16BE(value);
  return buffer;
};
const box = (type: string, ...parts: Buffer[]) => {
  const body = Buffer.concat(parts);
  return Buffer.concat([u32(body.length + 8), Buffer.from(type, 'latin1'), body]);
};
const fullBox = (type: string, ...parts: Buffer[]) => box(type, Buffer.alloc(4), ...parts);
const zeros = (count: number) => Buffer.alloc(count);
const matrix = Buffer.concat([u32(0x10000), u32(0), u32(0), u32(0), u32(0x10000), u32(0), u32(0), u32(0), u32(0x40000000)]);

/** An MP4 (ISO BMFF) of `seconds` with one `width`×`height` video track, padded with an mdat to `bytes` if given. */
export function mp4Video(seconds: number, width = 1280, height = 720, bytes = 0): Buffer {
  const timescale = 1000;
  const duration = Math.round(seconds * timescale);
  const ftyp = box('ftyp', Buffer.from('isom', 'latin1'), u32(512), Buffer.from('isomiso2avc1mp41', 'latin1'));
  const mvhd = fullBox(
    'mvhd',
    u32(0),
    u32(0),
    u32(timescale),
    u32(duration),
    u32(0x10000),
    u16(0x100),
    zeros(10),
    matrix,
    zeros(24),
    u32(2),
  );
  const tkhd = box(
    'tkhd',
    Buffer.from([0, 0, 0, 3]),
    u32(0),
    u32(0),
    u32(1),
    u32(0),
    u32(duration),
    zeros(8),
    u16(0),
    u16(0),
    u16(0),
    u16(0),
    matrix,
    u32(width << 16),
    u32(height << 16),
  );
  const mdhd = fullBox('mdhd', u32(0), u32(0), u32(timescale), u32(duration), u16(0x55c4), u16(0));
  const hdlr = fullBox('hdlr', u32(0), Buffer.from('vide', 'latin1'), zeros(12), Buffer.from('VideoHandler\0', 'latin1'));
  const moov = box('moov', mvhd, box('trak', tkhd, box('mdia', mdhd, hdlr)));
  const head = Buffer.concat([ftyp, moov]);
  const padding = Math.max(0, bytes - head.length - 8);
  return Buffer.concat([head, box('mdat', zeros(padding))]);
}

/** An EBML variable-size integer: the shortest of 1, 2 or 4 bytes that holds `value`. */
const vint = (value: number) => {
  if (value < 0x7f) return Buffer.from([0x80 | value]);
  if (value < 0x3fff) return Buffer.from([0x40 | (value >> 8), value & 0xff]);
  const buffer = Buffer.alloc(4);
  buffer.writeUInt32BE(value | 0x10000000);
  return buffer;
};

/** An EBML element: id bytes, the body's size, the body. */
const ebml = (id: number[], ...parts: Buffer[]) => {
  const body = Buffer.concat(parts);
  return Buffer.concat([Buffer.from(id), vint(body.length), body]);
};
const uint = (value: number) => {
  // EBML unsigned integers are big-endian in as few bytes as hold them.
  const bytes = [];
  for (let rest = value; bytes.length === 0 || rest > 0; rest = Math.floor(rest / 256)) bytes.unshift(rest % 256);
  return Buffer.from(bytes);
};
const float64 = (value: number) => {
  const buffer = Buffer.alloc(8);
  buffer.writeDoubleBE(value);
  return buffer;
};

/** A WebM (Matroska) of `seconds` with one `width`×`height` VP9 track. */
export function webmVideo(seconds: number, width = 1280, height = 720): Buffer {
  const header = ebml(
    [0x1a, 0x45, 0xdf, 0xa3],
    ebml([0x42, 0x86], uint(1)), // EBMLVersion
    ebml([0x42, 0xf7], uint(1)), // EBMLReadVersion
    ebml([0x42, 0xf2], uint(4)), // EBMLMaxIDLength
    ebml([0x42, 0xf3], uint(8)), // EBMLMaxSizeLength
    ebml([0x42, 0x82], Buffer.from('webm', 'latin1')), // DocType
    ebml([0x42, 0x87], uint(4)), // DocTypeVersion
    ebml([0x42, 0x85], uint(2)), // DocTypeReadVersion
  );
  const info = ebml(
    [0x15, 0x49, 0xa9, 0x66],
    ebml([0x2a, 0xd7, 0xb1], uint(1_000_000)), // TimecodeScale: milliseconds
    ebml([0x44, 0x89], float64(seconds * 1000)), // Duration, in TimecodeScale units
  );
  const track = ebml(
    [0xae],
    ebml([0xd7], uint(1)), // TrackNumber
    ebml([0x73, 0xc5], uint(1)), // TrackUID
    ebml([0x83], uint(1)), // TrackType: video
    ebml([0x86], Buffer.from('V_VP9', 'latin1')), // CodecID
    ebml([0xe0], ebml([0xb0], uint(width)), ebml([0xba], uint(height))), // Video: PixelWidth, PixelHeight
  );
  const segment = ebml([0x18, 0x53, 0x80, 0x67], info, ebml([0x16, 0x54, 0xae, 0x6b], track));
  return Buffer.concat([header, segment]);
}
