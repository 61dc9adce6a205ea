/ .j (JSON both ways), .Q utilities from ref/dotq.md: digests and base64, .Q.s, precision
/ formats, binhex and base-36, months, memory, chunked file streaming, table helpers
/ .Q.id (ref/dotq.md "id"): only .Q.an chars, a for an empty result or before a leading digit
/ or underscore, 1 after a reserved word (.Q.res, in q's order) or keyword; repeated column
/ names numbered 1, 2, ... after the first; dictionaries by their keys.
/ .Q.ty (ref/dotq.md "ty"): lower case for a vector, upper case for a list of vectors of one type.
q).j.j `a`b!(0 1;("hello";"world"))
"{\"a\":[0,1],\"b\":[\"hello\",\"world\"]}"
q).j.k .j.j `a`b!(0 1;("hello";"world"))
a| 0       1
b| "hello" "world"
q).j.j ([]a:1 2;b:`Greetings`Earthlings)
"[{\"a\":1,\"b\":\"Greetings\"},\n {\"a\":2,\"b\":\"Earthlings\"}]"
q)/ a table's rows after the first each start a line (ref/doth.md .h.hy: Content-Length 99)
q)count .j.j 0!select count i by val from ([]idx:1 2 3 4 5;val:`a`b`c`d`e)
99
q).j.j ([]a:`long$())
"[]"
q).j.k .j.j ([]a:1 2;b:`Greetings`Earthlings)
a b
--------------
1 "Greetings"
2 "Earthlings"
q).j.j -0w 0 1 2 3 0w
"[-inf,0,1,2,3,inf]"
q).j.jd(-0w 0 1 2 3 0w;()!())
"[-inf,0,1,2,3,inf]"
q).j.jd(-0w 0 1 2 3 0w;enlist[`null0w]!enlist 1b)
"[null,0,1,2,3,null]"
q).j.j (1b;0N;0n;1.5;"a";`s;2020.01.02)
"[true,null,null,1.5,\"a\",\"s\",\"2020-01-02\"]"
q).j.j 2020.01.02D03:04:05.000000001
"\"2020-01-02T03:04:05.000000001\""
q).j.j "a\"b\\c\n"
"\"a\\\"b\\\\c\\n\""
q).j.j ([k:1 2]v:`x`y)
"[{\"k\":1,\"v\":\"x\"},\n {\"k\":2,\"v\":\"y\"}]"
q).j.k "{\"a\":1,\"b\":[true,false],\"c\":null,\"d\":\"x\\ny\"}"
a| 1f
b| 10b
c| 0n
d| "x\ny"
q).j.k "[1,2,3]"
1 2 3f
q).j.k "[\"a\",\"b\"]"
,"a"
,"b"
q).j.k "[1,\"a\"]"
1f
,"a"
q).j.k " [ 1 , 2.5e1 ] "
1 25f
q).j.k "[1,"
'illegal char
q).j.k "{\"a\":}"
'illegal char
q).j.k "tru"
'illegal char
q)count .j.k raze[1000#"["],1000#"]"
1
q).j.k raze[2000#"["],2000#"]"
'stack
q).Q.sha1 "Hello World!"
0x2ef7bde608ce5404e97d5f042f95f89f1c232871
q).Q.sha1 ""
0xda39a3ee5e6b4b0d3255bfef95601890afd80709
q).Q.sha1 64#"a"
0x0098ba824b5c16427bd7a1122a5a442a25ec644d
q).Q.btoa "Hello World!"
"SGVsbG8gV29ybGQh"
q).Q.btoa "ab"
"YWI="
q)`char$.Q.atob "SGVsbG8gV29ybGQh"
"Hello World!"
q)`char$.Q.atob "aGVsbG8="
"hello"
q).Q.atob "aGVsbG8"
'domain
  [0]  .Q.atob "aGVsbG8"
       ^
q).Q.atob "aGV*bG8="
'domain
  [0]  .Q.atob "aGV*bG8="
       ^
