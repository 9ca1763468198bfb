// qx_zlib.c — thin wrappers over zlib's z_stream API. They exist so that Swift never imports <zlib.h> (see
// qx_zlib.h); none adds logic beyond owning the z_stream and mapping zlib's return codes onto four cases.
#define _GNU_SOURCE  // syncfs
#include "qx_zlib.h"

#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <zlib.h>

struct qx_zstream {
    z_stream z;
    int deflating;
};

static int32_t qx_map(int code, const z_stream *z, int had_input) {
    switch (code) {
    case Z_OK: return QX_Z_OK;
    case Z_STREAM_END: return QX_Z_STREAM_END;
    case Z_BUF_ERROR: return had_input ? QX_Z_OK : QX_Z_NEED_INPUT;  // no progress: needs input or output room
    case Z_DATA_ERROR: return QX_Z_DATA_ERROR;
    case Z_NEED_DICT: return QX_Z_DATA_ERROR;  // a preset dictionary never occurs in gzip or ZIP data
    default: (void)z; return QX_Z_ERROR;
    }
}

qx_zstream *qx_inflate_open(int32_t format) {
    qx_zstream *s = calloc(1, sizeof(qx_zstream));
    if (s == NULL) return NULL;
    int bits = format == QX_Z_RAW ? -MAX_WBITS : 16 + MAX_WBITS;  // 16+: gzip header and trailer, checked
    if (inflateInit2(&s->z, bits) != Z_OK) {
        free(s);
        return NULL;
    }
    return s;
}

int32_t qx_inflate_run(qx_zstream *stream, const uint8_t *input, int32_t input_length, int32_t *input_used,
                       uint8_t *output, int32_t output_capacity, int32_t *output_made) {
    z_stream *z = &stream->z;
    z->next_in = (Bytef *)input;
    z->avail_in = (uInt)input_length;
    z->next_out = output;
    z->avail_out = (uInt)output_capacity;
    int code = inflate(z, Z_NO_FLUSH);
    *input_used = input_length - (int32_t)z->avail_in;
    *output_made = output_capacity - (int32_t)z->avail_out;
    return qx_map(code, z, *input_used > 0 || *output_made > 0);
}

int32_t qx_inflate_reset(qx_zstream *stream) { return inflateReset(&stream->z) == Z_OK ? QX_Z_OK : QX_Z_ERROR; }

qx_zstream *qx_deflate_open_gzip(int32_t level) {
    qx_zstream *s = calloc(1, sizeof(qx_zstream));
    if (s == NULL) return NULL;
    s->deflating = 1;
    if (deflateInit2(&s->z, level, Z_DEFLATED, 16 + MAX_WBITS, 8, Z_DEFAULT_STRATEGY) != Z_OK) {
        free(s);
        return NULL;
    }
    return s;
}

int32_t qx_deflate_run(qx_zstream *stream, const uint8_t *input, int32_t input_length, int32_t *input_used,
                       uint8_t *output, int32_t output_capacity, int32_t *output_made, int32_t finish) {
    z_stream *z = &stream->z;
    z->next_in = (Bytef *)input;
    z->avail_in = (uInt)input_length;
    z->next_out = output;
    z->avail_out = (uInt)output_capacity;
    int code = deflate(z, finish ? Z_FINISH : Z_NO_FLUSH);
    *input_used = input_length - (int32_t)z->avail_in;
    *output_made = output_capacity - (int32_t)z->avail_out;
    return qx_map(code, z, *input_used > 0 || *output_made > 0);
}

int32_t qx_deflate_reset(qx_zstream *stream) { return deflateReset(&stream->z) == Z_OK ? QX_Z_OK : QX_Z_ERROR; }

void qx_zstream_close(qx_zstream *stream) {
    if (stream == NULL) return;
    if (stream->deflating) {
        deflateEnd(&stream->z);
    } else {
        inflateEnd(&stream->z);
    }
    free(stream);
}

const char *qx_zstream_message(qx_zstream *stream) { return stream->z.msg != NULL ? stream->z.msg : ""; }

uint32_t qx_crc32(uint32_t crc, const uint8_t *bytes, int32_t length) {
    return (uint32_t)crc32((uLong)crc, (const Bytef *)bytes, (uInt)length);
}

int32_t qx_sync_filesystem(int32_t fd) {
#ifdef __linux__
    return syncfs(fd);
#else
    (void)fd;
    sync();
    return 0;
#endif
}
