/** Largest upload accepted, checked by multer while the body streams in. */
export const MAX_IMAGE_BYTES = 5 * 1024 * 1024;

/**
 * Decompression-bomb guard: a few kilobytes of PNG can claim a billion pixels. 60 million covers a
 * 48-megapixel phone camera; for an animation it counts every frame.
 */
export const MAX_INPUT_PIXELS = 60_000_000;

/** Stored originals are downscaled to fit this box; nobody needs more in a chat. */
export const MAX_SIDE = 2560;

export const THUMB_SIDE = 320;

/** Per uploader (staff member or visitor). */
export const UPLOADS_PER_MINUTE = 20;

/** Per client address, for visitors only: anyone can start a chat and get a fresh visitor token. */
export const VISITOR_UPLOADS_PER_ADDRESS_PER_MINUTE = 60;
