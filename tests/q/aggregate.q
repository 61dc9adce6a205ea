/ aggregates, running, moving and statistical keywords (ref/sum.md, ref/prd.md, ref/avg.md,
/ ref/min.md, ref/max.md, ref/med.md, ref/dev.md, ref/var.md, ref/cor.md, ref/cov.md,
/ ref/wavg.md, ref/wsum.md, ref/mavg.md, ref/mcount.md, ref/mdev.md, ref/ema.md,
/ ref/deltas.md, ref/ratios.md, ref/fills.md, ref/all-any.md): nulls skipped, empty lists
q)avgs 1 2 3 0n 4 -0w 0w
1 1.5 2 2 2.5 -0w 0n
q)29 10 54 cor 1 3 9
0.7727746
q)1 3 9 cor neg 1 3 9
-1f
q)1 3 1 3 cor 1 1 3 3
0f
q)1 1 1 cor 1 3 9
0n
q)2 3 5 7 cov 3 3 5 9
4.5
q)2 3 5 7 scov 3 3 5 9
6f
q)ema[1%3;1,5#0]
1 0.6666667 0.4444444 0.2962963 0.1975309 0.1316872
q)fills 0N 2 3 0N 0N 7 0N
0N 2 3 3 3 7 7
q)fills {(x where x=0W):0N;x} 0N 2 3 0W 0N 7 0W
0N 2 3 3 3 7 7
q)3 mcount 0 1 2 3 4 5
1 2 3 3 3 3
q)3 mcount 0N 1 2 3 0N 5
0 1 2 3 2 2
q)2 mdev 1 2 3 5 7 10
0 0.5 0.5 1 1 1.5
q)5 mdev 1 2 3 5 7 10
0 0.5 0.8164966 1.47902 2.154066 2.87054
q)5 mdev 0N 2 0N 5 7 0N
0n 0 0 1.5 2.054805 2.054805
q)3 mmax 2 7 1 3 5 2 8
2 7 7 7 5 5 8
q)3 mmax 0N -3 -2 0N 1 0
-0W -3 -2 -2 1 1
q)3 mmin 0N -3 -2 1 -0W 0
0N 0N 0N -3 -0W -0W
q)3 mmin 0N -3 -2 1 0N -0W
0N 0N 0N -3 0N 0N
q)sdev 10 343 232 55
155.1322
q)var 2 3 5 7
3.6875
q)var 2 3 5 0n 7
3.6875
q)svar 2 3 5 7
4.916667
q)2 3 4 wavg 1 2 4
2.666667
q)2 0N 4 5 wavg 1 2 0N 8
6f
q)0 wavg 2 3
0n
q)(1 2;3 4) wavg (500 400; 300 200)
350 266.6667
q)deltas 1 4 9 16
1 3 5 7
q)deltas 2000 2005 2007 2012 2020
2000 5 2 5 8
q)ratios 2000 2005 2007 2012 2020
2000 1.0025 1.000998 1.002491 1.003976
q)prds 2 3 0N 7
2 6 6 42
q)prds (1 2 3;2 3 5)
1 2 3
2 6 15
q)prds "abc"
'type
q)prd 2 3 0N 7
42
q)prd 101b
0i
q)maxs 2 5 7 1 3
2 5 7 7 7
q)maxs "genie"
"ggnnn"
q)maxs 0N 5 0N 1 3
-0W 5 5 5 5
q)mins "genie"
"geeee"
q)mins 0N 5 0N 1 3
0W 5 5 1 1
q)sum 7
7
q)sum 2 3 0N 7
12
q)sum "abc"
'type
q)sum (0n 8;8 0n)
0n 0n
q)sum 0n 8
8f
q)sums 2 3 0N 7
2 5 5 12
q)sums "abc"
'type
q)avg 1 2 3
2f
q)avg 1 0w
0w
q)avg -0w 0w
0n
q)avg 1 0n 2 3
2f
q)avg (1 2;0N 4)
0n 3
q)avg 101b
0.6666667
q)med 10 34 23 123 5 56
28.5
q)dev 10 343 232 55
134.3484
q)max 0N 5 0N 1 3
5
q)max 0N 0N
-0W
q)max "genie"
"n"
q)min 0N 0N
0W
q)min (1 2;0N 4)
0N 2
q)all 1 2 3 = 1 2 4
0b
q)all 2000.01.01
0b
q)any 1 2 3 = 1 20 30
1b
q)any 2000.01.01 2000.01.02
1b
q)2 3 4 wsum 1 2 4
24f
q)2 wsum 1 2 4
14
q)(1 2;3 4) wsum (500 400;300 200)
1400 1600
q)5 mavg 0N 2 0N 5 7 0N
0n 2 2 3.5 4.666667 4.666667
q)0 mavg 2 3
0n 0n
q)3 msum 0N 2 3 5 0N 11
0 2 5 10 8 16
q)sum 1 2 3
6
q)sum 1.5 2.5
4f
q)prd 1 2 3 4
24
q)min 3 1 2
1
q)max 3 1 2
3
q)avg 1 2 3 4
2.5
q)med 3 1 2 5
2.5
q)var 1 2 3 4
1.25
q)dev 1 2 3 4
1.118034
q)sums 1 2 3
1 3 6
q)prds 1 2 3
1 2 6
q)mins 3 1 2
3 1 1
q)maxs 1 3 2
1 3 3
q)deltas 1 4 9
1 3 5
q)ratios 1 2 8
1 2 4f
q)all 1 1 0
0b
q)any 0 0 1
1b
q)3 mavg 1 2 3 4 5
1 1.5 2 3 4
q)2 msum 1 2 3
1 3 5
q)2 wsum 1 2
6
q)sum (1 2;0N 4)
0N 6
q)all "YNYN"
1b
q)all ()
1b
q)any ()
0b
q)all " \000"
0b
q)all ([] c1:1 2 3; c2:0n 0w -0w; c3:0 1 2f)
c1| 1
c2| 1
c3| 0
q)var (1 2;3 5;4 9)
1.555556 8.222222
q)var ([]a:1 2 4;b:1 3 5)
a| 1.555556
b| 2.666667
q)avg (1;0n;2;3)
1.5
q)avg ([]a:3 5; b:6 8f)
a| 4
b| 7
q)med `a`b!(10 -21 3;4 5 -6)
7 -8 -1.5
q)1 3 0N cor 1 3 9
1f
q)29 10 54 cor 1 3 9
0.7727746
q)/ ref/med.md, Implicit iteration: med of a dict is med of its values; of a table, by its
q)/ k definition, the mean of the middle rows in sorted order
q)k:`k xkey update k:`abc`def`ghi from t:flip d:`a`b!(10 -21 3;4 5 -6)
q)med d
7 -8 -1.5
q)med t
a| 3
b| -6
q)med k
a| 3
b| -6
q)med (1 9;2 1;3 5)
2 1f
q)med `a`b`c!1 5 3
3f
q)med (1;5;3)
3f
q)/ a running keyword over a table with a column it does not apply to is 'type
q)sums ([]a:1 2 3;b:`x`y`z)
'type
q)sums ([]a:1 2 3;b:1 2 3f)
a b
---
1 1
3 3
6 6
q)/ ref/sum.md, max.md, avg.md ranges: shorts sum to an int, temporals to their type; no max of symbols
q)sum 1 2 3h
6i
q)sum 2000.01.01 2000.01.03
2000.01.03
q)avg 2000.01.01 2000.01.03
1f
q)max `a`b
'type
q)prd ([]a:1 2 3;b:4 5 6)
a| 6
b| 120
q)/ running sums and products of booleans, bytes and shorts are ints; deltas keeps the first item
q)sums 1 2 3h
1 3 6i
q)sums 101b
1 1 2i
q)deltas 1 2 4h
1 1 2i
q)deltas 2000.01.01 2000.01.03
0 2i
q)/ ref/avg.md, ema.md, prev.md: uniform keywords over tables and dicts
q)t:([]a:10 -21 3;b:4 5 -6)
q)avgs t
a         b
-------------
10        4
-5.5      4.5
-2.666667 1
q)ema[0.5;t]
a     b
-----------
10    4
-5.5  4.5
-1.25 -0.75
q)count 2 xprev t
3
q)last 2 xprev t
a| 10
b| 4
q)/ ref/med.md, ref/dev.md, ref/var.md: a general list of numeric atoms of mixed types is the
q)/ numeric list of their values; another atom in it is 'type, as a symbol vector is; a list of
q)/ lists goes by rows (med) or columns (dev, var)
q)med (1;2.5;3)
2.5
q)med (1;2.5;3;0n)
2.5
q)med (1;1;7;`foo)
'type
q)dev (1;2.5;3)
0.8498366
q)var (1;2;3e)
0.6666667
q)svar (1;2i;3f)
1f
q)sdev (1;`a)
'type
q)med (1 2;3 4;5 6)
3 4f
q)/ the moving family over every type its domain tables give (ref/sum.md msum, ref/avg.md
q)/ mavg, ref/max.md mmax, ref/min.md mmin): x msum y is y less its lagged running sums, so
q)/ its type is the type of `-`: ints stay ints, dates and months become ints, timestamps
q)/ timespans, datetimes floats, times keep their type
q)2 msum 1 2 3i
1 3 5i
q)2 msum 101b
1 1 1i
q)2 msum 1 2 3h
1 3 5i
q)2 msum 2000.01.01 2000.01.03 2000.01.04
0 2 5i
q)2 msum 2000.01.01D01 2000.01.01D02
0D01:00:00.000000000 0D03:00:00.000000000
q)2 msum 00:01 00:02 00:03
00:01 00:03 00:05
q)type 2 msum 2000.01.01T12:00 2000.01.02T12:00
9h
q)2 msum "ab"
'type
  [0]  2 msum "ab"
         ^
