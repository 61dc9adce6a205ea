/* file.c -- q's files: set get hcount hdel, read0 read1, 0: and 1: on files, save load rsave
 * rload, splayed tables, and `key` of a file handle.
 *
 * On-disk layouts (docs/compat.md says what kdb+ can read back):
 *   ff 01 00 00 00 00 00 00  + the object as the body of an IPC message (-8! without its
 *                              8-byte header): atoms, symbol lists, general objects
 *   fe 20 t a 00 00 00 00  n (8 bytes)  data     a simple vector of type t, attribute a
 *   fd 20 00 ... domain\0 at byte 16 ... (4080 bytes)  then the fe 20 header and data
 *                                          an enumeration over `domain (files written
 *                                          before the domain moved to byte 16 have it at 4)
 * A splayed table is a directory: one file per column and `.d`, the column names.  A column
 * of lists of one simple type t (strings) is two files, as kdb+ writes it: `col`, a vector
 * of type 77+t holding each item's end offset (longs), and `col#`, the items' data as one
 * vector of type t. */
#include "../ipc/ipc.h"
#include "lang_int.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

enum { VEC_HEADER = 16, ENUM_HEADER = 4096, DOMAIN_AT = 16, NESTED = 77 };

/* ---- paths ------------------------------------------------------------------------------ */

/* a file handle (borrowed), true and its path in buf: `:path, or a symbol vector whose first
 * item is one, naming the path its items join (`:db/2024.01.01/t`.d is db/2024.01.01/t/.d,
 * as ` sv makes it; a null last item gives the directory form `:dir/) */
static bool handle_path(const K x, char *buf, size_t size) {
    if (x->t == -KS && x->s[0] == ':') {
        snprintf(buf, size, "%s", x->s + 1);
        return true;
    }
    if (x->t != KS || x->n == 0 || kS(x)[0][0] != ':')
        return false;
    size_t at = (size_t)snprintf(buf, size, "%s", kS(x)[0] + 1);
    for (J i = 1; i < x->n && at < size; i++)
        at += (size_t)snprintf(buf + at, size - at, "/%s", kS(x)[i]);
    return true;
}

/* the path of a text or bytes file for read0, read1, 0: and 1:, which also take a plain
 * symbol as the file's name (`data.csv, as ref/file-text.md reads it) */
static bool text_path(const K x, char *buf, size_t size) {
    if (x->t == -KS && x->s[0] && x->s[0] != ':') {
        snprintf(buf, size, "%s", x->s);
        return true;
    }
    return handle_path(x, buf, size);
}

/* the path of file handle x, which is consumed: false with 'type when x is no handle */
static bool take_path(K x, char *buf, size_t size) {
    bool ok = handle_path(x, buf, size);
    r0(x);
    if (!ok)
        kerr("type");
    return ok;
}

/* the q error for a failed OS call on path: ':path. OS reports: reason */
static K os_error(const char *path) {
    char msg[1400]; /* a path of up to 1200 bytes and the reason */
    snprintf(msg, sizeof msg, ":%s. OS reports: %s", path, strerror(errno));
    return kerr(msg);
}

