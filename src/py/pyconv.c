/* pyconv.c -- q <-> Python conversion (PYKX.md §3.3 defaults), the KRef handle type, and
 * Python callables as q foreign functions.  NumPy is used through its Python API (no
 * compile-time dependency); simple vectors reach NumPy without a copy through KRef's buffer
 * protocol. */
#include "py.h"

#include "../prim/primint.h"
#include "../prim/prims.h"


#define Q_EPOCH_NS 946684800000000000LL /* 2000.01.01 in ns since 1970 */
#define Q_EPOCH_DAYS 10957

static PyObject *numpy(void) {
    if (!RT->py.np_mod)
        RT->py.np_mod = PyImport_ImportModule("numpy");
    return RT->py.np_mod;
}

static PyObject *pandas(void) {
    if (!RT->py.pd_mod)
        RT->py.pd_mod = PyImport_ImportModule("pandas");
    return RT->py.pd_mod;
}

/* ---- KRef ------------------------------------------------------------------------------------ */

static void kref_dealloc(KRef *self) {
    r0(self->k);
    Py_TYPE(self)->tp_free((PyObject *)self);
}

static const char *buffer_format(int t) {
    switch (t) {
    case KB: return "?";
    case KG: return "B";
    case KH: return "h";
    case KI: case KM: case KD: case KU: case KV: case KT: return "i";
    case KJ: case KP: case KN: return "q";
    case KE: return "f";
    case KF: case KZ: return "d";
    case KC: return "c";
    }
    return NULL;
}

/* a view of a simple vector's items: numpy.frombuffer makes arrays without copying; writable
 * when vector_to_numpy said so, else read-only (numpy asks again for that) */
static int kref_getbuffer(KRef *self, Py_buffer *view, int flags) {
    K x = self->k;
    const char *fmt = x->t > 0 ? buffer_format(x->t) : NULL;
    if (!fmt) {
        PyErr_SetString(PyExc_BufferError, "not a simple vector");
        return -1;
    }
    if ((flags & PyBUF_WRITABLE) && !self->writable) {
        PyErr_SetString(PyExc_BufferError, "this q vector is shared: read-only");
        return -1;
    }
    self->shape[0] = (Py_ssize_t)x->n;
    self->strides[0] = obj_width(x->t);
    view->buf = kG(x);
    view->obj = Py_NewRef((PyObject *)self);
    view->len = (Py_ssize_t)x->n * obj_width(x->t);
    view->readonly = !(flags & PyBUF_WRITABLE);
    view->itemsize = obj_width(x->t);
    view->format = (flags & PyBUF_FORMAT) ? (char *)fmt : NULL;
    view->ndim = 1;
    view->shape = (flags & PyBUF_ND) ? self->shape : NULL;
    view->strides = (flags & PyBUF_STRIDES) ? self->strides : NULL;
    view->suboffsets = NULL;
    view->internal = NULL;
    return 0;
}

static PyBufferProcs kref_buffer = {(getbufferproc)kref_getbuffer, NULL};

static PyObject *kref_repr(KRef *self) {
    return PyUnicode_FromFormat("<openq K type %d>", (int)self->k->t);
}

/* the value's address (PyKX's _addr: one object, one address) and its k.h reference count */
static PyObject *kref_addr(KRef *self, void *unused) {
    (void)unused;
    return PyLong_FromVoidPtr(self->k);
}

static PyObject *kref_r(KRef *self, void *unused) {
    (void)unused;
    return PyLong_FromLong((long)self->k->r);
}

