/** The largest evidence file the upload form takes (the domain's own limit, MAX_FILE_BYTES, is higher). */
export const MAX_UPLOAD_BYTES = 5 * 1024 * 1024;