q)2.5 msum 1 2
'type
  [0]  2.5 msum 1 2
           ^
q)2h msum 1 2 3
1 3 5
q)/ mavg and mdev average the underlying numbers of temporals; mcount counts non-nulls
q)2 mavg 2000.01.01 2000.01.03 0N
0 1 2f
q)2 mcount 0N 2000.01.03 0N
0 1 1
q)2 mdev 00:00:01 00:00:03 00:00:04
0 1 0.5
q)/ mmax and mmin keep the type of any ordered list: temporals, chars, booleans, bytes
q)2 mmax 2000.01.01 2000.01.03 2000.01.02
2000.01.01 2000.01.03 2000.01.03
q)2 mmin 0N 2000.01.03 2000.01.02
0N 0N 2000.01.02
q)2 mmax 0N 0N 2000.01.05
-0W -0W 2000.01.05
q)3 mmax "acbxa"
"accxx"
q)2 mmin 10110b
10010b
q)2 mmax 0x010300
0x010303
q)2 mmax 12:00 11:00 13:00
12:00 12:00 13:00
q)2 mmax `a`b
'type
  [0]  2 mmax `a`b
         ^
q)/ the float statistics take chars and temporals as their underlying numbers (ref/avg.md,
q)/ cov.md, cor.md domain tables)
q)avg "ab"
97.5
q)var "ab"
0.25
q)med "abc"
98f
q)1 2 wavg 2000.01.01 2000.01.04
2f
q)2000.01.01 2000.01.02 wavg 1 2f
2f
q)00:01 00:02 00:03 cov 1 2 3
0.6666667
q)2000.01.01 2000.01.02 2000.01.04 cor 1 2 4
1f
q)/ all and any are min and max of "b"$x (ref/all-any.md): over a dict's values, and atomically
q)/ over a general list's items
q)all `a`b!(1.5 2.5 0n;-3 0 5.)
101b
q)any `a`b!(0 0 1;0 0 0)
001b
q)all (1.5 2.5;0n)
11b
q)any (0b;0 1)
01b
q)/ differ is uniform (ref/differ.md): over a dict's values under its keys
q)differ `a`b`c!1 1 2
a| 1
b| 0
c| 1
q)/ deltas and ratios of a general list: -': and %': item by item (ref/deltas.md, ratios.md)
q)deltas (1;2.5;4)
1
1.5
1.5
q)deltas (1;2 3;4)
1
1 2
2 1
q)ratios (1;2.5;4)
1 2.5 1.6
q)deltas (1 2;3 4)
1 2
2 2
q)/ deltas is -': and ratios %' (q.k): the same answers, seeded or not, of any list; of none, none
q)(-':)101b
1 -1 1i
q)-':[10;15 27 93]
5 12 66
q)(-':)2000.01.03 2000.01.01
2 -2i
q)((%':)1 2 4)~ratios 1 2 4
1b
q)count deltas 0#0
0
q)count ratios 0#0f
0
q)/ sums prds maxs mins are + * | & scanned, sum prd max min the same over (ref/sum.md: "equivalent
q)/ to +/"): one answer, nulls as the keywords take them
q)+\2 3 0N 7
2 5 5 12
q)&\0N 5 0N 1 3
0W 5 5 1 1
q)|\0N 5 0N 1 3
-0W 5 5 5 5
q)+/2 3 0N 7
12
q)+\101b
1 1 2i
q)(|/)(1 2;3 0)
3 2
q)0+/1 2 3
6
q)/ ema is (first y)(1f-x)\x*y (q.k): as floats, a null 0n from there on; scov counts the pairs
q)/ without a null (q.k); med of an atom is of its list; avgs of chars is 'type (sums of chars)
q)ema[0.5;3 1 0N 2]
3 2 0n 0n
q)ema[0.5 0.1 0.2;1 2 3]
1 1.1 1.48
q)3 1 0N 2 scov 3 1 4 1
-0.75
q)med 5
5f
q)differ 5
0b
q)/ sums in the list's own type (ref/sum.md's table): ints, reals, temporals; nulls as 0
q)sums 1 2 0N 3i
1 3 3 6i
q)sums 1.5 0n 2e
1.5 1.5 3.5e
q)sums 00:01 00:02
00:01 00:03
q)sums 0D01 0N 0D02
0D01:00:00.000000000 0D01:00:00.000000000 0D03:00:00.000000000
q)/ med selects the middle (or the mean of the middle two) without sorting; nulls left out
q)med 10 9 8 7 6 5 4 3 2 1 0
5f
q)med 5 5 5 5 1
5f
q)med 1 0N 3 4
3f
q){(med x)=.5*sum (asc x) (floor;ceiling)@\:.5*-1+count x} 100000?1000
1b
q)var 1 2 0N 4
1.555556
q)dev 2000.01.01 2000.01.05
2f
q)(2000.01.01 2000.01.03 2000.01.02) scov 1 2 3
0.5
q)/ a window of 0 or fewer items leaves y as it is (ref/min.md; q.k applies prior x-1 times)
q)0 mmin 3 1 2
3 1 2
q)-2 mmax 3 1 2
3 1 2
