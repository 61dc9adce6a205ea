/ .Q.id (ref/dotq.md "id"): only .Q.an chars, a for an empty result or before a leading digit
/ or underscore, 1 after a reserved word (.Q.res, in q's order) or keyword; repeated column
/ names numbered 1, 2, ... after the first; dictionaries by their keys.
/ .Q.ty (ref/dotq.md "ty"): lower case for a vector, upper case for a list of vectors of one type.
q).Q.id each `$("ab";"a/b";"two words";"2drifters";"2+2")
`ab`ab`twowords`a2drifters`a22
q).Q.id flip(`$("a";"a/b"))!2#()
a ab
----
q)key .Q.id (5#.Q.res)!(5#())
`abs1`acos1`asin1`atan1`avg1
q).Q.id`$"+"
`a
q)cols .Q.id(`$("count+";"count*";"count1"))xcol([]1 2;3 4;5 6)
`count1`count11`count12
q)cols .Q.id(`$("aa";"=";"+"))xcol([]1 2;3 4;5 6)
`aa`a`a1
q).Q.id`$"_"
`a_
q)cols .Q.id(`$("3aa";"_aa";"_aa"))xcol([]1 2;3 4;5 6)
`a3aa`a_aa`a_aa1
q)5#.Q.res
`abs`acos`asin`atan`avg
q)t:([]a:3 4 5;b:"abc";c:(3;"xy";`ab);d:3 2#3 4 5;e:("abc";"de";"fg"))
q).Q.ty each t`a`b`c`d`e
"jc JC"
q).Q.ty ()
" "
