/* ipc.h -- kdb+ IPC serialization (q's -8! / -9!, -18!): encode, decode, compress.
 * Wire format: ../shared/PROTOCOL.md.  Decoding never trusts the input: every length is
 * checked against the bytes present before anything is allocated. */
#ifndef OPENQ_IPC_H
#define OPENQ_IPC_H

#include "../obj/obj.h"

enum { IPC_ASYNC = 0, IPC_SYNC = 1, IPC_RESPONSE = 2 };
#define IPC_HEADER 8

/* The whole message (8-byte header + body) for x (borrowed) as a byte vector (KG), or NULL +
 * kerr ('type for a foreign).  capability: the peer's handshake byte (< 3: no guid; < 6: 32-bit
 * lengths, 'limit beyond 2 GB).  compress: 0 never, 1 when q would (over 2000 bytes and
 * shrinking by at least half... see ipc_compress), 2 always try. */
K ipc_encode(const K x, int msgtype, int capability, int compress);
/* ipc_encode's message, uncompressed, in pieces to be written one after another: a general
 * list of byte vectors (the encoded bytes) and of the large number vectors of x themselves,
 * written from their own memory (held, not copied).  A message without such a vector comes
 * back whole, as one byte vector. */
K ipc_encode_parts(const K x, int msgtype, int capability);
/* an error response body: 0x80, text, NUL (borrows msg) */
K ipc_encode_error(const char *msg, int capability);
/* Decode a whole message of n bytes (header included, compressed or not).  Returns the
 * object, or NULL + kerr("badmsg") on anything malformed. */
K ipc_decode(const G *msg, size_t n);
/* one object from the front of n little-endian body bytes (no message header), as q's data
 * files and logs hold them; *used: the bytes it took.  NULL + 'badmsg when malformed. */
K ipc_decode_body(const G *p, size_t n, size_t *used);
/* total length a header announces, or -1 if the header itself is invalid (borrows 8 bytes) */
int64_t ipc_message_length(const G *header);
/* q's compressor over a whole uncompressed message: the compressed message, or NULL when
 * compression does not pay (q then sends the message plain) */
K ipc_compress(const G *msg, size_t n);
/* inverse; NULL + kerr("badmsg") on a broken stream */
K ipc_decompress(const G *msg, size_t n);

#endif