bool file_is_dir(const char *path) {
    struct stat st;
    return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

/* make every directory above path (path's last component is the file) */
static int make_parents(const char *path) {
    char buf[1024];
    snprintf(buf, sizeof buf, "%s", path);
    for (char *p = buf + 1; *p; p++) {
        if (*p != '/')
            continue;
        *p = 0;
        if (mkdir(buf, 0777) < 0 && errno != EEXIST)
            return -1;
        *p = '/';
    }
    return 0;
}

/* read-only mode (lang.h): true, with 'noupdate pending, when files may not be written.
 * The one guard for the file system: every path below that creates, writes, removes or
 * opens for writing asks it first (set, 0: 1: save rsave, hdel, hopen, h x, hclose) */
static bool write_refused(void) { return lang_refuse_update(); }

/* ---- whole files ------------------------------------------------------------------------ */

/* a file's bytes as a byte vector, or NULL + the OS error ('wsfull past -w) */
static K read_range(const char *path, J offset, J length);

static K read_bytes(const char *path) { return read_range(path, 0, -1); }

/* length bytes of a file from offset (all of them when length < 0), or NULL + the OS error */
static K read_range(const char *path, J offset, J length) {
    int fd = open(path, O_RDONLY);
    if (fd < 0)
        return os_error(path);
    struct stat st;
    bool ok = fstat(fd, &st) == 0;
    if (!ok || S_ISDIR(st.st_mode)) {
        if (ok)
            errno = EISDIR;
        K e = os_error(path);
        close(fd);
        return e;
    }
    if (st.st_size == 0 && length < 0) { /* /proc and pipes say 0: read to the end */
        K out = ktn(KG, 0);
        G chunk[4096];
        ssize_t r;
        while (out && (r = pread(fd, chunk, sizeof chunk, offset)) > 0) {
            for (ssize_t i = 0; out && i < r; i++)
                ja(&out, &chunk[i]);
            offset += r;
        }
        close(fd);
        return out ? out : kerr("wsfull");
    }
    J avail = offset < st.st_size ? st.st_size - offset : 0;
    K out = ktn(KG, length >= 0 && length < avail ? length : avail);
    if (!out) {
        close(fd);
        return kerr("wsfull");
    }
    J got = 0;
    while (got < out->n) {
        ssize_t r = pread(fd, kG(out) + got, (size_t)(out->n - got), offset + got);
        if (r <= 0)
            break;
        got += r;
    }
    close(fd);
    out->n = got;
    return out;
}

static int write_all(int fd, const void *data, size_t n) {
    const char *p = data;
    while (n) {
        ssize_t w = write(fd, p, n);
        if (w < 0)
            return -1;
        p += w;
        n -= (size_t)w;
    }
    return 0;
}

/* path (and the directories above it) replaced by head's bytes then body's; 0 or -1/errno.
 * The bytes go to a new file renamed over path, so a vector still mapped from the old file
 * (read_column) keeps its pages: a file truncated under a mapping faults when touched. */
static int write_file(const char *path, const void *head, size_t hn, const void *body, size_t bn) {
    if (make_parents(path) < 0)
        return -1;
    char tmp[1100];
    snprintf(tmp, sizeof tmp, "%s$%d", path, (int)getpid()); /* \l passes over names x$ */
    int fd = open(tmp, O_WRONLY | O_CREAT | O_TRUNC, 0666);
    if (fd < 0)
        return -1;
    if (write_all(fd, head, hn) < 0 || write_all(fd, body, bn) < 0 || close(fd) < 0 ||
        rename(tmp, path) < 0) {
        int e = errno;
        close(fd);
        unlink(tmp);
        errno = e;
        return -1;
    }
    return 0;
}

/* ---- one object in one file ------------------------------------------------------------- */

/* a simple vector behind its 16-byte header (fe 20), or an enumeration behind the 4096-byte
 * one naming its domain (fd 20); the data is written from the vector itself */
static int write_vector_as(const char *path, const K v, S domain, int type) {
    G head[ENUM_HEADER] = {0};
    size_t hn = domain ? ENUM_HEADER : VEC_HEADER;
    G *h = head + hn - VEC_HEADER;
    if (domain) {
        head[0] = 0xfd, head[1] = 0x20;
        snprintf((char *)head + DOMAIN_AT, ENUM_HEADER - VEC_HEADER - DOMAIN_AT, "%s", domain);
    }
    h[0] = 0xfe, h[1] = 0x20, h[2] = (G)type, h[3] = v->u;
    memcpy(h + 8, &v->n, 8);
    return write_file(path, head, hn, kG(v), (size_t)v->n * (size_t)obj_width(v->t));
}

static int write_vector(const char *path, const K v, S domain) {
    return write_vector_as(path, v, domain, v->t);
}

/* write x (borrowed) to path in the layout its type takes; 0, or -1 with the error pending */
static int write_object(const char *path, const K x) {
    int rc;
    if (obj_is_simple(x->t) && x->t != KS)
        rc = write_vector(path, x, NULL);
    else if (obj_is_enum(x->t))
        rc = write_vector(path, x, enum_domain(x->t));
    else {
        K msg = ipc_encode(x, IPC_ASYNC, 6, 0);
        if (!msg)
            return -1;
        static const G head[IPC_HEADER] = {0xff, 0x01}; /* then the message's body */
        rc = write_file(path, head, IPC_HEADER, kG(msg) + IPC_HEADER, (size_t)msg->n - IPC_HEADER);
        r0(msg);
    }
    if (rc < 0) {
        os_error(path);
        return -1;
    }
    return 0;
}

/* the object in bytes b (consumed), read from path; the index file of a nested column
 * gives its offsets (longs), and *nested (when asked) its items' type, else 0 */
static K decode_object(K b, const char *path, int *nested) {
    if (nested)
        *nested = 0;
    G *p = kG(b);
    J n = b->n;
    K out = NULL;
    if (n >= IPC_HEADER && p[0] == 0xff && p[1] == 0x01) {
        size_t used;
        out = ipc_decode_body(p + IPC_HEADER, (size_t)(n - IPC_HEADER), &used);
        if (out && used != (size_t)(n - IPC_HEADER)) {
            r0(out);
            out = kerr("badtail");
        }
    } else if (n >= VEC_HEADER && (p[0] == 0xfe || p[0] == 0xfd) && p[1] == 0x20) {
        J head = p[0] == 0xfd ? ENUM_HEADER : VEC_HEADER;
        G *h = p + head - VEC_HEADER;
        int t = 0;
        J count = -1;
        if (n >= head) {
            t = h[2];
            memcpy(&count, h + 8, 8);
        }
        if (p[0] == 0xfd && n >= head && t >= KENUM && t <= KENUM_LAST) {
            /* the domain's name decides the enumeration type */
            p[ENUM_HEADER - VEC_HEADER - 1] = 0;
            const char *name = p[DOMAIN_AT] ? (const char *)p + DOMAIN_AT : (const char *)p + 4;
            t = enum_type_for(ss((S)name));
        }
        bool offsets = t > NESTED && t <= NESTED + KT; /* the index file of a nested column */
        J width = offsets ? 8 : t > 0 && t <= KENUM_LAST ? obj_width(t) : 0;
        if (width && count >= 0 && count <= (n - head) / width) {
            out = ktn(offsets ? KJ : t, count);
            if (out && offsets) {
                if (nested)
                    *nested = t - NESTED;
                memcpy(kG(out), p + head, (size_t)(count * width));
            } else if (out) {
                out->u = h[3] <= ATTR_G ? h[3] : 0;
                memcpy(kG(out), p + head, (size_t)(count * width));
            } else {
                kerr("wsfull");
            }
        }
    }
    r0(b);
    if (!out && !kerr_msg()) {
        char msg[1300];
        snprintf(msg, sizeof msg, "%s: not a q data file", path);
        return kerr(msg);
    }
    return out;
}

static K read_object(const char *path) {
    K b = read_bytes(path);
    return b ? decode_object(b, path, NULL) : NULL;
}

/* ---- nested columns: col and col# ------------------------------------------------------- */

/* the item type when every item of general list x (borrowed) is a simple vector of one type
 * (symbols excluded: they are enumerated), else 0 */
static int nested_type(const K x) {
    if (x->t != 0 || x->n == 0)
        return 0;
    int t = kK(x)[0]->t;
    if (!obj_is_simple(t) || t == KS)
        return 0;
    for (J i = 1; i < x->n; i++)
        if (kK(x)[i]->t != t)
            return 0;
    return t;
}

/* write nested column x (borrowed, items of type t) as path (end offsets, type 77+t) and
 * path# (the items joined): 0, or -1 with the error pending */
static int write_nested(const char *path, const K x, int t) {
    J w = obj_width(t), total = 0;
    for (J i = 0; i < x->n; i++)
        total += kK(x)[i]->n;
    K data = ktn(t, total), ends = ktn(KJ, x->n);
    if (!data || !ends) {
        r0(data);
        r0(ends);
        kerr("wsfull");
        return -1;
    }
    J at = 0;
    for (J i = 0; i < x->n; i++) {
        K item = kK(x)[i];
        memcpy(kG(data) + at * w, kG(item), (size_t)(item->n * w));
        at += item->n;
        kJ(ends)[i] = at;
    }
    char hash[1210];
    snprintf(hash, sizeof hash, "%s#", path);
    int rc = write_object(hash, data);
    if (rc == 0) {
        rc = write_vector_as(path, ends, NULL, NESTED + t);
        if (rc < 0)
            os_error(path);
    }
    r0(data);
    r0(ends);
    return rc;
}

/* ---- mapped vectors --------------------------------------------------------------------- */

/* vectors with fewer data bytes than this are read; a mapping costs a page and a syscall */
enum { MAP_MIN_BYTES = 4096 };

/* the simple vector or enumeration in path, mapped rather than read (obj_mapped): NULL
 * without error when the file is no such vector, is small, or cannot be mapped */
static K map_vector(const char *path) {
    int fd = open(path, O_RDONLY);
    if (fd < 0)
        return NULL;
    struct stat st;
    G head[ENUM_HEADER];
    ssize_t got = fstat(fd, &st) == 0 && S_ISREG(st.st_mode) ? pread(fd, head, sizeof head, 0) : -1;
    K x = NULL;
    if (got >= VEC_HEADER && head[1] == 0x20 && (head[0] == 0xfe || head[0] == 0xfd)) {
        size_t at = head[0] == 0xfd ? ENUM_HEADER - VEC_HEADER : 0; /* the vector header */
        int t = 0;
        J n = -1;
        if ((size_t)got >= at + VEC_HEADER) {
            t = head[at + 2];
            memcpy(&n, head + at + 8, 8);
        }
        if (head[0] == 0xfd && obj_is_enum(t)) {
            head[ENUM_HEADER - VEC_HEADER - 1] = 0;
            const char *d = head[DOMAIN_AT] ? (const char *)head + DOMAIN_AT : (const char *)head + 4;
            t = enum_type_for(ss((S)d));
        } else if (head[0] == 0xfd || !obj_is_simple(t) || t == KS) {
            t = 0;
        }
        J w = t ? obj_width(t) : 0;
        G attr = head[at + 3] <= ATTR_G ? head[at + 3] : 0;
        if (w && n >= MAP_MIN_BYTES / w && n <= (st.st_size - (J)at - VEC_HEADER) / w) {
            size_t length = at + VEC_HEADER + (size_t)(n * w);
            void *map = mem_map(fd, length);
            if (map)
                x = obj_mapped(map, at, t, attr, n);
        }
    }
    close(fd);
    return x;
}

/* one column file of a splayed table: a nested column joined back from path and path#; a
 * vector of some size is mapped (map_vector), anything else read */
static K read_column(const char *path) {
    K m = map_vector(path);
    if (m)
        return m;
    K b = read_bytes(path);
    int t;
    K v = b ? decode_object(b, path, &t) : NULL;
    if (!v || !t)
        return v;
    char hash[1210];
    snprintf(hash, sizeof hash, "%s#", path);
    K data = read_object(hash);
    if (data && data->t != t) {
        r0(data);
        data = kerr("type");
    }
    if (!data) {
        r0(v);
        return NULL;
    }
    K out = ktn(0, v->n);
    J from = 0, w = obj_width(t);
    for (J i = 0; i < v->n; i++) {
        J to = kJ(v)[i];
        if (to < from || to > data->n) { /* offsets out of order: a damaged file */
            out->n = i;
            r0(out);
            r0(v);
            r0(data);
            return kerr("length");
        }
        K item = ktn(t, to - from);
        memcpy(kG(item), kG(data) + from * w, (size_t)((to - from) * w));
        kK(out)[i] = item;
        from = to;
    }
    r0(v);
    r0(data);
    return out;
}

/* ---- splayed tables --------------------------------------------------------------------- */

/* t (borrowed) as a directory of column files: 0, or -1 with the error pending */
static int splay_write(const char *dir, const K t) {
    if (t->t != XT) {
        kerr("type");
        return -1;
    }
    K names = TABLE_COLS(t), cols = TABLE_DATA(t);
    for (J c = 0; c < names->n; c++) { /* symbols must be enumerated first (.Q.en) */
        K col = kK(cols)[c];
        if (col->t == KS || (col->t == 0 && col->n && kK(col)[0]->t == KS)) {
            kerr("type");
            return -1;
        }
    }
    char path[1200];
    for (J c = 0; c < names->n; c++) {
        snprintf(path, sizeof path, "%s/%s", dir, kS(names)[c]);
        K col = kK(cols)[c];
        int nt = nested_type(col);
        if ((nt ? write_nested(path, col, nt) : write_object(path, col)) < 0)
            return -1;
    }
    snprintf(path, sizeof path, "%s/.d", dir);
    return write_object(path, names);
}

static K splay_read(const char *dir) {
    char path[1200];
    snprintf(path, sizeof path, "%s/.d", dir);
    K names = read_object(path);
    if (!names)
        return NULL;
    if (names->t != KS) {
        r0(names);
        return kerr("type");
    }
    K cols = ktn(0, names->n);
    J rows = -1;
    for (J c = 0; c < names->n; c++) {
        snprintf(path, sizeof path, "%s/%s", dir, kS(names)[c]);
        K col = read_column(path);
        if (col && (col->t < 0 || (rows >= 0 && col->n != rows))) {
            r0(col);
            col = kerr("length");
        }
        if (!col) {
            cols->n = c;
            r0(cols);
            r0(names);
            return NULL;
        }
        rows = col->n;
        kK(cols)[c] = col;
    }
    return xT(xD(names, cols));
}

/* ---- columns one at a time, for partitioned tables (src/lang/part.c) -------------------- */

/* the column names of the splayed table in dir (its .d), or NULL + error */
K file_splay_names(const char *dir) {
    char path[1200];
    snprintf(path, sizeof path, "%s/.d", dir);
    K names = read_object(path);
    if (names && names->t != KS) {
        r0(names);
        return kerr("type");
    }
    return names;
}

/* column name of the splayed table in dir, read whole */
K file_column(const char *dir, S name) {
    char path[1200];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    return read_column(path);
}

/* an empty list of the type column name of dir holds, and its count in *count, read from
 * the file's header only when the layout allows (the whole file otherwise) */
K file_column_proto(const char *dir, S name, J *count) {
    char path[1200];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    int fd = open(path, O_RDONLY);
    if (fd < 0)
        return os_error(path);
    G head[ENUM_HEADER];
    ssize_t got = read(fd, head, sizeof head);
    close(fd);
    if (got >= VEC_HEADER && head[1] == 0x20 && (head[0] == 0xfe || head[0] == 0xfd)) {
        G *h = head[0] == 0xfd ? head + ENUM_HEADER - VEC_HEADER : head;
        if (h + VEC_HEADER <= head + got) {
            int t = h[2];
            memcpy(count, h + 8, 8);
            if (t > NESTED && t <= NESTED + KT)
                return ktn(0, 0);
            if (obj_is_simple(t)) {
                K v = ktn(t, 0);
                v->u = h[3] == ATTR_S || h[3] == ATTR_P ? h[3] : 0; /* shown by meta */
                return v;
            }
            if (obj_is_enum(t) && head[0] == 0xfd) {
                head[ENUM_HEADER - VEC_HEADER - 1] = 0;
                const char *d = head[DOMAIN_AT] ? (const char *)head + DOMAIN_AT : (const char *)head + 4;
                K v = ktn(enum_type_for(ss((S)d)), 0);
                v->u = h[3] == ATTR_S || h[3] == ATTR_P ? h[3] : 0;
                return v;
            }
        }
    }
    K v = read_column(path);
    if (!v)
        return NULL;
    *count = obj_count(v);
    K proto = prim_take(kj(0), v);
    return proto;
}

/* an empty copy of one column file: a vector header (simple, enumeration, or a nested
 * column's offsets) kept as it is with its count 0, anything else read and emptied */
static int empty_column(const char *from, const char *to) {
    int fd = open(from, O_RDONLY);
    if (fd < 0) {
        os_error(from);
        return -1;
    }
    G head[ENUM_HEADER];
    ssize_t got = read(fd, head, sizeof head);
    close(fd);
    if (got >= VEC_HEADER && head[1] == 0x20 && (head[0] == 0xfe || head[0] == 0xfd)) {
        size_t hn = head[0] == 0xfd ? ENUM_HEADER : VEC_HEADER;
        if ((size_t)got >= hn) {
            memset(head + hn - 8, 0, 8); /* the count */
            if (write_file(to, head, hn, NULL, 0) < 0) {
                os_error(to);
                return -1;
            }
            return 0;
        }
    }
    K v = read_column(from);
    if (!v)
        return -1;
    K e = prim_take(kj(0), v);
    int rc = e ? write_object(to, e) : -1;
    r0(e);
    return rc;
}

/* the splayed table in dir from as an empty table in dir to (.Q.chk): the same columns, of
 * the same types and attributes, none of its rows.  Identity, or NULL + error. */
K file_splay_empty(const char *from, const char *to) {
    if (write_refused())
        return NULL;
    K names = file_splay_names(from);
    if (!names)
        return NULL;
    char src[1200], dst[1200];
    for (J c = 0; c < names->n; c++) {
        snprintf(src, sizeof src, "%s/%s", from, kS(names)[c]);
        snprintf(dst, sizeof dst, "%s/%s", to, kS(names)[c]);
        int rc = empty_column(src, dst);
        snprintf(src + strlen(src), sizeof src - strlen(src), "#");
        if (rc == 0 && access(src, F_OK) == 0) { /* a nested column's data */
            snprintf(dst + strlen(dst), sizeof dst - strlen(dst), "#");
            rc = empty_column(src, dst);
        }
        if (rc < 0) {
            r0(names);
            return NULL;
        }
    }
    snprintf(dst, sizeof dst, "%s/.d", to);
    int rc = write_object(dst, names);
    r0(names);
    return rc < 0 ? NULL : obj_identity();
}

/* ---- get set hcount hdel key ------------------------------------------------------------ */

K prim_set(K x, K y) {
    PRIM_ARGS2(x, y);
    char path[1024];
    if (x->t == -KS && !handle_path(x, path, sizeof path)) {
        K v = lang_assign_global(x->s, y);
        if (!v) {
            r0(x);
            return NULL;
        }
        r0(v);
        return x;
    }
    bool handle = handle_path(x, path, sizeof path);
    if (!handle || write_refused()) {
        r0(x);
        r0(y);
        return handle ? NULL : kerr("type");
    }
    size_t len = strlen(path);
    bool ok;
    if (len && path[len - 1] == '/') {
        path[len - 1] = 0;
        ok = splay_write(path, y) == 0;
    } else {
        ok = write_object(path, y) == 0;
    }
    r0(y);
    if (!ok) {
        r0(x);
        return NULL;
    }
    return x;
}

K prim_get(K x) {
    PRIM_ARGS1(x);
    char path[1024];
    if (!handle_path(x, path, sizeof path))
        return lang_value(x);
    r0(x);
    size_t len = strlen(path);
    if (len > 1 && path[len - 1] == '/')
        path[len - 1] = 0;
    return file_is_dir(path) ? splay_read(path) : read_column(path);
}

/* `:path i... (n indexes, consumed; h borrowed): a directory that is no splayed table indexed
 * by a symbol is the file or directory of that name in it (a null symbol: the directory
 * itself, as a trailing / names a splayed table), so `:db/2000.10.02`trade is the table
 * there (KX's taq/daily.q); any other file is its contents, indexed */
K file_apply(const K h, K *args, int n) {
    char path[1024];
    if (!handle_path(h, path, sizeof path)) {
        for (int i = 0; i < n; i++)
            r0(args[i]);
        return kerr("type");
    }
    size_t len = strlen(path);
    if (len > 1 && path[len - 1] == '/')
        path[len - 1] = 0;
    char dotd[1040];
    snprintf(dotd, sizeof dotd, "%s/.d", path);
    K a = args[0];
    bool dir = (a->t == -KS || a->t == KS) && file_is_dir(path) && access(dotd, F_OK) != 0;
    if (dir && a->t == KS) { /* several names: one item each, as a dict's keys give */
        K out = ktn(0, a->n);
        for (J k = 0; out && k < a->n; k++) {
            K sub[8];
            sub[0] = ks(kS(a)[k]);
            for (int i = 1; i < n && i < 8; i++)
                sub[i] = r1(args[i]);
            K v = file_apply(h, sub, n < 8 ? n : 8);
            if (!v) {
                out->n = k;
                r0(out);
                out = NULL;
            } else {
                kK(out)[k] = v;
            }
        }
        for (int i = 0; i < n; i++)
            r0(args[i]);
        return out ? prim_all_made(out) : NULL;
    }
    if (dir) {
        char sub[1200];
        snprintf(sub, sizeof sub, ":%s/%s", path, a->s);
        K next = ks(sub);
        r0(a);
        K r = n > 1 ? file_apply(next, args + 1, n - 1) : prim_get(r1(next));
        r0(next);
        return r;
    }
    K v = prim_get(r1(h));
    if (!v) {
        for (int i = 0; i < n; i++)
            r0(args[i]);
        return NULL;
    }
    return eval_apply(v, args, n);
}

/* meta x (ref/meta.md): x a table in memory or mapped, by value or by name, or the file symbol
 * of a splayed table (or of a table's file), which is read first */
K prim_meta(K x) {
    PRIM_ARGS1(x);
    char path[1024];
    if (x->t == -KS && x->s[0] == ':' && handle_path(x, path, sizeof path))
        x = prim_get(x);
    return table_meta(x);
}

/* the path of a table's file (or splayed directory, without its trailing /) that handle h
 * names; false when h is no file handle */
static bool table_file(const K h, char *path, size_t size) {
    if (h->t != -KS || h->s[0] != ':' || !handle_path(h, path, size))
        return false;
    size_t len = strlen(path);
    if (len > 1 && path[len - 1] == '/')
        path[len - 1] = 0;
    return true;
}

/* x upsert y where x is a file handle (ref/upsert.md): the table in that file, or splayed in
 * that directory, takes y's records and is written back (through a new file, so a mapped
 * column is never overwritten); a table file not there yet is written as y.  Other x: as
 * upsert of a value or of a table by name */
K prim_upsert_file(K x, K y) {
    char path[1024];
    if (!x || !y || !table_file(x, path, sizeof path))
        return prim_upsert(x, y);
    if (write_refused()) {
        r0(x);
        r0(y);
        return NULL;
    }
    size_t len = strlen(path);
    struct stat st;
    K r;
    bool splayed;
    if (stat(path, &st) == 0) {
        splayed = S_ISDIR(st.st_mode);
        K old = splayed ? splay_read(path) : read_column(path);
        r = old ? prim_upsert(old, y) : (r0(y), NULL);
    } else if (y->t == XT) {
        splayed = len < strlen(x->s + 1); /* `:dir/t/ splays, `:dir/t is one file */
        r = y;
    } else {
        r0(y);
        K e = os_error(path);
        r0(x);
        return e;
    }
    if (!r) {
        r0(x);
        return NULL;
    }
    int rc = splayed ? splay_write(path, r) : write_object(path, r);
    r0(r);
    if (rc < 0) {
        r0(x);
        return NULL;
    }
    return x;
}

/* x xasc `:dir/t and x xdesc `:dir/t (ref/asc.md, sorting data on disk): the table in the
 * file or splayed directory y names is sorted and written back; y is the result */
static K sort_file(K x, K y, K (*sort)(K, K)) {
    char path[1024];
    if (x && y && y->t == -KS && y->s[0] != ':') { /* `c xasc `t: the global t sorted */
        K t = env_get(env_qualify(y->s));
        if (!t) {
            r0(x);
            K e = kerr_msg() ? NULL : kerr(y->s);
            r0(y);
            return e;
        }
        K r = sort(x, t);
        if (!r || !lang_assign_global(y->s, r)) {
            r0(y);
            return NULL;
        }
        r0(r);
        return y;
    }
    if (!x || !y || !table_file(y, path, sizeof path))
        return sort(x, y);
    if (write_refused()) {
        r0(x);
        r0(y);
        return NULL;
    }
    bool splayed = file_is_dir(path);
    K t = splayed ? splay_read(path) : read_column(path);
    K r = t ? sort(x, t) : (r0(x), NULL);
    int rc = r ? (splayed ? splay_write(path, r) : write_object(path, r)) : -1;
    r0(r);
    if (rc < 0) {
        r0(y);
        return NULL;
    }
    return y;
}

K prim_xasc_file(K x, K y) { return sort_file(x, y, prim_xasc); }
K prim_xdesc_file(K x, K y) { return sort_file(x, y, prim_xdesc); }

K prim_hcount(K x) {
    PRIM_ARGS1(x);
    char path[1024];
    if (!take_path(x, path, sizeof path))
        return NULL;
    struct stat st;
    if (stat(path, &st) < 0)
        return os_error(path);
    return kj(S_ISDIR(st.st_mode) ? 0 : (J)st.st_size);
}

K prim_hdel(K x) {
    PRIM_ARGS1(x);
    char path[1024];
    if (!handle_path(x, path, sizeof path)) {
        r0(x);
        return kerr("type");
    }
    if (write_refused()) {
        r0(x);
        return NULL;
    }
    if (remove(path) < 0) {
        r0(x);
        return os_error(path);
    }
    return x;
}

static int name_cmp(const void *a, const void *b) {
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* key `:path -- a directory's names (sorted), the handle itself for a file, () if absent;
 * NULL (no error) when x is not a file handle */
K file_key(const K x) {
    char path[1024];
    if (!handle_path(x, path, sizeof path))
        return NULL;
    struct stat st;
    if (stat(path, &st) < 0)
        return ktn(0, 0);
    if (!S_ISDIR(st.st_mode))
        return r1(x);
    DIR *d = opendir(path);
    if (!d)
        return os_error(path);
    K names = ktn(KS, 0);
    struct dirent *e;
    while ((e = readdir(d)))
        if (strcmp(e->d_name, ".") && strcmp(e->d_name, ".."))
            js(&names, ss(e->d_name));
    closedir(d);
    qsort(kS(names), (size_t)names->n, sizeof(S), name_cmp);
    return names;
}

/* ---- text and bytes: read0 read1 0: 1: -------------------------------------------------- */

/* bytes as lines: split at \n, a trailing \r dropped, no empty line after a final \n */
static K split_lines(const G *p, J n) {
    K out = ktn(0, 0);
    J start = 0;
    for (J i = 0; i <= n; i++) {
        if (i < n && p[i] != '\n')
            continue;
        if (i == n && start == n)
            break;
        J end = i;
        if (end > start && p[end - 1] == '\r')
            end--;
        jk(&out, obj_strn((const char *)p + start, (size_t)(end - start)));
        start = i + 1;
    }
    return out;
}

K prim_read0(K x) {
    PRIM_ARGS1(x);
    char path[1024];
    if (x->t == KC) { /* read0 on a string: its lines */
        K out = split_lines(kG(x), x->n);
        r0(x);
        return out;
    }
    K b;
    if (x->t == 0) { /* read0 (f;o) and (f;o;n): the lines of those bytes, as read1 reads them */
        b = prim_read1(x);
    } else {
        bool ok = text_path(x, path, sizeof path);
        r0(x);
        if (!ok)
            return kerr("type");
        b = read_bytes(path);
    }
    if (!b)
        return NULL;
    K out = split_lines(kG(b), b->n);
    r0(b);
    return out;
}

/* read1 `:file, or read1 (`:file;offset;length): length bytes from offset (to the end when
 * fewer remain) */
K prim_read1(K x) {
    PRIM_ARGS1(x);
    char path[1024];
    if (x->t == 0 && x->n >= 2 && x->n <= 3) {
        J at[2] = {0, -1};
        for (J i = 1; i < x->n; i++) {
            K a = kK(x)[i];
            if (a->t != -KJ && a->t != -KI) {
                r0(x);
                return kerr("type");
            }
            at[i - 1] = a->t == -KJ ? a->j : a->i;
        }
        bool ok = text_path(kK(x)[0], path, sizeof path);
        r0(x);
        if (!ok)
            return kerr("type");
        if (at[0] < 0)
            return kerr("domain");
        return read_range(path, at[0], at[1]);
    }
    bool ok = text_path(x, path, sizeof path);
    r0(x);
    if (!ok)
        return kerr("type");
    return read_range(path, 0, -1);
}

/* the bytes a file descriptor names (consumed): a file symbol, or (file;offset[;length]) as
 * read1 reads it; y itself when it is already text, bytes or lines */
K file_contents(K y) {
    char path[1024];
    if (y->t == 0 && (y->n == 2 || y->n == 3) && kK(y)[0]->t == -KS)
        return prim_read1(y);
    if (!text_path(y, path, sizeof path))
        return y;
    r0(y);
    return read_bytes(path);
}

/* `:file 0: lines -- write lines of text, each ended by \n */
K file_write_lines(K x, K y) {
    char path[1024];
    text_path(x, path, sizeof path);
    if (write_refused()) {
        r0(x);
        r0(y);
        return NULL;
    }
    if (y->t == KC)
        y = obj_list(1, y);
    if (y->t != 0) {
        r0(x);
        r0(y);
        return kerr("type");
    }
    K text = ktn(KC, 0);
    for (J i = 0; i < y->n; i++) {
        K line = kK(y)[i];
        if (line->t != KC && line->t != -KC) {
            r0(text);
            r0(x);
            r0(y);
            return kerr("type");
        }
        text = prim_join(text, r1(line));
        text = prim_join(text, kc('\n'));
    }
    r0(y);
    int rc = write_file(path, kG(text), (size_t)text->n, NULL, 0);
    r0(text);
    if (rc < 0) {
        r0(x);
        return os_error(path);
    }
    return x;
}

/* fixed-width records: (types;widths) 1: bytes reads little-endian, (widths;types) big */
static K parse_fixed(K spec, K data) {
    K a = kK(spec)[0], b = kK(spec)[1];
    bool big = a->t != KC;
    K types = big ? b : a, widths = big ? a : b;
    if (types->t != KC || (widths->t != KI && widths->t != KJ && widths->t != KH) ||
        types->n != widths->n || (data->t != KG && data->t != KC)) {
        r0(spec);
        r0(data);
        return kerr("type");
    }
    J fields = types->n, rec = 0, w[64];
    if (fields > 64) {
        r0(spec);
        r0(data);
        return kerr("limit");
    }
    for (J f = 0; f < fields; f++) {
        w[f] = widths->t == KI ? kI(widths)[f] : widths->t == KJ ? kJ(widths)[f] : kH(widths)[f];
        if (w[f] < 0 || w[f] > 64) {
            r0(spec);
            r0(data);
            return kerr("length");
        }
        rec += w[f];
    }
    J rows = rec ? data->n / rec : 0;
    K out = ktn(0, 0);
    J off = 0;
    for (J f = 0; f < fields; f++) {
        char tc = kC(types)[f];
        if (tc == ' ') {
            off += w[f];
            continue;
        }
        K col;
        if (tc == 's' || tc == '*') { /* symbols and strings: the bytes of each field */
            col = ktn(tc == 's' ? KS : 0, rows);
            for (J r = 0; r < rows; r++) {
                const char *s = (const char *)kG(data) + r * rec + off;
                J len = w[f];
                if (tc == 's') {
                    while (len && (s[len - 1] == 0 || s[len - 1] == ' '))
                        len--;
                    kS(col)[r] = sym_intern(s, (size_t)len);
                } else {
                    kK(col)[r] = obj_strn(s, (size_t)len);
                }
            }
        } else {
            const char *pos = strchr(" bg xhijefcspmdznuvt", tc);
            int t = pos && tc ? (int)(pos - " bg xhijefcspmdznuvt") : 0;
            J width = t ? obj_width(t) : 0;
            if (!width || width != w[f]) {
                r0(out);
                r0(spec);
                r0(data);
                return kerr(width ? "length" : "type");
            }
            col = ktn(t, rows);
            for (J r = 0; r < rows; r++) {
                G *dst = kG(col) + r * width, *src = kG(data) + r * rec + off;
                for (J k = 0; k < width; k++)
                    dst[k] = big ? src[width - 1 - k] : src[k];
            }
        }
        jk(&out, col);
        off += w[f];
    }
    r0(spec);
    r0(data);
    return out;
}

K prim_filebin(K x, K y) {
    PRIM_ARGS2(x, y);
    char path[1024];
    if (text_path(x, path, sizeof path)) { /* `:file 1: bytes -- write them */
        if (write_refused() || !obj_is_simple(y->t) || y->t == KS) {
            r0(x);
            r0(y);
            return kerr_msg() ? NULL : kerr("type");
        }
        int rc = write_file(path, kG(y), (size_t)(y->n * obj_width(y->t)), NULL, 0);
        r0(y);
        if (rc < 0) {
            r0(x);
            return os_error(path);
        }
        return x;
    }
    if (x->t == 0 && x->n == 2) {
        y = file_contents(y);
        return y ? parse_fixed(x, y) : (r0(x), NULL);
    }
    r0(x);
    r0(y);
    return kerr("type");
}

/* ---- save load rsave rload -------------------------------------------------------------- */

/* `t or `:dir/t.ext: the path and the variable's name (the last component without .ext) */
static S save_target(const K x, char *path, size_t size, const char **ext) {
    if (x->t != -KS || !x->s[0])
        return NULL;
    snprintf(path, size, "%s", x->s[0] == ':' ? x->s + 1 : x->s);
    const char *base = strrchr(path, '/');
    base = base ? base + 1 : path;
    const char *dot = strrchr(base, '.');
    *ext = dot ? dot + 1 : "";
    return sym_intern(base, dot ? (size_t)(dot - base) : strlen(base));
}

static K save_as(K x, bool splay) {
    char path[1024];
    const char *ext;
    S name = save_target(x, path, sizeof path, &ext);
    r0(x);
    if (!name)
        return kerr("type");
    K v = lang_get(name);
    if (!v)
        return kerr(name);
    if (write_refused()) {
        r0(v);
        return NULL;
    }
    char handle[1030];
    snprintf(handle, sizeof handle, splay ? ":%s/" : ":%s", path);
    if (!splay && (!strcmp(ext, "csv") || !strcmp(ext, "txt"))) { /* text, as 0: writes it */
        K lines = prim_filetext(kc(*ext == 'c' ? ',' : '\t'), v);
        return lines ? file_write_lines(ks(handle), lines) : NULL;
    }
    return prim_set(ks(handle), v); /* `:t, or `:t/ when splayed */
}

/* f of each name of a symbol list x (consumed): the symbols f returns */
static K each_name(K x, K (*f)(K, bool)) {
    K out = ktn(KS, x->n);
    for (J i = 0; i < x->n; i++) {
        K r = f(ks(kS(x)[i]), false);
        if (!r) {
            out->n = i;
            r0(out);
            r0(x);
            return NULL;
        }
        kS(out)[i] = r->s;
        r0(r);
    }
    r0(x);
    return out;
}

K prim_save(K x) {
    PRIM_ARGS1(x);
    return x->t == KS ? each_name(x, save_as) : save_as(x, false);
}
K prim_rsave(K x) {
    PRIM_ARGS1(x);
    return save_as(x, true);
}

/* the global name set to what path holds (a splayed table when splay or a directory);
 * true, or false with the error pending */
static bool load_global(S name, const char *path, bool splay) {
    K v = splay || file_is_dir(path) ? splay_read(path) : read_column(path);
    K r = v ? lang_assign_global(name, v) : NULL;
    r0(r);
    return r != NULL;
}

static K load_as(K x, bool splay) {
    char path[1024];
    const char *ext;
    S name = save_target(x, path, sizeof path, &ext);
    r0(x);
    if (!name)
        return kerr("type");
    return load_global(name, path, splay) ? ks(name) : NULL;
}

K prim_load(K x) {
    PRIM_ARGS1(x);
    return x->t == KS ? each_name(x, load_as) : load_as(x, false);
}
K prim_rload(K x) {
    PRIM_ARGS1(x);
    return load_as(x, true);
}

/* \l of a splayed table's directory (one holding .d): the table as the global its last
 * component names; NULL without error when path holds no .d */
K file_load_splayed(const char *path) {
    char d[1200];
    snprintf(d, sizeof d, "%s/.d", path);
    if (access(d, F_OK) != 0)
        return NULL;
    size_t n = strlen(path);
    while (n > 1 && path[n - 1] == '/')
        n--;
    size_t from = n;
    while (from && path[from - 1] != '/')
        from--;
    char name[512];
    snprintf(name, sizeof name, "%.*s", (int)(n - from), path + from);
    snprintf(d, sizeof d, "%.*s", (int)n, path);
    S s = ss(name);
    return load_global(s, d, true) ? ks(s) : NULL;
}

/* \l of a database directory: each splayed table in it, and each data file, as a global;
 * the sym file first so that enumerations resolve.  NULL without error when path is not a
 * directory. */
K file_load_dir(const char *path) {
    if (!file_is_dir(path))
        return NULL;
    char sub[1200];
    snprintf(sub, sizeof sub, ":%s", path);
    K handle = ks(sub);
    K names = file_key(handle);
    r0(handle);
    if (!names)
        return NULL;
    for (int pass = 0; pass < 2; pass++) {
        for (J i = 0; i < names->n; i++) {
            S n = kS(names)[i];
            if ((pass == 0) != (strcmp(n, "sym") == 0))
                continue;
            snprintf(sub, sizeof sub, "%s/%s", path, n);
            if (strchr(n, '.') || n[strlen(n) - 1] == '$')
                continue; /* scripts and other files stay where they are; q passes over x$ */
            if (!load_global(n, sub, false)) {
                if (RT->lang.read_only) { /* 'noupdate stops the load; unreadable files are skipped */
                    r0(names);
                    return NULL;
                }
                kerr_clear();
            }
        }
    }
    r0(names);
    return obj_identity();
}

/* ---- file handles: hopen `:file, h x, neg[h] x, hclose; -11! log replay ----------------- */

/* the OS descriptors hopen gave out for files (a handle is its descriptor, as in q) are the
 * bits of RT->prim.open_files */

static bool is_file_handle(J h) {
    return h > 2 && h < 65536 && (RT->prim.open_files[h >> 6] >> (h & 63) & 1);
}

bool file_names_connection(const char *path) {
    static const char *const schemes[] = {"unix://", "tcps://", "ws://", "wss://"};
    for (size_t i = 0; i < ARRAY_LEN(schemes); i++)
        if (!strncmp(path, schemes[i], strlen(schemes[i])))
            return true;
    const char *colon = strchr(path, ':');
    return colon && colon[1] >= '0' && colon[1] <= '9';
}

/* hopen of a file handle: its descriptor, opened for appending; NULL without error when
 * spec names a connection (`:host:port, `:unix://port, `:tcps://host:port) */
K file_hopen(const K spec) {
    char path[1024];
    if (!handle_path(spec, path, sizeof path))
        return NULL;
    if (!path[0] || file_names_connection(path))
        return NULL;
    if (write_refused())
        return NULL;
    if (make_parents(path) < 0)
        return os_error(path);
    int fd = open(path, O_RDWR | O_CREAT, 0666); /* appends seek to the end: pwrite on an
                                                     * O_APPEND file would append too */
    if (fd < 0)
        return os_error(path);
    if (fd >= 65536) {
        close(fd);
        return kerr("limit");
    }
    RT->prim.open_files[fd >> 6] |= 1ull << (fd & 63);
    return ki(fd);
}

/* hclose h for a file handle: true when it was one */
bool file_hclose(J h) {
    if (!is_file_handle(h))
        return false;
    RT->prim.open_files[h >> 6] &= ~(1ull << (h & 63));
    close((int)h);
    return true;
}

/* a log that `set ()` began holds a general list: its count grows by n as items land */
static void bump_log_count(int fd, J n) {
    G head[IPC_HEADER + 6];
    if (pread(fd, head, sizeof head, 0) != (ssize_t)sizeof head || head[0] != 0xff ||
        head[1] != 0x01 || head[IPC_HEADER] != 0)
        return;
    uint32_t count;
    memcpy(&count, head + IPC_HEADER + 2, 4);
    count += (uint32_t)n;
    if (pwrite(fd, &count, 4, IPC_HEADER + 2) != 4)
        return; /* the items still land: -11!(-2;f) counts what is there */
}

/* h x on a file handle (x consumed): text as is, lines ended by \n for neg[h], bytes raw,
 * any other object appended to a log as one more item; NULL without error when h is no file */
K file_handle_call(J handle, K x) {
    J h = handle > 0 ? handle : handle > nj ? -handle : 0; /* neg[h] writes lines */
    if (!is_file_handle(h)) {
        r0(x);
        return NULL;
    }
    if (write_refused()) {
        r0(x);
        return NULL;
    }
    K data = NULL;
    J appended = 0; /* objects added to a log */
    bool lines = handle < 0;
    if (x->t == KC || x->t == -KC) {
        data = x->t == KC ? r1(x) : obj_strn((char *)&x->g, 1);
        if (lines)
            data = prim_join(data, kc('\n'));
    } else if (x->t == 0 && lines) {
        data = ktn(KC, 0);
        for (J i = 0; i < x->n; i++) {
            if (kK(x)[i]->t != KC) {
                r0(data);
                r0(x);
                return kerr("type");
            }
            data = prim_join(prim_join(data, r1(kK(x)[i])), kc('\n'));
        }
    } else if (x->t == KG) {
        data = r1(x);
    } else { /* objects: each item of a general list (one object otherwise) appended to a
              * log, whose count grows by as many */
        J items = x->t == 0 ? x->n : 1;
        data = ktn(KG, 0);
        for (J i = 0; i < items; i++) {
            K msg = ipc_encode(x->t == 0 ? kK(x)[i] : x, IPC_ASYNC, 6, 0);
            if (!msg) {
                r0(data);
                r0(x);
                return NULL;
            }
            J at = data->n;
            data = obj_grow(data, msg->n - IPC_HEADER);
            if (!data) {
                r0(msg);
                r0(x);
                return kerr("wsfull");
            }
            memcpy(kG(data) + at, kG(msg) + IPC_HEADER, (size_t)(msg->n - IPC_HEADER));
            data->n = at + msg->n - IPC_HEADER;
            r0(msg);
        }
        appended = items;
    }
    r0(x);
    if (!data)
        return NULL;
    lseek((int)h, 0, SEEK_END);
    int rc = write_all((int)h, kG(data), (size_t)data->n);
    r0(data);
    if (rc < 0)
        return kerr("write");
    if (appended)
        bump_log_count((int)h, appended);
    return ki((I)handle);
}

/* -11!file, -11!(n;file): replay a log's (first n) items through value; -11!(-2;file):
 * count them.  The log is a general list in an ff 01 file; a truncated last item is
 * 'badtail (-11!(-2;f) then gives the count of whole items and the bytes they take). */
K file_replay(K y) {
    J limit = nj;
    K f = y;
    if (y->t == 0 && y->n == 2) {
        K n = kK(y)[0];
        limit = n->t == -KJ ? n->j : n->t == -KI ? n->i : nj;
        f = kK(y)[1];
    }
    char path[1024];
    if (!handle_path(f, path, sizeof path)) {
        r0(y);
        return kerr("type");
    }
    r0(y);
    K b = read_bytes(path);
    if (!b)
        return NULL;
    const G *p = kG(b);
    if (b->n < IPC_HEADER + 6 || p[0] != 0xff || p[1] != 0x01 || p[IPC_HEADER] != 0) {
        r0(b);
        return kerr("badtail");
    }
    size_t off = IPC_HEADER + 6, n = (size_t)b->n;
    J items = 0;
    bool count_only = limit == -2;
    while (off < n && (limit < 0 || limit == nj || items < limit)) {
        size_t used;
        K msg = ipc_decode_body(p + off, n - off, &used);
        if (!msg) {
            kerr_clear();
            if (limit == -2) {
                r0(b);
                K out = ktn(KJ, 2);
                kJ(out)[0] = items;
                kJ(out)[1] = (J)off;
                return out;
            }
            r0(b);
            return kerr("badtail");
        }
        if (!count_only) {
            K r = lang_value(msg);
            if (!r) {
                r0(b);
                return NULL;
            }
            r0(r);
        } else {
            r0(msg);
        }
        off += used;
        items++;
    }
    r0(b);
    return kj(items);
}

/* ---- ? on a file: enumerations over a domain kept in a file -------------------------- */

/* `:dir/sym?syms (ref/enum-extend.md, Filepath): the file's symbols become the global its
 * base name gives, the enumeration extends it, and the file is rewritten when it grew */
static K enum_extend_file(K file, K y) {
    const char *slash = strrchr(file->s, '/');
    S name = ss((S)(slash ? slash + 1 : file->s + 1));
    K d = access(file->s + 1, F_OK) == 0 ? prim_get(r1(file)) : ktn(KS, 0);
    K a = d ? lang_assign_global(name, d) : NULL;
    if (!a) {
        r0(file);
        r0(y);
        return NULL;
    }
    J before = a->n;
    r0(a);
    K r = prim_enum_extend(ks(name), y);
    K now = r ? env_get(name) : NULL;
    if (now && now->n != before) {
        K w = prim_set(r1(file), now);
        if (!w) {
            r0(r);
            r = NULL;
        }
        r0(w);
    } else {
        r0(now);
    }
    r0(file);
    return r;
}

/* x?y: `:dir/sym?syms extends the domain kept in a file (above); every other form is Find */
K prim_query(K x, K y) {
    PRIM_ARGS2(x, y);
    if (x->t == -KS && x->s[0] == ':' && (y->t == KS || y->t == -KS || obj_is_enum(y->t) || obj_is_enum(-y->t)))
        return enum_extend_file(x, y);
    return prim_find(x, y);
}

/* ---- hopen hclose: files here, connections through the server ------------------------- */

/* hopen x or hopen (x;timeout): a file handle for `:path, else a connection (src/net) */
K prim_hopen(K x) {
    PRIM_ARGS1(x);
    int timeout = 0;
    if (x->t == 0 && x->n == 2) {
        K t = kK(x)[1];
        timeout = t->t == -KJ ? (int)t->j : t->t == -KI ? t->i : 0;
        K spec = r1(kK(x)[0]);
        r0(x);
        x = spec;
    }
    K f = file_hopen(x);
    if (f || kerr_msg()) {
        r0(x);
        return f;
    }
    if (!RT->svc.hopen) {
        r0(x);
        return kerr("nyi");
    }
    return RT->svc.hopen(x, timeout);
}

K prim_hclose(K x) {
    PRIM_ARGS1(x);
    J h = x->t == -KJ ? x->j : x->t == -KI ? x->i : -1;
    r0(x);
    if (h < 0)
        return kerr("type");
    if (RT->svc.hclose) { /* a connection: the server says whether a read-only query may */
        K r = RT->svc.hclose(h);
        if (r || kerr_msg())
            return r;
    }
    /* read-only mode: the server's files stay open */
    if (lang_refuse_update())
        return NULL;
    file_hclose(h);
    return obj_identity();
}

/* ---- 2: ---------------------------------------------------------------------------------- */

/* `lib 2:(`fn;n): a C function from a shared library, compiled against k.h.  Not supported:
 * openq's k.h functions are not exported to loaded libraries (docs/compat.md). */
K prim_dynload(K x, K y) {
    PRIM_ARGS2(x, y);
    r0(x);
    r0(y);
    return kerr("nyi");
}
