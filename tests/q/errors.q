/ errors where q signals them, and the amend rules around them (ref/assign.md, ref/amend.md,
/ ref/identity.md, ref/raze.md, ref/greater.md, basics/parsetrees.md, implicit-iteration.md):
/ a simple list takes only atoms of its type, in x[i]:v, x op: v and @[x;i;f]; a general list
/ whose items come to share one atom type becomes that vector; x[i]op:y gives the new items;
/ x op:y of an undefined x defines it; a dictionary joins only dictionaries and tables;
/ a char and a number in | and & give a char; value applies to literals, eval evaluates;
/ like iterates one level only.
q)s:1 2 3
q)s[1]:4
q)s
1 4 3
q)s[2]:5f
'type
q)s:(1;2f;3)
q)s
1
2f
3
q)s[1]:4
q)s
1 4 3
q)s[1]:5f
'type
q)@[1 2; ::; *; 3 4]
3 8
q)@[(1 2;4 5); ::; ,; 3 6]
1 2 3
4 5 6
q)@[1 2; ::; 3 4*]
'type
q)@[1 2 3;1;:;`a]
'type
q)/ amend keeps a simple list's type; the one pair it converts is int and long (a long past
q)/ the ints is an int infinity), as kdb+ does
q)@[1 2 3;1;:;5i]
1 5 3
q)type @[1 2 3;0 1;:;5 6i]
7h
q)@[1 2 3i;1;:;5]
1 5 3i
q)@[1 2 3i;0 1 2;:;(0N;9223372036854775;-9223372036854775)]
0N 0W -0Wi
q)b:1 2 3i;b[0]+:1;b
2 2 3i
q)@[1 2 3;1;:;5h]
'type
q)@[1 2 3;1;:;5f]
'type
q)t:([]a:1 2 3);update a:7 8i from t where a>1
a
-
1
7
8
q)x:(1;2;3)
q)x,:`a
'type
q)/ ref/assign.md: x,:y of an undefined x joins y onto (): a table or keyed table is itself
q)x:([]sym:`a`b`a;bid:1 2 3f)
q)qq,:select by sym from x
q)qq
sym| bid
---| ---
a  | 3
b  | 2
q).[`tr;();,;x]
`tr
q)tr
sym bid
-------
a   1
b   2
a   3
q)type (),x
98h
q)/ ref/assign.md: any other x op:y is x:x op y, whatever its type
q)x:1 2 3
q)x+:1.5
q)x
2.5 3.5 4.5
q)x:"abcdef"
q)x@:(0 1;2 3)
q)x
"ab"
"cd"
q)x:(::;1;2)
q)x,:`a
q)x
::
1
2
`a
q)3+a:til 5
3 4 5 6 7
q)1+a[2]+:5
8
q)a
0 1 7 3 4
q)bar+:1
q)bar
1
q)/ ref/assign.md: a new key of a dict with no values to take a null from (()!()) starts from
q)/ op's identity element, as an undefined name does: y, (),y for , and neg y for -
q)cnt:()!()
q)cnt[`a]+:1
q)cnt[`a]+:1
q)cnt
a| 2
q)ng:()!()
q)ng[`b]-:5
q)ng
b| -5
q)grp:()!()
q)grp[`x],:1 2
q)grp[`x],:3
q)grp
x| 1 2 3
q)two:()!()
q)two[`x`y]+:1 2
q)two
x| 1
y| 2
q)one:()!()
q)one[`x`y]:7
q)one
x| 7
y| 7
q)/ a dict keyed by a table (KX's e/book.q): a record indexes it, a new one is a new key
q)bk:([]s:();p:())!()
q)0+bk[`s`p!`x`y]+:3
3
q)0+bk[`s`p!`x`y]+:4
7
q)bk[`s`p!`x`y]
7
q)count bk
1
q)d:`a`b!(1 2;3 5)
q)10,d
'type
q)raze (10;d)
'type
q)(`a`b!1 2),`c`d!3 4
a| 1
b| 2
c| 3
d| 4
q)98|"a"
"b"
q)"a"&98
"a"
q)value(+;7;3)
10
q)eval(+;7;(+;2;1))
10
q)value(+;7;(+;2;1))
'type
q)value(,;`a;`b)
`a`b
q)`quick like "qu?ck"
1b
q)`quick`quack`quark like "qu?ck"
110b
q)(`quick;`quack`quark) like "qu?ck"
'type
q)prd "abc"
'type
q)a1:enlist[3]
q)b1,:3
q)a1~b1
1b
q)c1-:2
q)c1
-2
q)/ ref/identity.md: an int applied to nothing is 'type; applied by prefix it is the int
q)q:3[::]
'type
q)q:3 ::
q)q~3
1b
q)/ basics/dictsandtables.md: amending a list past its end is 'length
q)v:1040 59 27
q)v[5 1]:42 100
'length
q)v
1040 59 27
q)/ basics/errors.md: a reserved word is not a name to assign, whether q defines it in C or in .q;
q)/ a keyword followed by the identity is a composition, not an assignment
q)cos:12
'assign
q)count::3
'assign
q)view:1
'assign
q){lj:2}
'assign
q)cos 0
1f
q)g:neg count ::
q)g 1 2 3
-3
q)/ ref/assign.md: d[k]op:y of a key d lacks is y through op's identity, as x op:y of an
q)/ undefined x (the counting idiom), not op applied to the values' null
q)d:`a`b!1 2
q)d[`c]+:5
q)d[`a]+:1
q)d
a| 2
b| 2
c| 5
q)c:()!()
q)c[`x]+:1;c[`y]+:1;c[`x]+:1
q)c
x| 2
y| 1
q)e:`a`b!(1 2;3 4)
q)e[`c],:5 6
q)e`c
5 6
q)@[`a`b!1 2;`c;+;7]
a| 1
b| 2
c| 7
q)/ a table literal whose columns do not conform: the caret at its (
q)([]a:1 2;b:1 2 3)
'length
  [0]  ([]a:1 2;b:1 2 3)
       ^
q)f:{([]a:1 2;b:x)}
q)f 1 2 3
'length
  [1]  f:{([]a:1 2;b:x)}
          ^
