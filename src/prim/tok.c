/* tok.c -- Tok ("D"$"text" ...) of temporal and address text: the forms q's reference
 * (ref/tok.md) accepts beyond its literals.
 *
 *   month      [yy]yy.mm  [yy]yy-mm  [yy]yy/mm  [yy]yymm, or a date (its month)
 *   date       yyyy.mm.dd  yyyy-mm-dd  yyyy/mm/dd  yyyy/MMM/dd  [yy]yymmdd  ddMMM[yy]yy
 *              mm/dd/[yy]yy or MMM/dd/[yy]yy (\z 0), dd/mm/[yy]yy or dd/MMM/[yy]yy (\z 1)
 *   time-like  hh:mm[:ss[.fff]] or digits alone, read as hhmmss then the fraction
 *   timestamp  a date, then D, T, - or a blank, then a time; a date alone is its midnight;
 *              9 to 11 digits are seconds since 1970 (a fraction may follow after '.')
 *   int        a dotted IPv4 address, as .z.a holds it
 *   guid       an IPv6 address, or an IPv4 one as ::ffff:a.b.c.d
 *
 * A two-digit year yy is 19yy from 50 up and 20yy below, as q reads it.  tok_parse answers
 * NULL (no error) for text none of these forms claims, so that the literal lexer still reads
 * it; text a form claims but whose fields are out of range is the type's null. */
#include <arpa/inet.h>
#include <ctype.h>

#include "primint.h"

#define NS_PER_SEC 1000000000LL
#define DAYS_1970_TO_2000 10957

static const char *const month_names[12] = {"jan", "feb", "mar", "apr", "may", "jun",
                                      "jul", "aug", "sep", "oct", "nov", "dec"};

/* n digits of s as a number, or -1 when any is not a digit */
static J digits(const char *s, size_t n) {
    J v = 0;
    for (size_t i = 0; i < n; i++) {
        if (!isdigit((unsigned char)s[i]))
            return -1;
        v = v * 10 + (s[i] - '0');
    }
    return v;
}

static bool all_digits(const char *s, size_t n) {
    for (size_t i = 0; i < n; i++)
        if (!isdigit((unsigned char)s[i]))
            return false;
    return n > 0;
}

/* a month as digits or its three-letter name (any case): 1..12, or -1 */
static int month_of(const char *s, size_t n) {
    if (n == 3 && isalpha((unsigned char)s[0])) {
        for (int m = 0; m < 12; m++)
            if (tolower((unsigned char)s[0]) == month_names[m][0] && tolower((unsigned char)s[1]) == month_names[m][1] &&
                tolower((unsigned char)s[2]) == month_names[m][2])
                return m + 1;
        return -1;
    }
    return n >= 1 && n <= 2 ? (int)digits(s, n) : -1;
}

static J year_of(const char *s, size_t n) {
    J y = n == 2 || n == 4 ? digits(s, n) : -1;
    if (n == 2 && y >= 0)
        y += y >= 50 ? 1900 : 2000;
    return y;
}

