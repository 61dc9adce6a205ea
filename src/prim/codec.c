/* codec.c -- byte codecs: md5, SHA-1 (.Q.sha1, -33!) and base64 (.Q.btoa, -32!; .Q.atob),
 * over strings or byte vectors.  MD5 follows RFC 1321, SHA-1 FIPS 180-4; base64 RFC 4648 with
 * padding.  A malformed or unpadded base64 text is 'domain, as q's reference says. */
#include <stdlib.h>

#include "primint.h"
#include "prims.h"

/* the bytes of a string, a byte vector or a char atom x; otherwise NULL, x released, with
 * 'type pending (or x's own failure when x is NULL) */
static const G *bytes_of(K x, J *n) {
    if (!x)
        return NULL;
    if (x->t == KC || x->t == KG) {
        *n = x->n;
        return kG(x);
    }
    if (x->t == -KC || x->t == -KG) {
        *n = 1;
        return &x->g;
    }
    r0(x);
    kerr("type");
    return NULL;
}

/* ---- SHA-1 ------------------------------------------------------------------------------- */

static uint32_t rol(uint32_t v, int k) { return v << k | v >> (32 - k); }

static void sha1_block(uint32_t h[5], const G *p) {
    uint32_t w[80];
    for (int i = 0; i < 16; i++)
        w[i] = (uint32_t)p[4 * i] << 24 | (uint32_t)p[4 * i + 1] << 16 | (uint32_t)p[4 * i + 2] << 8 | p[4 * i + 3];
    for (int i = 16; i < 80; i++)
        w[i] = rol(w[i - 3] ^ w[i - 8] ^ w[i - 14] ^ w[i - 16], 1);
    uint32_t a = h[0], b = h[1], c = h[2], d = h[3], e = h[4];
    for (int i = 0; i < 80; i++) {
        uint32_t f, k;
        if (i < 20)
            f = (b & c) | (~b & d), k = 0x5a827999;
        else if (i < 40)
            f = b ^ c ^ d, k = 0x6ed9eba1;
        else if (i < 60)
            f = (b & c) | (b & d) | (c & d), k = 0x8f1bbcdc;
        else
            f = b ^ c ^ d, k = 0xca62c1d6;
        uint32_t t = rol(a, 5) + f + e + k + w[i];
        e = d, d = c, c = rol(b, 30), b = a, a = t;
    }
    h[0] += a, h[1] += b, h[2] += c, h[3] += d, h[4] += e;
}

K prim_sha1(K x) {
    J n;
    const G *p = bytes_of(x, &n);
    if (!p)
        return NULL;
    uint32_t h[5] = {0x67452301, 0xefcdab89, 0x98badcfe, 0x10325476, 0xc3d2e1f0};
    J whole = n / 64 * 64;
    for (J i = 0; i < whole; i += 64)
        sha1_block(h, p + i);
    G tail[128] = {0}; /* the rest, the 0x80 marker, zeros, the bit length */
    J rest = n - whole;
    memcpy(tail, p + whole, (size_t)rest);
    tail[rest] = 0x80;
    int blocks = rest + 9 <= 64 ? 1 : 2;
    uint64_t bits = (uint64_t)n * 8;
    for (int i = 0; i < 8; i++)
        tail[blocks * 64 - 1 - i] = (G)(bits >> (8 * i));
    for (int b = 0; b < blocks; b++)
        sha1_block(h, tail + 64 * b);
    r0(x);
    K r = obj_vec(KG, 20);
    for (int i = 0; r && i < 20; i++)
        kG(r)[i] = (G)(h[i / 4] >> (24 - 8 * (i % 4)));
    return r;
}

/* ---- base64 ------------------------------------------------------------------------------ */

