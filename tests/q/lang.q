/ the evaluator: assignment, application, lambdas, projections, control, errors
q)1+2
3
q)2*3+4
14
q)a:5
q)a
5
q)a+:1
q)a
6
q){x+y}[2;3]
5
q)f:{x*y}
q)f[3;4]
12
q)g:f[2]
q)g 5
10
q){[a;b] a-b}[10;3]
7
q){x+y+z}[1;2;3]
6
q){x}[1;2]
'rank
q)x:1 2 3
q)x[1]:10
q)x
1 10 3
q)d:`a`b!1 2
q)d[`c]:3
q)d
a| 1
b| 2
c| 3
q)$[1b;`yes;`no]
`yes
q){$[x>0;`pos;x<0;`neg;`zero]} each -1 0 1
`neg`zero`pos
q){r:0;do[x;r+:2];r}[5]
10
q){i:0;while[i<3;i+:1];i}[0]
3
q){if[x>0;:`early];`late}[1]
`early
q){'`boom}[]
'boom
q)@[{x+1};`a;{"caught: ",x}]
"caught: type"
q).[{x+y};(1;2)]
3
q).[+;(1;`a);{`err}]
`err
q)+/[1 2 3]
6
q)1+/1 2 3
7
q)+\[1 2 3]
1 3 6
q){x*2}/[3;1]
8
q)(1+)\[3;1]
1 2 3 4
q){x+1}'[1 2 3]
2 3 4
q)1 2+/:10 20
11 12
21 22
q)1 2+\:10 20
11 21
12 22
q)-':[1 4 9]
1 3 5
q)(1;`a;"x")
1
`a
"x"
q)k){x:. x;$[99h<@x;:`$"_pykx_fn_marker";99h~@x;if[` in!x;if[(::)~x`;:`$"_pykx_ctx_marker"]]]x}`.q
`_pykx_ctx_marker
q)value "1+1"
2
q)value (+;1;2)
3
q)undefinedname
'undefinedname
q)1+`a
'type
q)1 2+1 2 3
'length
q)parse "1+2"
+
1
2
q)vb:2
q)va::vb*10
q)va
20
q)vb:3
q)va
30
