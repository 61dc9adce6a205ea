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

const char *prim_display(const K f, char buf[8]) {
    if (f->g == PRIM_IDENTITY && f->t == KUNARY)
        return "::";
    if (f->g >= PRIM_COUNT) {
        switch (f->g) { /* special forms as parse shows them: (";";a;b), ($;c;t;f), (:;x) */
        case SF_SEQ: return "\";\"";
        case SF_COND: return "$";
        case SF_RETURN: return ":";
        case SF_SIGNAL: return "'";
        default: return "";
        }
    }
    const char *text = prim_table[f->g].text;
    /* a glyph used monadically shows its colon form: #: */
    if (f->t == KUNARY && f->g < P_LE && strlen(text) <= 2) {
        snprintf(buf, 8, "%s:", text);
        return buf;
    }
    return text;
}

int prim_from_code(int type, int code) {
    for (int id = 0; id < PRIM_COUNT; id++)
        if ((type == KUNARY ? prim_table[id].u_code : prim_table[id].b_code) == code)
            return id;
    return -1;
}

void prim_init(void) { RT->svc.forget_index = prim_attr_forget; }