static bool leap(J y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

/* the date y.m.d as days since 2000.01.01: false when a field is out of range */
static bool make_date(J y, J m, J d, I *day) {
    static const int mdays[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (y < 1 || y > 9999 || m < 1 || m > 12 || d < 1 || d > mdays[m - 1] + (m == 2 && leap(y)))
        return false;
    *day = ymd((I)y, (I)m, (I)d);
    return true;
}

/* the span [a, b) of s split at each separator sep: up to 3 fields */
static int split3(const char *s, size_t n, char sep, size_t start[3], size_t len[3]) {
    int k = 0;
    size_t from = 0;
    for (size_t i = 0; i <= n; i++) {
        if (i == n || s[i] == sep) {
            if (k == 3)
                return 4;
            start[k] = from, len[k] = i - from, k++;
            from = i + 1;
        }
    }
    return k;
}

/* s starts "dd MMM yy" or "dd MMM yyyy" (n: that long at least) */
static bool spaced_dmy(const char *s, size_t n) {
    return (n == 9 || n == 11) && isdigit((unsigned char)s[0]) && isdigit((unsigned char)s[1]) && s[2] == ' ' &&
           isalpha((unsigned char)s[3]) && s[6] == ' ';
}

/* 1: a date (in *day), 0: a date form with a bad field, -1: not a date form */
static int tok_date(const char *s, size_t n, I *day) {
    size_t st[3], ln[3];
    for (const char *seps = ".-/"; *seps; seps++) {
        if (!memchr(s, *seps, n))
            continue;
        if (split3(s, n, *seps, st, ln) != 3)
            return -1;
        const char *a = s + st[0], *b = s + st[1], *c = s + st[2];
        if (ln[0] == 4) /* yyyy.mm.dd, yyyy-mm-dd, yyyy/mm/dd, yyyy/MMM/dd */
            return make_date(year_of(a, 4), month_of(b, ln[1]), ln[2] <= 2 ? digits(c, ln[2]) : -1, day);
        if (*seps != '/')
            return -1;
        bool dmy = RT->prim.date_dmy; /* \z 1: dd/mm/yy, else mm/dd/yy */
        const char *mp = dmy ? b : a, *dp = dmy ? a : b;
        size_t mn = dmy ? ln[1] : ln[0], dn = dmy ? ln[0] : ln[1];
        return make_date(year_of(c, ln[2]), month_of(mp, mn), dn <= 2 ? digits(dp, dn) : -1, day);
    }
    if (n == 8 && all_digits(s, n)) /* yyyymmdd */
        return make_date(digits(s, 4), digits(s + 4, 2), digits(s + 6, 2), day);
    if (n == 6 && all_digits(s, n)) /* yymmdd */
        return make_date(year_of(s, 2), digits(s + 2, 2), digits(s + 4, 2), day);
    if ((n == 7 || n == 9) && isdigit((unsigned char)s[0]) && isdigit((unsigned char)s[1]) && isalpha((unsigned char)s[2]))
        return make_date(year_of(s + 5, n - 5), month_of(s + 2, 3), digits(s, 2), day); /* ddMMM[yy]yy */
    if (spaced_dmy(s, n)) /* dd MMM [yy]yy, as mail headers write it (ref/file-text.md) */
        return make_date(year_of(s + 7, n - 7), month_of(s + 3, 3), digits(s, 2), day);
    return -1;
}

/* 1: a month (months since 2000.01 in *mon), 0: a month form with a bad field, -1: not a
 * month form.  [yy]yy.mm, [yy]yy-mm, [yy]yy/mm, [yy]yymm, or a date's month */
static int tok_month(const char *s, size_t n, I *mon) {
    J y = -1, m = -1;
    const char *sep = NULL;
    for (const char *p = ".-/"; *p && !sep; p++)
        sep = memchr(s, *p, n);
    size_t st[3], ln[3];
    int k = sep ? split3(s, n, *sep, st, ln) : 0;
    if (k == 3) {
        I day;
        int r = tok_date(s, n, &day);
        if (r <= 0)
            return r;
        I yy, mm, dd;
        date_to_ymd(day, &yy, &mm, &dd);
        y = yy, m = mm;
    } else if (k == 2 && (ln[0] == 2 || ln[0] == 4) && ln[1] >= 1 && ln[1] <= 2) {
        y = year_of(s, ln[0]), m = digits(s + st[1], ln[1]);
        if (y < 0 || m < 0)
            return -1;
    } else if (!sep && (n == 4 || n == 6) && all_digits(s, n)) {
        y = year_of(s, n - 2), m = digits(s + n - 2, 2);
    } else {
        return -1;
    }
    if (y < 1 || y > 9999 || m < 1 || m > 12)
        return 0;
    *mon = (I)((y - 2000) * 12 + m - 1);
    return 1;
}

/* a fraction of a second, up to nine digits: nanoseconds, or -1 */
static J fraction_ns(const char *s, size_t n) {
    if (n > 9 && digits(s + 9, n - 9) < 0)
        return -1;
    J v = digits(s, n < 9 ? n : 9);
    for (size_t i = n; v >= 0 && i < 9; i++)
        v *= 10;
    return v;
}

/* 1: a time of day or span (nanoseconds in *ns), 0: a bad field, -1: not such a form */
static int tok_time(const char *s, size_t n, J *ns) {
    bool neg = n && s[0] == '-';
    if (neg || (n && s[0] == '+')) /* a signed offset: -0500, +0900 (ref/file-text.md) */
        s++, n--;
    J h, m = 0, sec = 0, frac = 0;
    const char *dot = memchr(s, '.', n);
    size_t whole = dot ? (size_t)(dot - s) : n;
    if (dot && (frac = fraction_ns(dot + 1, n - whole - 1)) < 0)
        return -1;
    if (memchr(s, ':', whole)) { /* hh:mm[:ss] */
        size_t st[3], ln[3];
        int k = split3(s, whole, ':', st, ln);
        if (k < 2 || k > 3 || ln[1] != 2 || (k == 3 && ln[2] != 2) || ln[0] < 1)
            return -1;
        h = digits(s, ln[0]), m = digits(s + st[1], 2), sec = k == 3 ? digits(s + st[2], 2) : 0;
    } else if (all_digits(s, whole) && whole >= 2 && whole <= 6 && whole % 2 == 0) { /* hh[mm[ss]] */
        h = digits(s, 2), m = whole >= 4 ? digits(s + 2, 2) : 0, sec = whole == 6 ? digits(s + 4, 2) : 0;
    } else if (!dot && all_digits(s, whole) && whole > 6) { /* hhmmss then the fraction */
        h = digits(s, 2), m = digits(s + 2, 2), sec = digits(s + 4, 2);
        if ((frac = fraction_ns(s + 6, whole - 6)) < 0)
            return -1;
    } else {
        return -1;
    }
    if (h < 0 || m < 0 || sec < 0 || m > 59 || sec > 59)
        return 0;
    *ns = ((h * 60 + m) * 60 + sec) * NS_PER_SEC + frac;
    if (neg)
        *ns = -*ns;
    return 1;
}

/* 1: a timestamp (ns since 2000.01.01 in *ns), 0: a bad field, -1: not such a form */
static int tok_timestamp(const char *s, size_t n, J *ns) {
    size_t whole = n;
    const char *dot = memchr(s, '.', n);
    if (dot)
        whole = (size_t)(dot - s);
    if (whole >= 9 && whole <= 11 && all_digits(s, whole)) { /* seconds since 1970 */
        J frac = dot ? fraction_ns(dot + 1, n - whole - 1) : 0;
        if (frac < 0)
            return -1;
        *ns = (digits(s, whole) - DAYS_1970_TO_2000 * 86400LL) * NS_PER_SEC + frac;
        return 1;
    }
    size_t cut = 0; /* where the date ends: at D, T, a blank, or the '-' after yyyymmdd */
    size_t from = n > 11 && spaced_dmy(s, 11) ? 11 : 0; /* dd MMM yyyy hh:mm:ss */
    for (size_t i = from; i < n && !cut; i++)
        if (s[i] == 'D' || s[i] == 'T' || s[i] == ' ' || (s[i] == '-' && i == 8 && all_digits(s, 8)))
            cut = i;
    I day;
    int r = tok_date(s, cut ? cut : n, &day);
    if (r <= 0)
        return r;
    J tod = 0;
    if (cut && cut + 1 < n) {
        int t = tok_time(s + cut + 1, n - cut - 1, &tod);
        if (t <= 0)
            return t < 0 ? -1 : 0;
    }
    *ns = (J)day * NS_PER_DAY + tod;
    return 1;
}

/* a dotted IPv4 address as q's int (the address's bytes, most significant first) */
static bool tok_ip(const char *s, size_t n, I *v) {
    uint32_t a = 0;
    int parts = 0;
    size_t from = 0;
    for (size_t i = 0; i <= n; i++) {
        if (i == n || s[i] == '.') {
            J p = i > from && i - from <= 3 ? digits(s + from, i - from) : -1;
            if (p < 0 || p > 255 || ++parts > 4)
                return false;
            a = a << 8 | (uint32_t)p;
            from = i + 1;
        }
    }
    if (parts != 4)
        return false;
    *v = (I)a;
    return true;
}

K tok_parse(int to, const char *s, size_t n) {
    switch (to) {
    case KD: {
        I day;
        int r = tok_date(s, n, &day);
        if (r < 0 && all_digits(s, n)) /* digits in no date form: not a day count */
            r = 0;
        return r < 0 ? NULL : r ? kd(day) : prim_null_of(KD);
    }
    case KM: {
        I mon;
        int r = tok_month(s, n, &mon);
        if (r < 0 && all_digits(s, n)) /* digits in no month form: not a month count */
            r = 0;
        if (r < 0)
            return NULL;
        K m = obj_atom(-KM);
        if (m)
            m->i = r ? mon : ni;
        return m;
    }
    case KP: case KZ: {
        J ns;
        int r = tok_timestamp(s, n, &ns);
        if (r < 0)
            return NULL;
        if (!r)
            return prim_null_of(to);
        return to == KP ? ktj(-KP, ns) : kz((F)ns / (F)NS_PER_DAY);
    }
    case KN: case KT: case KU: case KV: {
        J ns;
        if (memchr(s, 'D', n)) /* 1D02:03: days then a time, the literal's form */
            return NULL;
        int found = tok_time(s, n, &ns);
        if (found < 0)
            return NULL;
        if (!found)
            return prim_null_of(to);
        if (to == KN)
            return ktj(-KN, ns);
        K r = obj_atom(-to); /* time in ms, second in s, minute in min */
        if (r)
            r->i = (I)(ns / (to == KT ? 1000000 : to == KV ? NS_PER_SEC : 60 * NS_PER_SEC));
        return r;
    }
    case KI: {
        I v;
        return memchr(s, '.', n) && tok_ip(s, n, &v) ? ki(v) : NULL;
    }
    case UU: { /* an IPv6 address, or IPv4 as ::ffff:a.b.c.d */
        char buf[64];
        if (n >= sizeof buf || (!memchr(s, ':', n) && !memchr(s, '.', n)))
            return NULL;
        memcpy(buf, s, n);
        buf[n] = 0;
        U u;
        memset(&u, 0, sizeof u);
        if (inet_pton(AF_INET6, buf, u.g) == 1)
            return ku(u);
        if (inet_pton(AF_INET, buf, u.g + 12) == 1) {
            u.g[10] = u.g[11] = 0xff;
            return ku(u);
        }
        return NULL;
    }
    }
    return NULL;
}