q).Q.s ([h:1 2 3] m: 4 5 6)
"h| m\n-| -\n1| 4\n2| 5\n3| 6\n"
q).Q.s 1 2 3
"1 2 3\n"
q).Q.s (::)
""
q).Q.f[2;]each 9.996 34.3445 7817047037.90 781704703567.90 -.02 9.996 -0.0001
"10.00"
"34.34"
"7817047037.90"
"781704703567.90"
"-0.02"
"10.00"
"-0.00"
q).Q.f[0;2.5]
,"3"
q).Q.fmt[6;2]each 1 234
"  1.00"
"234.00"
q).Q.fmt[3;2;1234.5]
"***"
q).Q.x10 12345
"AAAAAAADA5"
q).Q.j10 .Q.x10 12345
12345
q).Q.j10 each .Q.x10 each 12345+1 2 3
12346 12347 12348
q).Q.x12 12345
"0000000009IX"
q).Q.j12 .Q.x12 12345
12345
q).Q.addmonths[2007.10.16;6 7]
2008.04.16 2008.05.16
q).Q.addmonths[2006.10.29;4]
2007.03.01
q)last .Q.ts[+;2 3]
5
q)key .Q.w[]
`used`heap`peak`wmax`mmap`mphy`syms`symw
q)type .Q.gc[]
-7h
q).Q.ff[([]sym:`a`b;time:1 2)] enlist `sym`ratioA`ratioB!3#1
sym time ratioA ratioB
----------------------
a   1
b   2
q).Q.fu[{x*2};1 2 1 2]
2 4 2 4
q).Q.qt ([]a:1 2)
1b
q).Q.qt ([k:1 2]v:3 4)
1b
q).Q.qt 1 2
0b
q).Q.ft[{x 1 0};([k:1 2]v:3 4)]
k| v
-| -
2| 4
1| 3
q).Q.V ([]a:1 2)
a| 1 2
q).Q.trpd[{x+y};(1;`2);{[e;b] "error: ",e}]
"error: type"
q).Q.fk ([]a:1 2)`a
`
q).Q.M
0W
q)(10#64) vs 12345
0 0 0 0 0 0 0 3 0 57
q)24 60 60 vs 3805
1 3 25
q)2 2 2 vs 1 2 3
0 0 0
0 1 1
1 0 1
q)`:lines.txt 0: ("a,1";"b,2";"c,3")
`:lines.txt
q)read1(`:lines.txt;4;3)
0x622c32
q)read1(`:lines.txt;10;100)
0x330a
q).Q.fsn[0N!;`:lines.txt;4]
,"a,1"
,"b,2"
,"c,3"
12
q).Q.fs[{0N!("SJ";",")0:x}]`:lines.txt
(`a`b`c;1 2 3)
12
q)`:fw.txt 0: ("HEAD:";"01ab 250";"02c  100";"03ab 075";"04d  500";"05c  010";"TAIL:")
`:fw.txt
q).Q.M:2
q).Q.dsftg[(`:fwdb;2020.01.02;`t);(`:fw.txt;6;-6);`n`s`p;("ISI ";2 3 3 1);{update p%100 from x}]
`:fwdb/2020.01.02/t/
q)get `:fwdb/2020.01.02/t/
n s  p
---------
1 ab 2.5
2 c  1
3 ab 0.75
4 d  5
5 c  0.1
q)get `:fwdb/sym
`ab`c`d
q).Q.dsftg[(`:fwdb;2020.01.02;`t);(`:fw.txt;15;18);`n`s`p;("ISI ";2 3 3 1);::]
`:fwdb/2020.01.02/t/
q)exec n from get `:fwdb/2020.01.02/t/
1 2 3 4 5 2 3i
q).Q.M:0W
q)count system"w 0"
2
q)reval "system\"w 100\""
'noupdate
q)reval "system\"S 5\""
'noupdate
q).Q.id each `$("ab";"a/b";"two words";"2drifters";"2+2")
`ab`ab`twowords`a2drifters`a22
q).Q.id flip(`$("a";"a/b"))!2#()
a ab
----
q)key .Q.id (5#.Q.res)!(5#())
`abs1`acos1`asin1`atan1`avg1
q).Q.id`$"+"
`a
q)cols .Q.id(`$("count+";"count*";"count1"))xcol([]1 2;3 4;5 6)
`count1`count11`count12
q)cols .Q.id(`$("aa";"=";"+"))xcol([]1 2;3 4;5 6)
`aa`a`a1
q).Q.id`$"_"
`a_
q)cols .Q.id(`$("3aa";"_aa";"_aa"))xcol([]1 2;3 4;5 6)
`a3aa`a_aa`a_aa1
q)5#.Q.res
`abs`acos`asin`atan`avg
q)t:([]a:3 4 5;b:"abc";c:(3;"xy";`ab);d:3 2#3 4 5;e:("abc";"de";"fg"))
q).Q.ty each t`a`b`c`d`e
"jc JC"
q)/ an atom's letter is upper case (what PyKX's insert/upsert match_schema compares)
q).Q.ty each (6;6f;`f)
"JFS"
q).Q.ty ()
" "
