/* rand.c -- Roll, Deal and Permute (n?y, neg[n]?y, 0N?y) and the seed (\S), as ref/deal.md
 * gives them:
 *
 *   y a list            abs n items of y, independently (Roll) or from distinct indexes (Deal)
 *   y an integer > 0    items of til y, of y's type                         Roll, Deal
 *   y 0 (long) / 0i     any longs / ints                                     Roll (0: Deal too)
 *   y a float, a real
 *     or a temporal >= 0  from 0 up to y, of y's type                        Roll
 *   y 0b / " " / 0x0    booleans / letters of .Q.a / bytes                   Roll
 *   y 0Ng               GUIDs                                                Roll, Deal
 *   y `n (n in 1..8)    symbols of n letters from "abcdefghijklmnop"          Roll, Deal
 *   0N?y                y's items (or til y) in random order
 *
 * Errors: 'type for a Deal of a Roll-only domain (or a y of no domain), 'length when a Deal
 * asks for more than there are, 'domain for a negative bound.  The generator is splitmix64
 * from a fixed seed, so a script's random draws repeat from run to run, as q's do. */
#include "primint.h"
#include "prims.h"


/* the generator's state is RT->prim.rng_state; a drawing function takes its address once,
 * so its loops need not reach the runtime for every draw */
static uint64_t rng_next(uint64_t *seed) {
    uint64_t z = (*seed += 0x9e3779b97f4a7c15ULL);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
}

/* uniform in [0, lim), lim > 0, without modulo bias */
static uint64_t rng_below(uint64_t *seed, uint64_t lim) {
    uint64_t cut = -lim % lim; /* 2^64 mod lim: draws below it would favour small results */
    for (;;) {
        uint64_t r = rng_next(seed);
        if (r >= cut)
            return r % lim;
    }
}

void prim_seed(J seed) { RT->prim.rng_state = (uint64_t)seed; }
J prim_seed_get(void) { return (J)RT->prim.rng_state; }

/* count distinct values below lim (count <= lim), in random order: a partial Fisher-Yates
 * over til lim when the draw takes much of the range, else rejection through a hash set
 * sized to the draw (so -5?1000000000 needs no billion-long list) */
static K deal_below(J count, J lim) {
    uint64_t *seed = &RT->prim.rng_state;
    K r = obj_vec(KJ, count);
    if (!r)
        return NULL;
    if (count > lim / 4) {
        K scratch = obj_vec(KJ, lim);
        if (!scratch) {
            r0(r);
            return NULL;
        }
        J *perm = kJ(scratch);
        for (J i = 0; i < lim; i++)
            perm[i] = i;
        for (J i = 0; i < count; i++) {
            J j = i + (J)rng_below(seed, (uint64_t)(lim - i));
            J t = perm[i];
            perm[i] = perm[j];
            perm[j] = t;
            kJ(r)[i] = perm[i];
        }
        r0(scratch);
        return r;
    }
    size_t size = 16;
    while (size < (size_t)count * 2)
        size *= 2;
    K scratch = obj_vec(KJ, (J)size);
    if (!scratch) {
        r0(r);
        return NULL;
    }
    J *set = kJ(scratch); /* value + 1, 0 = empty */
    memset(set, 0, size * sizeof(J));
    for (J i = 0; i < count;) {
        J v = (J)rng_below(seed, (uint64_t)lim);
        size_t h = (size_t)(((uint64_t)v * 0x9e3779b97f4a7c15ULL) >> 7) & (size - 1);
        while (set[h] && set[h] != v + 1)
            h = (h + 1) & (size - 1);
        if (set[h])
            continue; /* drawn before */
        set[h] = v + 1;
        kJ(r)[i++] = v;
    }
    r0(scratch);
    return r;
}

/* symbols of len letters from "abcdefghijklmnop": the letters are the 4-bit digits of a
 * number below 16^len, so a Deal is a Deal of those numbers */
static K symbols(J count, bool deal, int len) {
    uint64_t *seed = &RT->prim.rng_state;
    J lim = (J)1 << (4 * len);
    if (deal && count > lim)
        return kerr("length");
    K codes = deal ? deal_below(count, lim) : obj_vec(KJ, count);
    if (!codes)
        return NULL;
    if (!deal)
        for (J i = 0; i < count; i++)
            kJ(codes)[i] = (J)rng_below(seed, (uint64_t)lim);
    K r = obj_vec(KS, count);
    for (J i = 0; r && i < count; i++) {
        char name[8];
        for (int c = 0; c < len; c++)
            name[c] = (char)('a' + ((kJ(codes)[i] >> (4 * (len - 1 - c))) & 15));
        kS(r)[i] = sym_intern(name, (size_t)len);
    }
    r0(codes);
    return r;
}

/* the number a symbol like `3 names (1..8), or 0 */
static int symbol_length(S s) { return s[0] >= '1' && s[0] <= '8' && !s[1] ? s[0] - '0' : 0; }

/* an integer atom's value; false for other types */
static bool integer_atom(const K y, J *v) {
    switch (y->t) {
    case -KH: *v = y->h == nh ? nj : y->h; return true;
    case -KI: *v = y->i == ni ? nj : y->i; return true;
    case -KJ: *v = y->j; return true;
    }
    return false;
}

