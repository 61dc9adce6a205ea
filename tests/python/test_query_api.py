"""PyKX's query API (kx.Column, kx.QueryPhrase) run through q's functional qSQL, the truth of
collections (any/all), iteration of tables and keyed tables, and NumPy on nested lists."""
import numpy as np
import pytest

import openq as kx


def _t():
    return kx.q("([] a:1 2 3; b:10 20 30f; s:`x`y`x)")


def test_column_where_and_select():
    t = _t()
    assert kx.q("~", t.select(where=kx.Column("a") > 1), kx.q("select from ([] a:1 2 3; b:10 20 30f; s:`x`y`x) where a>1"))
    got = t.select(where=(kx.Column("a") > 1) & (kx.Column("s") == "x"))
    assert got["a"].py() == [3]
    assert t.select(kx.Column("a") + 1)["a"].py() == [2, 3, 4]


def test_column_exec_by_and_names():
    t = _t()
    assert t.exec(kx.Column("b").max()).py() == 30.0
    by = t.select(kx.Column("b").max(), by=kx.Column("s"))
    assert isinstance(by, kx.KeyedTable)
    assert by.values()["b"].py() == [30.0, 20.0]
    assert t.select(kx.Column("b").max().name("m"), where="a>1").columns.py() == ["m"]
    assert t.update(kx.Column("a", "c"))["c"].py() == [1, 2, 3]
    # y bin x: the column is the right argument
    assert t.select(kx.Column("a").bin([1, 3, 5]))["a"].py() == [0, 0, 1]
    assert len(t.delete(where=kx.Column("s").isin(["x"]))) == 1


def test_column_constants_and_temporal_parts():
    t = kx.q("([] p:2150.10.22D20:31:15.070713856 2025.11.25D11:09:13.020120214)")
    assert isinstance(t.exec(kx.Column("p").day), kx.IntVector)
    assert t.exec(kx.Column("p").day).py() == [22, 25]
    assert str(t.exec(kx.Column("p").time)) == "20:31:15.070 11:09:13.020"
    # a symbol constant is q data, not a column name
    assert len(_t().select(where=kx.Column("s") == "y")) == 1


def test_column_name_checks():
    with pytest.raises(TypeError):
        kx.Column(1, data=[1, 2])
    with pytest.raises(TypeError):
        kx.Column(data=(1, 2))
    with pytest.raises(TypeError):
        kx.Column("a").name(3)
    assert kx.Column(kx.SymbolAtom("age"), data=[1])._name == "age"


def test_update_with_constant_dict_value():
    t = kx.q("([k:`a`b`c] x:3#0b)")
    got = kx.q.qsql.update(t, {"x": [True, False, True]})
    assert got.values()["x"].py() == [True, False, True]


def test_truth_of_collections():
    assert kx.q("(`x`y)!(`a`b)").any()
    assert kx.q("(`x`y)!(`a`b)").all()
    assert not kx.q("()!()").any()
    kt = kx.q("([k:1 2 3] x:0 1 2; y:`a`b`c)")
    assert kt.any() is True and kt.all() is False
    assert kx.q("([] a:til 3; c:-3?0Ng)").any().any()


def test_table_iterates_column_names_keyed_table_rows():
    assert list(kx.q("([] a:1 2; b:3 4)")) == ["a", "b"]
    kt = kx.q("([a:1 2] b:3 4; c:5 6)")
    rows = list(kt)
    assert len(rows) == 2 and [x.py() for x in rows[0]] == [3, 5]
    assert [x.py() for x in kt["b"]] == [3, 4]


def test_numpy_on_nested_lists():
    a = kx.q("(1 2f;3 4f)")
    assert np.all(np.add(a, a) == np.add(a.__typed_array__(), a.__typed_array__()))
    with pytest.raises(kx.QError):
        np.matmul(kx.q("((1 2);(3 4);(5))"), kx.q("((1 2 3);(4 5 6))"))
    with pytest.raises(kx.QError):
        kx.q("((1 2);(3 4f))").__typed_array__()
    assert np.minimum.reduce(kx.q("((1 2f); (3 4f))"), initial=kx.q("10f"),
                             where=kx.q("(1b; 0b)")).py() == [1.0, 10.0]


