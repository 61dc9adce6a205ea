/ Cast (ref/cast.md): `type$ and "c"$ between numeric, temporal, symbol and char types
q)1 2 3f$4 5 6f
32f
q)`int$1.6
2i
q)`float$1 2
1 2f
q)`$"abc"
`abc
q)`date$2020.01.02D12:00:00
2020.01.02
q)`year$2020.03.04
2020i
q)1 2 3f$1 2 3f
14f
q)(1 2f;3 4f)$(1 2f;3 4f)
7  10
15 22
q)factorial:{$[x<2;1;x*.z.s x-1]}
q)factorial 5
120
q)(12h;"m";`date)$42
2000.01.01D00:00:00.000000042
2003.07m
2000.02.12
q)`hh`uu`ss$03:55:58.11
3 55 58i
q)/ ref/cast.md, Infinities and beyond: a narrower integer infinity widens to a finite value
q)`float$0Wh
32767f
q)`long$0Wi
2147483647
q)`float$0Nh
0n
q)/ a float infinity narrows to the integer type's infinity
q)`int$0w
0Wi
q)-0Wh=`short$-0w
1b
q)/ ref/cast.md, Byte: longs above int infinity cast to 0xff
q)"x"$-2 -1 0 1 2+0Wi
0xfdfeffffff
q)/ ref/cast.md, Identity: "*" and 0h return y
q)("*";0h)$1
1 1
q)0h$`a`b
`a`b
q)/ the vector fast paths of Cast: `$ of a list of strings in one pass, same-width integer and temporal types by their bits (nulls and infinities kept)
q)`$("abc";" ab ";"";"  ";"a b")
`abc`ab```a b
q)`$()
`symbol$()
q)`timestamp$0N 0W -0W 0 1
0N 0W -0W 2000.01.01D00:00:00.000000000 2000.01.01D00:00:00.000000001
q)`timespan$0N 0W 1000000000
0N 0W 0D00:00:01.000000000
q)`date$0N 0W 0 366i
0N 0W 2000.01.01 2001.01.01
q)`month$0 13 0Ni
2000.01 2001.02 0Nm
q)`minute$90 0Ni
01:30 0N
q)`second$3661 -1i
01:01:01 -00:00:01
q)`time$0Wi 1000i
0W 00:00:01.000
q)`long$2000.01.01D00:00:01 0Np
1000000000 0N
q)`int$2000.01.02 0Nd
1 0Ni
q)"j"$0D00:00:01
1000000000
q)type `timestamp$til 3
12h
q)/ between two temporal types the units convert (no fast path): time to minute, date to month
q)`minute$09:30:00.000 10:15:30.000
09:30 10:15
q)`month$2024.01.31 2024.02.01
2024.01 2024.02m
q)`date$2000.01.01D12:00 0Np
2000.01.01 0N
q)/ ref/cast.md: a date's month keeps its year past a timestamp's range; week of a null is a null date
q)`month$2400.01.01 0N 0W 1999.12.31 1066.10.14d
2400.01 0N 0W 1999.12 1066.10m
q)`month$2400.01.01
2400.01m
q)`week$2000.01.01 2020.02.29 0Nd
1999.12.27 2020.02.24 0N
q)`week$0Nd
0Nd
q)`year$2400.01.01 0N 2000.01.01d
2400 0N 2000i
q)/ "g"$ of guids is the guids themselves
q)"g"$"G"$"8c680a01-5a49-5aab-5a65-d4bfddb6a661"
8c680a01-5a49-5aab-5a65-d4bfddb6a661
q)/ a vector of numbers cast to another number type gives what each item's cast gives
q)src:(101b;0x00ff7f;"h"$0N 1 -1 32767 -32768;"i"$(0N;1;-1;70000;-2147483647;2147483647);(0N;0W;-0W;1;-1;5000000000;-9223372036854775807);"e"$(0n;0w;-0w;1.5;-2.5;3e9;0.5;-0.5;1e20);(0n;0w;-0w;1.5;-2.5;3e9;0.5;-0.5;1e20;2.5;1e10))
q)all raze {[v;t] (t$v)~t$'v}/:\:[src;"bhijef"]
1b
q)"j"$1.5 -1.5 2.5 0n 0w
2 -2 3 0N 0W
q)"h"$0N 70000
0N 4464h