static const char b64[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

K prim_btoa(K x) {
    J n;
    const G *p = bytes_of(x, &n);
    if (!p)
        return NULL;
    K r = obj_vec(KC, (n + 2) / 3 * 4);
    char *o = r ? (char *)kC(r) : NULL;
    for (J i = 0; o && i < n; i += 3) {
        uint32_t v = (uint32_t)p[i] << 16 | (i + 1 < n ? (uint32_t)p[i + 1] << 8 : 0) | (i + 2 < n ? p[i + 2] : 0);
        *o++ = b64[v >> 18 & 63];
        *o++ = b64[v >> 12 & 63];
        *o++ = i + 1 < n ? b64[v >> 6 & 63] : '=';
        *o++ = i + 2 < n ? b64[v & 63] : '=';
    }
    r0(x);
    return r;
}

static int b64_value(G c) {
    const char *at = c ? strchr(b64, c) : NULL;
    return at ? (int)(at - b64) : -1;
}

K prim_atob(K x) {
    J n;
    const G *p = bytes_of(x, &n);
    if (!p)
        return NULL;
    J pad = n >= 1 && p[n - 1] == '=' ? (n >= 2 && p[n - 2] == '=' ? 2 : 1) : 0;
    if (n % 4) {
        r0(x);
        return kerr("domain");
    }
    K r = obj_vec(KG, n / 4 * 3 - pad);
    for (J i = 0, o = 0; r && i < n; i += 4) {
        int v[4];
        for (int k = 0; k < 4; k++) {
            bool padding = i + k >= n - pad;
            v[k] = padding ? 0 : b64_value(p[i + k]);
            if (v[k] < 0) {
                r0(r);
                r0(x);
                return kerr("domain");
            }
        }
        uint32_t w = (uint32_t)v[0] << 18 | (uint32_t)v[1] << 12 | (uint32_t)v[2] << 6 | (uint32_t)v[3];
        for (int k = 0; k < 3 && o < r->n; k++)
            kG(r)[o++] = (G)(w >> (16 - 8 * k));
    }
    r0(x);
    return r;
}

/* ---- md5 (RFC 1321) ---------------------------------------------------------------------- */

static const uint32_t md5_k[64] = {
    0xd76aa478, 0xe8c7b756, 0x242070db, 0xc1bdceee, 0xf57c0faf, 0x4787c62a, 0xa8304613, 0xfd469501,
    0x698098d8, 0x8b44f7af, 0xffff5bb1, 0x895cd7be, 0x6b901122, 0xfd987193, 0xa679438e, 0x49b40821,
    0xf61e2562, 0xc040b340, 0x265e5a51, 0xe9b6c7aa, 0xd62f105d, 0x02441453, 0xd8a1e681, 0xe7d3fbc8,
    0x21e1cde6, 0xc33707d6, 0xf4d50d87, 0x455a14ed, 0xa9e3e905, 0xfcefa3f8, 0x676f02d9, 0x8d2a4c8a,
    0xfffa3942, 0x8771f681, 0x6d9d6122, 0xfde5380c, 0xa4beea44, 0x4bdecfa9, 0xf6bb4b60, 0xbebfbc70,
    0x289b7ec6, 0xeaa127fa, 0xd4ef3085, 0x04881d05, 0xd9d4d039, 0xe6db99e5, 0x1fa27cf8, 0xc4ac5665,
    0xf4292244, 0x432aff97, 0xab9423a7, 0xfc93a039, 0x655b59c3, 0x8f0ccc92, 0xffeff47d, 0x85845dd1,
    0x6fa87e4f, 0xfe2ce6e0, 0xa3014314, 0x4e0811a1, 0xf7537e82, 0xbd3af235, 0x2ad7d2bb, 0xeb86d391};
static const int md5_r[64] = {7, 12, 17, 22, 7, 12, 17, 22, 7, 12, 17, 22, 7, 12, 17, 22,
                              5, 9,  14, 20, 5, 9,  14, 20, 5, 9,  14, 20, 5, 9,  14, 20,
                              4, 11, 16, 23, 4, 11, 16, 23, 4, 11, 16, 23, 4, 11, 16, 23,
                              6, 10, 15, 21, 6, 10, 15, 21, 6, 10, 15, 21, 6, 10, 15, 21};

static void md5(const G *msg, size_t len, G out[16]) {
    uint32_t h[4] = {0x67452301, 0xefcdab89, 0x98badcfe, 0x10325476};
    size_t total = ((len + 8) / 64 + 1) * 64;
    /* whole blocks straight from msg; the rest, the 0x80 and the bit count in one or two
     * padded blocks here */
    size_t full = len / 64 * 64;
    G tail[128] = {0};
    memcpy(tail, msg + full, len - full);
    tail[len - full] = 0x80;
    uint64_t bits = (uint64_t)len * 8;
    memcpy(tail + (total - full) - 8, &bits, 8);
    for (size_t off = 0; off < total; off += 64) {
        uint32_t w[16];
        memcpy(w, off < full ? msg + off : tail + (off - full), 64);
        uint32_t a = h[0], b = h[1], c = h[2], d = h[3];
        for (int i = 0; i < 64; i++) {
            uint32_t f;
            int g;
            if (i < 16) { f = (b & c) | (~b & d); g = i; }
            else if (i < 32) { f = (d & b) | (~d & c); g = (5 * i + 1) % 16; }
            else if (i < 48) { f = b ^ c ^ d; g = (3 * i + 5) % 16; }
            else { f = c ^ (b | ~d); g = (7 * i) % 16; }
            uint32_t t = d;
            d = c;
            c = b;
            uint32_t x = a + f + md5_k[i] + w[g];
            b = b + ((x << md5_r[i]) | (x >> (32 - md5_r[i])));
            a = t;
        }
        h[0] += a; h[1] += b; h[2] += c; h[3] += d;
    }
    memcpy(out, h, 16);
}

K prim_md5(K x) {
    PRIM_ARGS1(x);
    if (x->t != KC && x->t != -KC) {
        r0(x);
        return kerr("type");
    }
    K out = obj_vec(KG, 16);
    if (out)
        md5(x->t == KC ? (G *)kC(x) : &x->g, x->t == KC ? (size_t)x->n : 1, kG(out));
    r0(x);
    return out;
}
