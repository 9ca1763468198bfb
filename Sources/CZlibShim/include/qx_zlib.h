// qx_zlib.h — the opaque boundary between qingxi and the system zlib (zlib1g-dev).
//
// Only stdint types and opaque pointers cross this header, like qx_icu.h: Swift never sees <zlib.h>, so the
// module builds the same whatever zlib version or z_stream layout the system has.
//
// Return codes of the run functions: QX_Z_OK (progress made, call again), QX_Z_STREAM_END (the compressed
// stream is complete), QX_Z_NEED_INPUT (no progress possible without more input), or a negative value for
// corrupt data (QX_Z_DATA_ERROR) and other failures (QX_Z_ERROR); qx_zstream_message then says why.
#ifndef QX_ZLIB_H
#define QX_ZLIB_H

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

enum {
    QX_Z_OK = 0,
    QX_Z_STREAM_END = 1,
    QX_Z_NEED_INPUT = 2,
    QX_Z_DATA_ERROR = -3,
    QX_Z_ERROR = -2,
};

/// Formats a stream reads or writes.
enum {
    /// One gzip member (RFC 1952): header, deflate data, CRC-32 and length, both checked when inflating.
    QX_Z_GZIP = 0,
    /// Raw deflate (RFC 1951), as stored in ZIP entries: no header, no check.
    QX_Z_RAW = 1,
};

/// A zlib stream (z_stream plus its mode). Not thread-safe: one per thread.
typedef struct qx_zstream qx_zstream;

/// Opens an inflating stream of the given format; NULL when out of memory.
qx_zstream *qx_inflate_open(int32_t format);

/// Inflates from input[0..<input_length] into output[0..<output_capacity]; *input_used and *output_made say
/// how much was consumed and produced.
int32_t qx_inflate_run(qx_zstream *stream, const uint8_t *input, int32_t input_length, int32_t *input_used,
                       uint8_t *output, int32_t output_capacity, int32_t *output_made);

/// Makes an inflating stream ready for the next gzip member (concatenated members form one gzip file).
int32_t qx_inflate_reset(qx_zstream *stream);

/// Opens a deflating stream writing one gzip member at the given level (1 fastest … 9 smallest); NULL on failure.
qx_zstream *qx_deflate_open_gzip(int32_t level);

/// Deflates input into output; with finish != 0, also ends the member (call until QX_Z_STREAM_END).
int32_t qx_deflate_run(qx_zstream *stream, const uint8_t *input, int32_t input_length, int32_t *input_used,
                       uint8_t *output, int32_t output_capacity, int32_t *output_made, int32_t finish);

/// Makes a deflating stream ready for a new member with the same settings.
int32_t qx_deflate_reset(qx_zstream *stream);

/// Closes a stream opened by qx_inflate_open or qx_deflate_open_gzip. NULL is accepted.
void qx_zstream_close(qx_zstream *stream);

/// zlib's message for the last error of the stream ("invalid block type"), or "" when it has none.
const char *qx_zstream_message(qx_zstream *stream);

/// Updates a CRC-32 (as used by gzip and ZIP) with bytes[0..<length]; start with crc = 0.
uint32_t qx_crc32(uint32_t crc, const uint8_t *bytes, int32_t length);

/// Flushes every file of the file system holding `fd` to disk (Linux syncfs(2); sync(2) elsewhere). Not zlib, but
/// batch's only other C need, and <unistd.h> hides syncfs behind _GNU_SOURCE, which Swift cannot define.
/// Returns 0, or -1 with errno set.
int32_t qx_sync_filesystem(int32_t fd);

#ifdef __cplusplus
}
#endif

#endif
