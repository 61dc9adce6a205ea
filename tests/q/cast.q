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
