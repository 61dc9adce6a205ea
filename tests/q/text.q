/ strings (ref/string.md, ref/case.md, ref/trim.md, ref/vs.md, ref/sv.md, ref/ss.md, ref/like.md,
/ ref/md5.md, ref/hsym.md), and
/ 0: on text: delimited parsing (with and without a header) and formatting
q)("SJF";",") 0: ("a,1,2.5";"b,2,3.5")
a   b
1   2
2.5 3.5
q)("SJF";enlist ",") 0: ("s,j,f";"a,1,2.5";"b,2,3.5")
s j f
-------
a 1 2.5
b 2 3.5
q)"," 0: ([]a:1 2;b:`x`y)
"a,b"
"1,x"
"2,y"
q)("S J";",") 0: ("a,x,1";"b,y,2")
a b
1 2
q)/ a whole text (a file's contents, or one string) is parsed in one pass where the cells lie:
q)/ longs, floats, timestamps and symbols by parsers of their own, other cells and other
q)/ spellings as "T"$ parses them; the answers are those of the same text as lines
q)ct:"a,b,c,e\nx,1,2.5,2024-01-05T12:34:56.123456789\r\n y ,-7,-0.125,2024.02.29D00:00:00\nz,,,\n,12 ,1e3,2023-02-29T00:00:00\nw,0N,0n,2024-01-05T12:34:56.1\n"
q)("SJFP";enlist ",") 0: ct
a b  c      e
-----------------------------------------
x 1  2.5    2024.01.05D12:34:56.123456789
y -7 -0.125 2024.02.29D00:00:00.000000000
z
  12 1000
