/ script loading by q's rules: continuation lines, blank and comment lines inside a
/ definition, / and \ comment blocks, a lone \ ending the script, \d, errors naming file and line
q)`:s1.q 0: ("f:{[x]";"  a:x+1;";"";"  / a comment";"  a*2";"  }";"g:{x+";"/ col0 comment";"  1}";"/";"block comment";"f 1";"\\";"h:3 / trailing";"\\d .foo";"v:1";"\\d .";"k:4;";"  k+:1";"\\";"not q f:{")
`:s1.q
q)\l s1.q
q)(f 1;g 1;.foo.v;h;k)
4 2 1 3 5
q)\d
`.
q)`:s2.q 0: ("x1:1";"y1:1+`a";"z1:2")
`:s2.q
q)\l s2.q
'type
  [0]  s2.q:2: y1:1+`a
                   ^
q)x1
1
q)z1
'z1
q)@[system;"l s2.q";{x}]
"type"
q)`:s3.q 0: ("t:([]a:1 2;";"  b:`x`y)";"";"";"u:{[t]";"";"  select from t where a>1}")
`:s3.q
q)\l s3.q
q)u t
a b
---
2 y
q)`:s4.q 0: ("\\l s2.q";"w:1")
`:s4.q
q)\l s4.q
'type
  [0]  s2.q:2: y1:1+`a
                   ^
q)/ a system command continues on indented lines too (kdb taq/daily.q: \t of a select over lines)
q)`:s6.q 0: ("\\t r6:select";"  from ([]x:1 2 3)";"  where x>1";"n6:count r6")
`:s6.q
q)\l s6.q
q)(n6;r6)
2
+(,`x)!,2 3
q)`:s5.q 0: ("p:1";"q5:{";"  x+";"  `a}[1]")
`:s5.q
q)\l s5.q
'type
  [1]  s5.q:3:   x+
                  ^
q)/ in k, each line of a lambda ends its expression as ; does (KX's taq tq.q); in q a line
q)/ continues the expression before it (KX's taq/adj.q writes one select over three lines)
q)`:s9.q 0: ("k)kf:{[a;b] x::*a";"  y::b;(x;y)}";"qf:{[a;b] x::first a";"  y::b;(x;y)}";"k)kg:{[a]";"  b:a+1";"  c:(b;";"   2)";"  c}")
`:s9.q
q)\l s9.q
q)kf[(1;2);3]
1 3
q)qf[(1;2);3]
0N 3
q)kg 1
2 2
q)/ a script whose name ends in .k is k throughout (KX's taq.k)
q)`:s10.k 0: ("kn:#1 2 3";"kf:{[a]";"  b:a+1";"  b*2}";"/ a comment";"kv:|!3")
`:s10.k
q)\l s10.k
q)(kn;kf 1;kv)
3
4
2 1 0
