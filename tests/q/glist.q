/ general lists of atoms of one type act as the typed list in aggregate, running, search and
/ order keywords (clients such as PyKX send lists of numbers this way); g is such a list.
/ ref/in.md: y an atom or vector: left-atomic; y a general list: Find, no iteration through x;
/ mixed types: an atom or one-item y compares by value, a longer or empty y is 'type.
/ ref/find.md: x of rank n looks for objects of rank n-1 (rank-sensitive), item by item when
/ y holds lists of them; an atom in a general list is found as in the typed list.
q)g:-1_(3;1;2;4;`a)
q)type g
0h
q)deltas g
3 -2 1 2
q)ratios g
3 0.3333333 2 2
q)med g
2.5
q)var g
1.25
q)dev g
1.118034
q)sums g
3 4 6 10
q)avg g
2.5
q)mavg[2;g]
3 2 1.5 3
q)msum[2;g]
3 4 3 6
q)g?2
2
q)2 in g
1b
q)g in 1 2
0110b
q)where -1_(1;0;2;`a)
0 2 2
q)where ()
`long$()
q)asc g
`s#1 2 3 4
q)desc g
4 3 2 1
q)iasc g
1 2 0 3
q)rank g
2 0 1 3
q)distinct -1_(1;1;2;`a)
1 2
q)g except 1
3 2 4
q)g inter 1 2
1 2
q)(asc g) bin 2
1
q)(1;`a;2)?2
2
q)(1;`a;2)?(2;`a)
2 1
q)2 in (1;`a;2)
1b
q)(1;`a;2) in 2 3
'type
q)"x" in "a"
0b
q)"x" in "acdexyz"
1b
q)"wx" in "acdexyz"
01b
q)("abc";("def";"ghi");"jkl")in "bed"
010b
(110b;000b)
000b
q)"wx" in ("acdexyz";"abcd";"wx")
1b
q)("ab";"cd") in (("ab";"cd");0 1 2)
1b
q)1 3 7 6 4 in 5 4 1 6
10011b
q)1 2 in (9;(1 2;3 4))
00b
q)1 2 in (1 2;9)
1b
q)1 2 in ((1 2;3 4);9)
0b
q)(1 2;3 4) in ((1 2;3 4);9)
1b
q)1 2. in 2
01b
q)1 2. in 1#2
01b
q)1 2. in 0#2
'type
q)1 2. in 2#2
'type
q)3 in (1 2;3)
0b
q)3 in (3;1 2)
1b
q)u:("abcde";10 2 -6;(2 3;`ab))
q)u?10 2 -6
1
q)u?"abcde"
0
q)u?(2 3;`ab)
3 3
q)w:10 -8 3 5 -1 2 3
q)w?(10 5 -1;-8;3 17)
0 3 4
1
2 7
q)/ a general list indexed by a vector collects its items: atoms of one type are a vector,
q)/ dicts of one shape a table (learn/python/examples/list.md)
q)lst:(5; 6; (); 3; (); (); 9)
q)lst where not lst~\:()
5 6 3 9
q)type (1;`a;2) 0 2
7h
q)(`a`b!1 2;`a`b!3 4;5) 0 1
a b
---
1 2
3 4
q)/ enlist of a dict with symbol keys is a one-row table; of an empty dict, a one-item list
q)enlist `a`b!1 2
a b
---
1 2
q)count enlist(0#`)!0#0N
1
q)enlist[`]!enlist(0#`)!0#0N
| (`symbol$())!`long$()
