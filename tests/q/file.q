/ files: set get hcount hdel key, read0 read1, 0: and 1: on files, save load, splayed tables,
/ .Q.en .Q.dd dsave, file handles and log replay (-11!); run in a fresh directory
q)key `:.
`symbol$()
q)`a set 42
`a
q)a
42
q)`:v set 1 2 3
`:v
q)hcount `:v
40
q)read1 `:v
0xfe2007000000000003000000000000000100000000000000020000000000000003000000000..
q)get `:v
1 2 3
q)`:l set (1;`a;"xy")
`:l
q)get `:l
1
`a
"xy"
q)`:t set ([]a:1 2;b:`x`y)
`:t
q)get `:t
a b
---
1 x
2 y
q)key `:.
`l`t`v
q)hdel `:v
`:v
q)hdel `:v
':v. OS reports: No such file or directory
q)get `:nofile
':nofile. OS reports: No such file or directory
q)`:f.txt 0: ("ab";"cd")
`:f.txt
q)read0 `:f.txt
"ab"
"cd"
q)read1 `:f.txt
0x61620a63640a
q)/ ref/file-text.md: 0: (and read0, read1, 1:) also take a plain symbol as the file's name
q)`g.txt 0: ("x,1";"y,2")
`g.txt
q)read0 `g.txt
"x,1"
"y,2"
q)("SJ";",") 0: `g.txt
x y
1 2
q)read1 `g.txt
0x782c310a792c320a
q)read0 (`g.txt;4)
"y,2"
q)`g.bin 1: 0x0102
`g.bin
q)read1 `g.bin
0x0102
q)/ 0: before digits is the verb unless two digits make a clock (1:30 is a minute)
q)`g.txt 0:2#enlist"-1.5"
`g.txt
q)read0`g.txt
"-1.5"
"-1.5"
q)/ ref/read0.md: (f;o) and (f;o;n) read the lines of those bytes, as read1 reads them
q)read0 (`:f.txt;3)
"cd"
q)read0 (`:f.txt;1;4)
,"b"
"cd"
q)read0 (`:f.txt;0;2)
"ab"
q)-3!read0 (`:f.txt;6)
"()"
q)read1 (`:f.txt;1;2)
0x620a
q)read0 (`:f.txt;-1)
'domain
q)read0 (`:f.txt;1.5)
'type
q)hcount `:f.txt
6
q)`:f.csv 0: csv 0: ([]a:1 2;b:`x`y)
`:f.csv
q)read0 `:f.csv
"a,b"
"1,x"
"2,y"
q)("JS";enlist",") 0: `:f.csv
a b
---
1 x
2 y
q)/ ref/file-text.md: y of Load CSV is a file descriptor, so (file;offset;length) loads those bytes
q)("JS";enlist",") 0: (`:f.csv;0;8)
a b
---
1 x
q)("JS";",") 0: (`:f.csv;4)
1 2
x y
q)("JS";enlist",") 0: (`:f.csv;0;1.5)
'type
q)("ich";4 1 2)1:0x00000000410000FF00000042FFFF
0 255
A B
0 -1
q)`:b 1: 0x0102
`:b
q)read1 `:b
0x0102
q)cities:([]city:`Tokyo`Delhi;pop:37435191 29399141)
q)save `cities
`:cities
q)delete cities from `.
`.
q)cities
'cities
q)load `cities
`cities
q)cities
city  pop
--------------
Tokyo 37435191
Delhi 29399141
q)save `:cities.csv
`:cities.csv
q)read0 `:cities.csv
"city,pop"
"Tokyo,37435191"
"Delhi,29399141"
q)` sv `:db`sym
`:db/sym
q).Q.dd[`:db;`t]
`:db/t
q)`:db/t/ set ([]s:`a`b;p:1 2)
'type
q)`:db/t/ set .Q.en[`:db] ([]s:`a`b`a;p:1 2 3f)
`:db/t/
q)sym
`a`b
q)get `:db/sym
`a`b
q)key `:db/t
`.d`p`s
q)get `:db/t
s p
---
a 1
b 2
a 3
q)/ ref/meta.md: meta of a filesymbol for a splayed table (with or without its trailing /),
q)/ or of a table's file; a path to nothing is the OS error
q)meta `:db/t
c| t f a
-| -----
s| s
p| f
q)meta `:db/t/
c| t f a
-| -----
s| s
p| f
q)`:flat set ([]a:1 2;b:"xy")
`:flat
q)meta `:flat
c| t f a
-| -----
a| j
b| c
q)meta `:db/none
':db/none. OS reports: No such file or directory
q)tr:([]sym:`x`x`y;v:1 2 3)
q)`:hdb dsave `tr
`tr
q)delete tr,sym from `.
`.
q)\l hdb
q)meta tr
c  | t f a
---| -----
sym| s   p
v  | j
q)tr
sym v
-----
x   1
x   2
y   3
q)h:hopen `:foo/bar.txt
q)key `:foo
,`bar.txt
q)(neg h)~neg[h] "hear the lark"
1b
q)(neg h)~neg[h] ("to the";"barking")
1b
q)h~h "dog"
1b
q)hclose h
q)read0 `:foo/bar.txt
"hear the lark"
"to the"
"barking"
"dog"
q)`:log set ()
`:log
q)h:hopen `:log
q)h~h enlist (`upd;`t;1 2)
1b
q)h~h ((`upd;`t;3);(`upd;`u;4))
1b
q)hclose h
q)upd:{[t;x] r,::enlist (t;x)}
q)r:()
q)-11!`:log
3
q)r
`t 1 2
`t 3
`u 4
q)-11!(-2;`:log)
3
q)r:()
q)-11!(1;`:log)
1
q)r~enlist (`t;1 2)
1b
q)rt:([]a:1 2;b:3 4)
q)rsave `rt
`:rt/
q)key `:rt
`.d`a`b
q)delete rt from `.
`.
q)rload `rt
`rt
q)rt
a b
---
1 3
2 4
q)reval "exit 0"
'noupdate
q)`:ro.txt 0: enlist "x"
`:ro.txt
q)reval "`:ro.txt 0: enlist \"y\""
'noupdate
q)reval "hdel `:ro.txt"
'noupdate
q)reval "hopen `:ro2.txt"
'noupdate
q)reval "`:ro3 set 1 2"
'noupdate
q)reval "`:ro4 1: 0x01"
'noupdate
q)rot:([]a:1 2)
q)reval "save `rot"
'noupdate
q)h:hopen `:ro.txt
q)reval "h \"more\""
'noupdate
q)hclose h
q)read0 `:ro.txt
,"x"
q)-3!key `:ro2.txt
"()"
q)/ Load Fixed (ref/file-text.md): (types;widths) 0: strings, a text, or a file
q)sum("DT";8 9)0:enlist"20130315185540686"
,2013.03.15D18:55:40.686000000
q)("DT";8 9)0:("20130315185540686";"20130315185540686")
2013.03.15   2013.03.15
18:55:40.686 18:55:40.686
q)("I *";2 1 3) 0: ("12-abc";"34-de")
12    34
"abc" "de"
q)`:fixed.txt 0: ("12abc";"34def")
`:fixed.txt
q)("IS";2 3) 0: `:fixed.txt
12  34
abc def
q)("IS";2 3) 0: "12abc34def"
12  34
abc def
q)("IS";2 3 4) 0: enlist "1"
'length
q)`:fixed2.txt 1: "12abc34def56ghi"
`:fixed2.txt
q)("IS";2 3) 0: (`:fixed2.txt;5)
34  56
def ghi
q)-3!("IS";2 3) 0: (`:fixed2.txt;5;5)
"(,34i;,`def)"
q)/ 0: on lines in one pass (each line split once, fields parsed where they lie): short and long
q)/ lines, empty fields, skipped columns, the letters that take the general path
q)("SJFPS";enlist",")0:("a,b,c,e,f";"x,1,2.5,2024-01-01T12:34:56.123456789,y";"z,,,,";"w,3";"q,4,1e3,2024.01.02D00:00:00.000000001,r,extra")
a b c    e                             f
----------------------------------------
x 1 2.5  2024.01.01D12:34:56.123456789 y
z
w 3
q 4 1000 2024.01.02D00:00:00.000000001 r
q)("SJ F";",")0:("a,1,x,2.5";"b,2,y,3.5")
a   b
1   2
2.5 3.5
q)("*J";",")0:("ab,1";"cd,2")
"ab" "cd"
1    2
q)("SG";",")0:("a,8c680a01-5a49-5aab-5a65-d4bfddb6a661";"b,")
a                                    b
8c680a01-5a49-5aab-5a65-d4bfddb6a661 00000000-0000-0000-0000-000000000000
q)("DT";",")0:("2024.01.01,12:00:00.000";"x,y")
2024.01.01   
12:00:00.000 
q)("J";",")0:("abc";"1.5";" 7 ")
'nyi
  [0]  ("J";",")0:("abc";"1.5";" 7 ")
                ^