static PyGetSetDef kref_getset[] = {
    {"addr", (getter)kref_addr, NULL, "the address of the q value", NULL},
    {"r", (getter)kref_r, NULL, "the q value's reference count (0: one owner)", NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

PyTypeObject KRef_Type = {
    PyVarObject_HEAD_INIT(NULL, 0).tp_name = "openq.KRef",
    .tp_basicsize = sizeof(KRef),
    .tp_dealloc = (destructor)kref_dealloc,
    .tp_repr = (reprfunc)kref_repr,
    .tp_getset = kref_getset,
    .tp_as_buffer = &kref_buffer,
    .tp_flags = Py_TPFLAGS_DEFAULT,
    .tp_doc = "a reference to a q value",
};

PyObject *kref_new(K x) {
    if (!x)
        return NULL;
    if (PyType_Ready(&KRef_Type) < 0) {
        r0(x);
        return NULL;
    }
    KRef *r = PyObject_New(KRef, &KRef_Type);
    if (!r) {
        r0(x);
        return NULL;
    }
    r->k = x;
    r->writable = false;
    return (PyObject *)r;
}

/* ---- errors ----------------------------------------------------------------------------------- */

K py_error_to_q(void) {
    PyObject *type, *value, *tb;
    PyErr_Fetch(&type, &value, &tb);
    if (!type)
        return kerr("python");
    if (py_deadline_tripped() && PyErr_GivenExceptionMatches(type, PyExc_KeyboardInterrupt)) {
        Py_XDECREF(type); /* raised by the -T deadline (pyembed.c): q's 'stop */
        Py_XDECREF(value);
        Py_XDECREF(tb);
        return kerr("stop");
    }
    PyErr_NormalizeException(&type, &value, &tb);
    PyObject *qerror = py_qerror_type();
    bool is_q = qerror && PyObject_IsSubclass(type, qerror) == 1;
    Py_XDECREF(qerror);
    PyObject *r = value ? (is_q ? PyObject_Str(value) : PyObject_Repr(value)) : NULL;
    const char *text = r ? PyUnicode_AsUTF8(r) : NULL;
    K e = kerr(text ? text : "python error");
    Py_XDECREF(r);
    Py_XDECREF(type);
    Py_XDECREF(value);
    Py_XDECREF(tb);
    PyErr_Clear();
    return e;
}

/* ---- q -> Python -------------------------------------------------------------------------------- */

static PyObject *np_call(const char *fn, PyObject *args, PyObject *kw) {
    PyObject *np = numpy();
    if (!np)
        return NULL;
    PyObject *f = PyObject_GetAttrString(np, fn);
    if (!f)
        return NULL;
    PyObject *r = PyObject_Call(f, args, kw);
    Py_DECREF(f);
    return r;
}

static const char *np_dtype(int t) {
    switch (t) {
    case KB: return "bool";
    case KG: return "uint8";
    case KH: return "int16";
    case KI: return "int32";
    case KJ: return "int64";
    case KE: return "float32";
    case KF: return "float64";
    case KC: return "S1";
    case KP: return "datetime64[ns]";
    case KM: return "datetime64[M]";
    case KD: return "datetime64[D]";
    case KZ: return "float64";
    case KN: return "timedelta64[ns]";
    case KU: return "timedelta64[m]";
    case KV: return "timedelta64[s]";
    case KT: return "timedelta64[ms]";
    }
    return NULL;
}

/* the epoch shift to add (in the array's own unit) for temporal vectors */
static long long epoch_shift(int t) {
    switch (t) {
    case KP: return Q_EPOCH_NS;
    case KM: return 360;
    case KD: return Q_EPOCH_DAYS;
    }
    return 0;
}

/* the data pointer of numpy array a (any dtype), or NULL with an exception */
static void *array_data(PyObject *a) {
    PyObject *ai = PyObject_GetAttrString(a, "__array_interface__");
    PyObject *data = ai ? PyDict_GetItemString(ai, "data") : NULL;
    void *p = data && PyTuple_Check(data) ? PyLong_AsVoidPtr(PyTuple_GET_ITEM(data, 0)) : NULL;
    if (!p && !PyErr_Occurred())
        PyErr_SetString(PyExc_TypeError, "no array data");
    Py_XDECREF(ai);
    return p;
}

/* a temporal vector as a new datetime64/timedelta64 array: one pass, each item widened to
 * 64 bits and moved to the Unix epoch, q's nulls as NaT (numpy's INT64_MIN; infinities wrap
 * as numpy's int64 arithmetic does) */
static PyObject *temporal_to_numpy(const K x, const char *dtype) {
    PyObject *np = numpy();
    PyObject *out = np ? PyObject_CallMethod(np, "empty", "ns", (Py_ssize_t)x->n, dtype) : NULL;
    if (out && x->n == 0)
        return out;
    int64_t *o = out ? array_data(out) : NULL;
    if (!o) {
        Py_XDECREF(out);
        return NULL;
    }
    uint64_t shift = (uint64_t)epoch_shift(x->t);
    if (x->t == KP || x->t == KN) {
        for (J i = 0; i < x->n; i++)
            o[i] = kJ(x)[i] == nj ? INT64_MIN : (int64_t)((uint64_t)kJ(x)[i] + shift);
    } else {
        for (J i = 0; i < x->n; i++)
            o[i] = kI(x)[i] == ni ? INT64_MIN : (int64_t)((uint64_t)(int64_t)kI(x)[i] + shift);
    }
    return out;
}

static PyObject *vector_to_numpy(const K x, bool copy) {
    const char *dtype = np_dtype(x->t);
    if (!dtype) {
        PyErr_SetString(PyExc_TypeError, "no numpy form");
        return NULL;
    }
    if (x->t == KM || x->t == KD || x->t == KU || x->t == KV || x->t == KT || x->t == KP || x->t == KN)
        return temporal_to_numpy(x, dtype);
    /* as PyKX's, the array may be written when the caller's reference is the vector's only
     * one, the vector is in memory of its own (not a file mapping) and has no attribute an
     * item written could break */
    bool writable = x->r == 0 && !obj_is_mapped(x) && !x->u;
    PyObject *ref = kref_new(r1(x));
    if (!ref)
        return NULL;
    ((KRef *)ref)->writable = writable;
    PyObject *args = Py_BuildValue("(Os)", ref, dtype);
    PyObject *arr = np_call("frombuffer", args, NULL);
    Py_DECREF(args);
    Py_DECREF(ref);
    if (!arr)
        return NULL;
    if (copy) {
        PyObject *c = PyObject_CallMethod(arr, "copy", NULL);
        Py_DECREF(arr);
        return c;
    }
    return arr;
}

static PyObject *atom_to_py(const K x, int mode) {
    bool np = mode == PYC_DEFAULT || mode == PYC_NP;
    bool null = obj_is_null_at(x, 0);
    switch (-x->t) {
    case KB:
        if (np) {
            PyObject *a = Py_BuildValue("(O)", x->g ? Py_True : Py_False);
            PyObject *r = np_call("bool_", a, NULL);
            Py_DECREF(a);
            return r;
        }
        return PyBool_FromLong(x->g);
    case KS:
        return PyUnicode_FromString(x->s);
    case KC:
        return PyBytes_FromStringAndSize((const char *)&x->g, 1);
    case UU: {
        PyObject *uuid = PyImport_ImportModule("uuid");
        if (!uuid)
            return NULL;
        PyObject *b = PyBytes_FromStringAndSize((const char *)kG(x), 16);
        PyObject *kw = Py_BuildValue("{s:O}", "bytes", b);
        PyObject *cls = PyObject_GetAttrString(uuid, "UUID");
        PyObject *empty = PyTuple_New(0);
        PyObject *r = cls ? PyObject_Call(cls, empty, kw) : NULL;
        Py_XDECREF(cls);
        Py_DECREF(empty);
        Py_DECREF(kw);
        Py_DECREF(b);
        Py_DECREF(uuid);
        return r;
    }
    }
    if (np || prim_is_temporal(-x->t)) {
        /* a one-item vector's numpy form, then its scalar */
        K v = obj_vec(-x->t, 1);
        if (!v)
            return NULL;
        memcpy(kG(v), &x->g, obj_width(x->t));
        PyObject *arr = vector_to_numpy(v, true);
        r0(v);
        if (!arr)
            return NULL;
        PyObject *idx = PyLong_FromLong(0);
        PyObject *r = PyObject_GetItem(arr, idx);
        Py_DECREF(idx);
        Py_DECREF(arr);
        if (r && !np) { /* plain Python: datetime / timedelta objects */
            PyObject *item = PyObject_CallMethod(r, "item", NULL);
            Py_DECREF(r);
            return item;
        }
        return r;
    }
    if (null && x->t != -KF && x->t != -KE)
        Py_RETURN_NONE;
    switch (-x->t) {
    case KG: return PyLong_FromLong(x->g);
    case KH: return PyLong_FromLong(x->h);
    case KI: return PyLong_FromLong(x->i);
    case KJ: return PyLong_FromLongLong(x->j);
    case KE: return PyFloat_FromDouble(x->e);
    case KF: return PyFloat_FromDouble(x->f);
    }
    PyErr_SetString(PyExc_TypeError, "unsupported q atom");
    return NULL;
}

static PyObject *table_to_pandas(const K t) {
    PyObject *pd = pandas();
    if (!pd)
        return NULL;
    K names = TABLE_COLS(t), cols = TABLE_DATA(t);
    PyObject *data = PyDict_New();
    for (J i = 0; i < names->n; i++) {
        PyObject *col = py_from_q(kK(cols)[i], PYC_NP);
        if (!col) {
            Py_DECREF(data);
            return NULL;
        }
        PyDict_SetItemString(data, kS(names)[i], col);
        Py_DECREF(col);
    }
    PyObject *args = PyTuple_Pack(1, data);
    PyObject *cls = PyObject_GetAttrString(pd, "DataFrame");
    PyObject *df = cls ? PyObject_Call(cls, args, NULL) : NULL;
    Py_XDECREF(cls);
    Py_DECREF(args);
    Py_DECREF(data);
    return df;
}

PyObject *py_from_q(const K x, int mode) {
    if (!stack_ok()) { /* nested lists and dicts convert recursively (stack.h) */
        PyErr_SetString(PyExc_RecursionError, "stack");
        return NULL;
    }
    if (mode == PYC_K) {
        PyObject *ref = kref_new(r1(x));
        if (!ref || !RT->py.wrap_fn)
            return ref;
        PyObject *w = PyObject_CallOneArg(RT->py.wrap_fn, ref);
        Py_DECREF(ref);
        return w;
    }
    if (x->t == KFOREIGN) {
        PyObject *o = py_foreign_object(x);
        if (o)
            return Py_NewRef(o);
    }
    if (obj_is_identity(x))
        Py_RETURN_NONE;
    /* (`..python;v) etc.: v tagged by .pykx.topy/tonp/topd/todefault */
    if (x->t == 0 && x->n == 2 && kK(x)[0]->t == -KS && !strncmp(kK(x)[0]->s, "..", 2)) {
        const char *tag = kK(x)[0]->s + 2;
        int m = !strcmp(tag, "python") ? PYC_PY : !strcmp(tag, "numpy") ? PYC_NP
                : !strcmp(tag, "pandas") || !strcmp(tag, "default") ? PYC_DEFAULT : -1;
        if (m >= 0) {
            PyObject *v = py_from_q(kK(x)[1], m);
            if (v && !strcmp(tag, "pandas") && kK(x)[1]->t > 0 && kK(x)[1]->t < KENUM) {
                PyObject *pd = pandas();
                PyObject *series = pd ? PyObject_CallMethod(pd, "Series", "(O)", v) : NULL;
                Py_DECREF(v);
                v = series;
            }
            return v;
        }
    }
    if (x->t < 0)
        return atom_to_py(x, mode);
    if (x->t == KS) {
        PyObject *list = PyList_New((Py_ssize_t)x->n);
        for (J i = 0; list && i < x->n; i++)
            PyList_SET_ITEM(list, i, PyUnicode_FromString(kS(x)[i]));
        if (mode == PYC_PY || !list)
            return list;
        PyObject *args = Py_BuildValue("(Os)", list, "object");
        PyObject *arr = np_call("array", args, NULL);
        Py_DECREF(args);
        Py_DECREF(list);
        return arr;
    }
    if (x->t == KC && mode == PYC_PY)
        return PyBytes_FromStringAndSize(kC(x), (Py_ssize_t)x->n);
    if (x->t > 0 && x->t < KENUM && x->t != UU) {
        if (mode == PYC_PY) {
            PyObject *list = PyList_New((Py_ssize_t)x->n);
            for (J i = 0; list && i < x->n; i++) {
                K a = prim_item(x, i);
                PyObject *item = atom_to_py(a, PYC_PY);
                r0(a);
                if (!item) {
                    Py_DECREF(list);
                    return NULL;
                }
                PyList_SET_ITEM(list, i, item);
            }
            return list;
        }
        return vector_to_numpy(x, false);
    }
    if (x->t == 0 || x->t == UU) {
        PyObject *list = PyList_New((Py_ssize_t)x->n);
        for (J i = 0; list && i < x->n; i++) {
            K a = prim_item(x, i);
            PyObject *item = py_from_q(a, mode == PYC_DEFAULT ? PYC_PY : mode);
            r0(a);
            if (!item) {
                Py_DECREF(list);
                return NULL;
            }
            PyList_SET_ITEM(list, i, item);
        }
        return list;
    }
    if (x->t == XD && !obj_is_keyed(x)) {
        PyObject *d = PyDict_New();
        K keys = DICT_KEYS(x), vals = DICT_VALS(x);
        for (J i = 0; d && i < obj_count(keys); i++) {
            K k = prim_item(keys, i), v = prim_item(vals, i);
            PyObject *pk = py_from_q(k, PYC_PY), *pv = py_from_q(v, mode == PYC_DEFAULT ? PYC_PY : mode);
            r0(k);
            r0(v);
            if (!pk || !pv || PyDict_SetItem(d, pk, pv) < 0) {
                Py_XDECREF(pk);
                Py_XDECREF(pv);
                Py_DECREF(d);
                return NULL;
            }
            Py_DECREF(pk);
            Py_DECREF(pv);
        }
        return d;
    }
    if (x->t == XT || obj_is_keyed(x)) {
        if (mode == PYC_PY && x->t == XT) {
            K names = TABLE_COLS(x), cols = TABLE_DATA(x);
            PyObject *d = PyDict_New();
            for (J i = 0; i < names->n; i++) {
                PyObject *col = py_from_q(kK(cols)[i], PYC_PY);
                if (!col) {
                    Py_DECREF(d);
                    return NULL;
                }
                PyDict_SetItemString(d, kS(names)[i], col);
                Py_DECREF(col);
            }
            return d;
        }
        if (x->t == XT)
            return table_to_pandas(x);
        K flat = ktd(r1(x));
        if (!flat)
            return NULL;
        PyObject *df = table_to_pandas(flat);
        J nkeys = TABLE_COLS(DICT_KEYS(x))->n;
        if (df) {
            PyObject *keys = PyList_New(0);
            for (J i = 0; i < nkeys; i++) {
                PyObject *s = PyUnicode_FromString(kS(TABLE_COLS(flat))[i]);
                PyList_Append(keys, s);
                Py_DECREF(s);
            }
            PyObject *indexed = PyObject_CallMethod(df, "set_index", "O", keys);
            Py_DECREF(keys);
            Py_DECREF(df);
            df = indexed;
        }
        r0(flat);
        return df;
    }
    /* functions and the rest: a handle */
    return kref_new(r1(x));
}

/* ---- Python -> q ------------------------------------------------------------------------------- */

static K numpy_to_q(PyObject *arr);

static bool is_instance_of(PyObject *o, PyObject *mod, const char *cls) {
    if (!mod)
        return false;
    PyObject *c = PyObject_GetAttrString(mod, cls);
    if (!c) {
        PyErr_Clear();
        return false;
    }
    int r = PyObject_IsInstance(o, c);
    Py_DECREF(c);
    if (r < 0)
        PyErr_Clear();
    return r > 0;
}

/* the temporal q type for a numpy datetime64/timedelta64 unit */
static int temporal_type(const char *dtype, long long *scale, long long *shift) {
    *scale = 1;
    *shift = 0;
    if (!strncmp(dtype, "datetime64", 10)) {
        if (strstr(dtype, "[D]")) { *shift = -Q_EPOCH_DAYS; return KD; }
        if (strstr(dtype, "[M]")) { *shift = -360; return KM; }
        if (strstr(dtype, "[ns]")) { *shift = -Q_EPOCH_NS; return KP; }
        if (strstr(dtype, "[us]")) { *scale = 1000; *shift = -Q_EPOCH_NS; return KP; }
        if (strstr(dtype, "[ms]")) { *scale = 1000000; *shift = -Q_EPOCH_NS; return KP; }
        if (strstr(dtype, "[s]")) { *scale = 1000000000; *shift = -Q_EPOCH_NS; return KP; }
    }
    if (!strncmp(dtype, "timedelta64", 11)) {
        if (strstr(dtype, "[ns]")) return KN;
        if (strstr(dtype, "[us]")) { *scale = 1000; return KN; }
        /* as PyKX: milliseconds are times, seconds seconds, minutes minutes */
        if (strstr(dtype, "[ms]")) return KT;
        if (strstr(dtype, "[s]")) return KV;
        if (strstr(dtype, "[m]")) return KU;
    }
    return 0;
}

static K list_to_q(PyObject *seq) {
    Py_ssize_t n = PySequence_Fast_GET_SIZE(seq);
    K *items = mem_raw_alloc(sizeof(K) * (size_t)(n ? n : 1));
    if (!items)
        return kerr("wsfull");
    for (Py_ssize_t i = 0; i < n; i++) {
        items[i] = py_to_q(PySequence_Fast_GET_ITEM(seq, i));
        if (!items[i]) {
            for (Py_ssize_t k = 0; k < i; k++)
                r0(items[k]);
            mem_raw_free(items);
            return NULL;
        }
    }
    /* homogeneous atoms become a typed vector, as PyKX does for a list */
    K r = prim_collect(items, n);
    mem_raw_free(items);
    return r;
}

static K numpy_to_q(PyObject *arr) {
    PyObject *dt = PyObject_GetAttrString(arr, "dtype");
    PyObject *dts = dt ? PyObject_Str(dt) : NULL;
    Py_XDECREF(dt);
    const char *dtype = dts ? PyUnicode_AsUTF8(dts) : "";
    PyObject *ndim_o = PyObject_GetAttrString(arr, "ndim");
    long ndim = ndim_o ? PyLong_AsLong(ndim_o) : 1;
    Py_XDECREF(ndim_o);
    K result = NULL;
    if (ndim != 1) {
        PyObject *list = PyObject_CallMethod(arr, "tolist", NULL);
        result = list ? py_to_q(list) : NULL;
        Py_XDECREF(list);
        if (!list)
            result = py_error_to_q();
        Py_XDECREF(dts);
        return result;
    }
    static const struct { const char *np; int t; } simple[] = {
        {"bool", KB}, {"uint8", KG}, {"int8", KG}, {"int16", KH}, {"int32", KI}, {"int64", KJ},
        {"float32", KE}, {"float64", KF}, {"|S1", KC}, {"S1", KC}};
    int t = 0;
    for (size_t i = 0; i < ARRAY_LEN(simple); i++)
        if (!strcmp(dtype, simple[i].np))
            t = simple[i].t;
    long long scale = 1, shift = 0;
    int tt = t ? 0 : temporal_type(dtype, &scale, &shift);
    if (t || tt) {
        PyObject *contig = PyObject_CallMethod(numpy(), "ascontiguousarray", "O", arr);
        Py_buffer view;
        if (!contig || PyObject_GetBuffer(contig, &view, PyBUF_C_CONTIGUOUS) < 0) {
            Py_XDECREF(contig);
            Py_XDECREF(dts);
            return py_error_to_q();
        }
        J n = (J)(view.len / (view.itemsize ? view.itemsize : 1));
        if (t) {
            result = obj_vec(t, n);
            if (result)
                memcpy(kG(result), view.buf, (size_t)view.len);
        } else {
            result = obj_vec(tt, n);
            const int64_t *src = view.buf;
            for (J i = 0; result && i < n; i++) {
                int64_t v = src[i];
                J q = v == INT64_MIN ? nj : (J)(v * scale + shift);
                if (tt == KD || tt == KM || tt == KT || tt == KV || tt == KU) /* int-wide: */
                    kI(result)[i] = q == nj || q <= ni || q > INT32_MAX ? ni : (I)q; /* too far: null */
                else
                    kJ(result)[i] = q;
            }
        }
        PyBuffer_Release(&view);
        Py_DECREF(contig);
        Py_XDECREF(dts);
        return result;
    }
    /* strings and objects: element by element */
    PyObject *list = PyObject_CallMethod(arr, "tolist", NULL);
    Py_XDECREF(dts);
    if (!list)
        return py_error_to_q();
    PyObject *seq = PySequence_Fast(list, "list");
    result = seq ? list_to_q(seq) : NULL;
    Py_XDECREF(seq);
    Py_DECREF(list);
    return result;
}

static K dataframe_to_q(PyObject *df) {
    PyObject *cols = PyObject_GetAttrString(df, "columns");
    PyObject *names_list = cols ? PySequence_List(cols) : NULL;
    Py_XDECREF(cols);
    if (!names_list)
        return py_error_to_q();
    Py_ssize_t n = PyList_GET_SIZE(names_list);
    K names = ktn(KS, n), data = ktn(0, n);
    for (Py_ssize_t i = 0; i < n; i++) {
        PyObject *name = PyList_GET_ITEM(names_list, i);
        PyObject *ns = PyObject_Str(name);
        kS(names)[i] = ss((S)PyUnicode_AsUTF8(ns));
        Py_DECREF(ns);
        PyObject *series = PyObject_GetItem(df, name);
        PyObject *values = series ? PyObject_CallMethod(series, "to_numpy", NULL) : NULL;
        Py_XDECREF(series);
        K col = values ? py_to_q(values) : py_error_to_q();
        Py_XDECREF(values);
        if (!col) {
            r0(names);
            r0(data);
            Py_DECREF(names_list);
            return NULL;
        }
        if (col->t < 0) {
            K v = prim_enlist(col);
            col = v;
        }
        kK(data)[i] = col;
    }
    Py_DECREF(names_list);
    return xT(xD(names, data));
}

K py_to_q(PyObject *o) {
    if (!obj_stack_ok()) /* nested sequences and dicts convert recursively */
        return NULL;
    if (PyObject_TypeCheck(o, &KRef_Type))
        return r1(((KRef *)o)->k);
    if (o == Py_None)
        return obj_identity();
    if (PyBool_Check(o))
        return kb(o == Py_True);
    if (PyLong_Check(o)) {
        int overflow = 0;
        long long v = PyLong_AsLongLongAndOverflow(o, &overflow);
        if (overflow)
            return kerr("long overflow");
        return kj(v);
    }
    if (PyFloat_Check(o))
        return kf(PyFloat_AS_DOUBLE(o));
    if (PyUnicode_Check(o)) {
        Py_ssize_t n;
        const char *s = PyUnicode_AsUTF8AndSize(o, &n);
        if (!s)
            return py_error_to_q();
        K a = obj_atom(-KS);
        if (a)
            a->s = sym_intern(s, (size_t)n);
        return a;
    }
    if (PyBytes_Check(o))
        return obj_strn(PyBytes_AS_STRING(o), (size_t)PyBytes_GET_SIZE(o));
    /* an openq.K wrapper carries its KRef in _k */
    if (PyObject_HasAttrString(o, "_k")) {
        PyObject *ref = PyObject_GetAttrString(o, "_k");
        if (ref && PyObject_TypeCheck(ref, &KRef_Type)) {
            K k = r1(((KRef *)ref)->k);
            Py_DECREF(ref);
            return k;
        }
        Py_XDECREF(ref);
        PyErr_Clear();
    }
    PyObject *np = numpy();
    if (!np)
        PyErr_Clear();
    if (np && is_instance_of(o, np, "ndarray"))
        return numpy_to_q(o);
    if (np && is_instance_of(o, np, "generic")) {
        /* a numpy scalar: as a one-item array, then its atom */
        PyObject *arr = PyObject_CallMethod(np, "array", "(O)", o);
        PyObject *one = arr ? PyObject_CallMethod(arr, "reshape", "i", 1) : NULL;
        Py_XDECREF(arr);
        K v = one ? numpy_to_q(one) : py_error_to_q();
        Py_XDECREF(one);
        if (!v)
            return NULL;
        if (v->t > 0 && v->t < KENUM && v->n == 1) {
            K a = prim_item(v, 0);
            r0(v);
            return a;
        }
        if (v->t == 0 && v->n == 1) {
            K a = r1(kK(v)[0]);
            r0(v);
            return a;
        }
        return v;
    }
    PyObject *pd = pandas();
    if (!pd)
        PyErr_Clear();
    if (pd && is_instance_of(o, pd, "DataFrame"))
        return dataframe_to_q(o);
    if (pd && is_instance_of(o, pd, "Series")) {
        PyObject *v = PyObject_CallMethod(o, "to_numpy", NULL);
        K r = v ? py_to_q(v) : py_error_to_q();
        Py_XDECREF(v);
        return r;
    }
    if (PyDict_Check(o)) {
        PyObject *keys = PyDict_Keys(o), *vals = PyDict_Values(o);
        PyObject *ks = PySequence_Fast(keys, "keys"), *vs = PySequence_Fast(vals, "values");
        K k = list_to_q(ks), v = k ? list_to_q(vs) : NULL;
        Py_DECREF(keys);
        Py_DECREF(vals);
        Py_DECREF(ks);
        Py_DECREF(vs);
        if (!k || !v) {
            r0(k);
            return NULL;
        }
        if (v->t > 0 && v->t < KENUM && 0)
            return xD(k, v);
        return xD(k, v);
    }
    if (PyList_Check(o) || PyTuple_Check(o)) {
        PyObject *seq = PySequence_Fast(o, "list");
        K r = list_to_q(seq);
        Py_DECREF(seq);
        return r;
    }
    PyObject *dt = PyImport_ImportModule("datetime");
    if (dt && (is_instance_of(o, dt, "datetime") || is_instance_of(o, dt, "date") ||
               is_instance_of(o, dt, "timedelta"))) {
        bool is_date = !is_instance_of(o, dt, "datetime") && is_instance_of(o, dt, "date");
        PyObject *conv = np ? PyObject_CallMethod(np, is_instance_of(o, dt, "timedelta") ? "timedelta64" : "datetime64",
                                                  "(Os)", o, is_date ? "D" : "ns")
                            : NULL;
        Py_DECREF(dt);
        K r = conv ? py_to_q(conv) : py_error_to_q();
        Py_XDECREF(conv);
        return r;
    }
    Py_XDECREF(dt);
    PyErr_Clear();
    PyObject *uuid = PyImport_ImportModule("uuid");
    if (uuid && is_instance_of(o, uuid, "UUID")) {
        PyObject *b = PyObject_GetAttrString(o, "bytes");
        Py_DECREF(uuid);
        U u;
        memcpy(u.g, PyBytes_AS_STRING(b), 16);
        Py_DECREF(b);
        return ku(u);
    }
    Py_XDECREF(uuid);
    PyErr_Clear();
    if (PyCallable_Check(o))
        return py_callable_foreign(o, PYC_DEFAULT);
    /* anything else stays a Python object inside q */
    return py_callable_foreign(o, -1);
}

/* ---- Python callables as q foreigns ----------------------------------------------------------- */

typedef struct PyForeign {
    PyObject *obj; /* the callable (or any object), owned */
    int mode;      /* how q arguments are converted for it; -1: not callable from q */
} PyForeign;

static void foreign_free(void *p) {
    PyForeign *f = p;
    if (Py_IsInitialized()) {
        PyGILState_STATE g = PyGILState_Ensure();
        Py_DECREF(f->obj);
        PyGILState_Release(g);
    }
    mem_raw_free(f);
}

static K foreign_call(void *p, K *args, int n) {
    PyForeign *f = p;
    PyGILState_STATE g = PyGILState_Ensure();
    /* f[] and f[::] call with no arguments */
    if (n == 1 && obj_is_identity(args[0]) && f->mode != PYC_K) {
        r0(args[0]);
        n = 0;
    }
    PyObject *tuple = PyTuple_New(n);
    for (int i = 0; i < n; i++) {
        PyObject *a = tuple ? py_from_q(args[i], f->mode) : NULL;
        r0(args[i]);
        if (!a) {
            for (int k = i + 1; k < n; k++)
                r0(args[k]);
            Py_XDECREF(tuple);
            K e = py_error_to_q();
            PyGILState_Release(g);
            return e;
        }
        PyTuple_SET_ITEM(tuple, i, a);
    }
    py_deadline_enter();
    PyObject *r = PyObject_Call(f->obj, tuple, NULL);
    py_deadline_leave();
    Py_DECREF(tuple);
    K out = r ? py_to_q(r) : py_error_to_q();
    Py_XDECREF(r);
    PyGILState_Release(g);
    return out;
}

static void *foreign_marker = (void *)&foreign_marker;

K py_callable_foreign(PyObject *fn, int mode) {
    PyForeign *f = mem_raw_alloc(sizeof *f);
    if (!f)
        return kerr("wsfull");
    f->obj = Py_NewRef(fn);
    f->mode = mode;
    K x = obj_foreign_fn(f, foreign_free, mode < 0 ? NULL : foreign_call, 0);
    return x;
}

PyObject *py_foreign_object(const K x) {
    if (x->t != KFOREIGN)
        return NULL;
    ForeignCall c = obj_foreign_call(x);
    /* both forms made here release with foreign_free */
    if (c != foreign_call && c != NULL)
        return NULL;
    UNUSED(foreign_marker);
    return ((PyForeign *)obj_foreign_ptr(x))->obj;
}

/* ---- strings <-> symbols in bulk (toq of a str column, .np()/.pd() of a symbol vector) --------
 * A column of n strings usually holds few distinct ones, often the same str objects again: a
 * per-call table keyed by the object's address (or the symbol's, symbols being interned)
 * converts each distinct object once, so the rest cost one probe each. */

typedef struct PtrEntry {
    const void *key;
    void *val;
    size_t uses; /* how often the key was met (py_syms_to_objects' references) */
} PtrEntry;

typedef struct PtrMap {
    uint32_t *slot; /* 1 + the entry's index; 0: empty */
    PtrEntry *e;    /* the entries in the order they were added */
    size_t cap, n;  /* cap (the slots, a power of two) kept at least four times n; the slots
                     * and entries of a thousand keys sit in L1, and a hit is nearly always
                     * the first slot probed */
} PtrMap;

/* the slot of p: its entry, or the empty slot where it goes */
static size_t ptr_slot(const PtrMap *m, const void *p) {
    uint64_t h = (uint64_t)(uintptr_t)p * 0x9E3779B97F4A7C15ull;
    size_t i = (size_t)(h >> 20) & (m->cap - 1);
    while (m->slot[i] && m->e[m->slot[i] - 1].key != p)
        i = (i + 1) & (m->cap - 1);
    return i;
}

/* the entry of p, or NULL */
static PtrEntry *ptr_find(const PtrMap *m, const void *p) {
    uint32_t k = m->slot[ptr_slot(m, p)];
    return k ? &m->e[k - 1] : NULL;
}

static bool ptr_map_init(PtrMap *m, size_t cap) {
    m->cap = cap, m->n = 0;
    m->slot = mem_raw_calloc(cap, sizeof *m->slot);
    m->e = mem_raw_alloc(cap / 4 * sizeof *m->e);
    return m->slot && m->e;
}

static void ptr_map_free(PtrMap *m) {
    mem_raw_free(m->slot);
    mem_raw_free(m->e);
}

/* add p -> v (p absent) and return its entry; NULL when out of memory */
static PtrEntry *ptr_map_put(PtrMap *m, const void *p, void *v) {
    if (4 * (m->n + 1) > m->cap) {
        if (m->cap >= ((size_t)1 << 31))
            return NULL;
        PtrMap g;
        if (!ptr_map_init(&g, m->cap * 2)) {
            ptr_map_free(&g);
            return NULL;
        }
        memcpy(g.e, m->e, m->n * sizeof *m->e);
        for (g.n = 0; g.n < m->n; g.n++)
            g.slot[ptr_slot(&g, g.e[g.n].key)] = (uint32_t)g.n + 1;
        ptr_map_free(m);
        *m = g;
    }
    m->slot[ptr_slot(m, p)] = (uint32_t)m->n + 1;
    m->e[m->n] = (PtrEntry){p, v, 0};
    return &m->e[m->n++];
}

/* the items of a list or of a 1-d object ndarray (borrowed pointers, *step apart); NULL (no
 * exception) for anything else */
static PyObject **object_items(PyObject *o, Py_ssize_t *n, Py_ssize_t *step) {
    if (PyList_Check(o)) {
        *n = PyList_GET_SIZE(o), *step = 1;
        return ((PyListObject *)o)->ob_item;
    }
    PyObject *ai = PyObject_GetAttrString(o, "__array_interface__");
    if (!ai) {
        PyErr_Clear();
        return NULL;
    }
    PyObject *typestr = PyDict_GetItemString(ai, "typestr"), *shape = PyDict_GetItemString(ai, "shape");
    PyObject *data = PyDict_GetItemString(ai, "data"), *strides = PyDict_GetItemString(ai, "strides");
    PyObject **items = NULL;
    if (typestr && PyUnicode_Check(typestr) && !strcmp(PyUnicode_AsUTF8(typestr), "|O") && shape &&
        PyTuple_Check(shape) && PyTuple_GET_SIZE(shape) == 1 && data && PyTuple_Check(data)) {
        *n = PyLong_AsSsize_t(PyTuple_GET_ITEM(shape, 0));
        *step = 1;
        if (strides && strides != Py_None)
            *step = PyLong_AsSsize_t(PyTuple_GET_ITEM(strides, 0)) / (Py_ssize_t)sizeof(PyObject *);
        items = PyLong_AsVoidPtr(PyTuple_GET_ITEM(data, 0));
    }
    Py_DECREF(ai);
    if (PyErr_Occurred())
        PyErr_Clear(), items = NULL;
    return items;
}

K py_strs_to_syms(PyObject *o) {
    Py_ssize_t n, step;
    PyObject **items = object_items(o, &n, &step);
    if (!items || n < 1 || !PyUnicode_Check(items[0])) /* not a column of strings */
        return NULL;
    K r = ktn(KS, n);
    PtrMap m = {0};
    if (!r || !ptr_map_init(&m, 1024)) {
        r0(r);
        ptr_map_free(&m);
        return kerr("wsfull");
    }
    for (Py_ssize_t i = 0; i < n; i++) {
        PyObject *s = items[i * step];
        PtrEntry *e = ptr_find(&m, s);
        if (e) {
            kS(r)[i] = e->val;
            continue;
        }
        S sym;
        if (s == Py_None) {
            sym = sym_null;
        } else if (!PyUnicode_Check(s) && PyList_Check(o)) {
            /* a list's str() could resize it under us: the caller converts item by item */
            ptr_map_free(&m);
            r0(r);
            return NULL;
        } else {
            /* PyKX's rule for an array: any other item is its str() */
            PyObject *str = PyUnicode_Check(s) ? (Py_INCREF(s), s) : PyObject_Str(s);
            Py_ssize_t len;
            const char *u = str ? PyUnicode_AsUTF8AndSize(str, &len) : NULL;
            sym = u ? sym_intern(u, (size_t)len) : NULL;
            Py_XDECREF(str);
            if (!sym) {
                ptr_map_free(&m);
                r0(r);
                return py_error_to_q();
            }
        }
        kS(r)[i] = sym;
        if (!ptr_map_put(&m, s, sym)) {
            ptr_map_free(&m);
            r0(r);
            return kerr("wsfull");
        }
    }
    ptr_map_free(&m);
    return r;
}

PyObject *py_syms_to_objects(const K x) {
    PyObject *np = numpy();
    if (!np)
        return NULL;
    PyObject *arr = PyObject_CallMethod(np, "empty", "ns", (Py_ssize_t)x->n, "O");
    Py_ssize_t n, step;
    PyObject **items = arr ? object_items(arr, &n, &step) : NULL;
    if (!items) {
        if (arr && !PyErr_Occurred())
            PyErr_SetString(PyExc_TypeError, "numpy.empty gave no object array");
        Py_XDECREF(arr);
        return NULL;
    }
    PtrMap m = {0};
    if (!ptr_map_init(&m, 1024)) {
        ptr_map_free(&m);
        Py_DECREF(arr);
        return PyErr_NoMemory();
    }
    /* each slot's reference moves from None to the item's str: the counts are settled once
     * per distinct object at the end, not once per item */
    J done = 0;
    for (; done < x->n; done++) {
        S s = kS(x)[done];
        PtrEntry *e = ptr_find(&m, s);
        if (!e) {
            PyObject *v = PyUnicode_FromString(s); /* the map's reference, dropped at the end */
            if (!v)
                break;
            if (!(e = ptr_map_put(&m, s, v))) {
                Py_DECREF(v);
                PyErr_NoMemory();
                break;
            }
        }
        e->uses++;
        items[done * step] = e->val;
    }
    Py_SET_REFCNT(Py_None, Py_REFCNT(Py_None) - (Py_ssize_t)done); /* no-op where None is immortal */
    for (size_t i = 0; i < m.n; i++) {
        PyObject *v = m.e[i].val;
        Py_SET_REFCNT(v, Py_REFCNT(v) + (Py_ssize_t)m.e[i].uses);
        Py_DECREF(v);
    }
    /* after a failure the items past `done` still hold their None */
    ptr_map_free(&m);
    if (PyErr_Occurred()) {
        Py_DECREF(arr);
        return NULL;
    }
    return arr;
}
