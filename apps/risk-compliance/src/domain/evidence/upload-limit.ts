/**
 * The largest evidence file the upload form takes. It travels base64 (4/3 of its size) in a server
 * action, and every kit's request guard (@appbase/next-kit/proxy) refuses action bodies over 1 MB;
 * the domain's own limit (MAX_FILE_BYTES) is higher for files added by other paths.
 */
export const MAX_UPLOAD_BYTES = 700 * 1024;