/* abs n draws from atom y's domain (consumed) */
static K generate(J count, bool deal, K y) {
    uint64_t *seed = &RT->prim.rng_state;
    int t = -y->t;
    J bound;
    K r = NULL;
    if (t == KS) {
        int len = symbol_length(y->s);
        r0(y);
        return len ? symbols(count, deal, len) : kerr("type");
    }
    if (t == UU) { /* GUIDs: 128 random bits each (a Deal repeats with negligible chance) */
        r0(y);
        r = obj_vec(UU, count);
        for (J i = 0; r && i < count; i++) {
            uint64_t a = rng_next(seed), b = rng_next(seed);
            memcpy(kG(r) + 16 * i, &a, 8);
            memcpy(kG(r) + 16 * i + 8, &b, 8);
        }
        return r;
    }
    if (integer_atom(y, &bound) && bound > 0) { /* til y, of y's type */
        r0(y);
        if (deal && count > bound)
            return kerr("length");
        K v = deal ? deal_below(count, bound) : obj_vec(KJ, count);
        if (v && !deal)
            for (J i = 0; i < count; i++)
                kJ(v)[i] = (J)rng_below(seed, (uint64_t)bound);
        if (!v || t == KJ)
            return v;
        r = obj_vec(t, count); /* the draws as shorts or ints */
        for (J i = 0; r && i < count; i++)
            if (t == KI)
                kI(r)[i] = (I)kJ(v)[i];
            else
                kH(r)[i] = (H)kJ(v)[i];
        r0(v);
        return r;
    }
    if (integer_atom(y, &bound) && bound == 0 && (t == KJ || !deal)) { /* any value of the type */
        r0(y);
        r = obj_vec(t, count);
        for (J i = 0; r && i < count; i++) {
            uint64_t z = rng_next(seed);
            if (t == KJ)
                kJ(r)[i] = (J)z;
            else if (t == KI)
                kI(r)[i] = (I)(uint32_t)z;
            else
                kH(r)[i] = (H)(uint16_t)z;
        }
        return r;
    }
    if (deal) {
        r0(y);
        return kerr("type");
    }
    if (t == KB || t == KG || t == KC) { /* 01b, bytes, letters of .Q.a */
        r0(y);
        r = obj_vec(t, count);
        for (J i = 0; r && i < count; i++)
            kG(r)[i] = (G)(t == KB ? rng_next(seed) >> 63 : t == KG ? rng_next(seed) >> 56 : 'a' + rng_below(seed, 26));
        return r;
    }
    if (t == KF || t == KE || t == KZ) { /* [0, y) */
        F lim = t == KE ? y->e : y->f;
        r0(y);
        if (lim < 0)
            return kerr("domain");
        r = obj_vec(t, count);
        for (J i = 0; r && i < count; i++) {
            F u = lim * ((F)(rng_next(seed) >> 11) / 9007199254740992.0);
            if (t == KE)
                kE(r)[i] = (E)u;
            else
                kF(r)[i] = u;
        }
        return r;
    }
    if (prim_is_temporal(t)) { /* 0 up to y, of y's type */
        J lim = t == KP || t == KN ? y->j : y->i;
        r0(y);
        if (lim < 0 || lim == nj || (t != KP && t != KN && lim == ni))
            return kerr("domain");
        r = obj_vec(t, count);
        for (J i = 0; r && i < count; i++) {
            J v = lim ? (J)rng_below(seed, (uint64_t)lim) : 0;
            if (t == KP || t == KN)
                kJ(r)[i] = v;
            else
                kI(r)[i] = (I)v;
        }
        return r;
    }
    bool negative = integer_atom(y, &bound);
    r0(y);
    return kerr(negative ? "domain" : "type");
}

K prim_roll(J n, K y) {
    uint64_t *seed = &RT->prim.rng_state;
    bool permute = n == nj, deal = n < 0;
    J count = n == nj ? 0 : deal ? -n : n;
    if (y->t == -KS && !symbol_length(y->s) && RT->svc.global_get) {
        /* n?`v of a global list v: items of v enumerated over it (`v$n?v), as KX's taq scripts
         * build an enumerated sym column */
        K dom = RT->svc.global_get(y->s);
        if (!dom || dom->t != KS) {
            r0(dom);
            r0(y);
            return kerr_msg() ? NULL : kerr("type");
        }
        K draws = prim_roll(n, dom);
        return draws ? prim_cast(y, draws) : (r0(y), NULL);
    }
    if (y->t < 0) {
        J bound;
        if (permute) { /* 0N?n: til n in random order */
            if (!integer_atom(y, &bound) || bound < 0) {
                r0(y);
                return kerr("type");
            }
            count = bound, deal = true;
        }
        return generate(count, deal, y);
    }
    if (y->t >= XT) {
        r0(y);
        return kerr("type");
    }
    J len = y->n;
    if (permute)
        count = len, deal = true;
    if (count && (len == 0 || (deal && count > len))) {
        r0(y);
        return kerr("length");
    }
    K idx = deal ? deal_below(count, len) : obj_vec(KJ, count);
    if (idx && !deal)
        for (J i = 0; i < count; i++)
            kJ(idx)[i] = (J)rng_below(seed, (uint64_t)len);
    K r = idx ? prim_gather(y, idx) : NULL;
    r0(idx);
    r0(y);
    return r;
}
