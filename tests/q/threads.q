/ flags: -s 2
/ secondary threads: -s and \s (basics/syscmds.md#s-number-of-secondary-threads,
/ basics/cmdline.md#-s-secondary-threads), and the primitives that run on them above
/ 131072 items (kb/mt-primitives.md): the same bits with \s 0 and with \s 2
q)\s
2i
q)system"s"
2i
q)\s 0N
2i
q)\s 1
q)\s
1i
q)\s 3
'limit
q)\s x
'type
q)\s 0
q)\s
0i
q)\s -2
q)\s
-2i
q)\s 2
q)n:1000003
q)X:n?1000;X[n?n div 10]:0N
q)Y:n?100f;Y[n?n div 10]:0n
q)B:0<X mod 3
q)f:{[](sum X;min X;max X;avg X;sum Y;min Y;max Y;avg Y;X+X;X*2;Y%3;X<500;Y=Y;Y<50f;X=Y;where B;X-Y;sum B;max 0N,X;min 0n,Y;`timestamp$X;sum `timestamp$X;max `timestamp$X;0N 0N,X;X|Y)}
q)\s 0
q)s0:f[]
q)\s 2
q)s2:f[]
q)(-8!s0)~-8!s2
1b
q)/ and the same answers as the small vectors (one thread) give, part by part
q)c:{1000 cut x}
q)(sum X)~sum sum each c X
1b
q)(max X;min X)~(max max each c X;min min each c X)
1b
q)(max Y;min Y)~(max max each c Y;min min each c Y)
1b
q)(X+X)~raze c[X]+c X
1b
q)(Y<50f)~raze c[Y]<50f
1b
q)(where B)~raze(1000*til count c B)+'where each c B
1b
q)(count where B)=sum B
1b
q)(sum Y)=sum sum each c Y
1b
q)(avg Y)=(sum Y)%count Y where not null Y
1b
q)/ a select's where clauses, fused, over parts of the rows on the threads: the rows \s 0 keeps
q)T:([]x:X;y:Y;s:n?`a`b`c`d)
q)g:{[]select r:i, x, y from T where y>50f, s in `a`c, x<900}
q)\s 0
q)w0:g[]
q)\s 2
q)w0~g[]
1b
q)w0~select r:i, x, y from T where y>50f, s in `a`c, x<900, i within (0;n)
1b
q)(exec r from w0)~where (Y>50f)&(T[`s] in `a`c)&X<900
1b
q)/ all nulls: the extremes of nothing
q)(max n#0N;min n#0N;max n#0n;min n#0n)
-0W
0W
-0w
0w
q)sum n#0n
0f
q)avg n#0n
0n
q)/ peach (basics/peach.md): each item on the main thread here, in order; with more than one
q)/ item kdb+ runs them on secondary threads, which may not update globals: refused here too
q){x*x} peach 1 2 3
1 4 9
q){`a set x} peach 0 1
'noupdate
q){a::x} peach 0 1
'noupdate
q){`a set x} peach enlist 0
,`a
q){b:x;b+1} peach 1 2
2 3
q)@[{'x} peach;`boom`bang;::]
"boom"
q)\s 0
q){`a set x} peach 0 1
`a`a
q)\s 2
q)a:5;{a+x} peach 1 2
6 7
q)a
5
q)/ .Q.fc (ref/dotq.md#fc-parallel-on-cut): f over \s pieces of the list by peach, razed
q).Q.fc[{x*x};til 7]
0 1 4 9 16 25 36
q).Q.fc[{x+1};1#5]
,6
q).Q.fc[{x,'x};`a`b`c]
a a
b b
c c
q)(.Q.fc[{x*2.5};X])~X*2.5
1b
q)/ ref/asc.md: asc of longs and floats splits its radix passes over the threads: the same list
q)/ (and s#) with \s 0 and \s 2, for every shape of key: wide, narrow, skewed, nulls, infinities;
q)/ from 2^18 items by the top digit first, then each bucket by its own span
q)L:(1000003?0W;-500+1000003?1000;(200000?10),0N,0W,-0W;(1000000#7),0 -1;0N,(1000000?0W),0N;(1000000?10),-0W,0W;0N,(300000?100),300000?0W)
q)F:(-0.5+1000000?1e-300;(300000?1f),0w,-0w,0n;1000003?1.0;1e300*-0.5+1000003?1.0;(200000?3f),0n,0w,-0w;200000?0 -1 1f;(200000?1f),-0.0;(200000?1f),-0.0,0.0)
q)\s 0
q)a:asc each L,F
q)\s 2
q)b:asc each L,F
q)(a~b),(attr each b)~(count b)#`s
11b
q)b~{x iasc x} each L,F
1b
q)/ their grades (ref/iasc.md, ref/idesc.md): permutations in order, equal items in their first order
q)up:{g:iasc x; a:x g; (all ((1_a)>-1_a) or (1_g)>-1_g) and (asc g)~til count x}
q)down:{g:idesc x; a:x g; (all ((1_a)<-1_a) or (1_g)>-1_g) and (asc g)~til count x}
q)\s 0
q)(all up each L,F),all down each L,F
11b
q)\s 2
q)(all up each L,F),all down each L,F
11b
q)/ by with aggregates over parts of the rows (from 2^17 rows, eight parts whatever \s is): the
q)/ same bits with \s 0 and \s 2, and what each group's rows give the keywords themselves
q)n:300000
q)T:([]g:n?100;h:n?5000;v:n?1.0;w:n?100;x:n?10.0;j:((n-1)?1000),0N;f:((n-1)?1.0),0n)
q)q1:{select c:count i,s:sum v,a:avg v,mx:max v,mn:min j,sj:sum j,avj:avg j,mj:max j,mf:min f,ww:w wavg x,ws:x wsum v,wvj:w wavg j by g from T}
q)q2:{select c:count i,s:sum v,a:avg f,ww:w wavg x by h from T where v>0.5}
q)q3:{select s:sum v,mx:max f by g,h from T}
q)\s 0
q)a:(q1[];q2[];q3[])
q)\s 2
q)a~(q1[];q2[];q3[])
1b
q)G:group T`g;k:asc key G;on:{[c;f] {[c;f;r] f T[c] r}[c;f] each G k}
q)e:([g:k]c:count each G k;s:on[`v;sum];a:on[`v;avg];mx:on[`v;max];mn:on[`j;min];sj:on[`j;sum];avj:on[`j;avg];mj:on[`j;max];mf:on[`f;min])
q)e:e,'([g:k]ww:{T[`w][x] wavg T[`x] x} each G k;ws:{T[`x][x] wsum T[`v] x} each G k;wvj:{T[`w][x] wavg T[`j] x} each G k)
q)((key a 0)~key e),all {$[9h=type x;all 1e-9>abs x-y;x~y]}'[value flip value a 0;value flip value e]
11b
