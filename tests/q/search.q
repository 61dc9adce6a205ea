/ search (ref/find.md, ref/in.md, ref/within.md, ref/except.md, ref/inter.md, ref/union.md,
/ ref/distinct.md, ref/group.md, ref/differ.md, ref/bin.md)
/ bin on tables and keyed tables (ref/bin.md "Tables"): the last row whose first n-1 columns
/ match and whose last column is not above y's; 0N when none; a keyed table gives key rows.
/ bin on lists (ref/bin.md): the last item <= y, -1 below the first; binr the first >= y.
q)0 2 4 6 8 10 bin -10 0 4 5 6 20
-1 0 2 2 3 5
q)0 1 1 2 bin 0 1 2
0 2 3
q)0 1 1 2 binr 0 1 2
0 1 3
q)differ`IBM`IBM`MSFT`CSCO`CSCO
10110b
q)differ 1 3 3 4 5 6 6
1101110b
q)differ (7;`a;`a;09:34)
1101b
q)1 2 3 4 1 3 except 2 3
1 4 1
q)1 2 3 1 4 inter 4 1 4
1 1 4
q)1 2 3 3 6 union 2 4 6 8
1 2 3 6 4 8
q)5 within (1 2 6;3 5 7)
010b
q)(1 3 10 6 4;"acyxmpu") within ((2;"b");(6;"r"))
01011b
0100110b
q)distinct 2 3 7 3 5 3
2 3 7 5
q)group "mississippi"
m| ,0
i| 1 4 7 10
s| 2 3 5 6
p| 8 9
q)1 2 3?2
1
q)1 2 3?5
3
q)2 in 1 2 3
1b
q)distinct 1 2 1 3
1 2 3
q)group `a`b`a
a| 0 2
b| ,1
q)1 3 5 bin 4
1
q)1 2 3 except 2
1 3
q)1 2 3 inter 2 3 4
2 3
q)1 2 union 2 3
1 2 3
q)differ 1 1 2
101b
q)1 2 3 within 2 3
011b
q)("apple";"banana";"coffee") bin ("anise";"berry";"curry")
-1 1 2
q)("apple";"banana";"coffee") bin "banana"
1
q)(`a`b`c!0 2 4) bin -1 3
``b
q)`q`Q`h in key`
111b
q)`z in key`
0b
q)0 2 4 6 8 10 bin 5
2
q)0 2 4 6 8 10 bin -10 0 4 5 6 20
-1 0 2 2 3 5
q)0 1 1 2 bin 0 1 2
0 2 3
q)0 1 1 2 binr 0 1 2
0 1 3
q)(`a`b`c!0 2 4) bin -1 3
``b
q)("apple";"banana";"coffee") bin ("anise";"berry";"curry")
-1 1 2
q)t:([]a:`p`p`p`q`q`q;b:0 2 4 0 2 4)
q)t bin `a`b!(`p;3)
1
q)t bin ([]a:`q;b:-1 1 3 5)
0N 3 4 5
q)t bin `a`b!(`r;2)
0N
q)t bin (`p;5)
2
q)kt:([k:`c`d`e`f`g`h`j`l]a:`p`p`q`q`p`p`q`q;b:0 1 0 1 0 1 0 1;c:3 3 3 3 7 7 7 7)
q)(kt bin ([]a:`p`q`q`r;b:1;c:4 8 2 4))`k
`d`l``
q)([]x:1 3 5) bin ([]x:0 3 4)
0N 1 1
q)/ ref/in.md: in a dictionary is in its values
q)(til 11) in `a`b!1 5
01000100000b
q)S:"mississippi"
q)S where (til count S)in first each group S
"misp"
q)/ ref/find.md, Type-specific: right-atomic when y's first item is a list, else 'type
q)w:10 -8 3 5 -1 2 3
q)w?(10 5 -1;-8;3 17)
0 3 4
1
2 7
q)w?(-8;3 17)
'type
q)u:("abcde";10 2 -6;(2 3;`ab))
q)u?(2 3;`ab)
3 3
q)/ basics/dictsandtables.md, reverse lookup: Find on a dict gives the key of the first matching
q)/ value, for each item of a list y, a null key where none matches; a keyed table's values are
q)/ its value rows, so a table or a record y gives key rows
q)d:`a`b`c!10 20 30
q)d?30
`c
q)d?40
`
q)d?30 10 40
`c`a`
q)(1 2!("ab";"cd"))?("cd";"ab")
2 1
q)kt:([k:1 2 3]v:10 20 30)
q)kt?enlist 20
k| 2
q)kt?enlist[`v]!enlist 30
k| 3
q)kt?([]v:20 30 40)
k
-
2
3