w           2024.01.05D12:34:56.100000000
q)(("SJFP";enlist ",") 0: ct)~("SJFP";enlist ",") 0: -1_"\n" vs ssr[ct;"\r";""]
1b
q)("S F";",") 0: "a,b,1.5\nc,d,2"
a   c
1.5 2
q)("SJ";"|") 0: "x|1\ny|9223372036854775807\nz|123456789012345678901"
x y  z
1 0W 0W
q)(enlist "F";",") 0: "0.1\n0.30000000000000004\n9007199254740993\n1.7976931348623157e308\n-0"
0.1 0.3 9.007199e+15 1.797693e+308 -0
q)("SJF";enlist ",") 0: "a,b,c\n"
a b c
-----
q)/ string of numeric vectors: each item as %.{P}g or %lld writes it (a scaled exact power
q)/ of ten where the rounding is certain, printf near a tie), nulls of integers empty
q)string 0.1 1e-5 0.0001 123456.75 9999999.5 1e7 -0.0 0n 0w -0w 1.5e300 5e-324 0.99999995
"0.1"
"1e-05"
"0.0001"
"123456.8"
"1e+07"
"1e+07"
"-0"
"0n"
"0w"
"-0w"
"1.5e+300"
"4.940656e-324"
"0.9999999"
q)string -9223372036854775807 5 0N 0W -0W 0
"-0W"
,"5"
""
"0W"
"-0W"
,"0"
q)string 5 -7 0Nh
,"5"
"-7"
""
q)\P 3
q)string 0.1 1234.5 0.00012345 2.5
"0.1"
"1.23e+03"
"0.000123"
"2.5"
q)\P 7
q)trim "   IBM   "
"IBM"
q)ltrim"   IBM   "
"IBM   "
q)rtrim"   IBM   "
"   IBM"
q)md5 "this is a not so secret message"
0x6cf192c1938b79012c323fa30e62787e
q)hsym`10.43.23.197
`:10.43.23.197
q)hsym `host:port`localhost:8001
`:host:port`:localhost:8001
q)hsym `abc`:def`::ghi
`:abc`:def`::ghi
q)` sv `quick`brown`fox
`quick.brown.fox
q)` sv `mywork`dat
`mywork.dat
q)"," vs "one,two,three"
"one"
"two"
"three"
q)"|" vs "red|green||blue"
"red"
"green"
""
"blue"
q)`quick like "qu?ck"
1b
q)`brown like "br[ao]wn"
1b
q)`quick like "quickish"
0b
q)/ like by ref/like.md and basics/regex.md: lists and dictionaries of text
q)`brawn`brown like "br[^o]wn"
10b
q)(`a`b`c!`quick`brown`fox)like "brown"
a| 0
b| 1
c| 0
q)("roam";"rome") like "ro[^ab]?"
01b
q)/ sets: members, ranges, ^ first negates, ] first is a member, ? and * are plain in them
q)"br^wn" like "br[&^]wn"
1b
q)"br0wn" like "br[^3-6]wn"
1b
q)"br]wn" like "[bf]r[]]wn"
1b
q)"a[c" like "a[[]c"
1b
q)"brown" like "br[?*]wn"
0b
q)(`$("ab*c";"abcc"))like"ab[*]c"
10b
q)/ * matches any run, the empty one too; a run of * is one *
q)"brwn" like "br*wn"
1b
q)"broom of your own" like "br*wn"
1b
q)"abc" like "***"
1b
q)"a-b-c" like "a*b*"
1b
q)"" like "*"
1b
q)"" like "?"
0b
q)/ patterns q finds too hard: more than one * besides a leading and a trailing one
q)s:"Now is the time for all good men to come to the aid of the party."
q)s like "*the*"
1b
q)s like "*the*the*"
'nyi
q)s like "*the*the"
'nyi
q)`a`b like "a*b*c"
'nyi
q)"We the people of the United States" ss "the"
3 17
q)s:"toronto ontario"
q)s ss "t?r"
0 10
q)ssr[s;"t?r";upper]
"TORonto onTARio"
q)string 2
,"2"
q)string {x*x}
"{x*x}"
q)string "cat"
,"c"
,"a"
,"t"
q)upper`ibm`msft
`IBM`MSFT
q)lower`IBM
`ibm
q)upper(`The;(`quick`brown;(`fox;`jumps`over));`a;`lazy`dog)
`THE
(`QUICK`BROWN;(`FOX;`JUMPS`OVER))
`A
`LAZY`DOG
q)string 12
"12"
q)string `abc
"abc"
q)lower "ABC"
"abc"
q)upper "abc"
"ABC"
q)trim "  a  "
,"a"
q)"," vs "a,b"
,"a"
,"b"
q)"-" sv ("ab";"cd")
"ab-cd"
q)"abc" like "a*"
1b
q)"abcab" ss "b"
1 4
q)ssr["abc";"b";"x"]
"axc"
q)string (2 3;"abc")
(,"2";,"3")
(,"a";,"b";,"c")
q)trim 0N 0N 1 2 3 0N 0N  4 5 0N 0N
1 2 3 0N 0N 4 5
q)trim 42
42
q)trim(("fox";("jumps ";"over   "));("a";"dog "))
"fox" ("jumps";"over")
"a"   "dog"
q)ltrim`a`b!(("fox";("jumps ";"over   "));("a";"dog "))
a| "fox" ("jumps ";"over   ")
b| "a"   "dog "
q)rtrim ([]a:("fox";("jumps ";"over   "));b:("a";"dog "))
a                b
----------------------
"fox"            "a"
("jumps";"over") "dog"
q)kt:`k xkey update k:`abc`def`ghi from t:flip d:`a`b!(10 21 3;4 5 6)
q)ratios d
a| 10  21        3
b| 0.4 0.2380952 2
q)ratios t
a         b
--------------
10        4
2.1       1.25
0.1428571 1.2
q)2 mdev d
a| 0 0 0
b| 3 8 1.5
q)2 mdev kt
k  | a   b
---| -------
abc| 0   0
def| 5.5 0.5
ghi| 9   0.5
q)2 mmax d
a| 10 21 3
b| 10 21 6
q)2 mcount t
a b
---
1 1
2 2
2 2
q)` sv ("one";"two";"three")
"one\ntwo\nthree\n"
q)` vs "abc\r\ndef\r\nghi"
"abc"
"def"
"ghi"
q)` vs "abc\ndef\nghi\n"
"abc"
"def"
"ghi"
q)0x02 vs 0x0102010201
,0x01
,0x01
,0x01
q)0x0203 vs 0x000102030405
0x0001
0x0405
q)0x02 sv (enlist 0x01;enlist 0x01;enlist 0x01)
0x0102010201
q)" "vs"x"$"a b"
,"a"
,"b"
q)0 24 60 60 sv 2 3 5 7
183907
q)0x0 sv "x" $128 255
-32513h
q)0x0 sv "x" $0 64 128 255
4227327i
q)0b sv 64#1b
-1
q)0b sv 16#1b
-1h
q)0b sv 8#1b
0xff
q)0b sv 10001100011010111000101101100100011010000001010101100000100001000000101000111110000101111000010000000001001001010001101101101000b
8c6b8b64-6815-6084-0a3e-178401251b68
q)0b vs 23173h
0101101010000101b
q)0b vs 23173i
00000000000000000101101010000101b
q)0x0 vs 2413e
0x4516d000
q)0x0 vs 2413f
0x40a2da0000000000
q)s:"toronto ontario"
q)s ss "[ir]o"
2 13
q)ssr[s;"[ir]o";"--"]
"to--nto ontar--"
q)"A grown man in a gown" ss ""
'length
q)"We the people of the United States" ss "t?e"
3 17
q)string 2024.01m
"2024.01"
q)string 2024.01 2024.02m
"2024.01"
"2024.02"
q)/ a symbol as like's pattern is its text
q)`ECONOMY`PROMO like `$"ECON*"
10b
q)/ 0x0 sv of 16 bytes is a guid (basics/datatypes.md), 0x0 vs a guid its bytes; other lengths than 2 4 8 16 are 'length (ref/sv.md)
q)0x0 sv "x"$til 16
00010203-0405-0607-0809-0a0b0c0d0e0f
q)g:"G"$"8c680a01-5a49-5aab-5a65-d4bfddb6a661"
q)0x0 vs g
0x8c680a015a495aab5a65d4bfddb6a661
q)g~0x0 sv 0x0 vs g
1b
q)0x0 sv 0x010203
'length
q)/ ref/vs.md: ` vs a file handle splits directory and file; base x of a list of integers: a row per digit, each shaped as y
q)/ vs (ref/vs.md): ` vs a file handle splits off the file; a base with a list of integers gives
q)/ one item per digit, each shaped as the list, (x vs y)[;i] being x vs y[i]
q)` vs `:/home/kdb/data/mywork.dat
`:/home/kdb/data`mywork.dat
q)` vs `mywork.dat
`mywork`dat
q)a:10 vs 1995 1996 1997
q)a
1 1 1
9 9 9
9 9 9
5 6 7
q)a[;0]
1 9 9 5
q)10 vs(1995;1996 1997)
1 1 1
9 9 9
9 9 9
5 6 7
q)2 vs 1 2 3
0 1 1
1 0 1
q)2 vs 1 5
0 1
0 0
1 1
q)10 sv 10 vs 1995 1996 1997
1995 1996 1997
q)1 vs 1 2
'domain
q)/ ref/vs.md, ref/sv.md: k writes x vs y as x\:y and x sv y as x/:y; a data x gives those
q)10\:1234
1 2 3 4
q)10/:1 2 3 4
1234
q)(`\:)"ab\ncd\n"
"ab"
"cd"
q)k)`\:"x"$"ab\ncd"
"ab"
"cd"
q)","/:("ab";"cd")
"ab,cd"
q)f:24 60 60\:;f 3723
1 2 3
q)/ lower and upper over a dict's values and a table's columns (q.k's .z.s'x)
q)lower `a`b!("X";`Y)
a| "x"
b| `y
q)(upper ([]a:`x`y;b:("ab";"c")))~([]a:`X`Y;b:("AB";"C"))
1b
