/ parse trees as parse (-5!) shows them (ref/parse.md, basics/parsetrees.md, basics/funsql.md):
/ an application is (f;args..), names are symbols, constant symbols are enlisted, statements
/ are (";";s1;s2..) with an empty statement as (::), $[..] is ($;..)
q)parse "1 2 3 + 5"
+
1 2 3
5
q)parse "2+4*7"
+
2
(*;4;7)
q)parse "`a`b`c,`d,v"
,
,`a`b`c
(,;,`d;`v)
q)parse "1 2 3 +/: 5 7"
(/:;+)
1 2 3
5 7
q)parse "{x*x}"
{x*x}
q)parse "a;b"
";"
`a
`b
q)parse ";select from t"
";"
::
(?;`t;();0b;())
q)parse "a;;b;"
";"
`a
::
`b
::
q)-5!"a;b"
";"
`a
`b
q)parse "$[a;b;c]"
$
`a
`b
`c
q)eval parse "1;2"
2
q)value "a:1;;b:2;a+b"
3
