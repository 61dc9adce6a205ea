/ structure (ref/count.md, ref/til.md, ref/first.md, ref/reverse.md, ref/where.md,
/ ref/enlist.md, ref/raze.md, ref/flip.md, ref/key.md, ref/value.md, ref/type.md, ref/cut.md,
/ ref/take.md, ref/drop.md, ref/join.md, ref/dict.md, ref/sublist.md, ref/rotate.md,
/ ref/next.md): lists, dictionaries and tables
q)t:([]a:3 4 5; b:6 7 8; c:`z`u`i)
q)cols t
`a`b`c
q)`d`e xcol t
d e c
-----
3 6 z
4 7 u
5 8 i
q)string `a`b`c!2002 2004 2010
a| "2002"
b| "2004"
c| "2010"
q)distinct flip `a`b`c!(1 2 1;2 3 2;"aba")
a b c
-----
1 2 a
2 3 b
q)sum `a`b`c!1 2 3
6
q)count `a`b`c!2 3 5
3
q)first `a`b`c!(1 2;3 4 5;"hello")
1 2
q)last `a`b`c!1 2 3
3
q)reverse fills reverse 0N 2 3 0N 0N 7 0N
2 2 3 7 7 7 0N
q)type 1 0 3h/[til 0]
5h
q)count each ("the";"quick";" brown";"fox")
3 5 6 3
q)p:2 3 5 7 11
q)3 sublist p
2 3 5
q)10 sublist p
2 3 5 7 11
q){x$x sublist y}[10;]"take me"
"take me   "
q)2 xprev 2 7 5 3 11
0N 0N 2 7 5
q)-2 xprev 2 7 5 3 11
5 3 11 0N 0N
q)1 xprev "abcde"
" abcd"
q)raze string md5 "this is my password"
"210d53992dff432ec1b1a9698af9da16"
q)next 2 3 5 7 11
3 5 7 11 0N
q)next (1 2;"abc";`ibm)
"abc"
`ibm
`long$()
q)prev 2 3 5 7 11
0N 2 3 5 7
q)prev (1 2;"abc";`ibm)
`long$()
1 2
"abc"
q)2 rotate 2 3 5 7 11
5 7 11 2 3
q)-2 rotate 2 3 5 7 11
7 11 2 3 5
q)0 1 -1 rotate' 3 4#til 12
0  1 2 3
5  6 7 4
11 8 9 10
q)0 4 5 _ til 7
0 1 2 3
,4
5 6
q)4 cut til 10
0 1 2 3
4 5 6 7
8 9
q)reverse 1 2 3 4
4 3 2 1
q)D:`q`w`e!(1 2;3 4;5 6)
q)key D
`q`w`e
q)value D
1 2
3 4
5 6
q)key `D
`q`w`e
q)key ([s:`q`w`e]g:1 2 3;h:4 5 6)
s
-
q
w
e
q)keys ([s:`q`w`e]g:1 2 3;h:4 5 6)
,`s
q)keys ([]a:1 2)
`symbol$()
q)value "2+3"
5
q)type 5
-7h
q)type (2 3 5;"hello")
0h
q)type ()
0h
q)type (+)
102h
q)attr 1 3 4
`
q)attr asc 1 3 4
`s
q)where 2 3 0 1
0 0 1 1 1 3
q)where `amr`ibm`msft!2 3 1
`amr`amr`ibm`ibm`ibm`msft
q)til 0
`long$()
q)til 1b
,0
q)til 5f
'type
q)count 0
1
q)count (2;3 5;"eight")
3
q)count ([]city:`London`Paris`Berlin; country:`England`France`Germany)
3
q)first 42
42
q)last til 10
9
q)type each (10;enlist 10;enlist enlist 10)
-7 7 0h
q)raze (1 2;3 4 5)
1 2 3 4 5
q)raze 42
,42
q)raze/[(1 2;(3 4;5 6);7;8)]
1 2 3 4 5 6 7 8
q)flip (1 2 3;4 5 6)
1 4
2 5
3 6
q)til 5
0 1 2 3 4
q)count 1 2 3
3
q)first 1 2 3
1
q)last 1 2 3
3
q)reverse 1 2 3
3 2 1
q)where 1 0 1
0 2
q)enlist 5
,5
q)1,2 3
1 2 3
q)2#1 2 3
1 2
q)5#1 2
1 2 1 2 1
q)2 3#til 6
0 1 2
3 4 5
q)2_1 2 3
,3
q)raze (1 2;3 4)
1 2 3 4
q)flip (1 2;3 4)
1 3
2 4
q)`a`b!1 2
a| 1
b| 2
q)key `a`b!1 2
`a`b
q)value `a`b!1 2
1 2
q)2 cut til 5
0 1
2 3
,4
q)1 rotate 1 2 3
2 3 1
q)next 1 2 3
2 3 0N
q)prev 1 2 3
0N 1 2
q)type 1
-7h
q)type 1 2
7h
q)type `a
-11h
q)d:`a`b!(1 2 3;"xyz")
q)reverse each d
a| 3 2 1
b| z y x
q)mt:0#0
q)type each (mt;*/[mt];{x*y}/[mt])
7 -7 0h
q)(+/)mt
0
q)(*/)mt
1
q)()~({x+y}/)mt
1b
q)()~{x+y*z}\[`foo;mt;mt]
1b
q)42+/mt
42
q)5 enlist\1
1
,1
,,1
,,,1
,,,,1
,,,,,1
q)-3!enlist (1;`a)
",(1;`a)"
q)1 rotate ([]a:1 2 3;b:`x`y`z)
a b
---
2 y
3 z
1 x
q)type each desc (1;1b;"b";2009.01.01;"a";0)
-14 -10 -10 -7 -7 -1h
q)'[count][("The";"quick";"fox")]
3 5 3
q)enlist[2]#til 10
0 1
q)(2 2 3#til 5)~((0 1 2;3 4 0);(1 2 3;4 0 1))
1b
q)0N 3#til 7
0 1 2
3 4 5
,6
q)0N!"I=*,"0:"5=\"hello,world\",6=1";
(5 6i;("hello,world";,"1"))
q)x:`a`b`c
q)`x!0 1 2 1
`x$`a`b`c`b
q)raze (([]a:1 2);([]a:enlist 3))
a
-
1
2
3
q)/ a table is a list of its rows: ,/ (raze) joins the row dicts, each overriding the last
q)raze ([]a:10b;b:11b)
a| 0
b| 1
q)all raze ([]a:11b;b:11b)
1b
q)(+/)([]a:1 2;b:3 4)
a| 3
b| 7
q)(+\)([]a:1 2;b:3 4)
a b
---
1 3
3 7
q)raze 0#([]a:1 2)
a
-
q)/ m 0N#x since V3.3 (ref/take.md): m rows of (count x) div m, the last takes the rest
q)3 0N#til 10
0 1 2
3 4 5
6 7 8 9
q)4 0N#til 9
0 1
2 3
4 5
6 7 8
q)(3 0N)#(),10
`long$()
`long$()
,10
q)/ cross is raze x,/:\:y (ref/cross.md): items joined, not paired
q)-1 .Q.s1 (1 2;3 4) cross (5 6;7 8);
(1 2 5 6;1 2 7 8;3 4 5 6;3 4 7 8)
q)-1 .Q.s1 (enlist each (1 2;3 4)) cross enlist each (5 6;7 8);
((1 2;5 6);(1 2;7 8);(3 4;5 6);(3 4;7 8))
q)1 2 cross `a`b
1 `a
1 `b
2 `a
2 `b
q)/ ref/take.md, Changes since V3.3: past two dimensions no null, negative or empty inner one
q)all`domain=@[;1 2;{`$x}]each(#)@'(1 0 2;2 3 0N;0N 2 1;-1 2 3)
1b
q)(enlist("";""))~1 2 0#"a"
1b
q)(2 2 3#til 5)~((0 1 2;3 4 0);(1 2 3;4 0 1))
1b
q)/ ref/drop.md: keys from a dictionary; columns from a table; a keyed table only by count
q)`a`b _ `a`b`c!1 2 3
c| 3
q)(`a`b`c!1 2 3) _ `a`b
'type
q)d:100 200!`a`b
q)d _ 100
200| b
q)enlist[100] _ d
200| b
q)t:([]a:1 2 3;b:4 5 6;c:`d`e`f)
q)t _ `a`b
'type
q)`a _ t
'type
q)k:([id:`p`q`r]v:10 20 30)
q)1_k
id| v
--| --
q | 20
r | 30
q)`p _ k
'type
q)/ ref/flip.md: an atom in a dictionary of columns repeats to their count
q)flip `sym`price`size!(`I;10.2 23.45 45.67;100)
sym price size
--------------
I   10.2  100
I   23.45 100
I   45.67 100
q)flip `a`b!(1 2;3 4 5)
'length
q)/ ref/cut.md, ref/differ.md: a table cut into tables of rows
q)t:([]a:til 5;b:`a`b`c`d`e)
q)ts:0 3 _ t
q)ts 1
a b
---
3 d
4 e
q)count each 2 cut t
2 2 1
q)/ ref/first.md: the last row of an empty table is its null row, as the first is
q)(first 0#([]a:1 2))~last 0#([]a:1 2)
1b
q)/ value of a lambda (ref/value.md, q 3.5+): (bytecode;parameters;locals;(namespace,globals);
q)/ constants..;positions;name;file;line;source); openq keeps no bytecode, so that and its
q)/ position map are empty
q)f:{[a;b]d::neg c:a*b+5;c+e}
q)1_value f
`a`b
,`c
``d`e
5
`long$()
"..f"
""
-1
"{[a;b]d::neg c:a*b+5;c+e}"
q)\d .test
q)f:{[a;b]d::neg c:a*b+5;c+e}
q)(value f)3 6
`test`d`e
".test.f"
q)\d .
q)(value {x+y})1
`x`y
q)last value {x+1}
"{x+1}"
q)-3!(value {x})5
"()"
q)/ value of an operator is its internal code; get and value are both .: (ref/value.md)
q)value each (::;+;-;*;%)
0 1 2 3 4
q)value each (get;value)
19 19
q)/ ref/drop.md, Drop selected items: a list (an int vector too) without the item at an index
q)0 1 2 3 4 5 6 7 8_5
0 1 2 3 4 6 7 8
q)0 1 2_7
0 1 2
q)0 2 _ til 5
0 1
2 3 4
q)/ ref/key.md: a name is interpreted relative to the current context unless fully qualified
q)a:1
q)key`a
`a
q)\d .foo
q)-3!key`a
"()"
q)a:1 2!3 4
q)key`a
1 2
q)key`..a
`..a
q)\d .
q)key`.foo.a
1 2
q)key`..a
`..a
q)/ value of a keyword q.k defines as a derived function is the iterator's argument, as for any
q)/ derived function (ref/value.md)
q)value deltas
-
q)value sums
+
q)value (-':)
-
q)f:,/:\:
q)value f
,/:
q)value each (::;+;-;*;%)
0 1 2 3 4
q)/ ref/take.md, Dictionary Keys: x#d is x!d x, so a key d lacks takes the values' null (the
q)/ prototype of the first value for general values, basics/application.md)
q)d:`a`b`c!1 2 3
q)`a`b#d
a| 1
b| 2
q)enlist[`a]#d
a| 1
q)-3!`c`z#d
"`c`z!3 0N"
q)-3!`a`z#`a`b!(1 2;3 4)
"`a`z!(1 2;0N 0N)"
q)-3!`b`z#`a`b!("x";"yy")
"`b`z!(\"yy\";\" \")"