q)("BXHIE";",")0:("1,ff,3,4,5.5";"0,00,,,")
1   0
ff  00
3   
4   
5.5 
q)("SS";enlist",")0:("a,b";"x,y")
a b
---
x y
q)("C";",")0:("ab";"c")
'nyi
  [0]  ("C";",")0:("ab";"c")
                ^
q)("SJ";",")0:enlist "a,1"
a
1
q)-3!("SJ";",")0:()
"(`symbol$();`long$())"
q)("SJ";"|")0:("a|1";"b|2")
a b
1 2
q)/ ref/upsert.md: upsert to a file handle appends to the table there; one not yet written is written
q)`:up/s upsert ([]a:1 2)
`:up/s
q)`:up/s upsert enlist 3
`:up/s
q)get `:up/s
a
-
1
2
3
q)sym:`c`a`b
q)`:up/t/ upsert ([]s:`sym$`c`a;v:4 3)
`:up/t/
q)`:up/t upsert (`sym$`b;2)
`:up/t
q)select from `:up/t
s v
---
c 4
a 3
b 2
q)`:up/none upsert 1 2
':up/none. OS reports: No such file or directory
q)/ ref/asc.md, sorting data on disk: the splayed table is sorted and written back
q)`v xasc `:up/t
`:up/t
q)get `:up/t
s v
---
b 2
a 3
c 4
q)`a xdesc `:up/s
`:up/s
q)get `:up/s
a
-
3
2
1
q)/ ref/amend.md, on disk: an attribute set on a splayed column
q)@[`:up/t/;`s;`p#]
`:up/t/
q)attr get `:up/t/s
`p
q)/ .[`:db;(`p;`t;`);:;t]: the symbols extend the handle, a null last one to a directory
q).[`:db;(`2000.10.02;`t;`);:;([]a:1 2)]
`:db/2000.10.02/t/
q)get `:db/2000.10.02/t
a
-
1
2
q)/ ref/asc.md: `c xasc `t sorts the global t
q)tb:([]a:3 1 2)
q)`a xasc `tb
`tb
q)tb
a
-
1
2
3
q)/ Prepare Text (ref/file-text.md): a cell holding the delimiter is embraced with " and its own " doubled
q)t:([]x:("foo";"bar,baz";"qu\"ux";"fred\",barney"))
q)-1@","0:t;
x
foo
"bar,baz"
qu"ux
"fred"",barney"
q)/ since 4.1t 2023.08.18 a cell holding a newline is embraced too
q)csv 0:([]("foo\nbar";"baz"))
,"x"
"\"foo\nbar\""
"baz"
q)"|"0:(`a`b;("x|y";"z"))
"a|\"x|y\""
"b|z"
q)/ Load CSV: a quoted field holds delimiters, and "" in it is one "
q)("S*";",")0:("a,\"b,c\"";"d,\"e\"\"f\"")
a     d
"b,c" "e\"f"
q)/ a string with an atom delimiter is one record: a list of atoms
q)("DT";",")0:"20130315,185540686"
2013.03.15
18:55:40.686
q)("JJ";",")0:"1,2"
1 2
q)/ the flag (since V3.4): line returns may be embedded in quoted fields
q)("I*";",";1)0:("0,\"ab\nc\"";"1,\"def\"")
0       1
"ab\nc" "def"
q)("I*";",";1)0:"0,\"ab\nc\"\n1,\"def\""
0       1
"ab\nc" "def"
q)/ one column's type may be a char atom: ("S";enlist",") reads a header and one symbol column
q)("S";enlist",")0:(enlist "a";enlist "b")
a
-
b
q)("S";enlist",")0:enlist "a"
a
-
q)/ ref/upsert.md: upserting to a serialized table reads it, updates it and writes it back; to a splayed one, its columns
q)`:data/tser set ([] c1:`a`b; c2:1.1 2.2)
`:data/tser
q)`:data/tser upsert (`c; 3.3)
`:data/tser
q)get `:data/tser
c1 c2
------
a  1.1
b  2.2
c  3.3
q)`:data/tsplay/ set ([] c1:`sym?`a`b; c2:1.1 2.2)
`:data/tsplay/
q)`:data/tsplay upsert (`sym?`c; 3.3)
`:data/tsplay
q)select from `:data/tsplay
c1 c2
------
a  1.1
b  2.2
c  3.3
q)/ a handle to a directory of a database, indexed by symbols, is the file or table of that
q)/ name in it; any other file is its contents indexed (KX's taq/daily.q: (`:db/date)`quote)
q)`:fdb/2000.01.01/quote/ set .Q.en[`:fdb] ([]sym:`a`b`c;bid:1 2 3f)
`:fdb/2000.01.01/quote/
q)`:fdb/2000.01.01/n set 10 20 30
`:fdb/2000.01.01/n
q)p:`:fdb/2000.01.01
q)p`quote
sym bid
-------
a   1
b   2
c   3
q)p[`quote;`bid]
1 2 3f
q)p`n`n
10 20 30
10 20 30
q)`:fdb/2000.01.01/n 1
20
q)/ and amended by a symbol path that ends in a null symbol (a splayed table there)
q).[p;`nbbo`;,;.Q.en[`:fdb] ([]sym:`a`b;ask:4 5f)];
q).[p;`nbbo`;,;.Q.en[`:fdb] ([]sym:enlist`c;ask:enlist 6f)];
q).[p;`nbbo`sym;`p#];
q)meta p`nbbo
c  | t f a
---| -----
sym| s   p
ask| f
q)p[`nbbo;`ask]
4 5 6f
q)/ ref/file-text.md, column types: C is a char, the field's first (blank when empty); * a string
q)`:c.csv 0: ("a,b,c";"x,1,hello";",2,\"q\"";"yz,3,w")
`:c.csv
q)t:("CJC";enlist",") 0: `:c.csv
q)t
a b c
-----
x 1 h
  2 q
y 3 w
q)meta t
c| t f a
-| -----
a| c
b| j
c| c
q)r:("C*";",") 0: ("a,x";"bc,y")
q)r 0
"ab"
q)r 1
,"x"
,"y"