q)(2!([]a:1 2;b:3 4;c:5 6))?([]c:6 5)
a b
---
2 4
1 3
q)/ distinct of over 2^20 8-byte items with many distinct values: radix-partitioned, first
q)/ occurrences in order (nulls and infinities are values like others)
q)x:(3*1200000?1000000000),0N,0N,0W,-0W,0N;r:distinct x;(count r;r~x where (til count x)=x?x)
1199274
1b
q)y:1200000?100;(distinct y)~y where (til count y)=y?y
1b
q)z:`timestamp$3*1200000?1000000000;r:distinct z;(count r;r~z where (til count z)=z?z;type r)
1199262
1b
12h
q)s:-600000+1200000?1200000;r:distinct s;(count r;r~s where (til count s)=s?s;count distinct s)
758313
1b
758313
q)/ group of a dictionary: each distinct value's keys
q)group `AA`IBM`A`MSFT`INTC!`a`b`b`b`a
a| `AA`INTC
b| `IBM`A`MSFT
q)/ ref/in.md on a table: rows (a table) or a record in a table's rows, (y?x)<count y
q)lst:((`Gfg`is!1 2);(`Gfg`is!2 2);(`Gfg`is!1 2))
q)lst in lst 0 2
101b
q)lst where lst in lst where (lst?lst)<>til count lst
Gfg is
------
1   2
1   2
q)t:([]a:1 2 3;b:4 5 6)
q)(`a`b!2 5) in t
1b
q)(`a`b!2 6) in t
0b
q)/ group of a table: its distinct rows (a table) to the rows where each occurs; fby groups by such a table (ref/fby.md)
q)t:([]a:1 1 2;b:3 3 4;c:10 20 30)
q)group `a`b#t
a b|
---| ---
1 3| 0 1
2 4| ,2
q)select from t where c=(max;c) fby ([]a;b)
a b c
------
1 3 20
2 4 30
q)(first;t`c) fby ([]t`a;t`b)
10 10 30
q)/ distinct of many items, mostly distinct (radix-partitioned past 2^17 items): the first of
q)/ each, in order of first appearance, as the rule defines it
q)u:100000?1000000000000;v:u 300000?count u
q)(distinct v)~v where (til count v)=v?v
1b
q)(count distinct v)=sum (til count v)=v?v
1b
q)/ syms in a few syms (eight or fewer are compared with every item directly, four at a time
q)/ where the machine can): the same as item by item, in a select's where clause too
q)x:(1003#`$"s",/:string til 100),``s1
q)f:{[x;y] (x in y)~{x in y}[;y] each x}
q)f[x] each (`s1`s17;`s1;`$();`s1`s2`s3`s4`s5`s6`s7`s8;`s1`s2`s3`s4`s5`s6`s7`s8`s9;``s5;`nope;`s1`s1`s1)
11111111b
q)t:([]sym:x;v:til count x)
q)g:{[t;y] (exec v from t where sym in y)~where t[`sym] in y}
q)g[t] each (`s1`s17;`s1;`$();`s1`s2`s3`s4`s5`s6`s7`s8;`s1`s2`s3`s4`s5`s6`s7`s8`s9;``s5;`nope)
1111111b
q)exec v from t where sym in ``s5
5 105 205 305 405 505 605 705 805 905 1003