def test_query_objects_convert_to_their_parse_trees():
    """toq of a Column, Variable, QueryPhrase or ParseTree: the parse tree q's functional
    forms take (a Variable: its name)"""
    assert kx.toq(kx.Column("x")).py() == "x"
    gt = kx.toq(1 < kx.Column("x")).py()
    assert gt[1:] == ["x", 1] and str(gt[0]) == ">"
    assert isinstance(kx.toq(kx.Column("x").max()).py()[0], kx.Function)
    assert kx.toq(kx.Variable("nvar")).py() == "nvar"
    tree = kx.toq(kx.ParseTree(kx.q.parse(b"x=`a"))).py()
    assert tree[1:] == ["x", ["a"]] and str(tree[0]) == "="
    assert kx.toq(kx.ParseTree("x=`a")).py()[1:] == ["x", ["a"]]
    phrase = kx.toq(kx.QueryPhrase(kx.Column("x") == "a")).py()
    assert len(phrase) == 1 and phrase[0][1:] == ["x", ["a"]]
    t = kx.q("([]x:`a`b`a;y:1 2 3)")
    assert kx.q("{?[x;enlist y;0b;()]}", t, kx.toq(kx.Column("x") == "a")).py() == \
        {"x": ["a", "a"], "y": [1, 3]}
    assert isinstance(kx.Operator(">"), kx.Operator) and str(kx.Operator(">")) == ">"
    for text in ("til", 'system"ls"', ""):     # only an operator's own text makes one
        with pytest.raises(TypeError):
            kx.Operator(text)


def test_table_values_are_its_columns():
    t = kx.q("([]a:1 2;b:`x`y)")
    assert [c.py() for c in t._values] == [[1, 2], ["x", "y"]]
    assert t._keys.py() == ["a", "b"]


# ---- kx.q.sql: SELECT translated to qSQL (python/openq/sql.py) --------------------------------

def _sqltab():
    kx.q("st:([]sym:`a`b`c`a`b;px:1.5 0.5 2.5 3.5 0.25;n:1 2 3 4 5)")
    return kx.q("st")


@pytest.mark.parametrize("sql,qsql", [
    ("select * from st", "select from st"),
    ("select * from st where px > 1", "select from st where px>1"),
    ("select sym, n from st where px >= 0.5 and n <> 2", "select sym,n from st where px>=0.5,n<>2"),
    ("select * from st where sym = 'a' or n = 5", "select from st where (sym=`a)|n=5"),
    ("select * from st where not sym = 'a'", "select from st where not sym=`a"),
    ("select * from st where sym in ('a','c')", "select from st where sym in `a`c"),
    ("select * from st where n between 2 and 4", "select from st where n within 2 4"),
    ("select * from st where sym like 'a%'", "select from st where sym like \"a*\""),
    ("select px * 2 as d, n + 1 as m from st", "select d:px*2,m:n+1 from st"),
    ("select sym, sum(n) as total, count(*) as k from st group by sym",
     "0!select total:sum n,k:count i by sym from st"),
    ("select sym, avg(px) from st group by sym order by px desc",
     "`px xdesc 0!select avg px by sym from st"),
    ("select * from st order by n desc limit 2", "2 sublist `n xdesc st"),
    ("select distinct sym from st", "distinct select sym from st"),
    ("select count(px) as c, max(n) as m from st", "select c:count px,m:max n from st"),
])
def test_sql_select_forms_are_qsql(sql, qsql):
    _sqltab()
    assert kx.q("~", kx.q.sql(sql), kx.q(qsql)).py(), sql


def test_sql_arguments_errors_and_table_method():
    t = _sqltab()
    got = kx.q.sql("select * from $1 where sym = $2 and px < $3", t, "a", 2.0)
    assert got.py() == {"sym": ["a"], "px": [1.5], "n": [1]}
    assert kx.q("~", t.sql("select * from $1 where n > $2", 3), kx.q("select from st where n>3")).py()
    with pytest.raises(kx.QError, match="does not contain"):
        t.sql("select * from st")
    with pytest.raises(TypeError, match="not of type"):
        t.sql(1)
    for bad in ("select * frm st", "select * from st where", "select * from $2", "delete from st",
                "select * from st group by sym", "select nosuch(n) from st", "select 'x from st"):
        with pytest.raises(kx.QError):
            kx.q.sql(bad)


