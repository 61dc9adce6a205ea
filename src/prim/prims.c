/* prims.c -- the primitives' names and wire opcodes from prims.def (the implementations are
 * src/lang/dispatch.c's), keyword aliases, and how a primitive object is displayed. */
#include "primint.h"
#include "prims.h"

#include <stdio.h>

const PrimInfo prim_table[PRIM_COUNT] = {
#define PRIM(id, text, u, b, m, d, n, files) {text, u, b},
#define ALIAS(name, type, id)
#include "prims.def"
#undef PRIM
#undef ALIAS
};

const PrimAlias prim_aliases[] = {
#define PRIM(id, text, u, b, m, d, n, files)
#define ALIAS(name, type, id) {name, type, P_##id},
#include "prims.def"
#undef PRIM
#undef ALIAS
};
const int prim_alias_count = (int)ARRAY_LEN(prim_aliases);

/* The keywords q.k defines in k show as that definition (basics/parsetrees.md: "explicit
 * definitions in .q are shown in full"): a derived or internal function as its glyphs
 * (deltas is -':), a lambda as k){..} (iasc, basics/funsql.md).  Where the reference pages
 * show a definition (fby, xbar: basics/funsql.md, wp/permissions), that is the text; the
 * others are q 4.1's.  Keywords q implements natively (sum, like, ...) show their names;
 * those q defines as compositions or projections of other keywords are not listed yet. */
static const char *const defined_in_k[PRIM_COUNT] = {
    [P_ASC] = "k){$[99h=@x;(!x)[i]!`s#r i:<r:. x;`s=-2!x;x;0h>@x;'`rank;`s#x@<x]}",
    [P_ATTR] = "-2!",
    [P_AVGS] = "k){(+\\x)%+\\~^x}",
    [P_CUT] = "k){$[0h>@x;x*!-_-(#y)%x;x]_y}",
    [P_DELTAS] = "-':",
    [P_DESC] = "k){$[99h=@x;(!x)[i]!r i:>r:. x;0h>@x;'`rank;x@>x]}",
    [P_EMA] = "k){(*y)(1f-x)\\x*y}",
    [P_EVAL] = "-6!",
    [P_EXCEPT] = "k){x@&~x in y}",
    [P_FBY] = "k){@[(#y)#x[0]0#x 1;g;:;x[0]'x[1]g:.=y]}",
    [P_FILLS] = "^\\",
    [P_GET] = ".:",
    [P_GTIME] = "k){t+x-%t:x+x-%x}",
    [P_HCLOSE] = ">:",
    [P_HCOUNT] = "-7!",
    [P_HDEL] = "~:",
    [P_IASC] = "k){$[0h>@x;'`rank;<x]}",
    [P_IDESC] = "k){$[0h>@x;'`rank;>x]}",
    [P_INTER] = "k){x@&x in y}",
    [P_INV] = "!:",
    [P_LSQ] = "!",
    [P_LTIME] = "%:",
    [P_MAXS] = "|\\",
    [P_MD5] = "-15!",
    [P_MED] = "k){avg x(<x)@_.5*-1 0+#x,:()}",
    [P_MINS] = "&\\",
    [P_MMAX] = "k){(x-1)|':/y}",
    [P_MMIN] = "k){(x-1)&':/y}",
    [P_MMU] = "$",
    [P_MOD] = "k){x-y*x div y}",
    [P_NEXT] = "k){$[0h>@x;'`rank;1_x,,x 0N]}",
    [P_PRDS] = "*\\",
    [P_PREV] = ":':",
    [P_RANK] = "k){$[0h>@x;'`rank;<<x]}",
    [P_RATIOS] = "%':",
    [P_RAZE] = ",/",
    [P_REVAL] = "-24!",
    [P_SDEV] = "k){sqrt svar x}",
    [P_SHOW] = "k){1 .Q.s x;}",
    [P_SIGNUM] = "k){(x>0)-x<0}",
    [P_SUMS] = "+\\",
    [P_SV] = "k){x/:y}",
    [P_TIL] = "k){$[0>@x;!x;'`type]}",
    [P_TRIM] = "k){ltrim rtrim x}",
    [P_UNGROUP] = "k){$[#x:0!x;,/+:'x;x]}",
    [P_VS] = "k){x\\:y}",
    [P_XBAR] = "k){x*y div x:$[16h=abs[@x];\"j\"$x;x]}",
    [P_XLOG] = "k){log[y]%log x}",
    [P_XPREV] = "k){$[0h>@y;'`rank;y(!#y)-x]}",
    [P_XRANK] = "k){$[0h>@y;'`rank;_y*x%#y:<<y]}",
};

const char *prim_display(const K f, char buf[8]) {
    if (f->g == PRIM_IDENTITY && f->t == KUNARY)
        return "::";
    if (f->g >= PRIM_COUNT) {
        switch (f->g) { /* special forms as parse shows them: (";";a;b), ($;c;t;f), (:;x) */
        case SF_SEQ: return "\";\"";
        case SF_COND: case SF_QSQL_COND: return "$";
        case SF_RETURN: return ":";
        case SF_SIGNAL: return "'";
        default: return "";
        }
    }
    if (defined_in_k[f->g])
        return defined_in_k[f->g];
    const char *text = prim_table[f->g].text;
    /* a glyph used monadically shows its colon form: #: */
    if (f->t == KUNARY && f->g < P_LE && strlen(text) <= 2) {
        snprintf(buf, 8, "%s:", text);
        return buf;
    }
    return text;
}

const char *prim_keyword_of(const char *src, size_t n) {
    for (int id = 0; id < PRIM_COUNT; id++)
        if (defined_in_k[id] && strlen(defined_in_k[id]) == n && memcmp(defined_in_k[id], src, n) == 0)
            return prim_table[id].text;
    return NULL;
}

int prim_from_code(int type, int code) {
    for (int id = 0; id < PRIM_COUNT; id++)
        if ((type == KUNARY ? prim_table[id].u_code : prim_table[id].b_code) == code)
            return id;
    return -1;
}

void prim_init(void) { RT->svc.forget_index = prim_attr_forget; }
