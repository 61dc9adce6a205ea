/* compress.c -- kdb+'s IPC compression: an LZ77 variant whose match table is indexed by the
 * XOR of two adjacent bytes.  The compressor reproduces q's output byte for byte
 * (PROTOCOL.md §6.3); the decompressor (§6.2) checks every reference against the output
 * written so far and every read against the input, so a broken stream is 'badmsg. */
#include "ipc.h"

K ipc_compress(const G *m, size_t t) {
    if (t < IPC_HEADER + 1)
        return NULL;
    bool big = t > 0xffffffffULL;
    size_t head = big ? 16 : 12;
    size_t e = t / 2; /* give up unless the result is at most half the input */
    if (e < head + 17)
        return NULL;
    K out = obj_vec(KG, (J)e);
    if (!out)
        return NULL;
    G *o = kG(out);
    memcpy(o, m, 4);
    o[2] = big ? 2 : 1;
    if (big) {
        uint64_t len = t;
        memcpy(o + 8, &len, 8);
    } else {
        uint32_t len = (uint32_t)t;
        memcpy(o + 8, &len, 4);
    }
    size_t table[256] = {0};
    size_t c = head, d = head, s = IPC_HEADER;
    size_t h0 = 0, s0 = 0;
    G mask = 0, control = 0;
    size_t h = 0;
    while (s < t) {
        if (mask == 0) {
            if (d > e - 17) {
                r0(out);
                return NULL;
            }
            o[c] = control;
            c = d++;
            control = 0;
            mask = 1;
        }
        bool literal;
        size_t q = 0;
        if (s > t - 3) {
            literal = true;
        } else {
            h = m[s] ^ m[s + 1];
            q = table[h];
            literal = q == 0 || m[s] != m[q];
        }
        if (s0 > 0) {
            table[h0] = s0;
            s0 = 0;
        }
        if (literal) {
            h0 = h;
            s0 = s;
            o[d++] = m[s++];
        } else {
            table[h] = s;
            control |= mask;
            q += 2;
            s += 2;
            size_t r = s;
            size_t limit = s + 255 < t ? s + 255 : t;
            while (m[q] == m[s]) {
                s++;
                if (s >= limit)
                    break;
                q++;
            }
            o[d] = (G)h;
            o[d + 1] = (G)(s - r);
            d += 2;
        }
        mask = (G)(mask << 1);
    }
    o[c] = control;
    uint32_t lo = (uint32_t)d;
    memcpy(o + 4, &lo, 4);
    o[3] = (G)((uint64_t)d >> 32);
    out->n = (J)d;
    return out;
}

K ipc_decompress(const G *msg, size_t n) {
    bool big = msg[2] == 2;
    size_t head = big ? 16 : 12;
    if (n < head)
        return kerr("badmsg");
    uint64_t total;
    if (big) {
        memcpy(&total, msg + 8, 8);
    } else {
        uint32_t t32;
        memcpy(&t32, msg + 8, 4);
        if (msg[0] == 0)
            t32 = __builtin_bswap32(t32);
        total = t32;
    }
    /* a compressed stream expands at most ~128x (a control byte and 2-byte references
     * of up to 257 bytes); refuse lengths the input cannot produce */
    if (total < IPC_HEADER + 1 || total > (uint64_t)(n - head) * 129 + IPC_HEADER || total > ((uint64_t)1 << 40))
        return kerr("badmsg");
    K out = obj_vec(KG, (J)total);
    if (!out)
        return NULL;
    G *u = kG(out);
    u[0] = msg[0];
    u[1] = msg[1];
    u[2] = 0;
    u[3] = (G)(total >> 32);
    uint32_t lo = (uint32_t)total;
    if (msg[0] == 0)
        lo = __builtin_bswap32(lo);
    memcpy(u + 4, &lo, 4);
    size_t table[256] = {0};
    size_t s = IPC_HEADER, p = IPC_HEADER, d = head;
    G mask = 0, control = 0;
    while (s < total) {
        if (mask == 0) {
            if (d >= n)
                goto broken;
            control = msg[d++];
            mask = 1;
        }
        size_t extra = 0;
        bool copy = control & mask;
        if (!copy) {
            if (d >= n)
                goto broken;
            u[s++] = msg[d++];
        } else {
            if (d + 2 > n)
                goto broken;
            size_t r = table[msg[d]];
            extra = msg[d + 1];
            d += 2;
            if (r < IPC_HEADER || r >= s || s + 2 + extra > total)
                goto broken;
            for (size_t k = 0; k < 2 + extra; k++)
                u[s + k] = u[r + k];
            s += 2;
        }
        while (p + 1 < s) {
            table[u[p] ^ u[p + 1]] = p;
            p++;
        }
        if (copy) {
            s += extra;
            p = s;
        }
        mask = (G)(mask << 1);
    }
    return out;
broken:
    r0(out);
    return kerr("badmsg");
}