def test_qsql_is_functional_on_any_name():
    kx.q["q-t"] = _t()  # not a q identifier: qsql runs ?[`q-t;..] rather than text
    assert kx.q.qsql.select("q-t", where="a>1")["a"].py() == [2, 3]
    assert kx.q.qsql.exec("q-t", "a").py() == [1, 2, 3]  # one name: exec's vector
    assert kx.q.qsql.exec("q-t", ["a", "s"]).py() == {"a": [1, 2, 3], "s": ["x", "y", "x"]}
    assert kx.q.qsql.exec("q-t", "b", by="s").py() == {"x": [10.0, 30.0], "y": [20.0]}
    assert len(kx.q.qsql.delete("q-t")) == 0  # no where: every row
    assert kx.q.qsql.update("q-t", {"a": "a*2"}).py()["a"] == [2, 4, 6]
    kx.q.qsql.update("q-t", {"a": "a*2"}, inplace=True)  # a name keeps the result
    assert kx.q["q-t"]["a"].py() == [2, 4, 6]
    with pytest.raises(TypeError):
        kx.q.qsql.select([1, 2, 3])
    with pytest.raises(ValueError):
        kx.q.qsql.update(_t(), {"a": ""})


def test_qsql_clauses_as_pykx_reads_them():
    t = _t()
    assert kx.q.qsql.select(t, where=kx.q("101b"))["a"].py() == [1, 3]
    assert t.select(where=kx.Column("a").isin([1, 2])).t == 98
    # a Column named for a result makes exec a dictionary, unnamed its vector
    assert t.exec(kx.Column("a").name("z")).py() == {"z": [1, 2, 3]}
    assert t.exec(kx.Column("a")).py() == [1, 2, 3]
    # where=ParseTree is the list of constraints; inside a list one constraint
    one = kx.ParseTree(kx.q.parse(b"a>1")).enlist()
    assert t.select(where=one)["a"].py() == [2, 3]
    assert t.select(where=[kx.ParseTree(kx.Column("a") > 2)])["a"].py() == [3]
    assert t.select(where=kx.QueryPhrase([kx.q.parse(b"s=`x")]))["a"].py() == [1, 3]
    assert t.select(where=(kx.Column("a") > 2) | kx.ParseTree(kx.Column("a") < 2))["a"].py() \
        == [1, 3]
    with pytest.raises(kx.QError, match="does not match"):
        kx.q.qsql.select(t, by={"s": "s"}, inplace=True)  # a keyed table cannot replace it


def test_insert_upsert_with_schema_and_test():
    kx.q["it"] = kx.q("([] a:1 2; b:1 2f; c:`x`y)")
    got = kx.q.insert("it", [3, 3.0, "z"], test_insert=True)
    assert got["a"].py() == [1, 2, 3] and len(kx.q["it"]) == 2  # a copy: the table stays
    kx.q.insert("it", [[3, 4], [3.0, 4.0], ["z", "w"]], match_schema=True)
    assert kx.q["it"]["a"].py() == [1, 2, 3, 4]
    with pytest.raises(kx.PyKXException, match="Schema mismatch"):
        kx.q.upsert("it", [5.0, 5, "v"], match_schema=True)
    k = kx.q("([a:1 2] b:1 2f)")
    assert k.upsert([3, 3.0], inplace=False).py() == kx.q("([a:1 2 3] b:1 2 3f)").py()
    assert len(k) == 2
    k.insert([3, 3.0])  # in place by default, a keyed table too
    assert len(k) == 3


def test_qsql_dict_values_are_q_values_as_they_are():
    t = _t()
    got = kx.q.qsql.update(t, {"s": ["z"]}, where="a>1")  # ,`z: the constant `z
    assert got["s"].py() == ["x", "z", "z"]
    assert kx.q.qsql.update(t, {"a": [7, 8, 9]})["a"].py() == [7, 8, 9]
    kx.q("qneg:{neg x}")
    got = t.select(by={"a": kx.Column("a").call(kx.Variable("qneg"))})
    assert kx.q("~", got, kx.q("{select by qneg a from x}", t))


def test_column_data_lists_are_trees_and_to_dict_shows_calls():
    t = _t()
    got = t.select(columns=kx.Column(name="n", data=[kx.q("neg"), "a"]))
    assert got["n"].py() == [-1, -2, -3]
    d = (kx.Column("a", name="x") & kx.Column("b", name="nb").call("neg")).to_dict()
    assert d["x"] == "a" and d["nb"][1] == "b" and str(d["nb"][0]) == str(kx.q("neg"))
